"""Small formatting elements: captions, code blocks, dividers and HTML."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Any

import nh3
from django.utils.safestring import mark_safe

from ..errors import ReactiveAPIError
from .base import Element
from .directives import COLORS
from .text import Markdown, clean_text

#: What may follow ``language-`` in a class attribute (``c++``, ``c#``, ``objective-c``).
_LANGUAGE = re.compile(r"[^\w+#.-]")


class Caption(Markdown):
    """Small, muted Markdown for side notes; same safety rules as ``st.markdown``."""

    command = "caption"


class Code(Element):
    """A code block, escaped, with the ``language-x`` class that highlighters look for.

    No highlighting library is loaded: a page that wants colours can add one
    (they all key on that class). Like Streamlit, the body is dedented and stripped.
    """

    command = "code"
    template = "django_reactive/elements/code.html"

    def __init__(self, body: Any, language: str | None = "python", *, line_numbers: bool = False) -> None:
        self.body = textwrap.dedent(str(body)).strip()
        self.language = _LANGUAGE.sub("", str(language).lower()) if language else ""
        self.line_numbers = bool(line_numbers)

    def context(self) -> dict[str, Any]:
        return {"body": self.body, "language": self.language,
                "lines": self.body.split("\n") if self.line_numbers else None}

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
    in the visitor's page. The body may be a string, a ``pathlib.Path`` of a
    file to read, or an object with ``_repr_html_()`` (a pandas Styler...).
    """

    command = "html"
    template = "django_reactive/elements/html.html"

    def __init__(self, body: Any, *, width: Any = "stretch", unsafe_allow_javascript: bool = False) -> None:
        if isinstance(body, Path):
            body = body.read_text(encoding="utf-8")
        elif hasattr(body, "_repr_html_"):
            body = body._repr_html_()
        self.body = clean_text(body)

    def context(self) -> dict[str, Any]:
        return {"html": mark_safe(nh3.clean(self.body))}

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
