"""WebSocket helpers shared by the test modules: a session, the page's connection, widget ids."""

import re

from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator

from demo_project.asgi import application
from django_reactive.app_session import session_store
from tests import reactive_views  # noqa: F401 - registers the views


@sync_to_async
def new_session() -> str:
    session = session_store(None)
    session.create()
    return session.session_key


@sync_to_async
def saved_state(session_key: str, name: str) -> dict:
    """The user keys of a view's state as stored in the session (decoded)."""
    from django_reactive.state import StateStore

    store = StateStore()
    store.load(session_store(session_key).get("_reactive", {}).get(name))
    return store.user


async def connect(session_key: str | None, origin: bytes = b"http://localhost", headers=()):
    """Open the page's WebSocket, as the browser does (from a page of http://localhost)."""
    headers = [(b"origin", origin), *headers]
    if not any(name == b"host" for name, _ in headers):
        headers.append((b"host", b"localhost"))
    if session_key:
        headers.append((b"cookie", f"sessionid={session_key}".encode()))
    comm = WebsocketCommunicator(application, "/ws/reactive/", headers=headers)
    connected, code = await comm.connect(timeout=5)
    return comm, connected, code


class ViewSocket:
    """The page's connection as one view on it uses it: its events carry the view's id,
    and every message it receives must be addressed to that id (which is then dropped)."""

    def __init__(self, comm: WebsocketCommunicator, view_id: str = "1") -> None:
        self.comm = comm
        self.id = view_id

    async def send_json_to(self, message: dict) -> None:
        if message.get("t") == "event":
            message = {"id": self.id, **message}
        await self.comm.send_json_to(message)

    async def receive_json_from(self, timeout: float = 5) -> dict:
        message = await self.comm.receive_json_from(timeout=timeout)
        if message.get("t") in ("patch", "ready") or "id" in message:
            assert message.pop("id") == self.id, message
        return message

    def __getattr__(self, name: str):
        return getattr(self.comm, name)


async def say_hello(comm, name: str, tab: str = "t1", view_id: str = "1", **fields) -> None:
    await comm.send_json_to({"t": "hello", "v": 1, "id": view_id, "view": name, "tab": tab, **fields})


async def open_view(name: str, session_key: str, tab: str = "t1"):
    """Show the view ``name`` on a new connection; returns (socket, label -> widget id, first html)."""
    comm, connected, _ = await connect(session_key)
    assert connected
    view = ViewSocket(comm)
    await say_hello(comm, name, tab)
    first = await view.receive_json_from(timeout=5)
    assert first["t"] == "patch" and "r" in first["ops"], first
    assert await view.receive_json_from(timeout=5) == {"t": "ready"}
    return view, widget_ids(first["ops"]["r"]), first["ops"]["r"]


WIDGET_PATTERNS = [
    r'data-reactive-widget="(w[0-9a-f]+)" data-reactive-kind="button"[^>]*>([^<]+)<',
    r'data-reactive-widget="(w[0-9a-f]+)" data-reactive-kind="checkbox"[^>]*> <span[^>]*>([^<]+)<',
    r'for="rx-[\w.-]+?-(w[0-9a-f]{12})">([^<]+)<',
]


def widget_ids(html: str) -> dict[str, str]:
    """Label -> widget id of every widget in the markup, as a user would find them."""
    return {label: wid for pattern in WIDGET_PATTERNS for wid, label in re.findall(pattern, html)}
