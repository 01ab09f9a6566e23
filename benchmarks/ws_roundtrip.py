"""Round trip of a click over a real WebSocket: the counter view against a bare echo consumer.

Loads ``/counter/`` (or the page given by ``--path``, e.g.
``/bench/table-counter/``: the counter with a 200-row table) over HTTP for the
session cookie, the view's name, tab id and rev and the Increment button's
widget id, opens ``ws/reactive/``, says hello for that view, then sends
sequential click events, each waiting for the patch that acknowledges it.
The same frames then go to ``ws/echo/`` on the same server, which answers each
with one frame of a counter patch's size, without running any view. Reports
per-event round-trip times (client clock), bytes and frames per event, the
server's CPU time per event (when this script started the server) and the
reactive/echo ratio.

Run from the repository root::

    .venv/bin/python -m benchmarks.ws_roundtrip --events 1000 --repeat 3
    .venv/bin/python -m benchmarks.ws_roundtrip --path /bench/table-counter/ --repeat 3

The page loading, ``hello`` and event frames are reused by
:mod:`benchmarks.throughput` and :mod:`benchmarks.memory`.
"""

from __future__ import annotations

import argparse
import asyncio
import http.cookiejar
import json
import statistics
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

from websockets.asyncio.client import ClientConnection, connect

from benchmarks.server import Server, loopback_url, percentile, serve

PAGE_PATH = "/counter/"
REACTIVE_WS_PATH = "/ws/reactive/"
ECHO_WS_PATH = "/ws/echo/"


@dataclass(frozen=True)
class Page:
    """What a browser learns from a counter page and needs on the WebSocket."""

    cookie: str
    view: str
    tab: str
    rev: str
    increment: str


class _PageParser(HTMLParser):
    """Finds the view's name, tab id and rev, and the widget id of the Increment button."""

    def __init__(self) -> None:
        super().__init__()
        self.view = self.tab = self.rev = self.increment = ""
        self._button: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if "data-reactive-tab" in attributes:
            self.view = attributes.get("data-reactive-view") or ""
            self.tab = attributes["data-reactive-tab"] or ""
            self.rev = attributes.get("data-reactive-rev") or ""
        if tag == "button":
            self._button = attributes.get("data-reactive-widget")

    def handle_data(self, data: str) -> None:
        if self._button and data.strip() == "Increment":
            self.increment = self._button

    def handle_endtag(self, tag: str) -> None:
        if tag == "button":
            self._button = None


def load_page(base_url: str, path: str = PAGE_PATH, jar: http.cookiejar.CookieJar | None = None) -> Page:
    """GET a page showing one counter view.

    With a fresh cookie jar (the default) the page gets a new session; with the
    jar of an earlier load, it is one more tab of that session.
    """
    jar = http.cookiejar.CookieJar() if jar is None else jar
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(base_url + path, timeout=10) as response:
        html = response.read().decode()
    parser = _PageParser()
    parser.feed(html)
    if not (parser.view and parser.tab and parser.rev and parser.increment):
        raise RuntimeError(f"{path} lacks a reactive view with its tab and rev, or an Increment button")
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    return Page(cookie, parser.view, parser.tab, parser.rev, parser.increment)


def event_frame(page: Page, seq: int) -> str:
    """The frame of a click on Increment, as the page's view ``"1"`` sends it."""
    return json.dumps({"t": "event", "id": "1", "seq": seq, "trigger": page.increment},
                      separators=(",", ":"))


@dataclass
class Measurement:
    """Per measured event: round trip (s), bytes sent and received, frames received."""

    rtt: list[float] = field(default_factory=list)
    sent: list[int] = field(default_factory=list)
    received: list[int] = field(default_factory=list)
    frames: list[int] = field(default_factory=list)
    cpu_per_event: float | None = None


#: Decides whether a reply frame answers event ``seq``; raises on an error frame.
Matcher = Callable[[dict, int], bool]


def reactive_answer(message: dict, seq: int) -> bool:
    """Whether ``message`` is the patch acknowledging event ``seq``; raises on an error frame."""
    if message.get("t") == "error":
        raise RuntimeError(f"the server refused event {seq}: {message}")
    return message.get("t") == "patch" and message.get("ack") == seq


def _echo_answer(message: dict, seq: int) -> bool:
    return True


async def hello(ws: ClientConnection, page: Page, timeout: float) -> None:
    """Show the page's view as id ``"1"`` on ``ws`` and wait until it is ready."""
    await ws.send(json.dumps({"t": "hello", "v": 1, "id": "1", "view": page.view, "tab": page.tab,
                              "rev": page.rev}))
    async with asyncio.timeout(timeout):
        while json.loads(await ws.recv()).get("t") != "ready":
            pass


async def _click_loop(ws: ClientConnection, page: Page, server: Server, is_answer: Matcher,
                      args: argparse.Namespace) -> Measurement:
    result = Measurement()
    events, warmup = args.events, args.warmup
    cpu_start = None
    for seq in range(1, warmup + events + 1):
        if args.pause_ms:
            await asyncio.sleep(args.pause_ms / 1000)
        if seq == warmup + 1:
            cpu_start = server.cpu_seconds()
        frame = event_frame(page, seq)
        received = frames = 0
        started = time.perf_counter()
        await ws.send(frame)
        async with asyncio.timeout(args.timeout):
            while True:
                reply = await ws.recv()
                received += len(reply.encode() if isinstance(reply, str) else reply)
                frames += 1
                if is_answer(json.loads(reply), seq):
                    break
        elapsed = time.perf_counter() - started
        if seq > warmup:
            result.rtt.append(elapsed)
            result.sent.append(len(frame.encode()))
            result.received.append(received)
            result.frames.append(frames)
    cpu_end = server.cpu_seconds()
    if cpu_start is not None and cpu_end is not None:
        result.cpu_per_event = (cpu_end - cpu_start) / events
    return result


async def measure(server: Server, ws_path: str, args: argparse.Namespace) -> Measurement:
    """Load a fresh page, connect to ``ws_path`` and time ``args.events`` sequential clicks."""
    page = load_page(server.url, args.path)
    headers = {"Cookie": page.cookie, "Origin": server.url}
    url = server.url.replace("http://", "ws://", 1) + ws_path
    async with connect(url, additional_headers=headers, compression=None, open_timeout=args.timeout) as ws:
        if ws_path == ECHO_WS_PATH:
            return await _click_loop(ws, page, server, _echo_answer, args)
        await hello(ws, page, args.timeout)
        return await _click_loop(ws, page, server, reactive_answer, args)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.3f}"


def report(reactive: Measurement, echo: Measurement) -> float:
    """Print one run's table; return the ratio of the median round trips (reactive / echo)."""
    rows: list[tuple[str, Callable[[Measurement], str]]] = [
        ("round trip p50 (ms)", lambda m: _ms(percentile(m.rtt, 50))),
        ("round trip p90 (ms)", lambda m: _ms(percentile(m.rtt, 90))),
        ("round trip p99 (ms)", lambda m: _ms(percentile(m.rtt, 99))),
        ("round trip mean (ms)", lambda m: _ms(statistics.fmean(m.rtt))),
        ("server CPU per event (ms)",
         lambda m: "n/a" if m.cpu_per_event is None else _ms(m.cpu_per_event)),
        ("bytes sent per event", lambda m: f"{statistics.fmean(m.sent):.1f}"),
        ("bytes received per event", lambda m: f"{statistics.fmean(m.received):.1f}"),
        ("frames sent per event", lambda m: "1"),
        ("frames received per event", lambda m: f"{statistics.fmean(m.frames):.2f}"),
    ]
    print(f"  {'':28}{'reactive':>12}{'echo':>12}")
    for label, cell in rows:
        print(f"  {label:28}{cell(reactive):>12}{cell(echo):>12}")
    ratio = percentile(reactive.rtt, 50) / percentile(echo.rtt, 50)
    print(f"  {'ratio of p50 (reactive/echo)':28}{ratio:>12.2f}")
    return ratio


def _spread(label: str, values: list[float], unit: str = "") -> None:
    print(f"  {label:28} min {min(values):.3f}{unit}  median {statistics.median(values):.3f}{unit}"
          f"  max {max(values):.3f}{unit}")


async def run(args: argparse.Namespace) -> None:
    with serve(args.url) as server:
        print(f"server {server.url}, page {args.path}; {args.events} events after {args.warmup} warm-up, "
              f"{args.pause_ms} ms pause between events, {args.repeat} run(s)")
        p50s: dict[str, list[float]] = {"reactive": [], "echo": []}
        ratios: list[float] = []
        for run_no in range(1, args.repeat + 1):
            # Alternate which endpoint goes first, so drift does not favour one.
            order = [REACTIVE_WS_PATH, ECHO_WS_PATH]
            if run_no % 2 == 0:
                order.reverse()
            results = {path: await measure(server, path, args) for path in order}
            reactive, echo = results[REACTIVE_WS_PATH], results[ECHO_WS_PATH]
            print(f"run {run_no}/{args.repeat}")
            ratios.append(report(reactive, echo))
            p50s["reactive"].append(percentile(reactive.rtt, 50) * 1000)
            p50s["echo"].append(percentile(echo.rtt, 50) * 1000)
        if args.repeat > 1:
            print(f"spread over {args.repeat} runs")
            _spread("reactive p50", p50s["reactive"], " ms")
            _spread("echo p50", p50s["echo"], " ms")
            _spread("ratio of p50", ratios)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--path", default=PAGE_PATH,
                        help="the page whose view is clicked; it must show Increment and Count "
                             "(default /counter/; /bench/table-counter/ adds a 200-row table)")
    parser.add_argument("--events", type=int, default=1000, help="measured events per endpoint")
    parser.add_argument("--warmup", type=int, default=50, help="events sent before measuring")
    parser.add_argument("--repeat", type=int, default=1, help="number of whole measurements")
    parser.add_argument("--pause-ms", type=float, default=0,
                        help="idle time before each event, as between a user's clicks (default 0: "
                             "back to back, so an event may wait for the previous one's session write)")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for one answer")
    parser.add_argument("--url", type=loopback_url,
                        help="benchmark this running server (e.g. http://127.0.0.1:8000) instead of "
                             "starting one; it must serve benchmarks.asgi")
    args = parser.parse_args()
    if args.events < 1 or args.repeat < 1 or args.warmup < 0 or args.pause_ms < 0:
        parser.error("--events and --repeat must be positive, --warmup and --pause-ms not negative")
    if not args.path.startswith("/"):
        parser.error("--path must start with /")
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
