"""The demo's ASGI application, plus what the benchmarks compare it with.

* the benchmark pages of :mod:`benchmarks.urls` (the demo's settings with that
  URLconf, :mod:`benchmarks.settings`, unless ``DJANGO_SETTINGS_MODULE`` is set);
* ``ws/echo/``: a bare consumer answering each text frame with one fixed frame
  the size of a counter patch, behind the same middleware as the reactive
  consumer (origin check, session and auth);
* ``/bench/echo/``: a static page that clicks through that echo consumer, the
  browser baseline of ``benchmarks/browser_click.py``;
* static files, served by Django's static files handler: the demo runs with
  ``DEBUG`` off here, and then nothing else would serve them.

Run with ``python -m daphne benchmarks.asgi:application`` from the repository
root (``benchmarks/server.py`` does).
"""

from __future__ import annotations

import os
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.generic.websocket import AsyncWebsocketConsumer  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402
from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler  # noqa: E402
from django.urls import path  # noqa: E402

from demo_project.asgi import django_asgi_app, websocket_urlpatterns  # noqa: E402

#: What the echo consumer answers: a counter patch as the demo sends it, with the view's
#: id, for event 500 and ``Count = 500`` (142 bytes, the mean size over a
#: ``ws_roundtrip`` run of 1,000 events: acks and counts of 2 to 4 digits).
ECHO_REPLY = (
    '{"t":"patch","id":"1","ack":500,"ops":{"m.3":"<div class=\\"rx rx-markdown\\" '
    'data-reactive-id=\\"m.3\\"><p>Count =  <code>500</code></p></div>"}}'
)

ECHO_PAGE_PATH = "/bench/echo/"

#: The browser baseline: a button whose click goes through the echo consumer and back.
ECHO_PAGE = b"""<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Echo baseline</title></head>
<body>
<div id="echo-view">
  <button type="button">Increment</button>
  <p id="echo-count">Count = 0</p>
</div>
<script>
const view = document.getElementById("echo-view");
const out = document.getElementById("echo-count");
const ws = new WebSocket(new URL("/ws/echo/", location.href.replace(/^http/, "ws")));
let seq = 0;
let count = 0;
ws.onopen = () => { view.dataset.echoReady = "true"; };
ws.onmessage = (ev) => {
  JSON.parse(ev.data);
  out.textContent = `Count = ${++count}`;
};
view.querySelector("button").addEventListener("click", () => {
  ws.send(JSON.stringify({ t: "event", id: "1", seq: ++seq, trigger: "w81be02c4a9d0" }));
});
</script>
</body>
</html>
"""


class EchoConsumer(AsyncWebsocketConsumer):
    """Answers every text frame with :data:`ECHO_REPLY`: the transport without the view."""

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        await self.send(ECHO_REPLY)


async def _echo_page(scope: dict[str, Any], receive: Any, send: Any) -> None:
    await send({
        "type": "http.response.start",
        "status": 200,
        "headers": [(b"content-type", b"text/html; charset=utf-8"),
                    (b"content-length", str(len(ECHO_PAGE)).encode())],
    })
    await send({"type": "http.response.body", "body": ECHO_PAGE})


_static_and_django = ASGIStaticFilesHandler(django_asgi_app)


async def http_application(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """The echo page at :data:`ECHO_PAGE_PATH`; static files and Django for the rest."""
    if scope["path"] == ECHO_PAGE_PATH:
        await _echo_page(scope, receive, send)
    else:
        await _static_and_django(scope, receive, send)


application = ProtocolTypeRouter({
    "http": http_application,
    "websocket": AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter([
        path("ws/echo/", EchoConsumer.as_asgi()),
        *websocket_urlpatterns,
    ]))),
})
