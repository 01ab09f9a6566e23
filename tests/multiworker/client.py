"""A small async client of django_reactive's page and WebSocket protocol (docs/protocol.md).

It does what the page's JavaScript does, and no more: GET the page with the
session cookie, read the view root's ``data-reactive-*`` attributes and the
buttons' widget ids, open ``/ws/reactive/`` on a chosen worker, say ``hello``,
click, and record every answer. A :class:`Browser` is one cookie jar (one Django
session); it can open the same page on either worker, as a load balancer would.

Every wait has a timeout: a worker that dies or hangs fails the test, it does
not hang it.
"""

from __future__ import annotations

import asyncio
import html as htmllib
import inspect
import json
import re
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

#: The default timeout of one wait (a page, a hello, one answer).
TIMEOUT = 10.0

#: ``Count = N`` as the test views show it.
COUNT_RE = re.compile(r"Count = (\d+)")
ROOT_RE = re.compile(r'<div class="reactive-view"([^>]*)>')
ATTR_RE = re.compile(r'data-reactive-([a-z]+)="([^"]*)"')
BUTTON_RE = re.compile(r'data-reactive-widget="(w[0-9a-f]+)" data-reactive-kind="button"[^>]*>([^<]+)<')

#: No proxy, whatever the environment says: every server here is on 127.0.0.1.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))
_NO_PROXY: dict[str, Any] = {"proxy": None} if "proxy" in inspect.signature(connect).parameters else {}


class ConnectionLost(Exception):
    """The WebSocket closed (or the worker died) before the awaited message came."""


def count_in(markup: str) -> int | None:
    """The ``Count = N`` shown in some markup, or None."""
    found = COUNT_RE.search(htmllib.unescape(markup))
    return int(found.group(1)) if found else None


@dataclass
class Page:
    """A reactive page as served: what the client needs to bring its view to life."""

    url: str
    html: str
    view: str
    tab: str
    rev: str
    kw: str | None
    #: Button label -> widget id.
    buttons: dict[str, str]

    @classmethod
    def parse(cls, url: str, markup: str) -> Page:
        root = ROOT_RE.search(markup)
        if root is None:
            raise AssertionError(f"no reactive view in the page {url}:\n{markup[:2000]}")
        attrs = {name: htmllib.unescape(value) for name, value in ATTR_RE.findall(root.group(1))}
        buttons = {htmllib.unescape(label).strip(): wid for wid, label in BUTTON_RE.findall(markup)}
        return cls(url, markup, attrs["view"], attrs["tab"], attrs["rev"], attrs.get("kw"), buttons)

    @property
    def count(self) -> int | None:
        return count_in(self.html)


class Browser:
    """One cookie jar, so one Django session, across both workers."""

    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}

    def cookie_header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    @property
    def session_key(self) -> str | None:
        return self.cookies.get("sessionid")

    def _get(self, url: str, timeout: float) -> str:
        headers = {"Cookie": self.cookie_header()} if self.cookies else {}
        request = urllib.request.Request(url, headers=headers)
        with _OPENER.open(request, timeout=timeout) as response:
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            return response.read().decode()

    async def get(self, base_url: str, path: str, timeout: float = TIMEOUT) -> Page:
        """GET a page (creating the session on the first one) and parse its view."""
        url = base_url + path
        return Page.parse(url, await self.fetch(url, timeout))

    async def fetch(self, url: str, timeout: float = TIMEOUT) -> str:
        """GET any URL with the session cookie; its body."""
        return await asyncio.wait_for(asyncio.to_thread(self._get, url, timeout), timeout + 1)

    async def count(self, base_url: str, path: str, timeout: float = TIMEOUT) -> int:
        """The count the session holds, as a fresh page on ``base_url`` shows it."""
        page = await self.get(base_url, path, timeout)
        if page.count is None:
            raise AssertionError(f"no 'Count = N' in {page.url}:\n{page.html[:2000]}")
        return page.count

    async def open(self, ws_url: str, page: Page, *, view_id: str = "v1", resync: bool = False,
                   timeout: float = TIMEOUT) -> ViewConnection:
        """Open the page's WebSocket on a worker and show its view; returns once it is ready.

        ``resync``: say ``hello`` without ``rev``, as a client reconnecting after it
        lost the socket does: the server sends the whole view (``ops["r"]``).
        """
        origin = "http://" + ws_url.split("://", 1)[1].split("/", 1)[0]
        ws = await asyncio.wait_for(connect(
            ws_url, origin=origin, additional_headers={"Cookie": self.cookie_header()},
            open_timeout=timeout, close_timeout=2, **_NO_PROXY), timeout + 1)
        view = ViewConnection(ws, view_id, page)
        hello: dict[str, Any] = {"t": "hello", "v": 1, "id": view_id, "view": page.view, "tab": page.tab}
        if not resync:
            hello["rev"] = page.rev
        if page.kw:
            hello["kw"] = page.kw
        try:
            await view.send(hello)
            ready = await view.wait_for(lambda m: m.get("t") in ("ready", "error", "reload"), timeout)
        except BaseException:
            await view.close()
            raise
        if ready.get("t") != "ready":
            await view.close()
            raise AssertionError(f"hello refused: {ready}")
        return view


@dataclass
class Received:
    """One message from the server, and when it arrived (``time.monotonic()``)."""

    at: float
    message: dict[str, Any]


@dataclass
class ViewConnection:
    """One view shown over one WebSocket: sends clicks, records every message it receives."""

    ws: ClientConnection
    id: str
    page: Page
    received: list[Received] = field(default_factory=list)
    #: Seq of every event sent, in order.
    sent: list[int] = field(default_factory=list)
    closed: bool = False
    _seq: int = 0
    _changed: asyncio.Condition = field(default_factory=asyncio.Condition)
    _reader: asyncio.Task[None] | None = None

    def __post_init__(self) -> None:
        self._reader = asyncio.get_running_loop().create_task(self._read())

    async def _read(self) -> None:
        try:
            async for raw in self.ws:
                message = json.loads(raw)
                async with self._changed:
                    self.received.append(Received(time.monotonic(), message))
                    self._changed.notify_all()
        except ConnectionClosed:
            pass
        finally:
            async with self._changed:
                self.closed = True
                self._changed.notify_all()

    # -- what was received -------------------------------------------------------------------------

    @property
    def messages(self) -> list[dict[str, Any]]:
        return [r.message for r in self.received]

    @property
    def acked(self) -> list[int]:
        """Seqs acknowledged by a patch (an ack means the click was saved)."""
        return [m["ack"] for m in self.messages if m.get("t") == "patch" and "ack" in m]

    @property
    def errors(self) -> list[dict[str, Any]]:
        return [m for m in self.messages if m.get("t") == "error"]

    @property
    def reloads(self) -> list[dict[str, Any]]:
        return [m for m in self.messages if m.get("t") == "reload"]

    @property
    def answered(self) -> set[int]:
        """Seqs answered by a patch or an error."""
        return {m["ack"] for m in self.messages if "ack" in m}

    def answers_to(self, seq: int) -> list[dict[str, Any]]:
        """Every message answering the event ``seq`` (one, unless the server misbehaves)."""
        return [m for m in self.messages if m.get("ack") == seq]

    def last_count(self) -> int | None:
        """The last ``Count = N`` any message (patch, push, resync) showed."""
        for message in reversed(self.messages):
            for markup in (message.get("ops") or {}).values():
                found = count_in(markup)
                if found is not None:
                    return found
        return None

    # -- waiting -----------------------------------------------------------------------------------

    async def wait_for(self, predicate: Callable[[dict[str, Any]], bool], timeout: float = TIMEOUT,
                       *, start: int = 0) -> dict[str, Any]:
        """The first message from index ``start`` on that satisfies ``predicate``.

        Raises :class:`ConnectionLost` when the socket closes first, ``TimeoutError``
        after ``timeout`` seconds.
        """

        def found() -> dict[str, Any] | None:
            for received in self.received[start:]:
                if predicate(received.message):
                    return received.message
            return None

        async def wait() -> dict[str, Any]:
            async with self._changed:
                while True:
                    message = found()
                    if message is not None:
                        return message
                    if self.closed:
                        raise ConnectionLost(f"the socket closed; received {self.messages}")
                    await self._changed.wait()

        try:
            return await asyncio.wait_for(wait(), timeout)
        except TimeoutError:
            raise TimeoutError(f"nothing matched within {timeout} s; received {self.messages}") from None

    async def wait_closed(self, timeout: float = TIMEOUT) -> None:
        """Until the socket is closed (e.g. its worker was killed)."""

        async def wait() -> None:
            async with self._changed:
                await self._changed.wait_for(lambda: self.closed)

        await asyncio.wait_for(wait(), timeout)

    async def answer(self, seq: int, timeout: float = TIMEOUT) -> dict[str, Any]:
        """The answer to event ``seq``: its ``patch`` with ``ack``, an ``error`` for it, or a ``reload``."""
        return await self.wait_for(lambda m: m.get("ack") == seq or m.get("t") == "reload", timeout)

    async def quiet(self, seconds: float) -> None:
        """Let ``seconds`` pass, collecting what arrives (e.g. an error after an ack)."""
        await asyncio.sleep(seconds)

    # -- sending -----------------------------------------------------------------------------------

    async def send(self, message: dict[str, Any]) -> None:
        try:
            await asyncio.wait_for(self.ws.send(json.dumps(message)), TIMEOUT)
        except ConnectionClosed as exc:
            raise ConnectionLost(str(exc)) from exc

    async def send_click(self, label: str) -> int:
        """Click the button ``label`` without waiting for the answer; returns the event's seq."""
        self._seq += 1
        self.sent.append(self._seq)
        await self.send({"t": "event", "id": self.id, "seq": self._seq, "trigger": self.page.buttons[label]})
        return self._seq

    async def click(self, label: str, timeout: float = TIMEOUT) -> dict[str, Any]:
        """Click and wait for the answer (see :meth:`answer`)."""
        return await self.answer(await self.send_click(label), timeout)

    async def close(self) -> None:
        try:
            await asyncio.wait_for(self.ws.close(), 3)
        except (TimeoutError, OSError):
            pass
        if self._reader is not None:
            self._reader.cancel()
            try:
                await self._reader
            except (asyncio.CancelledError, Exception):  # noqa: BLE001 - closing anyway
                pass


def is_ack(message: dict[str, Any], seq: int | None = None) -> bool:
    """Whether ``message`` is a patch acknowledging an event (``seq``, when given)."""
    return message.get("t") == "patch" and "ack" in message and (seq is None or message["ack"] == seq)
