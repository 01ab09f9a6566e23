from __future__ import annotations

from typing import Any

from ..errors import ReactiveValueError
from .base import Widget
from .text_input import TextInput


def check_height(height: Any) -> None:
    if height is None or height in ("content", "stretch"):
        return
    if not isinstance(height, int) or isinstance(height, bool) or height <= 0:
        raise ReactiveValueError(
            f"Invalid height value: {height}. Height must be either an integer (pixels), "
            "'stretch', or 'content'."
        )


class TextArea(TextInput):
    """``st.text_area``: multi-line text, committed when it loses focus.

    Values, truncation to ``max_chars`` and decoding are the text input's.
    """

    command = "text_area"
    template = "django_reactive/widgets/text_area.html"

    @classmethod
    def create(cls, label: Any, value: str | None = "", height: int | str | None = None,
               max_chars: int | None = None, key: Any = None, help: str | None = None,
               on_change=None, args=None, kwargs=None, *, placeholder: str | None = None,
               disabled: bool = False, label_visibility: str = "visible") -> TextArea:
        check_height(height)
        widget = cls(label, key=key, help=help, callback=on_change, args=args, kwargs=kwargs,
                     disabled=disabled, label_visibility=label_visibility)
        widget.set_text(value, max_chars)
        widget.height = height
        widget.placeholder = placeholder
        return widget

    def identity_params(self) -> tuple[Any, ...]:
        return (self.initial, self.height, self.max_chars, self.placeholder)

    def context(self) -> dict[str, Any]:
        # The base context, not the text input's: a textarea has no type or autocomplete.
        return {**Widget.context(self), "text": "" if self.current is None else self.current,
                "max_chars": self.max_chars, "placeholder": self.placeholder,
                "height": self.height if isinstance(self.height, int) else None}
