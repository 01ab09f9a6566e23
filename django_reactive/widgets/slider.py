from __future__ import annotations

import datetime as dt
from typing import Any

from ..errors import (
    ClientValueError,
    InvalidParameterTypeError,
    ReactiveValueError,
    ValueAboveMaxError,
    ValueBelowMinError,
)
from .base import Widget, decode_number, is_number, timelike


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
        widget.timelike = timelike(first if first is not None else max_value)
        if widget.timelike is not None:
            return widget._create_timelike(values, min_value, max_value, step, format, is_range)
        widget.timelike = None
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

    def _create_timelike(self, values: list[Any], low: Any, high: Any, step: Any, format: Any,
                         is_range: bool) -> Slider:
        """A slider over dates, times or datetimes, with Streamlit 1.67's defaults.

        The browser's range input works on numbers: days (dates) or
        microseconds (times of day, datetimes as UTC) stand for the values.
        """
        kind = self.timelike
        if any(timelike(x) != kind for x in (*values, low, high) if x is not None) or (
                step is not None and not isinstance(step, dt.timedelta)):
            raise InvalidParameterTypeError(
                "Invalid `value` type. Expected one of: matching numeric types, matching "
                "date/time types.")
        anchor = values[0] if values else (low if low is not None else high)
        if kind == "time":
            default_low, default_high = dt.time.min, dt.time.max
        else:
            default_low, default_high = anchor - dt.timedelta(days=14), anchor + dt.timedelta(days=14)
        low = default_low if low is None else low
        high = default_high if high is None else high
        if step is None:
            step = dt.timedelta(minutes=15) if kind == "time" or (
                kind == "datetime" and abs(high - low) < dt.timedelta(days=1)) else dt.timedelta(days=1)
        if step == dt.timedelta(0):
            raise ReactiveValueError(
                "Invalid `step` value. Supported values: a timedelta. Zero is not allowed.")
        if not values:
            values = [low]
        if low > high:
            low, high = high, low
        self.min_value, self.max_value = min(low, *values), max(high, *values)
        self.step = step.days if kind == "date" else _micros(step)
        self.is_int, self.is_range = True, is_range
        self.initial = tuple(values) if is_range else values[0]
        self.format = format or {"time": "HH:mm"}.get(kind, "YYYY-MM-DD")
        self.tz = getattr(anchor, "tzinfo", None) if kind == "datetime" else None
        return self

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
            if is_number(x) if self.timelike is None else timelike(x) == self.timelike:
                self._check(x)
        return value

    def _number(self, raw: Any) -> Any:
        if self.timelike is not None:
            low, high = _to_number(self.min_value), _to_number(self.max_value)
            number = decode_number(raw, whole=True, low=low, high=high)
            return _from_number(self.timelike, number, self.tz)
        return decode_number(raw, whole=self.is_int, low=self.min_value, high=self.max_value)

    def from_client(self, raw: Any) -> Any:
        if self.is_range:
            if not isinstance(raw, list) or len(raw) != 2:
                raise ClientValueError("Expected [low, high].")
            low, high = sorted(self._number(x) for x in raw)
            return (low, high)
        return self._number(raw)

    def to_client(self, value: Any) -> Any:
        convert = _to_number if self.timelike is not None else (lambda x: x)
        return [convert(x) for x in value] if self.is_range else convert(value)

    def context(self) -> dict[str, Any]:
        parts = list(self.current) if self.is_range else [self.current]
        convert = _to_number if self.timelike is not None else (lambda x: x)
        return {**super().context(), "parts": [convert(x) for x in parts], "is_range": self.is_range,
                "min": convert(self.min_value), "max": convert(self.max_value), "step": self.step,
                "shown": " – ".join(self._format(x) for x in parts)}

    def _format(self, x: Any) -> str:
        if self.timelike is not None:
            pattern = self.format
            for token, code in _MOMENT_TOKENS:
                pattern = pattern.replace(token, code)
            return x.strftime(pattern)
        if self.format:
            try:
                return self.format % x
            except (TypeError, ValueError):
                return str(x)
        return str(x)


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_DAY0 = dt.date(1970, 1, 1)
#: Streamlit's slider formats are moment.js patterns; their common tokens as strftime codes.
_MOMENT_TOKENS = (("YYYY", "%Y"), ("MM", "%m"), ("DD", "%d"), ("HH", "%H"), ("mm", "%M"), ("ss", "%S"))


def _micros(delta: dt.timedelta) -> int:
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def _to_number(value: Any) -> int:
    """A date as days, a datetime (naive: UTC) or a time of day as microseconds."""
    if isinstance(value, dt.datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
        return _micros(aware - _EPOCH)
    if isinstance(value, dt.date):
        return (value - _DAY0).days
    return _micros(dt.timedelta(hours=value.hour, minutes=value.minute, seconds=value.second,
                                microseconds=value.microsecond))


def _from_number(kind: str, number: int, tz: dt.tzinfo | None = None) -> Any:
    if kind == "date":
        return _DAY0 + dt.timedelta(days=number)
    if kind == "datetime":
        moment = _EPOCH + dt.timedelta(microseconds=number)
        return moment.astimezone(tz) if tz is not None else moment.replace(tzinfo=None)
    return (dt.datetime.min + dt.timedelta(microseconds=number)).time()
