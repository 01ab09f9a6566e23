"""Shape labelling, an admin tool: walk the selected shapes one by one and save their labels.

Mounted by ``ShapeAdmin.reactive_tools`` (demo/admin.py). Opened by the action
"Open Label shapes" it walks the selected shapes; opened from the change list's
link it walks every shape without a label.
"""

from django.contrib import messages
from django.urls import reverse

import django_reactive as reactive
from django_reactive.admin import selected_objects

from ..models import Shape
from . import show_source


# scope="tab": each opening walks its own selection, even in two tabs at once.
@reactive.view(name="demo.label_shapes", title="Label shapes", scope="tab")
def label_shapes(st):
    state = st.session_state
    if "pks" not in state:  # the first run: fix the list to walk
        shapes = selected_objects(st, Shape) or Shape.objects.filter(label="").order_by("pk")
        state.pks = [shape.pk for shape in shapes]
        state.position = 0

    def save(pk, label):
        Shape.objects.filter(pk=pk).update(label=label)
        state.position += 1
        # A Django message, as an admin action would add: shown as a notice after the run.
        messages.success(st.request, f"Shape {pk} is now labelled “{label}”.")

    def move(step):
        state.position += step

    found = Shape.objects.in_bulk(state.pks)
    shapes = [found[pk] for pk in state.pks if pk in found]  # some may have been deleted since
    changelist = reverse("admin:demo_shape_changelist")
    if not shapes:
        st.info("Every shape has a label. To change some, select them on "
                f"[the list of shapes]({changelist}) and choose the action *Open Label shapes*.")
        return

    labelled = sum(1 for shape in shapes if shape.label)
    st.progress(labelled / len(shapes), text=f"{labelled} of {len(shapes)} labelled")
    position = max(0, min(state.position, len(shapes)))
    if position < len(shapes):
        shape = shapes[position]
        st.subheader(f"{shape} ({position + 1} of {len(shapes)})")
        st.image(shape.url, caption=str(shape), width=96)
        st.markdown(f"What shape is this? Saved label: **{shape.get_label_display() or 'none'}**")
        for column, (value, text) in zip(st.columns(len(Shape.LABELS)), Shape.LABELS):
            column.button(text, on_click=save, args=(shape.pk, value), use_container_width=True,
                          type="primary" if shape.label == value else "secondary")
    else:
        st.success(f"Done: {labelled} of {len(shapes)} shapes have a label.")
        st.table([{"shape": str(shape), "label": shape.get_label_display() or "none"}
                  for shape in shapes])
        st.markdown(f"[Back to the list of shapes]({changelist})")
    back, skip = st.columns(2)
    back.button("Previous", on_click=move, args=(-1,), disabled=position == 0)
    skip.button("Next", on_click=move, args=(1,), disabled=position == len(shapes))

    show_source(st, label_shapes)
