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
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from .. import conf
from ..elements import Block, Element, ExceptionElement
from ..elements.layout import Area, Root
from ..errors import CachedWidgetWarning, DuplicateElementKey, ReactiveAPIError
from ..state import QueryParams, SessionState, StateStore
from ..state.store import EMPTY
from ..widgets import Widget
from ..widgets.form import Form, FormSubmitButton
from .api import St
from .caching import in_cached_function
from .callback_writes import CallbackWrites
from .context import current_st
from .control import FragmentFailed, RerunException, StopException
from .event import Event, decode
from .fragments import Fragment, FragmentBlock
from .links import SwitchPage
from .slots import Slot

COMPLETED, STOPPED, FAILED = "completed", "stopped", "failed"

#: Seconds between two flushes of a long run's output to the page.
FLUSH_INTERVAL = 0.1
#: A run shorter than this sends one patch at its end (unless a spinner starts).
FIRST_FLUSH = 0.25


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
    """Runs a view function for one page, event after event.

    One lives as long as its page is open: slots keep it a few hundred bytes
    where an instance dict of this many attributes takes 1.5 to 3 KiB.
    """

    __slots__ = ("_callback_writes", "_current_root", "_flushed", "_forms", "_fragment", "_in_callbacks",
                 "_last", "_messages", "_next_fragments", "_next_widgets", "_request", "_stack",
                 "client_info", "dialog_opened", "dialogs_opened", "fn", "fragments", "in_fragment_run",
                 "kwargs", "on_flush", "page_config", "query_params", "request_factory", "secrets",
                 "session_state", "sidebar", "st", "store", "subscriptions", "user", "widgets", "__weakref__")

    def __init__(self, fn: Callable[[Any], Any], *, user: Any = None, request: Any = None,
                 query_string: str = "", kwargs: Mapping[str, Any] | None = None) -> None:
        self.fn = fn
        self.user = user
        self._request = request
        #: Builds ``request`` the first time a run reads it (the WebSocket's handshake as a
        #: request: most views never read it, and an open page need not hold one).
        self.request_factory: Callable[[], Any] | None = None
        self._messages: Any = None  # the run's RunMessages while a run goes on
        #: The view's keyword arguments, read-only: they belong to the page.
        self.kwargs = MappingProxyType(dict(kwargs or {}))
        #: The page URL's query, kept with the page (not in the session).
        self.query_params = QueryParams(query_string)
        #: What ``st.set_page_config`` set (the page's title, icon, layout), kept with the page.
        self.page_config: dict[str, Any] = {}
        #: Secrets added over ``REACTIVE["SECRETS"]`` for this page (``AppTest.secrets``).
        self.secrets: dict[str, Any] = {}
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
        #: Fragment calls of the previous run, by fragment id.
        self.fragments: dict[str, Fragment] = {}
        self._next_fragments: dict[str, Fragment] = {}
        self._fragment: str | None = None
        self.in_fragment_run = False
        #: The element tree of the previous run (a fragment run patches it).
        self._last: tuple[Root, Area] | None = None
        #: Topics the last run subscribed to with st.subscribe() (immutable: usually empty, shared).
        self.subscriptions: frozenset[str] = EMPTY
        #: Called with the tree built so far while a long run goes on (set by transports).
        self.on_flush: Callable[[Root], None] | None = None
        self._flushed = 0.0
        self._current_root: Root | None = None
        self._in_callbacks = False
        self._callback_writes = CallbackWrites()
        #: Dialogs opened on this page so far (each opening is numbered), and whether the
        #: run in progress opened one (one per run, as in Streamlit): runtime/dialog.py.
        self.dialogs_opened = 0
        self.dialog_opened = False
        #: What the browser reported when it connected (timezone, locale, URL...): st.context.
        self.client_info: dict[str, Any] = {}

    @property
    def request(self) -> Any:
        """The run's ``HttpRequest`` (``st.request``), built by ``request_factory`` on first use."""
        if self._request is None and self.request_factory is not None:
            self._request, self.request_factory = self.request_factory(), None
            if self.user is not None:
                self._request.user = self.user
            if self._messages is not None:
                self._messages.attach(self._request)
        return self._request

    @request.setter
    def request(self, request: Any) -> None:
        self._request, self.request_factory = request, None

    def set_user(self, user: Any) -> None:
        """The user as now (after a rights check), for the runs and the request they see."""
        self.user = user
        if self._request is not None:
            self._request.user = user

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
            if in_cached_function():
                target.add(ExceptionElement(CachedWidgetWarning()))
            element.fragment = self._fragment
            element.bind_form(form)
            element.id = widget_id(element, target.root)
            value, _ = self.store.register_widget(
                element.id, element.command, element.key, element.default(),
                trigger=element.trigger, read_only=element.read_only, coerce=element.coerce,
                normalize=element.normalize,
            )
            element.current = value
            self._next_widgets[element.id] = element
            if element.is_block:  # an st.expander tracking its state: a widget holding elements
                element.root = target.root
            self._place(target, element)
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
            # Blocks a block makes itself (columns, tabs) are in the same form and area.
            for child in element.children:
                if isinstance(child, Block):
                    child.form, child.root = element.form, element.root
        self._place(target, element)
        self.flush()
        if element.is_block:
            return element
        return target if isinstance(target, Slot) else Slot(target, element)

    def _place(self, target: Block, element: Element) -> None:
        """Add ``element`` to ``target``; a callback's write into the previous run's container waits."""
        if self._in_callbacks and target is not self._stack[0] and self._callback_writes.stash(
                self._last[0] if self._last else None, target, element):
            return
        if element.is_block:
            self._callback_writes.placed(target, element)
        target.add(element)

    def flush(self, *, force: bool = False, interval: float = FLUSH_INTERVAL) -> None:
        """Show what the run produced so far, at most every ``interval`` seconds (long runs)."""
        now = time.monotonic()
        if self.on_flush is not None and (force or now - self._flushed >= interval):
            self._flushed = now
            self.on_flush(self._current_root)

    def call_fragment(self, fn: Callable[..., Any], args: tuple, kwargs: dict[str, Any],
                      run_every: float | None = None) -> Any:
        """Run a ``@st.fragment`` function in a block of its own, and remember the call."""
        if self._fragment is not None:
            return fn(*args, **kwargs)  # nested fragments run as part of the outer one
        target = self._stack[-1]
        block = FragmentBlock()
        block.form, block.root = target.form, target.root
        target.add(block)
        name = f"{fn.__module__}.{fn.__qualname__}"
        fid = f"{name}#{sum(1 for f in self._next_fragments if f.startswith(name + '#'))}"
        self._next_fragments[fid] = Fragment(fn, args, kwargs, block, target, run_every)
        self._stack.append(block)
        self._fragment = fid
        try:
            return fn(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - shown in the fragment, like Streamlit
            block.children.append(ExceptionElement(exc, uncaught=True))
            raise FragmentFailed from exc
        finally:
            self._fragment = None
            self.pop(block)

    # -- events ------------------------------------------------------------------

    # -- runs --------------------------------------------------------------------

    def run(self, event: Event | None = None, *, fragment: str | None = None) -> RunResult:
        """Process one event (or a plain rerun, or a re-run of one fragment) against the loaded state.

        Django messages the run adds to ``st.request`` are shown after it, on
        this page, and leave the request's own message storage alone.
        """
        # Imported here: django.contrib.messages reads settings on import (Django 4.2),
        # and this module is imported with django_reactive, before settings may be.
        from ..elements.messages import Messages
        from .messages import run_messages

        values = decode(event, self.widgets) if event is not None else {}
        token = current_st.set(self.st)
        try:
            with run_messages(self._request) as messages:
                self._messages = messages
                result = self._run(values, fragment)
        finally:
            self._messages = None
            current_st.reset(token)
        added = messages.pending()
        if added:
            # After everything else, above the page: the messages of this run only.
            result.root.children[0].add(Messages(added))
        return result

    def _run(self, values: dict[str, Any], fragment: str | None = None) -> RunResult:
        store = self.store
        fid = fragment if fragment in self.fragments and self._last else self._fragment_for(values)
        store.begin_run()
        self._start(fid)
        if fid is None:
            self.subscriptions = EMPTY
        store.apply_client_values(values)
        # The widgets were rendered with these keys; keep the key map consistent
        # even if the stored state was lost meanwhile (a session written elsewhere).
        for wid in values:
            key = self.widgets[wid].key
            if key is not None:
                store.key_map[key] = wid

        submitted = self._submitted_form(values)
        if submitted in store.cleared_forms:
            store.cleared_forms = store.cleared_forms - {submitted}
        prefix = Area("rx-prefix", "p")
        status = self._callbacks(values, prefix)
        # The first flush waits longer: most runs end well before it.
        self._flushed = time.monotonic() + FIRST_FLUSH - FLUSH_INTERVAL
        if fid is not None:
            root, main = self._last
            root.children[0] = prefix
            self._current_root = root
            if status is None:
                status = self._fragment_body(fid)
                if status is None:  # st.rerun() in the fragment: the whole view runs
                    fid = None
                    self._start(None)
        if fid is None:
            main, self.sidebar = Area("rx-main", "m"), Area("rx-sidebar", "s", root="sidebar")
            root = Root()
            root.children = [prefix, self.sidebar, main]
            self._current_root = root
            self._callback_writes.start(root)
            if status is None:
                status = self._body(main)
        self._callback_writes.end()
        # The browser keeps the visitor's choice afterwards: this decides only the first render.
        root.sidebar_collapsed = self.page_config.get("initial_sidebar_state") == "collapsed"
        self._clear_submitted_form(submitted)
        # A fragment run collects only the fragment's own stale widgets.
        active = set(self._next_widgets) if fid is not None else None
        store.end_run(completed=status == COMPLETED, active=active)
        self.widgets = self._next_widgets
        self.fragments = self._next_fragments
        self._last = (root, main)
        self.in_fragment_run = False
        return RunResult(root, main, status, self.widgets)

    def forget_run(self) -> None:
        """Drop the previous run's element tree and registries; the next run starts as a first one.

        What an idle page keeps in memory (see ``AppSession.hibernate``): a
        replay of the view rebuilds all of it. The state, the query string and
        what the page reported (``client_info``) stay.
        """
        self.widgets, self._next_widgets = {}, {}
        self.fragments, self._next_fragments = {}, {}
        self._forms, self._stack = {}, []
        self.sidebar = self._current_root = self._last = None
        self._callback_writes = CallbackWrites()

    def _start(self, fid: str | None) -> None:
        """Fresh per-run registries; a fragment run keeps everything outside the fragment."""
        self._forms = {}
        self.dialog_opened = False
        if fid is None:
            self._next_widgets, self._next_fragments = {}, {}
        else:
            self._next_widgets = {w: x for w, x in self.widgets.items() if x.fragment != fid}
            self._next_fragments = dict(self.fragments)

    def _fragment_for(self, values: dict[str, Any]) -> str | None:
        """The fragment to re-run alone: every widget of the event belongs to it."""
        owners = {self.widgets[wid].fragment for wid in values}
        if self._last is None or len(owners) != 1:
            return None
        fid = owners.pop()
        return fid if fid in self.fragments else None

    def _fragment_body(self, fid: str) -> str | None:
        """Run one fragment into a new block that replaces its old one.

        Returns None when the fragment asked for a full rerun.
        """
        old = self.fragments[fid]
        self.in_fragment_run = True
        reruns = 0
        while True:
            block = FragmentBlock()
            block.form, block.root = old.block.form, old.block.root
            self._stack = [block]
            self._fragment = fid
            try:
                old.func(*old.args, **old.kwargs)
                status = COMPLETED
            except RerunException as exc:
                self.store.end_run(completed=False)
                self.store.begin_run()
                if exc.scope != "fragment":
                    self.in_fragment_run = False
                    return None
                reruns += 1
                if reruns <= conf.get("MAX_RERUNS"):
                    self._start(fid)
                    continue
                block.children.append(ExceptionElement(ReactiveAPIError(
                    f"st.rerun() was called {reruns} times in a row; the run was stopped.")))
                status = FAILED
            except StopException:
                status = STOPPED
            except Exception as exc:  # noqa: BLE001 - shown to the user, like Streamlit
                block.children.append(ExceptionElement(exc, uncaught=True))
                status = FAILED
            finally:
                self._fragment = None
            break
        siblings = old.parent.children
        siblings[siblings.index(old.block)] = block
        self._next_fragments[fid] = Fragment(old.func, old.args, old.kwargs, block, old.parent,
                                             old.run_every)
        return status

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
            self.store.cleared_forms = self.store.cleared_forms | {form.key}
        for widget in self._next_widgets.values():
            if widget.form_key in self.store.cleared_forms:
                if widget.form_key == submitted:  # AppTest shows what this run returned, as Streamlit's
                    widget.returned = widget.current
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
        self._in_callbacks = True
        try:
            return self._call(changed, prefix)
        finally:
            self._in_callbacks = False

    def _call(self, changed: list[str], prefix: Area) -> str | None:
        for wid in changed:
            widget = self.widgets[wid]
            if widget.callback is None:
                continue
            try:
                widget.callback(*widget.args, **widget.kwargs)
            except RerunException:
                # st.rerun() in a callback ends the callback; the event goes on.
                continue
            except StopException as exc:
                # st.stop() shows nothing of the callback; st.switch_page() keeps where it goes.
                prefix.children = [exc.navigate] if isinstance(exc, SwitchPage) else []
                return STOPPED
            except FragmentFailed:  # a dialog opened by the callback failed: its error is in it
                return FAILED
            except Exception as exc:  # noqa: BLE001 - shown to the user, like Streamlit
                prefix.children = [ExceptionElement(exc, uncaught=True)]
                return FAILED
        return None

    def _body(self, main: Area) -> str:
        """Step 5: the view top to bottom, again for each st.rerun()."""
        reruns = 0
        while True:
            main.children = []
            self.sidebar.children = []
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
                self._start(None)
            except StopException:
                return STOPPED
            except FragmentFailed:
                return FAILED
            except Exception as exc:  # noqa: BLE001 - shown to the user, like Streamlit
                main.children.append(ExceptionElement(exc, uncaught=True))
                return FAILED
