"""The state of one view in one session (or tab), and the rules that move values in it.

The four stores of Streamlit's execution model (see docs/state.md):

* committed values from earlier events: ``user`` (plain keys) and ``widgets``
  (by widget id), persisted in the Django session;
* ``assigned``: assignments made during the current event, by user key;
* ``current``: the widget values of the current event, by widget id: first the
  browser's values, then each widget's resolved value as it is created;
* ``key_map``: user key -> widget id, persisted; once a key has been bound to a
  widget it is treated as widget state.

A value is looked up in that order of priority (assigned, current, committed
by widget id, committed by key). Nothing is committed until the run ends, so a
value assigned while its widget is hidden survives one garbage collection, as
in Streamlit.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from ..errors import (
    DuplicateElementId,
    DuplicateElementKey,
    ReactiveValueError,
    ValueAssignmentNotAllowedError,
    WidgetAlreadyInstantiatedError,
)
from . import codec

MISSING = object()
#: The one empty set that rarely filled sets start as, here and in the runtime and transports
#: (an empty ``set`` costs 216 bytes per page; this one is replaced, never mutated).
EMPTY: frozenset[str] = frozenset()

_DOCS = "https://docs.streamlit.io/develop/concepts/architecture/session-state#initialization"


def normalize_key(key: Any) -> str:
    """Session-state keys are strings; other keys are converted with ``str()``."""
    key = str(key)
    if key == "":
        raise ReactiveValueError("Invalid `key` value. Supported values: a non-empty string.")
    if key.startswith("$$ID"):
        raise ReactiveValueError("Keys beginning with $$ID are reserved.")
    return key


class StateStore:
    """All session-state data of one view namespace, plus the current event's."""

    def __init__(self) -> None:
        self.user: dict[str, Any] = {}
        self.widgets: dict[str, Any] = {}
        self.key_map: dict[str, str] = {}
        self.triggers: set[str] = set()
        #: Forms with clear_on_submit that show their defaults since their last submit
        #: (immutable: most pages have none, and share one empty set of 216 bytes).
        self.cleared_forms: frozenset[str] = EMPTY
        self.assigned: dict[str, Any] = {}
        self.current: dict[str, Any] = {}
        #: Keys of this run's widgets (the shared empty set until the first keyed widget).
        self.created_keys: set[str] | frozenset[str] = EMPTY
        self.rendered: dict[str, str] = {}  # widget id -> command, in creation order
        #: How this run's widgets keep a value for the next runs (a float number_input: as a float).
        self.normalizers: dict[str, Callable[[Any], Any]] = {}

    # -- persistence ---------------------------------------------------------

    def load(self, data: dict[str, Any] | None) -> None:
        """Replace everything with the committed data kept in the session."""
        data = data or {}
        self.user = {k: codec.decode(v) for k, v in data.get("u", {}).items()}
        self.widgets = {k: codec.decode(v) for k, v in data.get("w", {}).items()}
        self.key_map = dict(data.get("k", {}))
        self.triggers = set(data.get("t", ()))
        self.cleared_forms = frozenset(data["f"]) if data.get("f") else EMPTY
        self.assigned = {}
        self.current = {}
        self.created_keys = EMPTY
        self.rendered = {}

    def reset_event(self) -> None:
        """Start an event on the working copy as it is (nobody else changed the state)."""
        self.assigned = {}
        self.current = {}
        self.created_keys = EMPTY
        self.rendered = {}

    def dump(self) -> tuple[dict[str, Any], dict[tuple[str, str], Any]]:
        """The committed data as plain JSON for the session, and the values it cannot hold.

        Values outside the codec live with the page only, as in Streamlit; they
        are returned by place (``("u", key)`` or ``("w", widget id)``) for
        :meth:`restore`.
        """
        data: dict[str, Any] = {}
        unstored: dict[tuple[str, str], Any] = {}
        for place, values in (("u", self.user), ("w", self.widgets)):
            encoded = {}
            for name, value in values.items():
                try:
                    encoded[name] = codec.encode(value)
                except codec.Unpersistable:
                    unstored[(place, name)] = value
            if encoded:
                data[place] = encoded
        if self.key_map:
            data["k"] = self.key_map
        if self.triggers:
            data["t"] = sorted(self.triggers)
        if self.cleared_forms:
            data["f"] = sorted(self.cleared_forms)
        return data, unstored

    def restore(self, unstored: dict[tuple[str, str], Any]) -> None:
        """Put back values kept with the page only, where the stored state has none."""
        for (place, name), value in unstored.items():
            values = self.user if place == "u" else self.widgets
            if place == "w" and name not in self.key_map.values():
                continue  # the widget's key was dropped elsewhere
            values.setdefault(name, value)

    # -- the user-facing mapping -------------------------------------------

    def get(self, key: str, default: Any = MISSING) -> Any:
        if key in self.assigned:
            return self.assigned[key]
        wid = self.key_map.get(key)
        if wid is not None:
            if wid in self.current:
                return self.current[wid]
            if wid in self.widgets:
                return self.widgets[wid]
        if key in self.user:
            return self.user[key]
        return default

    def set(self, key: str, value: Any) -> None:
        if key in self.created_keys:
            raise WidgetAlreadyInstantiatedError(
                f"`st.session_state['{key}']` cannot be modified after the widget with that "
                f"key is instantiated. Assign `st.session_state['{key}']` before creating the "
                "widget, or update it from an `on_change` or `on_click` callback, which runs "
                "before the widget is instantiated. If this is a read-only session state key "
                "(buttons, file and media inputs, forms), store the value under a different "
                "session state key."
            )
        self.assigned[key] = value

    def delete(self, key: str) -> bool:
        """Remove ``key`` everywhere; return whether it existed."""
        found = False
        if key in self.assigned:
            del self.assigned[key]
            found = True
        wid = self.key_map.pop(key, None)
        if wid is not None:
            found |= self.current.pop(wid, MISSING) is not MISSING
            found |= self.widgets.pop(wid, MISSING) is not MISSING
        if key in self.user:
            del self.user[key]
            found = True
        return found

    def keys(self) -> list[str]:
        """User keys and keyed widgets that hold a value (keyless widgets excluded)."""
        names = set(self.assigned) | set(self.user)
        for key, wid in self.key_map.items():
            if wid in self.current or wid in self.widgets:
                names.add(key)
        return sorted(names)

    def clear(self) -> None:
        self.user.clear()
        self.widgets.clear()
        self.key_map.clear()
        self.assigned.clear()
        self.current.clear()

    # -- the runtime's side ----------------------------------------------------

    def committed_value(self, wid: str) -> Any:
        return self.widgets.get(wid, MISSING)

    def apply_client_values(self, values: dict[str, Any]) -> None:
        """Step 3 of an event: the browser's values become visible to callbacks."""
        self.current.update(values)

    def check_assignable(self, key: str) -> None:
        """Read-only keys (buttons, forms) must not have been assigned in this event."""
        if key in self.assigned:
            raise ValueAssignmentNotAllowedError(
                f"`st.session_state['{key}']` is read-only and cannot be assigned through "
                "session state. Use a different session state key for values you need to set."
            )

    def register_widget(
        self,
        wid: str,
        command: str,
        key: str | None,
        default: Any,
        *,
        trigger: bool = False,
        read_only: bool = False,
        coerce=None,
        normalize: Callable[[Any], Any] | None = None,
    ) -> tuple[Any, bool]:
        """Create a widget in this run; return ``(value, assigned_this_event)``.

        ``coerce`` validates a value from session state against the widget's
        parameters (options, range) and returns the value to use. ``normalize``
        turns the value kept for the next runs into what the browser would send
        back (the run that assigned a value still returns it as assigned).
        """
        if key is not None and key in self.created_keys:
            raise DuplicateElementKey(
                f"There are multiple elements with the same `key='{key}'`. To fix this, please "
                "make sure that the `key` argument is unique for each element you create."
            )
        if wid in self.rendered:
            raise DuplicateElementId(
                f"There are multiple `{command}` elements with the same auto-generated ID. "
                "When this element is created, it is assigned an internal ID based on the "
                "element type and provided parameters. Multiple elements with the same type "
                "and parameters will cause this error.\n\nTo fix this error, please pass a "
                f"unique `key` argument to the `{command}` element."
            )
        if key is not None and read_only:
            self.check_assignable(key)
        from_assignment = False
        value = MISSING
        if key is not None and key in self.assigned:
            value = self.assigned.pop(key)
            from_assignment = True
        elif wid in self.current:
            value = self.current[wid]
        elif wid in self.widgets:
            value = self.widgets[wid]
        elif key is not None and key in self.user:
            value = self.user[key]
        if value is MISSING:
            value = default
        elif coerce is not None:
            value = coerce(value)
        if key is not None:
            old = self.key_map.get(key)
            if old is not None and old != wid:
                self.widgets.pop(old, None)
            self.key_map[key] = wid
            if self.created_keys is EMPTY:
                self.created_keys = set()
            self.created_keys.add(key)
            self.user.pop(key, None)
        if trigger:
            self.triggers.add(wid)
        self.current[wid] = value
        self.rendered[wid] = command
        if normalize is not None:
            self.normalizers[wid] = normalize
        return copy.deepcopy(value), from_assignment

    def begin_run(self) -> None:
        """Forget what the previous run created (a rerun starts a fresh run)."""
        self.created_keys = EMPTY
        self.rendered = {}

    def end_run(self, *, completed: bool, active: set[str] | None = None) -> None:
        """Commit the run's values; collect stale widgets after a completed run.

        ``active`` is the set of widget ids that count as shown: a fragment run
        passes every widget of the page, so it collects only its own stale
        widgets. By default every widget not rendered in this run is stale.
        """
        self.widgets.update(self.current)
        for wid, normalize in self.normalizers.items():
            if wid in self.current:
                self.widgets[wid] = normalize(self.current[wid])
        self.normalizers = {}
        for wid in self.triggers:
            if wid in self.widgets:
                # A button falls back to False; a trigger carrying a value (a chat input's text) to None.
                self.widgets[wid] = False if isinstance(self.widgets[wid], bool) else None
        if completed:
            rendered = set(self.rendered) if active is None else active
            stale = {wid for wid in self.widgets if wid not in rendered}
            for wid in stale:
                del self.widgets[wid]
            self.triggers &= set(self.widgets)
            # A key bound to a collected widget loses the value it held
            # (keys assigned during this event are committed below and so
            # survive until the end of the next run).
            for key, wid in self.key_map.items():
                if wid not in self.widgets:
                    self.user.pop(key, None)
        for key, value in self.assigned.items():
            wid = self.key_map.get(key)
            if wid is not None:
                self.widgets.pop(wid, None)
            self.user[key] = value
        self.assigned = {}
        self.current = {}
