from __future__ import annotations

from typing import Any

from ..errors import (
    ClientValueError,
    InvalidParameterTypeError,
    ReactiveValueError,
    ValueAboveMaxError,
    ValueBelowMinError,
)
from .base import Widget, decode_number, is_number


class Slider(Widget):
    """``st.slider`` over numbers: one value, or a ``(low, high)`` range."""

    command = "slider"
    template = "django_reactive/widgets/slider.html"
    kind = "range"
    keyed_identity = ("min_value", "max_value", "step")

    @classmethod
    def create(cls, label: Any, min_value: float | None = None, max_value: float | None = None,
               value: Any = None, step: float | None = None, format: str | None = None,
               key: Any = None, help: str | None = None, on_change=None, args=None, kwargs=None,
               *, disabled: bool = False, label_visibility: str = "visible") -> Slider:
        widget = cls(label, key=key, help=help, callback=on_change, args=args, kwargs=kwargs,
                     disabled=disabled, label_visibility=label_visibility)
        is_range = isinstance(value, (list, tuple))
        if is_range and len(value) != 2:
            raise ReactiveValueError("A range slider's value must have exactly two items.")
        values = list(value) if is_range else ([] if value is None else [value])
        first = values[0] if values else min_value
        if step is None:
            step = 0.01 if isinstance(first, float) or isinstance(max_value, float) and first is None else 1
        numbers = [*values, *(x for x in (min_value, max_value, step) if x is not None)]
        provided = ", ".join(
            f"{n}={type(x).__name__}"
            for n, x in (("min_value", min_value), ("max_value", max_value), ("step", step))
            if x is not None
        )
        if not all(is_number(x) for x in numbers) or len({type(x) for x in numbers}) > 1:
            raise InvalidParameterTypeError(
                "Invalid `value` type. Expected one of: matching numeric types, matching "
                f"date/time types. Provided type: {provided}."
            )
        is_int = isinstance(step, int)
        if step == 0:
            raise ReactiveValueError("Invalid `step` value. Supported values: a number. Zero is not allowed.")
        zero, top = (0, 100) if is_int else (0.0, 1.0)
        if min_value is None:
            min_value = min([zero, *values])
        if max_value is None:
            max_value = max([top if min_value < top else min_value + top, *values])
        if not values:
            values = [min_value]
        if min_value > max_value:
            min_value, max_value = max_value, min_value
        # A default outside the range widens it rather than failing (as Streamlit does).
        widget.min_value = min(min_value, *values)
        widget.max_value = max(max_value, *values)
        widget.step = step
        widget.is_int = is_int
        widget.is_range = is_range
        widget.initial = tuple(values) if is_range else values[0]
        widget.format = format
        return widget

    def identity_params(self) -> tuple[Any, ...]:
        return (self.min_value, self.max_value, self.initial, self.step, self.format)

    def default(self) -> Any:
        return self.initial

    def _check(self, x: Any) -> None:
        if x > self.max_value:
            raise ValueAboveMaxError(f"The `value` {x} is greater than the `max_value` {self.max_value}.")
        if x < self.min_value:
            raise ValueBelowMinError(f"The `value` {x} is less than the `min_value` {self.min_value}.")

    def coerce(self, value: Any) -> Any:
        for x in (value if isinstance(value, (list, tuple)) else [value]):
            if is_number(x):
                self._check(x)
        return value

    def _number(self, raw: Any) -> Any:
        return decode_number(raw, whole=self.is_int, low=self.min_value, high=self.max_value)

    def from_client(self, raw: Any) -> Any:
        if self.is_range:
            if not isinstance(raw, list) or len(raw) != 2:
                raise ClientValueError("Expected [low, high].")
            low, high = sorted(self._number(x) for x in raw)
            return (low, high)
        return self._number(raw)

    def to_client(self, value: Any) -> Any:
        return list(value) if self.is_range else value

    def context(self) -> dict[str, Any]:
        parts = list(self.current) if self.is_range else [self.current]
        return {**super().context(), "parts": parts, "is_range": self.is_range,
                "min": self.min_value, "max": self.max_value, "step": self.step,
                "shown": " – ".join(self._format(x) for x in parts)}

    def _format(self, x: Any) -> str:
        if self.format:
            try:
                return self.format % x
            except (TypeError, ValueError):
                return str(x)
        return str(x)
