"""One view's runs: apply an event, call the callbacks, run the view top to bottom.

A :class:`ScriptRunner` lives as long as one page connection. It keeps the
``st`` object and ``st.session_state`` stable across runs (so closures from a
previous run act on the current state) and the previous run's widgets with
their callbacks, which are never stored anywhere but in memory.

The caller loads the committed state into :attr:`ScriptRunner.store` before a
run and saves :meth:`StateStore.dump` after it; the runner knows nothing about
sessions or transports.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .. import conf
from ..elements import Block, Element, ExceptionElement
from ..elements.layout import Area, Root
from ..errors import ClientValueError, DuplicateElementKey, ReactiveAPIError
from ..state import QueryParams, SessionState, StateStore
from ..widgets import Widget
from ..widgets.form import Form, FormSubmitButton
from .api import St
from .context import current_st
from .control import RerunException, StopException
from .event import Event, EventError

COMPLETED, STOPPED, FAILED = "completed", "stopped", "failed"


@dataclass
class RunResult:
    root: Root
    main: Area
    status: str
    widgets: dict[str, Widget]


def widget_id(widget: Widget, root: str) -> str:
    """A short id that is the same for the same widget call in every run."""
    text = repr((widget.identity(), root))
    return "w" + hashlib.blake2b(text.encode(), digest_size=6).hexdigest()


class ScriptRunner:
    """Runs a view function for one page, event after event."""

    def __init__(self, fn: Callable[[Any], Any], *, user: Any = None, request: Any = None,
                 query_string: str = "") -> None:
        self.fn = fn
        self.user = user
        self.request = request
        #: The page URL's query, kept with the page (not in the session).
        self.query_params = QueryParams(query_string)
        self.store = StateStore()
        self.session_state = SessionState(self.store)
        self.st = St(self)
        #: Widgets of the previous run, by id, in page order.
        self.widgets: dict[str, Widget] = {}
        self._next_widgets: dict[str, Widget] = {}
        self._forms: dict[str, Form] = {}
        self._stack: list[Block] = []
        #: The sidebar area of the run in progress (``st.sidebar``).
        self.sidebar: Area | None = None

    # -- building the tree (called by St) -------------------------------------

    def push(self, block: Block) -> None:
        self._stack.append(block)

    def pop(self, block: Block) -> None:
        if self._stack and self._stack[-1] is block:
            self._stack.pop()

    def add(self, cls: type[Element], block: Block | None, st: St, *args: Any, **kwargs: Any) -> Any:
        """Create an element in ``block`` (or where ``st`` writes now); return its value."""
        target = block if block is not None else self._stack[-1]
        element = cls.create(*args, **kwargs)
        form = target.form
        if isinstance(element, Widget):
            element.bind_form(form)
            element.id = widget_id(element, target.root)
            value, _ = self.store.register_widget(
                element.id, element.command, element.key, element.default(),
                trigger=element.trigger, read_only=element.read_only, coerce=element.coerce,
            )
            element.current = value
            self._next_widgets[element.id] = element
            target.add(element)
            return element.result(value)
        if isinstance(element, Form):
            element.bind_form(form)
            if element.key in self._forms:
                raise DuplicateElementKey(
                    f"There are multiple elements with the same `key='{element.key}'`. To fix this, "
                    "please make sure that the `key` argument is unique for each element you create."
                )
            self.store.check_assignable(element.key)
            self._forms[element.key] = element
        elif element.is_block:
            element.form = form
        if element.is_block:
            element.root = target.root
        target.add(element)
        if element.is_block:
            return element
        return None

    # -- events ------------------------------------------------------------------

    def decode_event(self, event: Event) -> dict[str, Any]:
        """Check an event against the previous run's widgets; return decoded values.

        Raises :class:`EventError` and changes nothing when any part is refused.
        """
        values: dict[str, Any] = {}
        items = list(event.values.items())
        if event.trigger is not None:
            items.append((event.trigger, True))
        for wid, raw in items:
            widget = self.widgets.get(wid) if isinstance(wid, str) else None
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

    # -- runs --------------------------------------------------------------------

    def run(self, event: Event | None = None) -> RunResult:
        """Process one event (or a plain rerun) against the loaded state."""
        values = self.decode_event(event) if event is not None else {}
        token = current_st.set(self.st)
        try:
            return self._run(values)
        finally:
            current_st.reset(token)

    def _run(self, values: dict[str, Any]) -> RunResult:
        store = self.store
        prefix, main = Area("rx-prefix", "p"), Area("rx-main", "m")
        self.sidebar = Area("rx-sidebar", "s", root="sidebar")
        root = Root()
        root.children = [prefix, self.sidebar, main]
        store.begin_run()
        self._next_widgets = {}
        self._forms = {}
        store.apply_client_values(values)
        # The widgets were rendered with these keys; keep the key map consistent
        # even if the stored state was lost meanwhile (a session written elsewhere).
        for wid in values:
            key = self.widgets[wid].key
            if key is not None:
                store.key_map[key] = wid

        submitted = self._submitted_form(values)
        store.cleared_forms.discard(submitted)
        status = self._callbacks(values, prefix)
        if status is None:
            status = self._body(main)
        self._clear_submitted_form(submitted)
        store.end_run(completed=status == COMPLETED)
        self.widgets = self._next_widgets
        return RunResult(root, main, status, self.widgets)

    def _submitted_form(self, values: dict[str, Any]) -> str | None:
        """The key of the form whose submit button caused this event, if any."""
        for wid in values:
            widget = self.widgets[wid]
            if isinstance(widget, FormSubmitButton):
                return widget.form_key
        return None

    def _clear_submitted_form(self, submitted: str | None) -> None:
        """``clear_on_submit``: the form shows its defaults again after a submit.

        The submitted values stay committed (and returned) until the next
        submit sends the shown defaults, as in Streamlit.
        """
        form = self._forms.get(submitted or "")
        if form is not None and form.clear_on_submit:
            self.store.cleared_forms.add(form.key)
        for widget in self._next_widgets.values():
            if widget.form_key in self.store.cleared_forms:
                widget.current = widget.default()

    def _callbacks(self, values: dict[str, Any], prefix: Area) -> str | None:
        """Step 4: callbacks of changed widgets, in the previous run's page order.

        Returns a final status when a callback ended the event, else None.
        """
        changed = [
            wid for wid in self.widgets
            if wid in values and values[wid] != self.store.committed_value(wid)
        ]
        self._stack = [prefix]
        for wid in changed:
            widget = self.widgets[wid]
            if widget.callback is None:
                continue
            try:
                widget.callback(*widget.args, **widget.kwargs)
            except RerunException:
                # st.rerun() in a callback ends the callback; the event goes on.
                continue
            except StopException:
                prefix.children = []
                return STOPPED
            except Exception as exc:  # noqa: BLE001 - shown to the user, like Streamlit
                prefix.children = [ExceptionElement(exc)]
                return FAILED
        return None

    def _body(self, main: Area) -> str:
        """Step 5: the view top to bottom, again for each st.rerun()."""
        reruns = 0
        while True:
            main.children = []
            self._stack = [main]
            try:
                self.fn(self.st)
                return COMPLETED
            except RerunException:
                reruns += 1
                if reruns > conf.get("MAX_RERUNS"):
                    main.children.append(ExceptionElement(ReactiveAPIError(
                        f"st.rerun() was called {reruns} times in a row; the run was stopped. "
                        "Guard st.rerun() with a condition that eventually becomes false."
                    )))
                    return FAILED
                # Writes made before st.rerun() persist; collection waits for a completed run.
                self.store.end_run(completed=False)
                self.store.begin_run()
                self._next_widgets = {}
                self._forms = {}
            except StopException:
                return STOPPED
            except Exception as exc:  # noqa: BLE001 - shown to the user, like Streamlit
                main.children.append(ExceptionElement(exc))
                return FAILED
