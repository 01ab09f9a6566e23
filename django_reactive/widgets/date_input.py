from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..errors import (
    ClientValueError,
    InvalidMinMaxError,
    ReactiveValueError,
    ValueAboveMaxError,
    ValueBelowMinError,
)
from .base import Widget

DATE_FORMATS = re.compile(r"YYYY[/.\-]MM[/.\-]DD|DD[/.\-]MM[/.\-]YYYY|MM[/.\-]DD[/.\-]YYYY")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def to_date(value: Any) -> dt.date:
    """A date from a date, a datetime (its date), "today" or an ISO string."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if value == "today":
        return dt.date.today()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            try:
                return dt.datetime.fromisoformat(value).date()
            except ValueError:
                pass
    raise ReactiveValueError('Date value should either be an date/datetime or an ISO string or "today"')


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later (February 29 becomes February 28)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def bound(value: Any, which: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, (dt.date, str)):
        return to_date(value)
    raise ReactiveValueError(f"DateInput {which} should either be a date/datetime or None")


def identity_form(value: Any) -> Any:
    """The value as it identifies a keyless widget: "today" stays "today" past midnight."""
    if isinstance(value, (list, tuple)):
        return tuple(identity_form(v) for v in value)
    if isinstance(value, dt.date):
        return to_date(value).isoformat()
    return value


def iso_day(value: Any) -> str:
    """``YYYY-MM-DD`` for the browser's date input; empty for None (or a non-date from state)."""
    return to_date(value).isoformat() if isinstance(value, dt.date) else ""


def decode_date(raw: Any, low: dt.date, high: dt.date) -> dt.date:
    if not isinstance(raw, str) or not ISO_DATE.fullmatch(raw):
        raise ClientValueError(f"Expected a date as YYYY-MM-DD, got {raw!r}.")
    try:
        day = dt.date.fromisoformat(raw)
    except ValueError:
        raise ClientValueError(f"{raw!r} is not a date.") from None
    if not low <= day <= high:
        raise ClientValueError(f"The date {day} is outside the range [{low}, {high}].")
    return day


class DateInput(Widget):
    """``st.date_input``: a ``date``, a tuple of 0 to 2 dates (a range), or None."""

    command = "date_input"
    template = "django_reactive/widgets/date_input.html"
    kind = "date"
    keyed_identity = ("format",)

    @classmethod
    def create(cls, label: Any, value: Any = "today", min_value: Any = None, max_value: Any = None,
               key: Any = None, help: str | None = None, on_change=None, args=None, kwargs=None,
               *, format: str = "YYYY/MM/DD", disabled: bool = False,
               label_visibility: str = "visible") -> DateInput:
        if not isinstance(format, str) or not DATE_FORMATS.fullmatch(format):
            raise ReactiveValueError(
                f"The provided format (`{format}`) is not valid. DateInput format should be one "
                "of `YYYY/MM/DD`, `DD/MM/YYYY`, or `MM/DD/YYYY` and can also use a period (.) or "
                "hyphen (-) as separators."
            )
        widget = cls(label, key=key, help=help, callback=on_change, args=args, kwargs=kwargs,
                     disabled=disabled, label_visibility=label_visibility)
        widget.is_range = isinstance(value, (list, tuple))
        if widget.is_range and len(value) > 2:
            raise ReactiveValueError(
                "DateInput value should either be an date/datetime or a list/tuple of "
                "0 - 2 date/datetime values"
            )
        dates = None if value is None else [to_date(v) for v in (value if widget.is_range else [value])]
        # Without bounds, ten years either side of the value (or of today).
        low = bound(min_value, "min") or add_years(dates[0] if dates else dt.date.today(), -10)
        high = bound(max_value, "max") or add_years(dates[-1] if dates else dt.date.today(), 10)
        if value == "today":
            # The default is today, kept within the bounds rather than refused.
            dates = [min(max(dates[0], low), high)]
        if low > high:
            raise InvalidMinMaxError(
                f"The `min_value`, set to {low}, shouldn't be larger than the `max_value`, set to {high}."
            )
        if dates and dates[0] < low:
            raise ValueBelowMinError(f"The `value` {dates[0]} is less than the `min_value` {low}.")
        if dates and dates[-1] > high:
            raise ValueAboveMaxError(f"The `value` {dates[-1]} is greater than the `max_value` {high}.")
        widget.min_value, widget.max_value = low, high
        widget.format = format
        widget.initial = tuple(dates) if widget.is_range else (dates[0] if dates else None)
        widget.spec = tuple(identity_form(v) for v in (value, min_value, max_value))
        return widget

    def identity_params(self) -> tuple[Any, ...]:
        return (*self.spec, self.format)

    def default(self) -> Any:
        return self.initial

    def normalize(self, value: Any) -> Any:
        """A single date outside the bounds, in the state of an input that may be empty, is what the
        browser's date field would send back: nothing (Streamlit 1.67: ``None`` from the next run on)."""
        if (self.is_range or self.initial is not None or not isinstance(value, dt.date)
                or self.min_value <= value <= self.max_value):
            return value
        return None

    def from_client(self, raw: Any) -> Any:
        if self.is_range:
            if not isinstance(raw, list) or len(raw) > 2:
                raise ClientValueError("Expected a list of at most two dates.")
            return tuple(sorted(decode_date(x, self.min_value, self.max_value) for x in raw))
        if raw is None:
            if self.initial is None:
                return None
            raise ClientValueError("This date input cannot be empty.")
        return decode_date(raw, self.min_value, self.max_value)

    def to_client(self, value: Any) -> Any:
        if isinstance(value, (list, tuple)):
            return [self.to_client(v) for v in value]
        return to_date(value).isoformat() if isinstance(value, dt.date) else value

    def context(self) -> dict[str, Any]:
        if self.is_range:
            given = [iso_day(v) for v in self.current] if isinstance(self.current, (list, tuple)) else []
            parts = (given + ["", ""])[:2]
        else:
            parts = [iso_day(self.current)]
        return {**super().context(), "parts": parts, "is_range": self.is_range,
                "min": self.min_value.isoformat(), "max": self.max_value.isoformat(),
                "required": not self.is_range and self.initial is not None}
