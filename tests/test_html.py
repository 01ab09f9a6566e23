"""st.html: HTML shown sanitised (scripts, handlers and styles removed), from text, a file or _repr_html_."""

from pathlib import Path

import pytest

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
