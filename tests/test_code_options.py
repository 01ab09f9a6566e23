"""st.code's Streamlit 1.67 options: line numbers, line wrapping, height and width, and its body and
language as Streamlit's AppTest shows them."""

import pytest

from django_reactive.errors import ReactiveValueError
from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db


def run(fn):
    return AppTest.from_function(fn).run()


def pre_tag(at, index=0):
    """The opening <pre ...> tag of a code block."""
    markup = at.code[index].html
    return markup[markup.index("<pre"):markup.index(">", markup.index("<pre")) + 1]


def test_a_default_block_has_no_options():
    at = run(lambda st: st.code("x = 1"))
    assert pre_tag(at) == "<pre>"
    assert at.code[0].line_numbers is False and at.code[0].wrap_lines is False


def test_line_numbers_number_each_line():
    at = run(lambda st: st.code("a = 1\nb = 2\nc = 3", line_numbers=True))
    assert pre_tag(at) == '<pre class="rx-line-numbers">'
    assert at.code[0].html.count('<span class="rx-line">') == 3


def test_wrap_lines_wraps_instead_of_scrolling():
    at = run(lambda st: st.code("x" * 300, wrap_lines=True, line_numbers=True))
    assert pre_tag(at) == '<pre class="rx-line-numbers rx-wrap">'


def test_a_pixel_height_scrolls_and_content_or_stretch_do_not():
    def app(st):
        st.code("x", height=120)
        st.code("x", height="content")
        st.code("x", height="stretch")
        st.code("x", height=None)

    at = run(app)
    assert pre_tag(at, 0) == '<pre style="height:120px;overflow:auto">'
    assert [pre_tag(at, i) for i in (1, 2, 3)] == ["<pre>"] * 3


def test_width_in_pixels_or_the_contents():
    def app(st):
        st.code("x", width=250)
        st.code("x", width="content")

    at = run(app)
    assert pre_tag(at, 0) == '<pre style="width:250px;max-width:100%">'
    assert pre_tag(at, 1) == '<pre style="width:fit-content;max-width:100%">'


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"height": 0}, "Invalid height value: 0. Height must be either a positive integer (pixels), "
                    "'stretch', or 'content'."),
    ({"width": "wide"}, "Invalid width value: 'wide'. Width must be either a positive integer (pixels), "
                        "'stretch', or 'content'."),
])
def test_invalid_sizes_raise_streamlits_errors(kwargs, message):
    at = run(lambda st: st.code("x", **kwargs))
    assert isinstance(at.exception[0].element.exception, ReactiveValueError)
    assert at.exception[0].value == message


def test_the_body_keeps_its_indentation_and_loses_one_newline_at_each_end():
    at = run(lambda st: st.code("\n\n  indented\n    more\n\n"))
    assert at.code[0].value == "\n  indented\n    more\n"


def test_language_is_as_given_and_plaintext_for_none():
    def app(st):
        st.code("x", language="SQL")
        st.code("x", language=None)

    at = run(app)
    assert [c.language for c in at.code] == ["SQL", "plaintext"]
    assert '<code class="language-sql">' in at.code[0].html and "<code>x</code>" in at.code[1].html
