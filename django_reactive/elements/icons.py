"""Icons as Streamlit writes them: ``:material/name:`` and emoji shortcodes (``:+1:``).

``icon=":material/home:"`` (buttons, alerts, expanders, toasts...) and
``:material/home:`` inside Markdown show a glyph of Google's Material Symbols
Rounded font, the font Streamlit uses. The font is vendored and declared by
``reactive.css``; a browser downloads it only when a page shows such an icon.
Emoji shortcodes in Markdown (``:sunglasses:``) become the emoji, with
GitHub's names as Streamlit's do; an unknown one stays text.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

MATERIAL = re.compile(r":material/([a-z0-9_]+):")
#: ``:name:`` of an emoji, or ``:material/name:``, at a position of the Markdown source.
SHORTCODE = re.compile(r":(material/[a-z0-9_]+|[a-z0-9_+\-]+):")


def material_html(name: str) -> SafeString:
    """The glyph of Material Symbols named ``name`` (its ligature)."""
    return format_html('<span class="rx-icon rx-material" aria-hidden="true">{}</span>', name)


def icon_html(icon: Any) -> SafeString:
    """An element's ``icon``: a Material symbol, or the text given (an emoji), hidden from screen readers."""
    if not icon:
        return mark_safe("")
    match = MATERIAL.fullmatch(str(icon))
    if match:
        return material_html(match.group(1))
    return format_html('<span class="rx-icon" aria-hidden="true">{}</span>', icon)


@functools.lru_cache(maxsize=512)
def emoji_for(name: str) -> str | None:
    """The emoji of a GitHub-style shortcode name (``sunglasses``), or None."""
    import emoji  # imported on the first shortcode only

    text = f":{name}:"
    found = emoji.emojize(text, language="alias")
    return None if found == text else found


def _shortcode(state: Any, silent: bool) -> bool:
    """markdown-it inline rule: ``:material/name:`` and known emoji shortcodes."""
    if state.src[state.pos] != ":":
        return False
    match = SHORTCODE.match(state.src, state.pos)
    if not match:
        return False
    name = match.group(1)
    if name.startswith("material/"):
        token_type, content = "html_inline", material_html(name.removeprefix("material/"))
    else:
        found = emoji_for(name)
        if found is None:
            return False
        token_type, content = "text", found
    if not silent:
        state.push(token_type, "", 0).content = str(content)
    state.pos = match.end()
    return True


def icons_plugin(md: Any) -> None:
    """Add the shortcode rule to a MarkdownIt parser."""
    md.inline.ruler.before("emphasis", "rx_shortcodes", _shortcode)


def has_shortcode(text: str) -> bool:
    """Whether ``text`` may hold a shortcode (Markdown's fast path for plain lines checks it)."""
    return ":" in text and SHORTCODE.search(text) is not None


def keep_icon_class(tag: str, attribute: str, value: str) -> str | None:
    """nh3 attribute filter for sanitised raw HTML: only our icon span keeps its class."""
    if attribute == "class":
        return value if tag == "span" and value == "rx-icon rx-material" else None
    return value
