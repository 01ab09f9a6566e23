"""Image annotation: label images one after another, with undo."""

from django.templatetags.static import static

import django_reactive as reactive

from . import show_source

IMAGES = [static(f"demo/shapes/shape-{n}.png") for n in range(1, 6)]
LABELS = ["circle", "square", "triangle"]


@reactive.view(title="Image annotation")
def image_annotation(st):
    state = st.session_state
    if "labels" not in state:
        state.labels = []  # the labels of the images done so far, in order

    def label(name):
        state.labels.append(name)

    def undo():
        state.labels.pop()

    st.title("Image annotation")
    done = len(state.labels)
    st.progress(done / len(IMAGES), text=f"{done} of {len(IMAGES)} labelled")

    if done < len(IMAGES):
        st.image(IMAGES[done], caption=f"Image {done + 1}", width=96)
        st.markdown("What shape is this?")
        for column, name in zip(st.columns(len(LABELS)), LABELS):
            column.button(name.capitalize(), on_click=label, args=(name,),
                          use_container_width=True)
    else:
        st.success("All images are labelled.")
        st.table([{"image": n, "label": name}
                  for n, name in enumerate(state.labels, 1)])
    st.button("Undo", on_click=undo, disabled=not done)

    show_source(st, image_annotation)
