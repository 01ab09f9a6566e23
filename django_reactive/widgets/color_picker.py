from __future__ import annotations

import re
from typing import Any

from ..errors import ClientValueError, ReactiveValueError
from .base import Widget

HEX_COLOR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")
CLIENT_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


def six_digits(color: Any) -> str:
    """``#rrggbb`` for ``<input type="color">``, which knows no ``#rgb`` (black if not a color)."""
    if not isinstance(color, str) or not HEX_COLOR.fullmatch(color):
        return "#000000"
    if len(color) == 4:
        color = "#" + "".join(c * 2 for c in color[1:])
    return color.lower()


class ColorPicker(Widget):
    """``st.color_picker``: a hex color string, returned as given (``#000`` stays ``#000``)."""

    command = "color_picker"
    template = "django_reactive/widgets/color_picker.html"
    kind = "color"

    @classmethod
    def create(cls, label: Any, value: str | None = None, key: Any = None, help: str | None = None,
               on_change=None, args=None, kwargs=None, *, disabled: bool = False,
               label_visibility: str = "visible") -> ColorPicker:
        if value is None:
            value = "#000000"
        if not isinstance(value, str):
            raise ReactiveValueError(
                f"Color Picker Value has invalid type: {type(value).__name__}. Expects a hex string "
                "like '#00FFAA' or '#000'."
            )
        if not HEX_COLOR.fullmatch(value):
            raise ReactiveValueError(
                f"'{value}' is not a valid hex code for colors. Valid ones are like '#00FFAA' or '#000'."
            )
        widget = cls(label, key=key, help=help, callback=on_change, args=args, kwargs=kwargs,
                     disabled=disabled, label_visibility=label_visibility)
        widget.initial = value
        return widget

    def identity_params(self) -> tuple[Any, ...]:
        return (self.initial,)

    def default(self) -> str:
        return self.initial

    def from_client(self, raw: Any) -> str:
        if not isinstance(raw, str) or not CLIENT_COLOR.fullmatch(raw):
            raise ClientValueError(f"Expected a color as #rrggbb, got {raw!r}.")
        return raw

    def context(self) -> dict[str, Any]:
        return {**super().context(), "color": six_digits(self.current)}
