"""A page opening an @st.dialog, for the browser suite."""

import django_reactive as reactive


@reactive.view(name="tests.dialogs")
def dialogs(st):
    ss = st.session_state
    ss.full = ss.get("full", 0) + 1

    @st.dialog("Rename", on_dismiss="rerun")
    def rename():
        ss.inside = ss.get("inside", 0) + 1
        name = st.text_input("New name")
        st.text(f"preview: {name} (dialog runs: {ss.inside}, full runs: {ss.full})")
        if st.button("Save"):
            ss.name = name
            st.rerun()

    @st.dialog("Notes")  # on_dismiss="ignore": the browser closes it without a run
    def notes():
        st.text("some notes")

    @st.fragment
    def ticker():
        ss.ticks = ss.get("ticks", 0) + (1 if st.button("Tick") else 0)
        st.text(f"ticks: {ss.ticks}")

    if st.button("Open"):
        rename()
    if st.button("Notes"):
        notes()
    st.button("Elsewhere")
    ticker()
    st.text(f"name: {ss.get('name', '-')}, full runs: {ss.full}")
