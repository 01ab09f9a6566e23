from __future__ import annotations

from typing import Any

from ..errors import ClientValueError, ReactiveValueError
from .base import Widget, check_type


class TextInput(Widget):
    """``st.text_input``: a one-line text box, committed on Enter or when it loses focus."""

    command = "text_input"
    template = "django_reactive/widgets/text_input.html"
    kind = "text"
    keyed_identity = ("max_chars",)

    @classmethod
    def create(cls, label: Any, value: str | None = "", max_chars: int | None = None,
               key: Any = None, type: str = "default", help: str | None = None,
               autocomplete: str | None = None, on_change=None, args=None, kwargs=None, *,
               placeholder: str | None = None, disabled: bool = False,
               label_visibility: str = "visible") -> TextInput:
        if type not in ("default", "password"):
            raise ReactiveValueError(
                f"'{type}' is not a valid text_input type. Valid types are 'default' and 'password'."
            )
        widget = cls(label, key=key, help=help, callback=on_change, args=args, kwargs=kwargs,
                     disabled=disabled, label_visibility=label_visibility)
        widget.set_text(value, max_chars)
        widget.type = type
        widget.autocomplete = autocomplete
        widget.placeholder = placeholder
        return widget

    def set_text(self, value: Any, max_chars: int | None) -> None:
        """The default text (``None`` allowed), cut to ``max_chars`` as Streamlit does."""
        self.max_chars = max_chars
        initial = None if value is None else str(value)
        if initial is not None and max_chars is not None:
            initial = initial[:max_chars]
        self.initial = initial

    def identity_params(self) -> tuple[Any, ...]:
        return (self.initial, self.max_chars, self.type, self.placeholder)

    def default(self) -> str | None:
        return self.initial

    def from_client(self, raw: Any) -> str:
        text = check_type(raw, str, "a string")
        if self.max_chars is not None and len(text) > self.max_chars:
            raise ClientValueError(f"The text is longer than max_chars={self.max_chars}.")
        return text

    def context(self) -> dict[str, Any]:
        return {**super().context(), "text": "" if self.current is None else self.current,
                "input_type": "password" if self.type == "password" else "text",
                "max_chars": self.max_chars, "placeholder": self.placeholder,
                "autocomplete": self.autocomplete}
