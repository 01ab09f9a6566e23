"""Small formatting elements: captions, code blocks and dividers."""

from __future__ import annotations

import re
import textwrap
from typing import Any

from .base import Element
from .text import Markdown

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
