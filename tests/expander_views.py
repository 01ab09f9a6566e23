"""A page of expanders that track their state (on_change), for the browser suite."""

import django_reactive as reactive


@reactive.view(name="tests.expanders")
def expanders(st):
    def opened_or_closed():
        st.session_state.toggles = st.session_state.get("toggles", 0) + 1

    summary = st.expander("Summary", key="summary", on_change=opened_or_closed)
    if summary.open:
        summary.text("expensive summary")
    st.session_state.runs = st.session_state.get("runs", 0) + 1
    st.text(f"summary open: {summary.open}, toggles: {st.session_state.get('toggles', 0)}")
    st.text(f"runs: {st.session_state.runs}")

    def flip():
        st.session_state.summary = not st.session_state.summary

    st.button("Flip summary", on_click=flip)
    with st.expander("Plain"):
        st.text("plain body")
