"""A page of pills, a segmented control, feedback and a popover, for the browser suite."""

import django_reactive as reactive
from django_reactive import st as current


def count():
    current.session_state.count = current.session_state.get("count", 0) + 1


@reactive.view(name="tests.button_groups")
def button_groups(st):
    later = st.pills("Later", ["x", "y"], on_change="ignore", key="later")
    st.text(f"later: {later}")
    size = st.pills("Size", ["Small", "Large"], key="size")
    st.text(f"size: {size}")
    tags = st.pills("Tags", ["red", "green", "blue"], selection_mode="multi", key="tags")
    st.text(f"tags: {tags}")
    view = st.segmented_control("View", ["Day", "Week"], default="Day", required=True, key="view")
    st.text(f"view: {view}")
    stars = st.feedback("stars", key="stars")
    st.text(f"stars: {stars}")
    thumbs = st.feedback("thumbs", key="thumbs")
    st.text(f"thumbs: {thumbs}")
    with st.form("f"):
        mood = st.feedback("faces", key="mood")
        st.form_submit_button("Send")
    st.text(f"mood: {mood}")
    if st.session_state.get("count", 0) % 2:
        st.info("An odd count")  # changes the page's structure above the popover
    with st.popover("Settings"):
        st.button("Count", on_click=count)
        st.text(f"inside: {st.session_state.get('count', 0)}")
        st.checkbox("Dark", key="dark")
    st.text(f"dark: {st.session_state.dark}")
