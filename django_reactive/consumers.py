"""The WebSocket transport: one connection per reactive view on a page.

Each event runs in a worker thread (so a slow view does not hold up other
connections), under the per-(session, view) lock, against a freshly loaded
session. The patch is sent before the session write; the lock covers both.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from asgiref.sync import sync_to_async
from channels.consumer import get_handler_name
from channels.generic.websocket import AsyncWebsocketConsumer
from django.db import close_old_connections

from . import conf, protocol, registry
from .app_session import AppSession, EventOutcome, LockTimeout, SessionGone, group_name
from .push import topic_group
from .runtime import Event, EventError

logger = logging.getLogger("django_reactive")

#: Close codes (4000-4999 are the application's): the client does not reconnect.
CLOSE_NO_SESSION, CLOSE_FORBIDDEN, CLOSE_NOT_FOUND = 4401, 4403, 4404


def _in_thread(fn: Any) -> Any:
    """Run sync work in a pool thread with Django's per-request connection hygiene."""

    def call(*args: Any) -> Any:
        close_old_connections()
        try:
            return fn(*args)
        finally:
            close_old_connections()

    return sync_to_async(call, thread_sensitive=False)


class ReactiveConsumer(AsyncWebsocketConsumer):
    """Speaks docs/protocol.md for the view named in the URL."""

    app: AppSession | None = None
    group: str | None = None
    topics: frozenset[str] = frozenset()
    timers: dict[str, asyncio.Task] | None = None

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
        name = self.scope["url_route"]["kwargs"]["name"]
        self.view = registry.get(name)
        if self.view is None:
            await self.close(code=CLOSE_NOT_FOUND)
            return
        user = self.scope.get("user")
        access = await _in_thread(self.view.access)(user)
        if access != registry.ALLOWED:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        session = self.scope.get("session")
        self.session_key = getattr(session, "session_key", None)
        if not self.session_key:
            await self.close(code=CLOSE_NO_SESSION)
            return
        self.user = user
        await self.accept()

    async def disconnect(self, code: int) -> None:
        if self.group is not None:
            await self.channel_layer.group_discard(self.group, self.channel_name)
        for topic in self.topics:
            await self.channel_layer.group_discard(topic_group(topic), self.channel_name)
        for task in (self.timers or {}).values():
            task.cancel()

    async def _after_run(self) -> None:
        await self._follow_topics()
        self._follow_timers()

    def _follow_timers(self) -> None:
        """Start a timer for each ``@st.fragment(run_every=...)`` of the last run; stop the others."""
        if self.app is None or self.channel_layer is None:
            return
        self.timers = self.timers or {}
        wanted = self.app.timed_fragments()
        for fid in list(self.timers):
            if fid not in wanted:
                self.timers.pop(fid).cancel()
        for fid, interval in wanted.items():
            if fid not in self.timers:
                self.timers[fid] = asyncio.create_task(self._tick_every(fid, interval))

    async def _tick_every(self, fragment: str, interval: float) -> None:
        # Through the consumer's own channel, so a tick waits for the event in progress.
        while True:
            await asyncio.sleep(interval)
            await self.channel_layer.send(self.channel_name, {"type": "fragment.tick", "fragment": fragment})

    async def fragment_tick(self, message: dict[str, Any]) -> None:
        """A timed fragment's interval elapsed: re-run it, save, push its patch."""
        if self.app is None or message.get("fragment") not in self.app.runner.fragments:
            return

        def tick() -> EventOutcome:
            outcome = self.app.tick(message["fragment"])
            self.app.commit(outcome)
            return outcome

        outcome = await self._push_run(tick, "re-running a timed fragment")
        if outcome is None:
            return
        if outcome.ops or outcome.query is not None:
            await self.send(protocol.patch(outcome.ops, query=outcome.query))
        if outcome.changed and self.group is not None:
            await self.channel_layer.group_send(
                self.group, {"type": "state.changed", "origin": self.channel_name})
        await self._after_run()

    async def _follow_topics(self) -> None:
        """Join the groups of the topics the last run subscribed to, leave the others."""
        if self.app is None or self.channel_layer is None:
            return
        wanted = frozenset(self.app.runner.subscriptions)
        for topic in wanted - self.topics:
            await self.channel_layer.group_add(topic_group(topic), self.channel_name)
        for topic in self.topics - wanted:
            await self.channel_layer.group_discard(topic_group(topic), self.channel_name)
        self.topics = wanted

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        try:
            message = protocol.parse(text_data if text_data is not None else bytes_data,
                                     conf.get("MAX_MESSAGE_BYTES"))
        except protocol.ProtocolError as exc:
            await self.send(protocol.error(exc.code, exc.message))
            if exc.code == "unsupported_version":
                await self.close()
            return
        try:
            if isinstance(message, protocol.Hello):
                await self._hello(message)
            else:
                await self._event(message)
            await self._after_run()
        except SessionGone:
            await self._reload()
        except Exception:  # noqa: BLE001 - a bug must not take the worker down
            logger.exception("django_reactive: error while handling a message")
            ack = getattr(message, "seq", None)
            await self.send(protocol.error(
                "server_error", "The server failed to handle this message.", ack=ack))

    async def _hello(self, hello: protocol.Hello) -> None:
        if self.app is not None:
            await self.send(protocol.error("bad_message", "'hello' was already received."))
            return
        self.app = AppSession(self.view, self.session_key, hello.tab, user=self.user,
                              query_string=hello.query)
        if self.view.scope == "session" and self.channel_layer is not None:
            self.group = group_name(self.session_key, self.view.name)
            await self.channel_layer.group_add(self.group, self.channel_name)
        ops = await _in_thread(self.app.refresh)()
        if hello.rev != self.app.rendered.rev or self.app.query_update is not None:
            await self.send(protocol.patch(ops, query=self.app.query_update))
        await self.send('{"t":"ready"}')

    async def _event(self, message: protocol.EventMessage) -> None:
        if self.app is None:
            await self.send(protocol.error("not_ready", "Send 'hello' first.", ack=message.seq))
            return
        loop = asyncio.get_running_loop()
        event = Event(message.values, message.trigger)

        def push(text: str) -> None:
            loop.call_soon_threadsafe(lambda: loop.create_task(self.send(text)))

        def run() -> EventOutcome:
            # One worker-thread call per event: the patch is handed to the event
            # loop as soon as it exists, and the session is written meanwhile.
            # A long run also pushes what it has shown so far.
            self.app.stream(lambda ops: push(protocol.patch(ops)))
            try:
                outcome = self.app.apply_event(event)
            finally:
                self.app.stream(None)
            try:
                push(protocol.patch(outcome.ops, ack=message.seq, query=outcome.query))
            finally:
                self.app.commit(outcome)
            return outcome

        try:
            outcome = await _in_thread(run)()
        except EventError as exc:
            await self.send(protocol.error(exc.code, exc.message, ack=message.seq, widget=exc.widget))
            return
        except LockTimeout as exc:
            await self.send(protocol.error("busy", str(exc), ack=message.seq))
            return
        if outcome.changed and self.group is not None:
            await self.channel_layer.group_send(
                self.group, {"type": "state.changed", "origin": self.channel_name})

    async def state_changed(self, message: dict[str, Any]) -> None:
        """Another tab changed the state: re-run and push what changed here."""
        if message.get("origin") == self.channel_name or self.app is None:
            return
        ops = await self._push_run(self.app.refresh, "re-running after a state change")
        if ops is None:
            return
        if ops or self.app.query_update is not None:
            await self.send(protocol.patch(ops, query=self.app.query_update))
        await self._after_run()

    async def _push_run(self, fn: Any, what: str) -> Any:
        """Run ``fn`` in a worker thread for a push (no event to answer); None if it could not."""
        try:
            return await _in_thread(fn)()
        except LockTimeout:
            return None  # the view is busy; the next push brings the page up to date
        except SessionGone:
            await self._reload()
        except Exception:  # noqa: BLE001 - a bug must not take the worker down
            logger.exception("django_reactive: error while %s", what)
        return None

    async def _reload(self) -> None:
        await self.send(protocol.dumps({"t": "reload", "reason": "session_expired"}))
        await self.close()
