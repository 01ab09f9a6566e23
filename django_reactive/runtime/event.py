"""An event from the browser, and the errors that refuse one before anything changes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import ClientValueError
from ..widgets import Widget


@dataclass(frozen=True)
class Event:
    """Widget values the user changed (by widget id), and the clicked button, if any."""

    values: dict[str, Any] = field(default_factory=dict)
    trigger: str | None = None


class EventError(Exception):
    """The event cannot be applied: the transport answers with a typed protocol error."""

    def __init__(self, code: str, message: str, widget: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.widget = widget


def decode(event: Event, widgets: Mapping[str, Widget]) -> dict[str, Any]:
    """Check an event against the previous run's widgets; return decoded values.

    Raises :class:`EventError` and changes nothing when any part is refused.
    """
    values: dict[str, Any] = {}
    items = list(event.values.items())
    # A trigger carries True, or the value sent with it (a chat input's text).
    if event.trigger is not None and event.trigger not in event.values:
        items.append((event.trigger, True))
    for wid, raw in items:
        widget = widgets.get(wid) if isinstance(wid, str) else None
        if widget is None:
            raise EventError("unknown_widget", f"No widget {wid!r} was rendered by the last run.", wid)
        if widget.disabled:
            raise EventError("disabled_widget", f"The widget {widget.label!r} is disabled.", wid)
        if widget.trigger and wid != event.trigger:
            raise EventError("invalid_value", "A button can only be sent as the trigger.", wid)
        try:
            values[wid] = widget.from_client(raw)
        except ClientValueError as exc:
            raise EventError("invalid_value", f"{widget.label}: {exc}", wid) from None
    return values
