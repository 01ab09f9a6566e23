"""Views with st.data_editor and st.camera_input, for the browser suite."""

import django_reactive as reactive

PEOPLE = [{"name": "Ada", "age": 36, "member": True}, {"name": "Alan", "age": 41, "member": False}]


@reactive.view(name="tests.data_editor")
def data_editor(st):
    people = st.data_editor(PEOPLE, key="people", num_rows="dynamic",
                            column_config={"name": st.column_config.TextColumn("Name", required=True)})
    st.text(f"people: {[(p['name'], p['age'], p['member']) for p in people]}")
    with st.form("f"):
        later = st.data_editor([{"x": 1}], key="later", num_rows="add")
        st.form_submit_button("Send")
    st.text(f"later: {[row['x'] for row in later]}")


@reactive.view(name="tests.camera")
def camera(st):
    photo = st.camera_input("Take a picture", key="photo")
    if photo is None:
        st.text("photo: None")
    else:
        jpeg = photo.getvalue()[:2] == bytes([255, 216])
        st.text(f"photo: {photo.name.endswith('.jpg')} {photo.type} {jpeg}")
