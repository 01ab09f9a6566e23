"""Running a view: events, callbacks, the ``st`` API and control flow."""

from .api import St
from .control import RerunException, StopException
from .event import Event, EventError
from .runner import COMPLETED, FAILED, STOPPED, RunResult, ScriptRunner

__all__ = [
    "COMPLETED", "FAILED", "STOPPED", "Event", "EventError", "RerunException", "RunResult",
    "ScriptRunner", "St", "StopException",
]
