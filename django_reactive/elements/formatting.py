"""Small formatting elements: captions, code blocks, dividers and HTML."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import nh3
from django.utils.safestring import mark_safe

from .. import conf
from ..errors import ReactiveAPIError
from .base import Element
from .directives import COLORS
from .raw_html import without_javascript
from .sizing import check_height, check_width, width_style
from .text import Markdown, clean_text

#: What may follow ``language-`` in a class attribute (``c++``, ``c#``, ``objective-c``).
_LANGUAGE = re.compile(r"[^\w+#.-]")


def block_width_style(width: Any) -> str:
    """The inline style of a checked ``width`` on a block: none when it stretches (blocks do)."""
    return "" if width == "stretch" else width_style(width)


class Caption(Markdown):
    """Small, muted Markdown for side notes; same safety rules as ``st.markdown``."""

    command = "caption"


class Code(Element):
    """A code block, escaped, with the ``language-x`` class that highlighters look for.

    No highlighting library is loaded: a page that wants colours can add one
    (they all key on that class). Like Streamlit 1.67, the body loses one
    leading and one trailing newline and is otherwise shown as given; a fixed
    ``height`` scrolls, ``wrap_lines`` wraps long lines instead of scrolling.
    """

    command = "code"
    template = "django_reactive/elements/code.html"

    def __init__(self, body: Any, language: str | None = "python", *, line_numbers: bool = False,
                 wrap_lines: bool = False, height: Any = "content", width: Any = "stretch") -> None:
        self.body = re.sub(r"\n\Z", "", re.sub(r"\A\n", "", str(body)))
        #: Streamlit's: the language as given, ``"plaintext"`` for None.
        self.language = language or "plaintext"
        self.css_language = _LANGUAGE.sub("", str(language).lower()) if language else ""
        self.line_numbers = bool(line_numbers)
        self.wrap_lines = bool(wrap_lines)
        self.height = check_height(height)
        self.width = check_width(width, allow_content=True)

    def context(self) -> dict[str, Any]:
        styles = [block_width_style(self.width)]
        if isinstance(self.height, int):
            styles.append(f"height:{self.height}px;overflow:auto")
        classes = ["rx-line-numbers"] * self.line_numbers + ["rx-wrap"] * self.wrap_lines
        return {"body": self.body, "language": self.css_language,
                "lines": self.body.split("\n") if self.line_numbers else None,
                "classes": " ".join(classes), "style": ";".join(s for s in styles if s)}

    @property
    def value(self) -> str:
        return self.body


class Divider(Element):
    """A horizontal rule (``st.divider()``)."""

    command = "divider"
    template = "django_reactive/elements/divider.html"


class Html(Element):
    """``st.html``: a piece of HTML, sanitised as ``st.markdown(unsafe_allow_html=True)`` is.

    Scripts, event handlers and styles are removed (nh3), whatever
    ``unsafe_allow_javascript`` says: a view's HTML is not trusted to run code
    in the visitor's page. A site that trusts it sets ``REACTIVE["HTML_ALLOW_RAW"]``:
    the HTML is then shown as given, less its JavaScript unless
    ``unsafe_allow_javascript=True`` (raw_html.py). The body may be a string, a
    ``pathlib.Path`` of a file to read, or an object with ``_repr_html_()`` (a pandas Styler...).
    """

    command = "html"
    template = "django_reactive/elements/html.html"

    def __init__(self, body: Any, *, width: Any = "stretch", unsafe_allow_javascript: bool = False) -> None:
        if isinstance(body, Path):
            body = body.read_text(encoding="utf-8")
        elif hasattr(body, "_repr_html_"):
            body = body._repr_html_()
        self.body = clean_text(body)
        self.unsafe_allow_javascript = bool(unsafe_allow_javascript)

    def context(self) -> dict[str, Any]:
        if not conf.get("HTML_ALLOW_RAW"):
            return {"html": mark_safe(nh3.clean(self.body))}
        if self.unsafe_allow_javascript:
            return {"html": mark_safe(self.body)}  # noqa: S308 - the site allows its views' raw HTML
        return {"html": mark_safe(without_javascript(self.body))}  # noqa: S308 - as above

    @property
    def value(self) -> str:
        return self.body


class Badge(Markdown):
    """``st.badge(label, icon=, color=)``: Streamlit's ``:color-badge[icon label]`` Markdown."""

    command = "badge"

    def __init__(self, label: str, *, icon: str | None = None, color: str = "blue", width: Any = "content",
                 help: str | None = None) -> None:
        if color not in COLORS:
            raise ReactiveAPIError(
                f"Invalid color {color!r} for st.badge: use one of {', '.join(sorted(COLORS))}.")
        escaped = str(label).replace("[", "\\[").replace("]", "\\]")
        super().__init__(f":{color}-badge[{f'{icon} ' if icon else ''}{escaped}]", help=help)
