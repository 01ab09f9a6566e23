from __future__ import annotations

from typing import Any

from ..errors import (
    ClientValueError,
    InvalidMinMaxError,
    MixedNumericTypesError,
    ValueAboveMaxError,
    ValueBelowMinError,
)
from .base import Widget, decode_number, is_number


class NumberInput(Widget):
    """``st.number_input``: int when every number given is an int, float otherwise."""

    command = "number_input"
    template = "django_reactive/widgets/number_input.html"
    kind = "number"

    @classmethod
    def create(cls, label: Any, min_value: float | None = None, max_value: float | None = None,
               value: Any = "min", step: float | None = None, format: str | None = None,
               key: Any = None, help: str | None = None, on_change=None, args=None, kwargs=None,
               *, placeholder: str | None = None, disabled: bool = False,
               label_visibility: str = "visible") -> NumberInput:
        widget = cls(label, key=key, help=help, callback=on_change, args=args, kwargs=kwargs,
                     disabled=disabled, label_visibility=label_visibility)
        given = {"value": value if value not in ("min", None) else None,
                 "min_value": min_value, "max_value": max_value, "step": step}
        given = {k: v for k, v in given.items() if v is not None}
        if any(not is_number(v) for v in given.values()) or (
            len({type(v) for v in given.values()}) > 1
        ):
            lines = "".join(f"\n`{k}` has {type(v).__name__} type." for k, v in given.items())
            raise MixedNumericTypesError(f"All numerical arguments must be of the same type.{lines}")
        is_int = bool(given) and all(isinstance(v, int) for v in given.values())
        if min_value is not None and max_value is not None and min_value > max_value:
            raise InvalidMinMaxError(
                f"The `min_value`, set to {min_value}, cannot be greater than the `max_value`, "
                f"set to {max_value}."
            )
        if value == "min":
            value = min_value if min_value is not None else (0 if is_int else 0.0)
        if value is not None:
            if max_value is not None and value > max_value:
                raise ValueAboveMaxError(
                    f"The `value` {value} is greater than the `max_value` {max_value}."
                )
            if min_value is not None and value < min_value:
                raise ValueBelowMinError(f"The `value` {value} is less than the `min_value` {min_value}.")
        widget.is_int = is_int
        widget.min_value = min_value
        widget.max_value = max_value
        widget.initial = value
        widget.step = step if step is not None else (1 if is_int else 0.01)
        widget.format = format
        widget.placeholder = placeholder
        return widget

    def identity_params(self) -> tuple[Any, ...]:
        return (self.min_value, self.max_value, self.initial, self.step, self.format, self.placeholder)

    def default(self) -> Any:
        return self.initial

    def _in_range(self, value: Any) -> bool:
        return not (
            (self.min_value is not None and value < self.min_value)
            or (self.max_value is not None and value > self.max_value)
        )

    def coerce(self, value: Any) -> Any:
        # Streamlit 1.67: an out-of-range value from session state falls back to the default.
        if value is None or not is_number(value) or not self._in_range(value):
            return self.initial if value is not None or self.initial is not None else None
        return value

    def normalize(self, value: Any) -> Any:
        """A whole number assigned to a float input comes back as a float, as from Streamlit's browser."""
        if self.is_int or not is_number(value) or isinstance(value, float):
            return value
        return float(value)

    def from_client(self, raw: Any) -> Any:
        if raw is None:
            if self.initial is None:
                return None
            raise ClientValueError("This number input cannot be empty.")
        return decode_number(raw, whole=self.is_int, low=self.min_value, high=self.max_value)

    def context(self) -> dict[str, Any]:
        return {**super().context(), "number": "" if self.current is None else self.current,
                "min": self.min_value, "max": self.max_value,
                "step": self.step if self.step is not None else "any",
                "placeholder": self.placeholder}
