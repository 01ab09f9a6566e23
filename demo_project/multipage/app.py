"""A multipage app: ``django-reactive run demo_project/multipage/app.py``.

This entrypoint runs on every page, around it: the name in the sidebar is one
widget for all pages, and ``st.navigation`` returns the page of the URL (``/``,
``/counter`` or ``/about``). The pages share the session state.
"""

from django_reactive import st


def home():
    st.title("Home")
    st.write(f"Welcome, {st.session_state.name}! The counter stands at {st.session_state.count}.")
    st.page_link("counter.py", label="Open the counter", icon="🔢")
    if st.button("About this app"):
        st.switch_page(about)


def about_page():
    st.title("About")
    st.markdown("Every page has a URL of its own: reload it and the same page shows. "
                "`st.switch_page`, the menu and page links load another page's URL.")


if "count" not in st.session_state:
    st.session_state.count = 0
st.sidebar.text_input("Your name", value="visitor", key="name")

about = st.Page(about_page, title="About", icon="ℹ️", url_path="about")
page = st.navigation({
    "App": [st.Page(home, title="Home", icon="🏠", default=True),
            st.Page("counter.py", title="Counter", icon="🔢")],
    "Help": [about],
})
page.run()
