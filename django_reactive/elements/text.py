"""Text elements: titles, plain text, Markdown, JSON, alerts and exceptions."""

from __future__ import annotations

import functools
import json
import logging
import re
import secrets
import textwrap
import traceback
from typing import Any

import nh3
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml

from .. import conf
from ..errors import MarkdownFormattedException
from ..url_safety import LINK_SCHEMES, safe_url
from .base import Element
from .directives import color_directives
from .icons import has_shortcode, icons_plugin, keep_icon_class

logger = logging.getLogger("django_reactive")


def clean_text(text: Any) -> str:
    """Streamlit's ``clean_text``: the text of ``text``, dedented and stripped.

    Streamlit applies it to the body of ``st.markdown``/``st.caption`` (so of
    ``st.write``'s strings), the headings, ``st.text`` and the alerts: text
    indented to match the code around it is not a Markdown code block.
    """
    text = str(text)
    # One line: dedenting it is stripping it (and this runs for every text element of every run).
    return text.strip() if "\n" not in text else textwrap.dedent(text).strip()


@functools.cache
def _markdown(allow_html: bool) -> MarkdownIt:
    from .maths import math_plugin  # maths imports this module

    md = MarkdownIt("commonmark", {"html": allow_html, "linkify": False, "typographer": False})
    md.validateLink = _link_ok  # a link or image failing it stays text
    return md.enable(["table", "strikethrough"]).use(color_directives).use(math_plugin).use(icons_plugin)


#: One line of text whose only Markdown is `code spans`: no block starts at its
#: beginning, no character that could start other inline syntax (``$`` starts maths), no space at
#: either end, and no two code spans touching (their backticks would merge).
_TEXT = r"[^\\*_\[\]!<>&~|`$\r\n]"
_PLAIN = re.compile(
    rf"(?![-+*>#=\s]|\d+[.)])(?:{_TEXT}|`[^`\s](?:[^`\r\n]*[^`\s])?`(?={_TEXT}|$))+(?<!\s)\Z")
_CODE = re.compile(r"`([^`]+)`")


def _plain(body: str) -> str:
    """What Markdown renders for a line matching ``_PLAIN``, without parsing it."""
    parts = _CODE.split(body)  # text, code, text, code, ...
    return "".join(f"<code>{escapeHtml(part)}</code>" if i % 2 else escapeHtml(part)
                   for i, part in enumerate(parts))


@functools.lru_cache(maxsize=2048)
def render_markdown(body: str, *, inline: bool = False, allow_html: bool = False) -> SafeString:
    """Markdown to safe HTML: raw HTML is escaped unless allowed, and then sanitised.

    Cached: a view re-run shows mostly the same text as before. A line that is
    plain text with at most `code spans` (``st.write("Count =", n)``) is
    rendered without the parser, with the same result, since a new number is
    a cache miss on every click.
    """
    if _PLAIN.match(body) and not has_shortcode(body):
        html = _plain(body)
        return mark_safe(html if inline else f"<p>{html}</p>")
    md = _markdown(allow_html)
    html = (md.renderInline(body) if inline else md.render(body)).strip()
    if not allow_html:
        return mark_safe(html)
    from .maths import clean_mathml

    # The MathML of $maths$ and our icon spans are clean; keep them through the sanitiser of the raw HTML.
    return mark_safe(clean_mathml(html, frozenset(nh3.ALLOWED_TAGS), _RAW_ATTRIBUTES, _raw_attribute))


def _link_ok(url: str) -> bool:
    """Markdown's link and image URLs: http(s), mailto, tel, this site, and raster data images."""
    return safe_url(url, schemes=LINK_SCHEMES, relative="any", data_images=True) is not None


def _raw_attribute(tag: str, attribute: str, value: str) -> str | None:
    """nh3 attribute filter of raw HTML: URLs checked as Markdown's, the class as icons allow."""
    if attribute in ("href", "src"):
        return safe_url(value, schemes=LINK_SCHEMES, relative="any", data_images=True)
    return keep_icon_class(tag, attribute, value)


#: The attributes raw HTML keeps: nh3's, and the class of our icon spans (its filter checks the value).
_RAW_ATTRIBUTES = {**nh3.ALLOWED_ATTRIBUTES,
                   "span": {*nh3.ALLOWED_ATTRIBUTES.get("span", ()), "class", "aria-hidden"}}


class _Heading(Element):
    level: int = 1

    def __init__(self, body: Any, anchor: str | bool | None = None, *, help: str | None = None,
                 divider: bool | str = False) -> None:
        self.body = clean_text(body)
        self.help = help
        self.divider = bool(divider)
        #: ``anchor="name"`` makes the heading a link target (``#name``); ``anchor=False`` hides it.
        self.anchor = anchor if isinstance(anchor, str) and anchor else None
        self.hide_anchor = anchor is False

    def context(self) -> dict[str, Any]:
        return {"html": render_markdown(self.body, inline=True), "level": self.level,
                "help": self.help, "divider": self.divider, "anchor": self.anchor}

    @property
    def value(self) -> str:
        return self.body


class Title(_Heading):
    command = "title"
    template = "django_reactive/elements/heading.html"
    level = 1

    def __init__(self, body: Any, anchor: str | bool | None = None, *, help: str | None = None) -> None:
        super().__init__(body, anchor, help=help)


class Header(_Heading):
    command = "header"
    template = "django_reactive/elements/heading.html"
    level = 2


class Subheader(_Heading):
    command = "subheader"
    template = "django_reactive/elements/heading.html"
    level = 3


class Text(Element):
    """Fixed-width, preformatted text; never interpreted as Markdown (dedented and stripped)."""

    command = "text"
    template = "django_reactive/elements/text.html"

    def __init__(self, body: Any, *, help: str | None = None) -> None:
        self.body = clean_text(body)
        self.help = help

    def context(self) -> dict[str, Any]:
        return {"body": self.body, "help": self.help}

    @property
    def value(self) -> str:
        return self.body


class Markdown(Element):
    command = "markdown"
    template = "django_reactive/elements/markdown.html"

    def __init__(self, body: Any, unsafe_allow_html: bool = False, *, help: str | None = None) -> None:
        self.body = clean_text(body)
        self.allow_html = unsafe_allow_html
        self.help = help

    def context(self) -> dict[str, Any]:
        return {"html": render_markdown(self.body, allow_html=self.allow_html), "help": self.help}

    @property
    def value(self) -> str:
        return self.body


class Json(Element):
    command = "json"
    template = "django_reactive/elements/json.html"

    def __init__(self, body: Any, *, expanded: bool | int = True) -> None:
        if isinstance(body, str):
            try:
                body = json.loads(body)
            except ValueError:
                pass
        if hasattr(body, "to_dict") and callable(body.to_dict):
            body = body.to_dict()
        self.body = body
        #: True, False (collapsed to a summary line) or a depth, as Streamlit's (a depth shows all here).
        self.expanded = expanded

    def context(self) -> dict[str, Any]:
        text = json.dumps(self.body, indent=2, default=str, ensure_ascii=False)
        summary = None if self.expanded is not False else ("[…]" if text.startswith("[") else
                                                          "{…}" if text.startswith("{") else text[:40])
        return {"text": text, "summary": summary}

    @property
    def value(self) -> str:
        """The JSON text, as Streamlit's AppTest gives it (``body`` is the object shown)."""
        return self.body if isinstance(self.body, str) else json.dumps(
            self.body, default=lambda o: list(o) if isinstance(o, set) else repr(o))


class _Alert(Element):
    template = "django_reactive/elements/alert.html"
    role = "status"

    @property
    def css_class(self) -> str:
        return f"rx-alert rx-{self.command}"

    def __init__(self, body: Any, *, icon: str | None = None) -> None:
        self.body = clean_text(body)
        self.icon = icon

    def context(self) -> dict[str, Any]:
        return {"html": render_markdown(self.body), "kind": self.command, "role": self.role,
                "icon": self.icon}

    @property
    def value(self) -> str:
        return self.body


class Error(_Alert):
    command = "error"
    role = "alert"


class Warning(_Alert):  # noqa: A001 - Streamlit's name
    command = "warning"
    role = "alert"


class Info(_Alert):
    command = "info"


class Success(_Alert):
    command = "success"


#: What a redacted exception shows (Streamlit's words, less its cloud's): the details are in the log.
REDACTED = ("This app has encountered an error. The original error message is redacted to prevent data "
            "leaks. Full error details have been recorded in the logs under the error id {id}.")


class ExceptionElement(Element):
    """An exception, with its traceback when tracebacks are shown (DEBUG by default).

    An ``uncaught`` one (the view, a callback or a fragment raised it) follows
    ``REACTIVE["SHOW_ERROR_DETAILS"]`` as Streamlit's uncaught exceptions follow
    ``client.showErrorDetails``: without details (the default when DEBUG is
    off) the page shows a generic message with an error id, and the type,
    message and traceback go to the ``django_reactive`` log under that id, as
    they can carry secrets (a connection string, a path, a user's data).
    ``st.exception(e)`` shows what it is given, as in Streamlit.
    """

    command = "exception"
    template = "django_reactive/elements/exception.html"

    def __init__(self, exception: BaseException, *, uncaught: bool = False) -> None:
        self.exception = exception
        self.details = conf.error_details() if uncaught else "full"
        #: The id of the logged error, when the page does not show the details.
        self.error_id = secrets.token_hex(6) if self.details != "full" else None
        if self.error_id is not None:
            logger.error("django_reactive: error %s: uncaught %s in a view", self.error_id,
                         type(exception).__name__, exc_info=exception)
        cls = type(exception)
        self.type = cls.__name__
        self.qualified_type = f"{cls.__module__}.{cls.__qualname__}"
        # KeyError's str() adds quotes around the message; show the message itself.
        if isinstance(exception, KeyError) and exception.args:
            self.message = str(exception.args[0])
        else:
            self.message = str(exception).strip()
        self.traceback = (
            "".join(traceback.format_exception(exception))
            if conf.show_tracebacks() and self.details == "full" else ""
        )
        self.is_markdown = isinstance(exception, MarkdownFormattedException)

    def context(self) -> dict[str, Any]:
        if self.error_id is not None:
            return {"type": self.type if self.details == "type" else "", "traceback": "",
                    "message": gettext(REDACTED).format(id=self.error_id)}
        message = render_markdown(self.message, inline=True) if self.is_markdown else self.message
        return {"type": self.type, "message": message, "traceback": self.traceback}

    @property
    def value(self) -> str:
        return self.message
