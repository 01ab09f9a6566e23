"""Streamlit's coloured-text directives in Markdown: ``:red[text]``, ``:red-background[text]``,
``:blue-badge[text]`` (CONFORMANCE §8A), as a markdown-it inline rule.

The text inside the brackets is Markdown again (bold, code, links...);
``\\[`` and ``\\]`` are literal brackets. Each becomes a ``<span>`` with a class
the stylesheet colours (``rx-color-red``, ``rx-bg-red``, ``rx-badge rx-badge-blue``).
Unknown colours are left as they were written.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

COLORS = frozenset({"red", "orange", "yellow", "green", "blue", "violet", "gray", "grey", "rainbow",
                    "primary"})
_START = re.compile(r":([a-z]+)(-background|-badge)?\[")


def _closing(src: str, start: int, end: int) -> int | None:
    """The index of the ``]`` closing the bracket opened just before ``start``."""
    depth, pos = 1, start
    while pos < end:
        char = src[pos]
        if char == "\\":
            pos += 2
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return pos
        pos += 1
    return None


def _color_rule(state: StateInline, silent: bool) -> bool:
    if state.src[state.pos] != ":":
        return False
    match = _START.match(state.src, state.pos, state.posMax)
    if match is None or match.group(1) not in COLORS:
        return False
    inner_start = match.end()
    inner_end = _closing(state.src, inner_start, state.posMax)
    if inner_end is None:
        return False
    if not silent:
        color = "gray" if match.group(1) == "grey" else match.group(1)
        kind = match.group(2)
        css = (f"rx-badge rx-badge-{color}" if kind == "-badge" else
               f"rx-bg rx-bg-{color}" if kind == "-background" else f"rx-color rx-color-{color}")
        token = state.push("rx_color_open", "span", 1)
        token.attrs = {"class": css}
        old_end = state.posMax
        state.pos, state.posMax = inner_start, inner_end
        state.md.inline.tokenize(state)
        state.posMax = old_end
        state.push("rx_color_close", "span", -1)
    state.pos = inner_end + 1
    return True


def color_directives(md: MarkdownIt) -> None:
    """The markdown-it plugin: ``md.use(color_directives)``."""
    md.inline.ruler.before("emphasis", "rx_color", _color_rule)
