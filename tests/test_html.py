"""st.html: HTML shown sanitised (scripts, handlers and styles removed), from text, a file or _repr_html_;
as given (less its JavaScript unless allowed) with REACTIVE["HTML_ALLOW_RAW"]."""

from pathlib import Path

import pytest
from django.test import override_settings

from django_reactive.checks import check_settings
from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db


def test_html_keeps_markup_and_drops_scripts_and_handlers():
    at = AppTest.from_function(lambda st: st.html(
        '<p class="x">Hi <b>there</b></p><script>alert(1)</script><img src="/a.png" onerror="boom()">')).run()
    html = at.get("html")[0].html
    assert "<p>Hi <b>there</b></p>" in html or "Hi <b>there</b>" in html
    assert "<script" not in html and "onerror" not in html and "alert(1)" not in html
    assert at.get("html")[0].value.startswith('<p class="x">')


def test_html_from_a_file_and_from_repr_html(tmp_path: Path):
    page = tmp_path / "part.html"
    page.write_text("<em>from a file</em>")

    class Styled:
        def _repr_html_(self):
            return "<table><tr><td>cell</td></tr></table>"

    def app(st):
        st.html(page)
        st.html(Styled())

    at = AppTest.from_function(app).run()
    assert "<em>from a file</em>" in at.get("html")[0].html
    assert "<td>cell</td>" in at.get("html")[1].html


RAW = {"HTML_ALLOW_RAW": True}
PAGE = ('<style>.card{color:red}</style><div class="card" style="padding:1px" data-k="1" onclick="x()">'
        '<svg viewBox="0 0 8 8"><circle r="4"/></svg><a href="javascript:boom()">j</a>'
        '<iframe srcdoc="<script>1</script>"></iframe><script>alert(1)</script></div>')


def test_html_allow_raw_keeps_styles_and_markup_but_not_javascript():
    with override_settings(REACTIVE=RAW):
        html = AppTest.from_function(lambda st: st.html(PAGE)).run().get("html")[0].html
    assert "<style>.card{color:red}</style>" in html and 'style="padding:1px"' in html
    assert 'class="card"' in html and 'data-k="1"' in html and 'viewBox="0 0 8 8"' in html
    assert "onclick" not in html and "javascript:" not in html and "srcdoc" not in html
    assert "<script" not in html and "alert(1)" not in html


def test_html_allow_raw_with_unsafe_allow_javascript_inserts_the_html_as_given():
    with override_settings(REACTIVE=RAW):
        at = AppTest.from_function(lambda st: st.html(PAGE, unsafe_allow_javascript=True)).run()
    assert PAGE in at.get("html")[0].html


def test_without_the_setting_unsafe_allow_javascript_is_still_sanitised():
    at = AppTest.from_function(lambda st: st.html(PAGE, unsafe_allow_javascript=True)).run()
    html = at.get("html")[0].html
    assert "<script" not in html and "<style" not in html and "onclick" not in html


def test_html_allow_raw_must_be_a_boolean():
    with override_settings(REACTIVE={"HTML_ALLOW_RAW": "yes"}):
        assert [e.id for e in check_settings()] == ["django_reactive.E009"]
