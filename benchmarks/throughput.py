"""Throughput: N WebSocket clients clicking Increment as fast as acknowledged, for a fixed time.

Each client sends a click event, waits for the patch that acknowledges it,
and sends the next one at once, for ``--warmup`` seconds and then the measured
``--duration``. All clients run in this one process (asyncio), each on its own
WebSocket. Modes (``--mode``, repeatable; default all three):

* ``sessions``: each client loads the page with a fresh cookie jar: N users,
  N sessions, N independent locks. The figure of BENCHMARKS.md.
* ``one-session``: the clients load the page with one cookie jar: N tabs of
  one browser. Each event takes the view's per-(session, view) lock, so the
  events are serialised; and each event that changes the state makes the
  server re-run the view for the session's other tabs and push them a patch
  (which the clients read and do not count).
* ``echo``: N clients of the bare ``ws/echo/`` consumer: the transport's
  ceiling on this machine.

Reports events per second (answers received inside the measured window),
round-trip latency percentiles of the events sent and answered inside it,
the spread between clients, error frames (e.g. ``busy``), pushed patches, and
the CPU time of the server (when this script started it) and of this client
process.

Run from the repository root::

    .venv/bin/python -m benchmarks.throughput --clients 4 --duration 20 --repeat 3
"""

from __future__ import annotations

import argparse
import asyncio
import http.cookiejar
import json
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field

from websockets.asyncio.client import ClientConnection, connect

from benchmarks.server import Server, loopback_url, percentile, serve
from benchmarks.ws_roundtrip import (
    ECHO_WS_PATH,
    PAGE_PATH,
    REACTIVE_WS_PATH,
    Page,
    event_frame,
    hello,
    load_page,
)

MODES = ("sessions", "one-session", "echo")


@dataclass(frozen=True)
class Window:
    """The measured interval, on the ``time.perf_counter`` clock."""

    start: float
    end: float


@dataclass
class ClientResult:
    """What one client saw in the measured window."""

    #: Round trips (s) of the events sent and answered inside the window.
    latencies: list[float] = field(default_factory=list)
    #: Events answered inside the window (whenever they were sent).
    answered: int = 0
    #: Error frames answering an event, by code.
    errors: Counter[str] = field(default_factory=Counter)
    #: Frames that answered no event of this client (patches pushed after another tab's event).
    pushed: int = 0


@dataclass
class ModeResult:
    """One mode's run: every client's result, and CPU seconds spent over the window."""

    mode: str
    duration: float
    clients: list[ClientResult]
    server_cpu: float | None
    client_cpu: float

    @property
    def latencies(self) -> list[float]:
        return [rtt for client in self.clients for rtt in client.latencies]

    @property
    def events_per_second(self) -> float:
        return sum(client.answered for client in self.clients) / self.duration


def _pages(server: Server, mode: str, clients: int, path: str) -> list[Page]:
    """One page load per client: fresh sessions, or tabs of one session."""
    if mode == "one-session":
        jar = http.cookiejar.CookieJar()
        return [load_page(server.url, path, jar) for _ in range(clients)]
    return [load_page(server.url, path) for _ in range(clients)]


async def _click(ws: ClientConnection, page: Page, echo: bool, window: Window,
                 timeout: float) -> ClientResult:
    """Click until the window ends, each event right after the previous one's answer."""
    result = ClientResult()
    seq = 0
    while time.perf_counter() < window.end:
        seq += 1
        frame = event_frame(page, seq)
        started = time.perf_counter()
        await ws.send(frame)
        async with asyncio.timeout(timeout):
            while True:
                message = json.loads(await ws.recv())
                if echo:
                    break
                if message.get("ack") == seq and message.get("t") in ("patch", "error"):
                    if message["t"] == "error":
                        result.errors[message.get("code", "?")] += 1
                    break
                result.pushed += 1
        done = time.perf_counter()
        if window.start <= done <= window.end:
            result.answered += 1
            if started >= window.start:
                result.latencies.append(done - started)
    return result


async def _cpu_over(server: Server, window: Window) -> tuple[float | None, float]:
    """CPU seconds of the server and of this process between the window's start and end."""
    await asyncio.sleep(max(0.0, window.start - time.perf_counter()))
    server_start, client_start = server.cpu_seconds(), time.process_time()
    await asyncio.sleep(max(0.0, window.end - time.perf_counter()))
    server_end, client_end = server.cpu_seconds(), time.process_time()
    server_cpu = None if server_start is None or server_end is None else server_end - server_start
    return server_cpu, client_end - client_start


async def measure(server: Server, mode: str, args: argparse.Namespace) -> ModeResult:
    """Connect ``args.clients`` clients in ``mode``, then let them click for warm-up + duration."""
    pages = _pages(server, mode, args.clients, args.path)
    echo = mode == "echo"
    url = server.url.replace("http://", "ws://", 1) + (ECHO_WS_PATH if echo else REACTIVE_WS_PATH)
    sockets: list[ClientConnection] = []
    try:
        for page in pages:
            ws = await connect(url, additional_headers={"Cookie": page.cookie, "Origin": server.url},
                               compression=None, ping_interval=None, open_timeout=args.timeout)
            sockets.append(ws)
            if not echo:
                await hello(ws, page, args.timeout)
        start = time.perf_counter() + args.warmup
        window = Window(start, start + args.duration)
        cpu = asyncio.create_task(_cpu_over(server, window))
        clients = await asyncio.gather(*(_click(ws, page, echo, window, args.timeout)
                                         for ws, page in zip(sockets, pages)))
        server_cpu, client_cpu = await cpu
    finally:
        for ws in sockets:
            await ws.close()
    return ModeResult(mode, args.duration, list(clients), server_cpu, client_cpu)


def report(result: ModeResult) -> None:
    """Print one mode's run."""
    latencies = result.latencies
    events = sum(client.answered for client in result.clients)
    per_client = [client.answered / result.duration for client in result.clients]
    errors = sum((client.errors for client in result.clients), Counter())
    pushed = sum(client.pushed for client in result.clients)
    print(f"  {result.mode:12} {result.events_per_second:8.1f} events/s  "
          f"p50 {percentile(latencies, 50) * 1000:7.2f}  p90 {percentile(latencies, 90) * 1000:7.2f}  "
          f"p99 {percentile(latencies, 99) * 1000:7.2f}  mean {statistics.fmean(latencies) * 1000:7.2f} ms")
    server = ("n/a" if result.server_cpu is None else
              f"{result.server_cpu / result.duration:.0%} of a core, "
              f"{result.server_cpu / events * 1000:.2f} ms per event")
    print(f"  {'':12} per client {min(per_client):.1f} to {max(per_client):.1f} events/s; "
          f"server CPU {server}; client CPU {result.client_cpu / result.duration:.0%} of a core")
    if errors or pushed:
        print(f"  {'':12} error frames {dict(errors) or 0}; pushed patches {pushed / max(events, 1):.2f} "
              "per event")


async def run(args: argparse.Namespace) -> None:
    modes: list[str] = args.mode or list(MODES)
    with serve(args.url) as server:
        print(f"server {server.url}, page {args.path}; {args.clients} clients, {args.warmup:g} s warm-up "
              f"then {args.duration:g} s measured, modes {', '.join(modes)}, {args.repeat} run(s)")
        rates: dict[str, list[float]] = {mode: [] for mode in modes}
        p50s: dict[str, list[float]] = {mode: [] for mode in modes}
        for run_no in range(1, args.repeat + 1):
            # Rotate the order of the modes, so drift does not favour one.
            shift = (run_no - 1) % len(modes)
            print(f"run {run_no}/{args.repeat}")
            for mode in modes[shift:] + modes[:shift]:
                result = await measure(server, mode, args)
                report(result)
                rates[mode].append(result.events_per_second)
                p50s[mode].append(percentile(result.latencies, 50) * 1000)
        if args.repeat > 1:
            print(f"spread over {args.repeat} runs (min / median / max)")
            for mode in modes:
                print(f"  {mode:12} events/s {min(rates[mode]):7.1f} {statistics.median(rates[mode]):7.1f} "
                      f"{max(rates[mode]):7.1f}   p50 ms {min(p50s[mode]):6.2f} "
                      f"{statistics.median(p50s[mode]):6.2f} {max(p50s[mode]):6.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients (default 4)")
    parser.add_argument("--duration", type=float, default=20, help="measured seconds (default 20)")
    parser.add_argument("--warmup", type=float, default=3, help="seconds of clicking before measuring")
    parser.add_argument("--mode", action="append", choices=MODES,
                        help="sessions, one-session or echo; repeat the option for several "
                             "(default: all three)")
    parser.add_argument("--repeat", type=int, default=1, help="number of whole measurements")
    parser.add_argument("--path", default=PAGE_PATH,
                        help="the page whose view is clicked; it must show Increment and Count "
                             "(default /counter/)")
    parser.add_argument("--timeout", type=float, default=15.0, help="seconds to wait for one answer")
    parser.add_argument("--url", type=loopback_url,
                        help="benchmark this running server (e.g. http://127.0.0.1:8000) instead of "
                             "starting one; it must serve benchmarks.asgi")
    args = parser.parse_args()
    if args.clients < 1 or args.repeat < 1 or args.duration <= 0 or args.warmup < 0:
        parser.error("--clients, --repeat and --duration must be positive, --warmup not negative")
    if not args.path.startswith("/"):
        parser.error("--path must start with /")
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
