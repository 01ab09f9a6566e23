"""Streamlit's ``width`` and ``height`` parameters: ``"content"``, ``"stretch"`` or pixels.

Checked as Streamlit 1.67 checks them (its messages), and turned into the
inline style of the element that has them.
"""

from __future__ import annotations

from typing import Any

from ..errors import ReactiveValueError


def _valid(size: Any, allow_content: bool) -> bool:
    if isinstance(size, str):
        return size == "stretch" or (allow_content and size == "content")
    return isinstance(size, int) and not isinstance(size, bool) and size > 0


def _choices(allow_content: bool) -> str:
    if allow_content:
        return "a positive integer (pixels), 'stretch', or 'content'"
    return "a positive integer (pixels) or 'stretch'"


def check_width(width: Any, *, allow_content: bool = False) -> Any:
    """Refuse a ``width`` Streamlit refuses; return it."""
    if not _valid(width, allow_content):
        raise ReactiveValueError(
            f"Invalid width value: {width!r}. Width must be either {_choices(allow_content)}.")
    return width


def check_height(height: Any, *, allow_content: bool = True) -> Any:
    """Refuse a ``height`` Streamlit refuses; return it (None is ``"content"``)."""
    if height is None and allow_content:
        return "content"
    if not _valid(height, allow_content):
        raise ReactiveValueError(
            f"Invalid height value: {height!r}. Height must be either {_choices(allow_content)}.")
    return height


def width_style(width: Any) -> str:
    """The inline style of a checked ``width``; never wider than the container."""
    if width == "stretch":
        return "width:100%"
    if width == "content":
        return "width:fit-content;max-width:100%"
    return f"width:{int(width)}px;max-width:100%"
