from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..errors import ClientValueError, ReactiveValueError
from .base import Widget

CLIENT_TIME = re.compile(r"([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?", re.ASCII)


def to_time(value: Any) -> dt.time:
    """A time from a time, a datetime or "now" (to the minute), or an ISO string."""
    if value == "now":
        return dt.datetime.now().time().replace(second=0, microsecond=0)
    if isinstance(value, str):
        try:
            return dt.time.fromisoformat(value)
        except ValueError:
            try:
                return dt.datetime.fromisoformat(value).time().replace(second=0, microsecond=0)
            except ValueError:
                pass
    if isinstance(value, dt.datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, dt.time):
        return value
    raise ReactiveValueError("The type of value should be one of datetime, time, ISO string or None")


def client_time(value: Any) -> str:
    """``HH:MM``, or ``HH:MM:SS`` when there are seconds: what ``<input type="time">`` holds."""
    return value.strftime("%H:%M:%S" if value.second else "%H:%M")


class TimeInput(Widget):
    """``st.time_input``: a ``datetime.time`` (or None), stepped in seconds."""

    command = "time_input"
    template = "django_reactive/widgets/time_input.html"
    kind = "time"
    keyed_identity = ("step",)

    @classmethod
    def create(cls, label: Any, value: Any = "now", key: Any = None, help: str | None = None,
               on_change=None, args=None, kwargs=None, *, disabled: bool = False,
               label_visibility: str = "visible",
               step: int | dt.timedelta = dt.timedelta(minutes=15)) -> TimeInput:
        widget = cls(label, key=key, help=help, callback=on_change, args=args, kwargs=kwargs,
                     disabled=disabled, label_visibility=label_visibility)
        widget.initial = None if value is None else to_time(value)
        if not isinstance(step, (int, dt.timedelta)):
            raise ReactiveValueError(f"`step` can only be `int` or `timedelta` but {type(step)} is provided.")
        seconds = step.seconds if isinstance(step, dt.timedelta) else step
        if not 60 <= seconds <= 23 * 3600:
            raise ReactiveValueError(
                f"`step` must be between 60 seconds and 23 hours but is currently set to {seconds} seconds."
            )
        widget.step = seconds
        # "now" identifies the widget as "now", not as the minute it was first shown.
        widget.spec = value if value in (None, "now") else widget.initial
        return widget

    def identity_params(self) -> tuple[Any, ...]:
        return (self.spec, self.step)

    def default(self) -> dt.time | None:
        return self.initial

    def from_client(self, raw: Any) -> dt.time | None:
        if raw is None:
            if self.initial is None:
                return None
            raise ClientValueError("This time input cannot be empty.")
        match = CLIENT_TIME.fullmatch(raw) if isinstance(raw, str) else None
        if match is None:
            raise ClientValueError(f"Expected a time as HH:MM or HH:MM:SS, got {raw!r}.")
        hour, minute, second = match.groups()
        return dt.time(int(hour), int(minute), int(second or 0))

    def to_client(self, value: Any) -> Any:
        return client_time(value) if isinstance(value, dt.time) else value

    def context(self) -> dict[str, Any]:
        shown = client_time(self.current) if isinstance(self.current, dt.time) else ""
        return {**super().context(), "time": shown, "step": self.step,
                "required": self.initial is not None}
