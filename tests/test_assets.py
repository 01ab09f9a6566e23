"""Element assets: the stylesheets and modules of an element reach only the pages that show it."""

import pytest
from django.urls import include, path

import django_reactive as reactive
from django_reactive.elements import COMMANDS, Element
from django_reactive.elements.layout import Container
from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db


class Gauge(Element):
    """A display element with a stylesheet and a module, as a chart has."""

    command = "tests_gauge"
    template = "django_reactive/elements/text.html"
    assets = ("tests/gauge.css", "tests/gauge.js")

    def __init__(self, body: str) -> None:
        self.body = body

    def context(self) -> dict:
        return {"body": self.body}


class Panel(Container):
    """A container with a stylesheet: a block's template shows ``rx_assets`` itself."""

    command = "tests_panel"
    assets = ("tests/panel.css",)


COMMANDS.pop("tests_gauge")
COMMANDS.pop("tests_panel")


@pytest.fixture(autouse=True)
def _registered():
    """Only this module's tests see these commands."""
    COMMANDS.update(tests_gauge=Gauge, tests_panel=Panel)
    yield
    COMMANDS.pop("tests_gauge", None)
    COMMANDS.pop("tests_panel", None)


@reactive.view(name="tests.assets_gauge")
def with_gauge(st):
    st.tests_gauge("42")


@reactive.view(name="tests.assets_plain")
def plain(st):
    if st.button("show"):
        st.tests_gauge("1")


urlpatterns = [
    path("gauge/", with_gauge.as_view()),
    path("plain/", plain.as_view()),
    path("reactive/", include("django_reactive.urls")),
]


@pytest.mark.urls("tests.test_assets")
def test_a_page_showing_the_element_links_its_stylesheet_before_first_paint(client):
    html = client.get("/gauge/").content.decode()
    assert '<link rel="stylesheet" href="/static/tests/gauge.css">' in html
    assert 'data-rx-assets="/static/tests/gauge.css /static/tests/gauge.js"' in html


@pytest.mark.urls("tests.test_assets")
def test_a_page_without_the_element_loads_none_of_its_assets(client):
    html = client.get("/plain/").content.decode()
    assert "gauge" not in html and "data-rx-assets" not in html


def test_an_element_arriving_by_a_patch_carries_its_assets():
    at = AppTest.from_view(plain).run()
    assert "data-rx-assets" not in at.page_html
    at.button[0].click().run()
    assert 'data-rx-assets="/static/tests/gauge.css /static/tests/gauge.js"' in at.page_html


def test_a_block_with_assets_marks_its_own_root_tag():
    at = AppTest.from_function(lambda st: st.tests_panel().text("inside")).run()
    html = at.page_html
    assert 'data-rx-assets="/static/tests/panel.css"' in html
    assert html.index('data-rx-assets="/static/tests/panel.css"') < html.index("inside")
