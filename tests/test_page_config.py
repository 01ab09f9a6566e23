"""st.set_page_config: the page's title, icon and layout (Streamlit 1.67: calls add up)."""

import pytest
from django.urls import include, path

import django_reactive as reactive
from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db


@reactive.view(name="tests.page_config")
def configured(st):
    st.set_page_config(page_title="Sales", page_icon="🦈")
    st.set_page_config(layout="wide")  # adds to the first call
    st.text("body")


@reactive.view(name="tests.page_plain", title="Plain")
def plain(st):
    st.text("body")


urlpatterns = [
    path("configured/", configured.as_view()),
    path("plain/", plain.as_view()),
    path("reactive/", include("django_reactive.urls")),
]


@pytest.mark.urls("tests.test_page_config")
def test_the_page_takes_title_icon_and_layout_from_the_first_run(client):
    html = client.get("/configured/").content.decode()
    assert "<title>Sales</title>" in html
    assert '<link rel="icon" href="data:image/svg+xml,' in html and "%F0%9F%A6%88" in html
    assert '<main class="reactive-page rx-wide">' in html
    plain_page = client.get("/plain/").content.decode()
    assert "<title>Plain</title>" in plain_page and 'rel="icon"' not in plain_page
    assert '<main class="reactive-page">' in plain_page


def test_invalid_layout_and_sidebar_state_raise_streamlits_errors():
    bad_layout = AppTest.from_function(lambda st: st.set_page_config(layout="full")).run()
    assert bad_layout.exception[0].message == "Invalid `layout` value. Supported values: 'centered', 'wide'."
    bad_sidebar = AppTest.from_function(lambda st: st.set_page_config(initial_sidebar_state="open")).run()
    assert "Invalid `initial_sidebar_state` value" in bad_sidebar.exception[0].message
    fine = AppTest.from_function(lambda st: st.set_page_config(initial_sidebar_state=300)).run()
    assert not fine.exception


def test_initial_sidebar_state_collapsed_opens_the_page_with_the_sidebar_hidden():
    def app(st):
        st.set_page_config(initial_sidebar_state="collapsed")
        st.sidebar.text("side")

    def toggle(view):
        html = AppTest.from_function(view).run().page_html
        return html.split('class="rx-sidebar-toggle"', 1)[1].split(">", 1)[0]

    assert toggle(app).endswith(" checked")
    assert "checked" not in toggle(lambda st: st.sidebar.text("side"))
    assert "rx-sidebar-toggle" not in AppTest.from_function(lambda st: st.text("no sidebar")).run().page_html
