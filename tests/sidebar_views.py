"""A page that opens with its sidebar hidden (st.set_page_config), for the browser suite."""

import django_reactive as reactive


@reactive.view(name="tests.collapsed_sidebar")
def collapsed_sidebar(st):
    st.set_page_config(initial_sidebar_state="collapsed")
    st.sidebar.text("in the sidebar")
    clicks = st.session_state.get("clicks", 0)
    if st.button("Again"):
        clicks += 1
        st.session_state.clicks = clicks
    st.text(f"clicks: {clicks}")
