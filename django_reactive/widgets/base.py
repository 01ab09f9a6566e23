"""The base of every input widget.

A widget is an element with a value kept in session state. Its class says:

* which parameters make up its identity (:meth:`Widget.identity`), so that the
  same call in the next run finds its value again;
* its default value, how a value from session state is checked against its
  parameters (:meth:`Widget.coerce`), and how a value sent by the browser is
  decoded and validated (:meth:`Widget.from_client`);
* what it returns to the view (:meth:`Widget.result`).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import Any, ClassVar

from ..elements.base import Element, shown
from ..errors import ClientValueError, InvalidFormCallbackError, ReactiveValueError

LABEL_VISIBILITIES = ("visible", "hidden", "collapsed")


class Widget(Element):
    #: How the browser reads the control (see docs/protocol.md).
    kind: ClassVar[str] = ""
    #: Button-like: True only in the run caused by its click.
    trigger: ClassVar[bool] = False
    #: Its key cannot be assigned through session state.
    read_only: ClassVar[bool] = False
    #: Parameters that stay part of a keyed widget's identity (Streamlit 1.67).
    keyed_identity: ClassVar[tuple[str, ...]] = ()

    def __init__(
        self,
        label: Any,
        *,
        key: Any = None,
        help: str | None = None,
        callback: Callable[..., Any] | None = None,
        args: tuple | list | None = None,
        kwargs: dict[str, Any] | None = None,
        disabled: bool = False,
        label_visibility: str = "visible",
    ) -> None:
        if label_visibility not in LABEL_VISIBILITIES:
            raise ReactiveValueError(
                f"Unsupported label_visibility option '{label_visibility}'. Valid values are "
                "'visible', 'hidden' or 'collapsed'."
            )
        if callback is not None and not callable(callback):
            raise ReactiveValueError(f"The callback of `st.{self.command}` must be callable.")
        self.label = str(label)
        self.key = None if key is None else str(key)
        self.help = help
        self.callback = callback
        self.args = tuple(args or ())
        self.kwargs = dict(kwargs or {})
        self.disabled = bool(disabled)
        self.label_visibility = label_visibility
        # Set by the runtime when the widget is created in a run.
        self.id = ""
        self.current: Any = None
        self.form_key: str | None = None
        #: The ``@st.fragment`` call this widget belongs to, if any.
        self.fragment: str | None = None

    def bind_form(self, form: Any) -> None:
        """Called by the runtime with the enclosing ``st.form`` (or None) before identity."""
        if form is None:
            return
        if self.callback is not None:
            raise InvalidFormCallbackError(
                "Within a form, callbacks can only be defined on `st.form_submit_button`. "
                "Defining callbacks on other widgets inside a form is not allowed."
            )
        self.form_key = form.key

    # -- identity and values -------------------------------------------------

    def identity_params(self) -> tuple[Any, ...]:
        """Parameters that tell two keyless widgets of one type apart."""
        return ()

    def identity(self) -> tuple[Any, ...]:
        if self.key is not None:
            return (self.command, "key", self.key, *(getattr(self, p) for p in self.keyed_identity))
        return (self.command, self.label, self.help, self.form_key, *self.identity_params())

    def default(self) -> Any:
        raise NotImplementedError

    def coerce(self, value: Any) -> Any:
        """Check a value coming from session state; return the value to use."""
        return value

    #: Turns the value kept for the next runs into what the browser would send back (None: as is).
    normalize: Callable[[Any], Any] | None = None

    def from_client(self, raw: Any) -> Any:
        """Decode a browser value; raise :class:`ClientValueError` when it does not fit."""
        raise NotImplementedError

    def result(self, value: Any) -> Any:
        """What ``st.<command>()`` returns for the stored value."""
        return value

    def to_client(self, value: Any) -> Any:
        """The browser's form of a value (inverse of :meth:`from_client`), for AppTest."""
        return value

    # -- rendering -------------------------------------------------------------

    def context(self) -> dict[str, Any]:
        return {
            "label": shown(self.label),
            "label_visibility": self.label_visibility,
            "help": self.help,
            "disabled": self.disabled,
            "wid": self.id,
            "kind": self.kind,
        }

    @property
    def value(self) -> Any:
        """What the view got in the last run (AppTest's ``value``), even where the page now shows
        another value (a form cleared on submit shows its defaults)."""
        return self.result(self.__dict__.get("returned", self.current))


def timelike(value: Any) -> str | None:
    """"datetime", "date" or "time" for a value of that type, else None."""
    if isinstance(value, dt.datetime):
        return "datetime"
    if isinstance(value, dt.date):
        return "date"
    if isinstance(value, dt.time):
        return "time"
    return None


def check_type(raw: Any, types: type | tuple[type, ...], what: str) -> Any:
    """Refuse a browser value of the wrong JSON type (``bool`` is not a number)."""
    if isinstance(raw, bool) and bool not in (types if isinstance(types, tuple) else (types,)):
        raise ClientValueError(f"Expected {what}, got a boolean.")
    if not isinstance(raw, types):
        raise ClientValueError(f"Expected {what}, got {type(raw).__name__}.")
    return raw


def is_number(x: Any) -> bool:
    """An int or float (``bool`` is not a number here)."""
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def decode_number(raw: Any, *, whole: bool, low: Any = None, high: Any = None) -> Any:
    """A number from the browser: finite, whole when ``whole``, within [low, high]."""
    if not is_number(raw) or not math.isfinite(raw):
        raise ClientValueError(f"Expected a number, got {type(raw).__name__}.")
    if whole:
        if raw != int(raw):
            raise ClientValueError("Expected a whole number.")
        raw = int(raw)
    else:
        raw = float(raw)
    if (low is not None and raw < low) or (high is not None and raw > high):
        raise ClientValueError(f"The value {raw} is outside the range [{low}, {high}].")
    return raw
