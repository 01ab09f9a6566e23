"""Figures and progress: ``st.metric`` and ``st.progress``, with Streamlit's validation."""

from __future__ import annotations

import math
import textwrap
from typing import Any

from ..errors import InvalidParameterTypeError, ReactiveAPIError, ReactiveValueError
from .base import DefaultText, Element, gettext_noop, shown
from .text import clean_text, render_markdown

DELTA_COLORS = ("normal", "inverse", "off")
LABEL_VISIBILITIES = ("visible", "hidden", "collapsed")
#: ``st.spinner``'s default text, shown in the visitor's language.
IN_PROGRESS = DefaultText(gettext_noop("In progress..."))


def _type_error(value: Any, what: str) -> InvalidParameterTypeError:
    return InvalidParameterTypeError(
        f"'{value}' is of type {type(value)}, which is not an accepted type. {what} only accepts: "
        "int, float, str, or None. Please convert the value to an accepted type."
    )


def _metric_value(value: Any) -> str:
    """The figure as shown: None is a long dash; NumPy scalars are accepted, as in Streamlit."""
    if value is None:
        return "—"
    if isinstance(value, (int, float, str)):
        return str(value)
    item = getattr(value, "item", None)
    if callable(item) and isinstance(item(), (int, float)):
        return str(item())
    raise _type_error(value, "value")


def _metric_delta(delta: Any) -> str:
    if delta is None or delta == "":
        return ""
    if isinstance(delta, str):
        return textwrap.dedent(delta)
    if isinstance(delta, (int, float)):
        return str(delta)
    raise _type_error(delta, "delta")


class Metric(Element):
    """A figure in big type, with an optional change below it (arrow and colour).

    The change counts as negative when it starts with a minus sign, as in
    Streamlit; ``delta_color="inverse"`` swaps the colours (a cost that went
    down is good news) and ``"off"`` greys it out.
    """

    command = "metric"
    template = "django_reactive/elements/metric.html"

    def __init__(self, label: str, value: Any, delta: Any = None, delta_color: str = "normal", *,
                 help: str | None = None, label_visibility: str = "visible") -> None:
        if not isinstance(label, str):
            raise InvalidParameterTypeError(
                f"'{label}' is of type {type(label)}, which is not an accepted type. label only "
                "accepts: str. Please convert the label to an accepted type.")
        if delta_color not in DELTA_COLORS:
            raise ReactiveAPIError(f"'{delta_color}' is not an accepted value. delta_color only "
                                   "accepts: 'normal', 'inverse', or 'off'")
        if label_visibility not in LABEL_VISIBILITIES:
            raise ReactiveValueError(
                f"Unsupported label_visibility option '{label_visibility}'. Valid values are "
                "'visible', 'hidden' or 'collapsed'.")
        self.label = label
        self.body = _metric_value(value)
        self.delta = _metric_delta(delta)
        self.delta_color = delta_color
        self.help = help
        self.label_visibility = label_visibility

    @property
    def direction(self) -> str:
        """"up", "down", or "" without a delta."""
        if not self.delta:
            return ""
        return "down" if self.delta.startswith("-") else "up"

    @property
    def color(self) -> str:
        """"green", "red" or "gray", as Streamlit colours the delta."""
        if not self.delta or self.delta_color == "off":
            return "gray"
        good = (self.direction == "up") == (self.delta_color == "normal")
        return "green" if good else "red"

    def context(self) -> dict[str, Any]:
        return {"label": render_markdown(self.label, inline=True), "body": self.body,
                "delta": self.delta, "direction": self.direction, "color": self.color,
                "help": self.help, "label_visibility": self.label_visibility}

    @property
    def value(self) -> str:
        return self.body


class Progress(Element):
    """A progress bar: an int from 0 to 100 or a float from 0.0 to 1.0, stored as a percentage."""

    command = "progress"
    template = "django_reactive/elements/progress.html"

    def __init__(self, value: int | float, text: str | None = None) -> None:
        if isinstance(value, int):
            if not 0 <= value <= 100:
                raise ReactiveValueError(f"Progress Value has invalid value [0, 100]: {value:d}")
            percent = value
        elif isinstance(value, float):
            # Values a rounding error off the bounds are accepted, as in Streamlit.
            if not (0.0 <= value <= 1.0 or math.isclose(value, 0.0, abs_tol=1e-9)
                    or math.isclose(value, 1.0, abs_tol=1e-9)):
                raise ReactiveValueError(f"Progress Value has invalid value [0.0, 1.0]: {value:f}")
            percent = min(max(int(value * 100), 0), 100)
        else:
            raise InvalidParameterTypeError(
                f"Progress Value has invalid type: {type(value).__name__}")
        if text is not None and not isinstance(text, str):
            raise InvalidParameterTypeError(
                f"Progress Text is of type {type(text)}, which is not an accepted type."
                "Text only accepts: str. Please convert the text to an accepted type.")
        self.percent = percent
        self.text = None if text is None else clean_text(text)

    def context(self) -> dict[str, Any]:
        return {"percent": self.percent,
                "text": render_markdown(self.text, inline=True) if self.text else ""}

    @property
    def value(self) -> int:
        return self.percent


class Spinner(Element):
    """The element ``with st.spinner(text):`` shows while its block runs."""

    command = "spinner"
    template = "django_reactive/elements/spinner.html"

    def __init__(self, text: str = IN_PROGRESS, *, show_time: bool = False) -> None:
        self.text = text if isinstance(text, DefaultText) else clean_text(text)

    def context(self) -> dict[str, Any]:
        return {"html": render_markdown(shown(self.text), inline=True)}

    @property
    def value(self) -> str:
        return self.text


class Toast(Element):
    """``st.toast``: a short notice in a corner of the page, fading out after a few seconds."""

    command = "toast"
    template = "django_reactive/elements/toast.html"

    def __init__(self, body: Any, *, icon: str | None = None, duration: str | int = "short") -> None:
        self.body = clean_text(body)
        self.icon = icon
        seconds = {"short": 4, "long": 10, "infinite": 0}.get(duration, duration)
        if not isinstance(seconds, int) or isinstance(seconds, bool) or seconds < 0:
            raise ReactiveValueError(
                f"Invalid `duration` value {duration!r}. Supported values: 'short', 'long', "
                "'infinite', or a number of seconds."
            )
        self.seconds = seconds

    def context(self) -> dict[str, Any]:
        return {"html": render_markdown(self.body, inline=True), "icon": self.icon,
                "seconds": self.seconds}

    @property
    def value(self) -> str:
        return self.body
