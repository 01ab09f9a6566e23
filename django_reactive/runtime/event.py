"""An event from the browser, and the errors that refuse one before anything changes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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
