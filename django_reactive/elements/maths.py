"""Mathematics: ``st.latex`` and ``$...$`` / ``$$...$$`` in Markdown, rendered on the server to MathML.

Browsers draw MathML Core themselves, so a formula costs the page no script,
no font download and no request. ``latex2mathml`` turns the LaTeX into a
tree; its text is unescaped and serialised again (``\\text{a<b}`` is text,
never markup) and the result goes through nh3 with an allowlist of the
MathML elements and presentation attributes it emits: no ``href``, no
``style``, nothing that runs or links.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable
from typing import Any
from xml.etree.ElementTree import tostring

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml

from .base import Element
from .formatting import block_width_style
from .sizing import check_width
from .text import clean_text

#: The MathML elements the conversion emits (MathML Core, plus ``menclose`` for ``\boxed``).
MATH_TAGS = frozenset({
    "math", "mrow", "mi", "mn", "mo", "ms", "mtext", "mspace", "msup", "msub", "msubsup", "mfrac",
    "msqrt", "mroot", "mover", "munder", "munderover", "mtable", "mtr", "mtd", "mstyle", "mpadded",
    "mphantom", "menclose", "mmultiscripts", "mprescripts", "none",
})
#: Presentation attributes only: sizes, spacing, alignment, variants and colours.
MATH_ATTRIBUTES = frozenset({
    "display", "displaystyle", "scriptlevel", "mathvariant", "mathsize", "mathcolor", "mathbackground",
    "fence", "stretchy", "separator", "accent", "accentunder", "largeop", "movablelimits", "symmetric",
    "lspace", "rspace", "minsize", "maxsize", "form", "width", "height", "depth", "voffset",
    "linethickness", "notation", "columnalign", "columnspacing", "columnlines", "rowalign", "rowlines",
    "rowspacing",
})


def clean_mathml(markup: str, tags: frozenset[str] = frozenset(),
                 attributes: dict[str, set[str]] | None = None,
                 attribute_filter: Callable[[str, str, str], str | None] | None = None) -> str:
    """``nh3.clean`` that also keeps the MathML allowlist (besides ``tags``/``attributes``)."""
    allowed = {tag: set(MATH_ATTRIBUTES) for tag in MATH_TAGS}
    for tag, names in (attributes or {}).items():
        allowed[tag] = allowed.get(tag, set()) | set(names)
    return nh3.clean(markup, tags=set(MATH_TAGS | tags), attributes=allowed,
                     attribute_filter=attribute_filter)


@functools.lru_cache(maxsize=1024)
def latex_to_mathml(source: str, *, display: bool) -> SafeString:
    """Sanitised MathML for ``source``; LaTeX the converter cannot read is shown as its source.

    Streamlit (KaTeX) shows such a formula's source in red too.
    """
    from latex2mathml.converter import convert_to_element  # imported on the first formula only

    try:
        tree = convert_to_element(source, display="block" if display else "inline")
    except Exception:  # noqa: BLE001 - the converter raises many types for unreadable LaTeX
        return mark_safe('<code class="rx-math-error" title="Unreadable LaTeX" style="color:var(--rx-error)">'
                         f'{escapeHtml(source)}</code>')
    for node in tree.iter():
        # The converter writes symbols as character references ("&#x02211;") and user
        # text as is: make both plain text, which tostring() escapes again.
        node.text = html.unescape(node.text) if node.text else node.text
        node.tail = html.unescape(node.tail) if node.tail else node.tail
        node.attrib.pop("xmlns", None)
    return mark_safe(clean_mathml(tostring(tree, encoding="unicode")))


def _render_inline(self: Any, tokens: list, idx: int, options: Any, env: Any) -> str:
    return latex_to_mathml(tokens[idx].content, display=False)


def _render_display(self: Any, tokens: list, idx: int, options: Any, env: Any) -> str:
    return latex_to_mathml(tokens[idx].content.strip(), display=True)


def _render_block(self: Any, tokens: list, idx: int, options: Any, env: Any) -> str:
    return f'<div class="rx-math">{latex_to_mathml(tokens[idx].content.strip(), display=True)}</div>\n'


def math_plugin(md: MarkdownIt) -> None:
    """``$inline$`` and ``$$display$$`` maths, with Streamlit's rules for what is not maths.

    As in Streamlit, ``$5 and $10`` stays text: an opening ``$`` followed by a
    space, or a closing one preceded by a space or followed by a digit, is a
    dollar sign. ``\\$`` is always a dollar sign.
    """
    from mdit_py_plugins.dollarmath import dollarmath_plugin

    md.use(dollarmath_plugin, allow_labels=False, allow_space=False, allow_digits=False,
           allow_blank_lines=False, double_inline=True)
    md.add_render_rule("math_inline", _render_inline)
    md.add_render_rule("math_inline_double", _render_display)
    md.add_render_rule("math_block", _render_block)


def _is_sympy_expression(body: Any) -> bool:
    return any(f"{c.__module__}.{c.__qualname__}" == "sympy.core.expr.Expr" for c in type(body).__mro__)


class Latex(Element):
    """``st.latex(body)``: a displayed formula (a SymPy expression is shown through ``sympy.latex``).

    ``value`` is Streamlit's: the Markdown ``$$\\n<body>\\n$$``; ``body`` is the LaTeX itself.
    """

    command = "latex"
    template = "django_reactive/elements/latex.html"

    def __init__(self, body: Any, *, help: str | None = None, width: Any = "stretch") -> None:
        if _is_sympy_expression(body):
            import sympy

            body = sympy.latex(body)
        self.body = clean_text(body)
        self.help = help
        self.width = check_width(width, allow_content=True)

    def context(self) -> dict[str, Any]:
        return {"html": latex_to_mathml(self.body, display=True), "help": self.help,
                "style": block_width_style(self.width)}

    @property
    def value(self) -> str:
        return f"$$\n{self.body}\n$$"

