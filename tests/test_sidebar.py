"""st.sidebar: a second area of the page, whose widgets are distinct from the main area's."""

import pytest

from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db


def test_case_28_same_label_in_main_and_sidebar_is_allowed():
    def app(st):
        st.text_input("N", help="a")
        st.text_input("N", help="b")
        st.text_area("N")
        st.sidebar.text_input("N")

    at = AppTest.from_function(app).run()
    assert not at.exception
    assert len(at.text_input) == 3
    assert [e.label for e in at.sidebar] == ["N"]


def test_both_forms_and_their_values():
    def app(st):
        with st.sidebar:
            choice = st.selectbox("Page", ["home", "about"], key="page")
        st.sidebar.text("in the sidebar")
        st.title(f"Page: {choice}")

    at = AppTest.from_function(app).run()
    assert [e.value for e in at.sidebar] == ["home", "in the sidebar"]
    assert [e.value for e in at.main] == ["Page: home"]
    at.selectbox(key="page").select("about").run()
    assert at.title[0].value == "Page: about"


def test_the_page_gets_a_sidebar_column_only_when_used():
    plain = AppTest.from_function(lambda st: st.text("x")).run()
    assert "rx-with-sidebar" not in plain.app.rendered.root
    with_sidebar = AppTest.from_function(lambda st: st.sidebar.text("x")).run()
    html = with_sidebar.app.rendered.root
    assert 'class="rx-root rx-with-sidebar"' in html
    assert 'data-reactive-id="s"' in html and 'data-reactive-id="s.0"' in html
