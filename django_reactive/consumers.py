"""The WebSocket transport: one connection per page, carrying every reactive view on it.

A page may embed several views (``{% reactive_view %}``); each says ``hello``
with an id of its own and its messages carry that id. Each view on the
connection is a :class:`Mount`: its own access check, state, lock, groups and
timers. Messages for one view are handled in order; different views on the
same page do not wait for each other.

Each event runs in a worker thread (so a slow view does not hold up other
connections), under the per-(session, view) lease, on the page's working copy
of the state. The patch that acknowledges it is sent only after the state was
written ("an ack means saved", docs/protocol.md).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from asgiref.sync import sync_to_async
from channels.consumer import get_handler_name
from channels.generic.websocket import AsyncWebsocketConsumer
from django.db import close_old_connections
from django.utils import translation

from . import conf, fairness, handshake, protocol, registry, rights, viewargs
from .app_session import (
    AppSession,
    EventOutcome,
    LeaseLost,
    LockTimeout,
    SessionGone,
    Unavailable,
    group_name,
)
from .live_updates import LiveUpdates
from .registry import ReactiveView
from .requests import request_from_scope
from .runtime import Event, EventError
from .runtime.client_context import client_info, is_embed_query
from .state.store import EMPTY

logger = logging.getLogger("django_reactive")

#: Close code (4000-4999 are the application's) after which the client does not
#: reconnect: the socket came without a session cookie. Sent after accepting the
#: handshake (a refused handshake reaches the page as 1006, whatever the code).
CLOSE_NO_SESSION = 4401
#: Close code when the session or the client address has too many sockets open
#: (``REACTIVE["MAX_CONNECTIONS_PER_SESSION"]`` / ``["MAX_CONNECTIONS_PER_ADDRESS"]``).
CLOSE_TOO_MANY = 4429
#: Close code when the session store is unavailable: the client reconnects later.
CLOSE_TRY_AGAIN = 1013
#: How long a closing connection waits for the events it is still handling.
DRAIN_SECONDS = 30

#: Why a view's hello is refused, by :meth:`ReactiveView.access` result.
REFUSALS = {
    registry.LOGIN: ("login_required", "Log in to use this view."),
    registry.FORBIDDEN: ("forbidden", "You may not use this view."),
}


def _in_thread(fn: Any, language: str | None = None) -> Any:
    """Run sync work in a pool thread with Django's per-request connection hygiene,
    in the page's language (templates translate the widgets' own words)."""

    def call(*args: Any) -> Any:
        close_old_connections()
        try:
            if language is None:
                return fn(*args)
            with translation.override(language):
                return fn(*args)
        finally:
            close_old_connections()

    return sync_to_async(call, thread_sensitive=False)


@dataclass
class Mount:
    """One view shown on the page, under the id the page gave it."""

    id: str
    app: AppSession
    #: The group of the session's tabs showing this view (scope="session" only).
    group: str | None = None
    #: Channel-layer groups of the topics its last run subscribed to.
    topics: frozenset[str] = EMPTY
    #: Stops the shared timer of each ``run_every`` fragment, by fragment id.
    timers: dict[str, Callable[[], None]] = field(default_factory=dict)
    #: Fragments whose timed re-run is waiting or running: their next tick is skipped
    #: (immutable, replaced on change: most views have no timed fragment).
    ticking: frozenset[str] = EMPTY
    #: Serialises this view's work: events, pushes and ticks, in arrival order.
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    #: A re-run for other pages' changes is waiting: later changes join it.
    refresh_waiting: bool = False
    #: Hibernates the page once it has been idle for ``REACTIVE["HIBERNATE_AFTER"]``.
    rest: asyncio.TimerHandle | None = None

    def wants(self, group: str | None) -> bool:
        """Whether a push to ``group`` concerns this view (None: every view)."""
        return group is None or group == self.group or group in self.topics


class ReactiveConsumer(LiveUpdates, AsyncWebsocketConsumer):
    """Speaks docs/protocol.md for every view of one page."""

    @property
    def channel_layer_alias(self) -> str:  # type: ignore[override]
        """``REACTIVE["CHANNEL_LAYER"]``: where pushes of other tabs and topics arrive."""
        return conf.get("CHANNEL_LAYER")

    async def dispatch(self, message: dict[str, Any]) -> None:
        """Channels' dispatch without its extra thread hop per message.

        Channels closes stale database connections before every handler, in a
        thread of its own. Every handler here that touches the database does
        it in one worker-thread call that does the same (``_in_thread``), so
        that hop would only add latency to each event.
        """
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def connect(self) -> None:
        self.mounts: dict[str, Mount] = {}
        #: Channel-layer groups this connection is in (not Channels' own ``groups``).
        self.joined: set[str] = set()
        #: Work in progress (a dict: an empty set would cost 216 bytes per open page).
        self.tasks: dict[asyncio.Task, None] = {}
        self.events = 0  # events waiting or in progress
        self.counted: list[tuple[str, str]] = []  # what handshake.admit counted this socket in
        session = self.scope.get("session")
        self.session_key = getattr(session, "session_key", None)
        #: This session's share of the worker's threads (see ``fairness``).
        self.share = fairness.session_share(self.session_key or "")
        request = request_from_scope(self.scope)
        if not handshake.origin_allowed(request):
            await self.close()  # before accepting: the handshake is refused (HTTP 403)
            return
        # A code the page can read needs an accepted socket.
        if not self.session_key:
            await self.accept()
            await self.close(code=CLOSE_NO_SESSION)
            return
        counted = handshake.admit(self.session_key, (self.scope.get("client") or [None])[0])
        if counted is None:
            await self.accept()
            await self.close(code=CLOSE_TOO_MANY)
            return
        self.counted = counted
        self.user = self.scope.get("user")
        self.language = request.LANGUAGE_CODE
        await self.accept()

    async def disconnect(self, code: int) -> None:
        handshake.release(getattr(self, "counted", []))
        self.counted = []
        for group in getattr(self, "joined", ()):
            await self.channel_layer.group_discard(group, self.channel_name)
        for mount in getattr(self, "mounts", {}).values():
            for stop in mount.timers.values():
                stop()
            if mount.rest is not None:
                mount.rest.cancel()
        # Work in progress finishes (its thread would anyway): the session is written.
        if getattr(self, "tasks", None):
            await asyncio.wait(set(self.tasks), timeout=DRAIN_SECONDS)

    # -- messages from the browser ---------------------------------------------

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        try:
            message = protocol.parse(text_data if text_data is not None else bytes_data,
                                     conf.get("MAX_MESSAGE_BYTES"), conf.get("MAX_JSON_DEPTH"))
        except protocol.ProtocolError as exc:
            await self.send(protocol.error(exc.code, exc.message, ack=exc.ack, id=exc.id))
            if exc.code == "unsupported_version":
                await self.close()
            return
        if isinstance(message, protocol.Hello):
            await self._hello(message)
            return
        mount = self.mounts.get(message.id or "")
        if mount is None:
            await self.send(protocol.error(
                "not_ready", "Send 'hello' for this view id first.", ack=message.seq, id=message.id))
            return
        if self.events >= conf.get("MAX_PENDING"):  # a flood must not queue without bound
            await self.send(protocol.error(
                "busy", "Too many events in progress; send it again.", ack=message.seq, id=mount.id))
            return
        self.events += 1

        async def event() -> None:
            try:
                await self._event(mount, message)
            finally:
                self.events -= 1

        self._spawn(mount, event, ack=message.seq)

    def _spawn(self, mount: Mount, work: Callable[[], Awaitable[Any]], ack: int | None = None) -> None:
        """Run ``work`` for ``mount`` after its earlier work, beside other views' work."""

        async def run() -> None:
            async with mount.lock:
                if self.mounts.get(mount.id) is not mount:
                    return
                try:
                    await work()
                    await self._after_run(mount)
                except SessionGone:
                    await self._reload()
                except rights.RightsRevoked as exc:
                    await self._revoked(mount, exc.verdict)
                except Unavailable as exc:
                    # The view could not even be shown: the client reconnects after a
                    # pause (1013: try again later) and says hello again.
                    await self.send(protocol.error("unavailable", str(exc), ack=ack, id=mount.id))
                    await self.close(code=CLOSE_TRY_AGAIN)
                except Exception:  # noqa: BLE001 - a bug must not take the worker down
                    logger.exception("django_reactive: error in view %s", mount.app.view.name)
                    await self.send(protocol.error(
                        "server_error", "The server failed to handle this message.",
                        ack=ack, id=mount.id))

        async def then_rest() -> None:
            try:
                await run()
            finally:
                self._rest_later(mount)

        task = asyncio.get_running_loop().create_task(then_rest())
        self.tasks[task] = None
        task.add_done_callback(self._done)

    def _done(self, task: asyncio.Task) -> None:
        del self.tasks[task]
        if not self.tasks:
            self.tasks = {}  # an emptied dict keeps its table; a new one shares the empty one

    def _rest_later(self, mount: Mount) -> None:
        """(Re)start the page's idle clock: with nothing to do for a while, it hibernates."""
        if mount.rest is not None:
            mount.rest.cancel()
        seconds = conf.get("HIBERNATE_AFTER")
        mount.rest = None if seconds is None else \
            asyncio.get_running_loop().call_later(seconds, self._hibernate, mount)

    def _hibernate(self, mount: Mount) -> None:
        """Free what the idle view's next event rebuilds (``AppSession.hibernate``).

        Not while work for it waits or runs (that work restarts the clock), nor
        while a timed fragment re-runs it anyway.
        """
        mount.rest = None
        if self.mounts.get(mount.id) is mount and not mount.lock.locked() and not mount.timers:
            mount.app.hibernate()

    async def _hello(self, hello: protocol.Hello) -> None:
        if hello.id in self.mounts:
            await self.send(protocol.error(
                "bad_message", f"View id {hello.id!r} already said 'hello'.", id=hello.id))
            return
        if len(self.mounts) >= conf.get("MAX_VIEWS"):
            await self.send(protocol.error(
                "too_many_views", f"A page may show at most {conf.get('MAX_VIEWS')} views.", id=hello.id))
            return
        view, access = await self._thread(self._find)(hello.view)
        if access == rights.ENDED:
            await self._reload()
            return
        if view is None:
            await self.send(protocol.error(
                "unknown_view", f"No reactive view named {hello.view!r}.", id=hello.id))
            return
        if access in REFUSALS:
            code, text = REFUSALS[access]
            await self.send(protocol.error(code, text, id=hello.id))
            return
        try:
            kwargs = viewargs.unsign(view.name, hello.kwargs)
        except viewargs.BadViewArguments as exc:
            await self.send(protocol.error("bad_kwargs", str(exc), id=hello.id))
            return
        # Each view gets a request of its own (built when a run first reads st.request):
        # a run swaps its message storage.
        app = AppSession(view, self.session_key, hello.tab, user=self.user, query_string=hello.query,
                         kwargs=kwargs)
        app.runner.request_factory = lambda: request_from_scope(self.scope)
        # st.context: what the browser reports, and whether its URL asks to be embedded.
        app.runner.client_info = {"url": None, **client_info(hello.client),
                                  "is_embedded": is_embed_query(hello.query)}
        mount = Mount(hello.id, app)
        if view.scope == "session":
            mount.group = group_name(self.session_key, view.state_name(kwargs))
        self.mounts[hello.id] = mount

        async def show() -> None:
            ops = await self._thread(app.refresh)()
            if not app.rendered.shown_as(hello.rev) or app.query_update is not None:
                await self.send(protocol.patch(ops, query=app.query_update, id=mount.id))
            await self.send(protocol.ready(mount.id))

        self._spawn(mount, show)

    def _find(self, name: str) -> tuple[ReactiveView | None, str | None]:
        view = registry.get(name)
        if view is None:
            return None, None
        return view, rights.recheck(view, self.scope.get("session"), self.user)[0]

    def _thread(self, fn: Any) -> Callable[..., Awaitable[Any]]:
        """``fn`` in a worker thread, within the session's share of the threads (``fairness``)."""
        run = _in_thread(fn, self.language)

        async def limited(*args: Any) -> Any:
            async with self.share:
                return await run(*args)

        return limited

    def _checked(self, mount: Mount, fn: Callable[[], Any]) -> Callable[[], Any]:
        """``fn``, run only while the user may still use the view (``rights``), as the user is now."""
        app = mount.app

        def call() -> Any:
            user = rights.check(app.view, self.scope.get("session"), self.user)
            if app.runner.user is not user:  # the view's own checks see the user as now
                app.runner.set_user(user)
            return fn()

        return call

    async def _revoked(self, mount: Mount, verdict: str) -> None:
        """The user lost the right to use the view: refuse it as a hello would, or reload the page."""
        if verdict == rights.ENDED:
            await self._reload()
            return
        code, text = REFUSALS.get(verdict, REFUSALS[registry.FORBIDDEN])
        await self.send(protocol.error(code, text, id=mount.id))
        self.mounts.pop(mount.id, None)
        for stop in mount.timers.values():
            stop()
        mount.timers.clear()
        if self.channel_layer is not None:
            await self._follow_groups()

    async def _event(self, mount: Mount, message: protocol.EventMessage) -> None:
        app = mount.app
        loop = asyncio.get_running_loop()
        event = Event(message.values, message.trigger)

        def push(text: str) -> None:
            loop.call_soon_threadsafe(lambda: loop.create_task(self.send(text)))

        def run() -> EventOutcome:
            # One worker-thread call per event, which returns once the state is
            # written. A long run also pushes what it has shown so far (no ack).
            app.stream(lambda ops: push(protocol.patch(ops, id=mount.id)))
            try:
                return app.handle_event(event)
            finally:
                app.stream(None)

        try:
            outcome = await self._thread(self._checked(mount, run))()
        except EventError as exc:
            await self.send(protocol.error(exc.code, exc.message, ack=message.seq,
                                           widget=exc.widget, id=mount.id))
            return
        except (LockTimeout, LeaseLost) as exc:
            await self.send(protocol.error("busy", str(exc), ack=message.seq, id=mount.id))
            return
        except Unavailable as exc:
            await self.send(protocol.error("unavailable", str(exc), ack=message.seq, id=mount.id))
            return
        await self.send(protocol.patch(outcome.ops, ack=message.seq, query=outcome.query, id=mount.id))
        await self._announce(mount, outcome)

    async def _reload(self) -> None:
        await self.send(protocol.reload("session_expired"))
        await self.close()
