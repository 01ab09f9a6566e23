"""st.latex and $maths$ in Markdown: MathML made on the server, sanitised, and Streamlit's rules
for what is maths and what stays a dollar sign."""

import re

import pytest

from django_reactive.errors import ReactiveValueError
from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db


def run(fn):
    return AppTest.from_function(fn).run()


def maths(markup):
    """The <math> elements of some HTML."""
    return re.findall(r"<math\b.*?</math>", markup, flags=re.S)


def test_latex_value_is_streamlits_markdown_and_body_the_source():
    at = run(lambda st: st.latex("  E=mc^2  "))
    assert at.latex[0].type == "latex"
    assert at.latex[0].value == "$$\nE=mc^2\n$$"
    assert at.latex[0].body == "E=mc^2"
    assert not at.markdown  # a formula is not listed as Markdown


@pytest.mark.parametrize(("source", "expected"), [
    (r"\frac{a}{b}", "<mfrac><mrow><mi>a</mi></mrow><mrow><mi>b</mi></mrow></mfrac>"),
    (r"\sum_{k=0}^{n} k", "<munderover><mo>∑</mo>"),
    (r"\int_0^\infty e^{-x}\,dx", "<msubsup><mo>∫</mo><mn>0</mn><mo>∞</mo></msubsup>"),
    (r"\alpha + \beta", "<mi>α</mi><mo>+</mo><mi>β</mi>"),
    (r"\begin{pmatrix}1&2\\3&4\end{pmatrix}", "<mtable><mtr><mtd><mn>1</mn></mtd><mtd><mn>2</mn></mtd>"),
    (r"\sqrt{x^2+1}", "<msqrt><mrow><msup><mi>x</mi><mn>2</mn></msup>"),
])
def test_usual_formulas_become_displayed_mathml(source, expected):
    at = run(lambda st: st.latex(source))
    [formula] = maths(at.latex[0].html)
    assert formula.startswith('<math display="block">') and expected in formula


def test_text_in_a_formula_is_text_and_links_and_styles_are_dropped():
    """\\text{...} cannot inject markup; \\href and \\style lose their attributes (nothing runs or links)."""
    source = r"\text{<img src=x onerror=alert(1)>} + \href{javascript:alert(1)}{x} + \style{color:red}{y}"
    markup = run(lambda st: st.latex(source)).latex[0].html
    assert "<img" not in markup and "<mtext>&lt;img&nbsp;src=x&nbsp;onerror=alert(1)&gt;</mtext>" in markup
    assert "javascript:" not in markup and "href" not in markup and "style=" not in markup


def test_unreadable_latex_shows_its_source():
    markup = run(lambda st: st.latex(r"\frac{<b>}{")).latex[0].html
    assert '<code class="rx-math-error" title="Unreadable LaTeX"' in markup
    assert '>\\frac{&lt;b&gt;}{</code>' in markup


def test_help_and_width():
    markup = run(lambda st: st.latex("x", help="Energy", width=200)).latex[0].html
    assert 'style="width:200px;max-width:100%"' in markup
    assert '<small class="rx-help">Energy</small>' in markup
    assert 'width:fit-content' in run(lambda st: st.latex("x", width="content")).latex[0].html
    at = run(lambda st: st.latex("x", width=0))
    assert isinstance(at.exception[0].element.exception, ReactiveValueError)
    assert at.exception[0].value == ("Invalid width value: 0. Width must be either a positive integer "
                                     "(pixels), 'stretch', or 'content'.")


def test_a_sympy_expression_is_shown_through_sympy_latex():
    sympy = pytest.importorskip("sympy")
    x = sympy.Symbol("x")
    at = run(lambda st: st.latex(x**2 / 2))
    assert at.latex[0].body == sympy.latex(x**2 / 2) == r"\frac{x^{2}}{2}"
    assert "<mfrac>" in at.latex[0].html


# -- maths in Markdown --------------------------------------------------------------------------


def test_inline_and_display_maths_in_markdown():
    def app(st):
        st.markdown(r"Euler: $e^{i\pi}+1=0$, done.")
        st.markdown("$$\n\\sum_{k=1}^n k\n$$")

    at = run(app)
    inline, display = at.markdown[0].html, at.markdown[1].html
    assert "<p>Euler: <math display=\"inline\">" in inline and inline.endswith("</math>, done.</p></div>")
    assert '<div class="rx-math"><math display="block">' in display and "<munderover>" in display


@pytest.mark.parametrize("body", [
    "It costs $5 and $10.",           # closing $ followed by a digit
    "From $ 5 to $ 10",               # opening $ followed by a space
    "Escaped \\$x\\$ dollars",        # backslash-escaped dollars
    "Code `$x$` stays code",          # inside a code span
])
def test_dollars_that_are_not_maths_stay_text(body):
    markup = run(lambda st: st.markdown(body)).markdown[0].html
    assert "<math" not in markup and "$" in markup


def test_st_write_caption_and_expander_labels_render_maths():
    def app(st):
        st.write("Area:", "$\\pi r^2$")
        st.caption("Mean $\\mu$")
        st.expander("About $\\alpha$")

    at = run(app)
    assert "<mi>π</mi>" in at.markdown[0].html
    assert "<mi>μ</mi>" in at.caption[0].html
    assert "<mi>α</mi>" in at.expander[0].html.split("</summary>")[0]


def test_raw_html_allowed_markdown_keeps_maths_and_still_drops_scripts():
    at = run(lambda st: st.markdown("<b>bold</b> $x^2$ <script>alert(1)</script>", unsafe_allow_html=True))
    markup = at.markdown[0].html
    assert "<b>bold</b>" in markup and "<msup><mi>x</mi><mn>2</mn></msup>" in markup
    assert "<script" not in markup and "alert" not in markup


def test_raw_mathml_cannot_bring_links_or_styles():
    body = '<math><mi href="javascript:alert(1)" style="color:red" onclick="x()">x</mi></math>'
    markup = run(lambda st: st.markdown(body, unsafe_allow_html=True)).markdown[0].html
    assert "<mi>x</mi>" in markup
    assert "javascript" not in markup and "style=" not in markup and "onclick" not in markup
