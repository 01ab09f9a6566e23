"""One page of one reactive view: run it against the Django session, render, diff.

Both transports (WebSocket consumer, HTTP page) and ``AppTest`` go through an
:class:`AppSession`, so an event takes the same path everywhere:

lock (session, view) -> load the session afresh -> run -> render -> diff ->
save only when the state changed -> unlock.

The event path is split in :meth:`AppSession.apply_event` and
:meth:`AppSession.commit` so the WebSocket can send the patch before the
session write, while the lock still covers both.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase, UpdateError

from . import conf
from .elements import ExceptionElement
from .elements.layout import Root
from .errors import ReactiveAPIError
from .locks import LockTimeout, session_lock, view_lock
from .registry import ReactiveView
from .render import Rendered, Renderer, diff
from .runtime import Event, RunResult, ScriptRunner

__all__ = ["AppSession", "EventOutcome", "LockTimeout", "SessionGone", "group_name"]


class SessionGone(Exception):
    """The Django session ended (logout, login elsewhere, expiry): the page must reload."""


def session_store(session_key: str | None) -> SessionBase:
    engine = import_module(settings.SESSION_ENGINE)
    return engine.SessionStore(session_key)


@dataclass
class EventOutcome:
    """What an event produced: the patch, and what :meth:`AppSession.commit` must save."""

    ops: dict[str, str]
    changed: bool
    #: The page's new query string when the event changed st.query_params.
    query: str | None = None
    #: The state to store, when the event changed it.
    _data: dict[str, Any] | None = field(default=None, repr=False)
    _unlock: Any = field(default=None, repr=False)


class AppSession:
    """A reactive view as shown on one page (one browser tab)."""

    def __init__(self, view: ReactiveView, session_key: str, tab: str = "", *,
                 user: Any = None, request: Any = None, query_string: str = "",
                 kwargs: Mapping[str, Any] | None = None) -> None:
        self.view = view
        self.session_key = session_key
        self.tab = tab
        #: The view's keyword arguments (URL kwargs, or those of ``{% reactive_view %}``).
        self.kwargs = dict(kwargs or {})
        self.namespace = view.namespace(tab, self.kwargs)
        self.runner = ScriptRunner(view.fn, user=user, request=request, query_string=query_string,
                                   kwargs=self.kwargs)
        self.renderer = Renderer("rx-" + view.name.replace(".", "-") + "-")
        #: What the browser shows now, as far as this page knows.
        self.rendered: Rendered | None = None
        self.last_result: RunResult | None = None
        self.query_string = self.runner.query_params.urlencode()
        #: The new query string when the last run changed st.query_params, else None.
        self.query_update: str | None = None

    # -- session I/O -------------------------------------------------------------

    def _read(self) -> tuple[SessionBase, dict[str, Any]]:
        """The session as stored now, and the views' states in it."""
        session = session_store(self.session_key)
        namespaces = dict(session.get(conf.get("SESSION_KEY")) or {})
        if session.session_key is None:
            raise SessionGone("The session has ended.")
        return session, namespaces

    def _load(self) -> dict[str, Any] | None:
        """Load this page's stored state into the runner; returns it."""
        state = self._read()[1].get(self.namespace)
        self.runner.store.load(state)
        return state

    def _dump(self, result: RunResult) -> dict[str, Any] | None:
        """The state to save; None (and an error shown) when it cannot be stored."""
        try:
            return self.runner.store.dump()
        except ReactiveAPIError as exc:
            result.main.children.append(ExceptionElement(exc))
            return None

    def _store_namespace(self, namespaces: dict[str, Any], data: dict[str, Any]) -> None:
        if self.view.scope == "tab":
            data = {**data, "@": int(time.time())}
            namespaces[self.namespace] = data
            prefix = self.view.state_name(self.kwargs) + "#"
            tabs = sorted((k for k in namespaces if k.startswith(prefix)),
                          key=lambda k: namespaces[k].get("@", 0), reverse=True)
            for old in tabs[conf.get("MAX_TABS"):]:
                del namespaces[old]
        else:
            namespaces[self.namespace] = data

    def _write(self, data: dict[str, Any]) -> dict[str, Any]:
        """Store this page's state; every other view's state stays as it is now.

        A save writes the whole session, and the views of one session run side
        by side, each under a lock of its own: so the session is read again,
        and written, under a lock on the session, held only for that. Returns
        the views' states as saved.
        """
        with session_lock(self.session_key):
            session, namespaces = self._read()
            self._store_namespace(namespaces, data)
            session[conf.get("SESSION_KEY")] = namespaces
            try:
                session.save()
            except UpdateError:
                raise SessionGone("The session has ended.") from None
        return namespaces

    @staticmethod
    def _same(before: dict[str, Any] | None, after: dict[str, Any]) -> bool:
        return {k: v for k, v in (before or {}).items() if k != "@"} == after

    # -- runs --------------------------------------------------------------------

    def _render(self, result: RunResult) -> dict[str, str]:
        rendered = self.renderer.render(result.root)
        ops = diff(self.rendered, rendered)
        self.rendered = rendered
        self.last_result = result
        query = self.runner.query_params.urlencode()
        self.query_update = query if query != self.query_string else None
        self.query_string = query
        return ops

    def run_page(self, mirror: SessionBase | None = None) -> tuple[Rendered, bool]:
        """A plain run that is saved (the page's first render). Returns (render, changed).

        ``mirror`` is the request's own session. Django's middleware saves it
        after the response when it was modified (created by this request, or
        changed by the site's own code) or on every request
        (``SESSION_SAVE_EVERY_REQUEST``), which would undo this save: the
        view's state is copied into it too.
        """
        with view_lock(self.session_key, self.view.name):
            before = self._load()
            result = self.runner.run()
            data = self._dump(result)
            self._render(result)
            changed = data is not None and not self._same(before, data)
            if changed:
                namespaces = self._write(data)
                if mirror is not None and (mirror.modified or settings.SESSION_SAVE_EVERY_REQUEST):
                    mirror[conf.get("SESSION_KEY")] = namespaces
        return self.rendered, changed

    def refresh(self) -> dict[str, str]:
        """Re-run without saving (to rebuild callbacks, or after another tab's change).

        Returns the patch from what this page showed to the new render.
        """
        self._load()
        on_flush, self.runner.on_flush = self.runner.on_flush, None
        try:
            return self._render(self.runner.run())
        finally:
            self.runner.on_flush = on_flush

    def stream(self, send: Callable[[dict[str, str]], None] | None) -> None:
        """While ``send`` is set, a long run sends the output it has so far (patches).

        Called from the run's own thread, at most every 100 ms, and when a
        spinner starts; the final patch of the event follows as usual.
        """
        if send is None:
            self.runner.on_flush = None
            return

        def flush(root: Root) -> None:
            rendered = self.renderer.render(root)
            ops = diff(self.rendered, rendered)
            if ops:
                self.rendered = rendered
                send(ops)

        self.runner.on_flush = flush

    def apply_event(self, event: Event | None, *, fragment: str | None = None) -> EventOutcome:
        """Run one event under the lock; call :meth:`commit` afterwards, always."""
        lock = view_lock(self.session_key, self.view.name)
        lock.__enter__()
        try:
            if self.last_result is None:
                # No previous run in this process: rebuild the callbacks first. The
                # page still shows what it showed, so the patch is taken from that.
                shown = self.rendered
                self.refresh()
                self.rendered = shown
            before = self._load()
            result = self.runner.run(event, fragment=fragment)
            data = self._dump(result)
            ops = self._render(result)
        except BaseException:
            lock.__exit__(None, None, None)
            raise
        changed = data is not None and not self._same(before, data)
        return EventOutcome(ops, changed, self.query_update, data if changed else None, lock)

    def timed_fragments(self) -> dict[str, float]:
        """Fragment id -> seconds, for the fragments of the last run with ``run_every``."""
        return {fid: f.run_every for fid, f in self.runner.fragments.items() if f.run_every}

    def tick(self, fragment: str) -> EventOutcome:
        """Re-run one fragment on its timer, as an event would; then :meth:`commit`."""
        return self.apply_event(None, fragment=fragment)

    def commit(self, outcome: EventOutcome) -> None:
        """Save the state an event changed and release the lock."""
        try:
            if outcome._data is not None:
                self._write(outcome._data)
        finally:
            outcome._unlock.__exit__(None, None, None)

    def handle_event(self, event: Event) -> EventOutcome:
        """:meth:`apply_event` and :meth:`commit` in one call."""
        outcome = self.apply_event(event)
        self.commit(outcome)
        return outcome


def group_name(session_key: str, view_name: str) -> str:
    """Channel-layer group of the tabs showing one view in one session."""
    digest = hashlib.sha256(f"{session_key}\0{view_name}".encode()).hexdigest()[:32]
    return f"reactive.{digest}"
