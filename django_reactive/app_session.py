"""One page of one reactive view: run it against its state, render, diff.

Both transports (WebSocket consumer, HTTP page and fallback) and ``AppTest`` go
through an :class:`AppSession`, so an event takes the same path everywhere
(:meth:`AppSession.handle_event`):

lease (session, view) -> state up to date -> run -> render -> diff -> write the
state when it changed -> free the lease -> the caller sends the patch.

So a patch that acknowledges an event always follows the write of that
event's state ("an ack means saved"). Where the state lives, and how it is
written, is ``state.persistence``'s job.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase

from . import conf
from .elements import Warning
from .elements.layout import Root
from .locks import LockTimeout
from .registry import ReactiveView
from .render import Rendered, Renderer, diff
from .runtime import Event, RunResult, ScriptRunner
from .state.persistence import LeaseLost, PageState, SessionGone, Unavailable, session_store
from .uploads import bound

__all__ = ["AppSession", "EventOutcome", "LeaseLost", "LockTimeout", "SessionGone", "Unavailable",
           "group_name", "session_store"]


@dataclass
class EventOutcome:
    """What a saved event produced: the patch, and whether the state changed."""

    ops: dict[str, str]
    changed: bool
    #: The page's new query string when the event changed st.query_params.
    query: str | None = None


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
        self.state = PageState(
            self.runner.store, session_key, self.namespace, view.name, sender=view,
            tabs_prefix=view.state_name(self.kwargs) + "#" if view.scope == "tab" else None)
        self.renderer = Renderer("rx-" + view.name.replace(".", "-") + "-")
        #: What the browser shows now, as far as this page knows.
        self.rendered: Rendered | None = None
        self.last_result: RunResult | None = None
        self.query_string = self.runner.query_params.urlencode()
        #: The new query string when the last run changed st.query_params, else None.
        self.query_update: str | None = None
        #: The widgets of the last run with no button or form behind it, and whether a
        #: replay would rebuild every widget the page shows (see :meth:`hibernate`).
        self._plain_widgets: frozenset[str] = frozenset()
        self._replayable = False
        #: What the page says it shows (its ``rev``) when this process has not rendered
        #: it yet: the HTTP fallback's case. A replay that renders the same counts as shown.
        self.page_rev: str | None = None

    # -- runs --------------------------------------------------------------------

    def _bound(self) -> Any:
        """Runs and renders of this page: its file uploaders' grants and tokens belong to it."""
        return bound(self.session_key, self.view.name, self.namespace)

    def _render(self, result: RunResult) -> dict[str, str]:
        rendered = self.renderer.render(result.root)
        ops = diff(self.rendered, rendered)
        self.rendered = rendered
        self.last_result = result
        query = self.runner.query_params.urlencode()
        self.query_update = query if query != self.query_string else None
        self.query_string = query
        return ops

    def _commit(self, result: RunResult) -> bool:
        """Write the run's state; with DEBUG, say on the page which values cannot be stored."""
        changed, names = self.state.commit()
        if names and settings.DEBUG:
            listed = ", ".join(f"`{name}`" for name in names)
            result.root.children[0].add(Warning(
                f"st.session_state {listed}: not storable in the session, so kept with this page "
                "only (lost on reload, not seen by other tabs or workers). See docs/state.md."))
        return changed

    def handle_event(self, event: Event | None, *, fragment: str | None = None) -> EventOutcome:
        """Run one event (or a plain rerun, or one fragment's timer) and save its state.

        Returns once the state is written. Raises ``EventError`` (refused,
        nothing changed), ``LockTimeout`` and :class:`LeaseLost` (busy: send it
        again), :class:`Unavailable` or :class:`SessionGone`. After any failure
        the page's working copy and registry are forgotten, so the next event
        starts from the stored state as the browser still shows it.
        """
        shown = self.rendered
        try:
            with self._bound(), self.state.event():
                if self.last_result is None:
                    # No previous run in this process: rebuild the callbacks first
                    # (a replay). The page still shows what it showed.
                    self._render(self.runner.run())
                    if shown is not None or not self.rendered.shown_as(self.page_rev):
                        self.rendered = shown
                    self.state.rewind()
                result = self.runner.run(event, fragment=fragment)
                changed = self._commit(result)
                ops = self._render(result)
                self._note(result, event)
        except BaseException:
            self.rendered, self.last_result = shown, None
            raise
        return EventOutcome(ops, changed, self.query_update)

    def _note(self, result: RunResult, event: Event | None) -> None:
        """Remember whether a replay (a run without the event) would rebuild this run's widgets.

        A click's run can show widgets a plain run does not (``if
        st.button(...): st.text_input(...)``, a dialog): an event on them
        after a replay would name a widget the replay never made.
        """
        widgets = frozenset(result.widgets)
        if event is None or event.trigger is None:
            self._plain_widgets, self._replayable = widgets, True
        else:
            self._replayable = widgets <= self._plain_widgets and not self.runner.dialog_opened

    def hibernate(self) -> None:
        """Free what an idle page holds that its next event can rebuild.

        The last run's element tree and callbacks and the renderer's memo go
        (most of an open page's memory); the next event replays the view
        first, as an event on another worker would. The state's working copy
        stays (values the session cannot store, objects callbacks hold), and
        what the page shows is kept as digests, so the next patch is as small
        as ever. A page showing widgets that only a click's run made stays
        awake (see :meth:`_note`).
        """
        if not self._replayable:
            return
        self.last_result = None
        self.renderer = Renderer(self.renderer.dom_prefix)
        self.runner.forget_run()
        if self.rendered is not None:
            self.rendered = self.rendered.compact()

    def run_page(self, mirror: SessionBase | None = None) -> tuple[Rendered, bool]:
        """The page's first render, saved. Returns (render, changed).

        ``mirror`` is the request's own session. Django's middleware saves it
        after the response when it was modified (created by this request, or
        changed by the site's own code) or on every request
        (``SESSION_SAVE_EVERY_REQUEST``), which would undo this save: the
        view's state is copied into it too.
        """
        self.rendered = self.last_result = None
        with self._bound(), self.state.event():
            result = self.runner.run()
            changed = self._commit(result)
            self._render(result)
            self._note(result, None)
        if changed and mirror is not None and (mirror.modified or settings.SESSION_SAVE_EVERY_REQUEST):
            mirror[conf.get("SESSION_KEY")] = self.state.written
        return self.rendered, changed

    def refresh(self) -> dict[str, str]:
        """Re-run without saving (to show another page's change, or on a new connection).

        Returns the patch from what this page showed to the new render.
        """
        self.state.load()  # no lease: this run is never written
        on_flush, self.runner.on_flush = self.runner.on_flush, None
        try:
            with self._bound():
                result = self.runner.run()
                ops = self._render(result)
                self._note(result, None)
        finally:
            self.runner.on_flush = on_flush
        self.state.forget_if_changed()
        return ops

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

    def timed_fragments(self) -> dict[str, float]:
        """Fragment id -> seconds, for the fragments of the last run with ``run_every``."""
        return {fid: f.run_every for fid, f in self.runner.fragments.items() if f.run_every}

    def tick(self, fragment: str) -> EventOutcome:
        """Re-run one fragment on its timer, as an event would."""
        return self.handle_event(None, fragment=fragment)


def group_name(session_key: str, view_name: str) -> str:
    """Channel-layer group of the tabs showing one view in one session."""
    digest = hashlib.sha256(f"{session_key}\0{view_name}".encode()).hexdigest()[:32]
    return f"reactive.{digest}"
