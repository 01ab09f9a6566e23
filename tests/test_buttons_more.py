"""st.download_button and st.link_button."""

import base64

import pytest

from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db


def test_download_button_embeds_the_file_and_is_true_in_its_click_run():
    def app(st):
        ss = st.session_state
        clicked = st.download_button("Get CSV", "a,b\n1,2\n", file_name="data.csv", mime="text/csv",
                                     on_click=lambda: ss.__setitem__("downloads", ss.get("downloads", 0) + 1))
        st.text(str(clicked))

    at = AppTest.from_function(app).run()
    html = at.page_html
    payload = base64.b64encode(b"a,b\n1,2\n").decode()
    assert f'href="data:text/csv;base64,{payload}"' in html and 'download="data.csv"' in html
    assert at.text[0].value == "False"
    at.download_button[0].click().run()
    assert at.text[0].value == "True"
    assert at.session_state["downloads"] == 1


def test_download_button_with_ignore_sends_no_event():
    at = AppTest.from_function(lambda st: st.download_button("Get", b"x", on_click="ignore")).run()
    assert "data-reactive-widget" not in at.page_html


def test_download_button_refuses_other_data_and_forms():
    at = AppTest.from_function(lambda st: st.download_button("Get", 42)).run()
    assert "Invalid binary data format" in at.exception[0].message

    def in_form(st):
        with st.form("f"):
            st.download_button("Get", "x")
            st.form_submit_button()

    assert "`st.download_button()` can't be used in an `st.form()`" in AppTest.from_function(
        in_form).run().exception[0].message


def test_link_button():
    at = AppTest.from_function(lambda st: st.link_button("Docs", "https://example.com/docs")).run()
    html = at.page_html
    assert 'href="https://example.com/docs"' in html and 'rel="noopener noreferrer"' in html
    assert ">Docs</a>" in html
    bad = AppTest.from_function(lambda st: st.link_button("x", "javascript:alert(1)")).run()
    assert "only links to" in bad.exception[0].message
