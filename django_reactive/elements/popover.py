"""``st.popover``: a container that floats over the page, opened by a button.

It is an HTML ``popover`` (the browser's own top layer: opened and closed by
its button, closed by Escape or a click elsewhere, never clipped by a
scrolling container), tied to its button by a small module. As in Streamlit,
what is inside runs on every run and is always on the page; only its
visibility changes, and that lives in the browser, so a patch leaves an open
popover open.
"""

from __future__ import annotations

from typing import Any

from ..errors import ReactiveAPIError, ReactiveValueError
from .layout import Block
from .sizing import check_width, width_style
from .text import render_markdown

BUTTON_TYPES = ("primary", "secondary", "tertiary")


class Popover(Block):
    """``st.popover(label)``: a button and the block it shows."""

    command = "popover"
    template = "django_reactive/layout/popover.html"
    assets = ("django_reactive/popover.css", "django_reactive/popover.js")
    #: Streamlit's ``.open``: None, the popover does not track its state (``on_change="ignore"``).
    open: bool | None = None

    def __init__(self, label: str, *, type: str = "secondary", help: str | None = None,
                 icon: str | None = None, disabled: bool = False, use_container_width: bool | None = None,
                 width: Any = "content", wrap: bool | None = None, key: Any = None,
                 on_change: Any = "ignore", args: Any = None, kwargs: Any = None) -> None:
        super().__init__()
        if label is None:
            raise ReactiveAPIError("The `label` parameter is required.")
        if use_container_width is not None:
            width = "stretch" if use_container_width else "content"
        if type not in BUTTON_TYPES:
            raise ReactiveValueError(
                "Invalid `type` value. Supported values: 'primary', 'secondary', 'tertiary'.")
        if on_change == "rerun" or callable(on_change):
            raise ReactiveAPIError(
                "st.popover(on_change=...) is not supported: the open state of a popover stays in "
                "the browser, as with the default on_change='ignore'.")
        if on_change != "ignore":
            raise ReactiveValueError(
                "Invalid `on_change` value. Supported values: 'rerun', 'ignore', a callback function.")
        self.label = str(label)
        self.type = type
        self.help = help
        self.icon = icon
        self.disabled = bool(disabled)
        self.width = check_width(width, allow_content=True)
        self.wrap = wrap
        self.key = None if key is None else str(key)

    def context(self) -> dict[str, Any]:
        return {"label": render_markdown(self.label, inline=True), "type": self.type, "help": self.help,
                "icon": self.icon, "disabled": self.disabled, "style": width_style(self.width),
                "nowrap": self.wrap is False}
