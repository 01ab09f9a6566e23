"""Server memory per idle connected page: the RSS of the daphne process at 1, 10, 50, ... pages.

Three kinds of pages, each measured on a fresh server (``--kind``, repeatable;
default all three):

* ``browser``: real pages in headless Chromium, each in a browser context of
  its own (a session each, like different users), or all in one context with
  ``--one-context`` (tabs of one session). A page counts once its view is
  live (``data-reactive-ready``).
* ``ws``: lightweight clients (the websockets library, all in this process):
  each GETs the page with a fresh cookie jar (a new session, as a first visit
  does), opens ``ws/reactive/`` with that cookie, says ``hello``, waits for
  ``ready``, and then stays idle (no pings of its own; it answers the
  server's).
* ``echo``: the same lightweight clients, but connected to the bare
  ``ws/echo/`` consumer (no ``hello``, no view): what the transport (daphne,
  Channels and its middleware) keeps per connection on its own.

Before counting, one page is opened and closed (imports, templates, the
view's first run), and the RSS with no page open is the baseline. Pages are
then added up to each count of ``--browser-pages`` / ``--ws-pages``; after
``--settle`` idle seconds the RSS (``VmRSS`` of /proc/PID/status) is the
median of 5 samples 0.2 s apart. Per extra page: the RSS difference between
two counts divided by the pages added.

Run from the repository root (the browser kind needs /usr/bin/chromium)::

    .venv/bin/python -m benchmarks.memory --repeat 3
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from playwright.sync_api import BrowserContext, sync_playwright
from websockets.asyncio.client import ClientConnection, connect

from benchmarks.browser_click import CHROMIUM, CHROMIUM_ARGS, READY
from benchmarks.server import Server, serve
from benchmarks.ws_roundtrip import ECHO_WS_PATH, PAGE_PATH, REACTIVE_WS_PATH, Page, hello, load_page

KINDS = ("browser", "ws", "echo")
SAMPLES = 5
SAMPLE_GAP = 0.2


@dataclass(frozen=True)
class Point:
    """The server with ``pages`` pages: its RSS (KiB) and its thread count.

    ``connected`` is False when the last pages were loaded (GET) but their
    WebSockets not opened yet.
    """

    pages: int
    rss_kib: int
    threads: int
    connected: bool = True


def sample(server: Server, pages: int, connected: bool = True) -> Point:
    """The median RSS of :data:`SAMPLES` readings, and the server's threads."""
    readings = []
    for _ in range(SAMPLES):
        rss = server.rss_kib()
        if rss is None:
            raise RuntimeError("cannot read the server's RSS")
        readings.append(rss)
        time.sleep(SAMPLE_GAP)
    return Point(pages, int(statistics.median(readings)), int(server.status().get("Threads", "0")),
                 connected)


def _counts(text: str) -> list[int]:
    """The type of ``--browser-pages`` / ``--ws-pages``: increasing positive counts, e.g. ``1,10,50``."""
    try:
        counts = [int(part) for part in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of counts: {text!r}") from None
    if not counts or counts[0] < 1 or counts != sorted(set(counts)):
        raise argparse.ArgumentTypeError(f"counts must be positive and increasing: {text!r}")
    return counts


# -- real pages in Chromium ------------------------------------------------------------------


def browser_points(server: Server, args: argparse.Namespace) -> list[Point]:
    """Open Chromium pages up to each of ``args.browser_pages``; the RSS at 0 and at each count."""
    url = server.url + args.path
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            shared = browser.new_context() if args.one_context else None

            def context() -> BrowserContext:
                return shared or browser.new_context()

            def open_page(ctx: BrowserContext) -> None:
                page = ctx.new_page()
                page.goto(url)
                page.wait_for_selector(READY, timeout=args.timeout * 1000)

            warm = context()
            open_page(warm)
            for page in warm.pages:
                page.close()
            if warm is not shared:
                warm.close()
            time.sleep(args.settle)
            points = [sample(server, 0)]
            opened = 0
            for count in args.browser_pages:
                while opened < count:
                    open_page(context())
                    opened += 1
                time.sleep(args.settle)
                points.append(sample(server, count))
            return points
        finally:
            browser.close()


# -- lightweight WebSocket clients --------------------------------------------------------


async def _connect(server: Server, page: Page, echo: bool, timeout: float) -> ClientConnection:
    """Open the page's WebSocket with its cookie, say hello, wait for ready (or just connect to the echo)."""
    url = server.url.replace("http://", "ws://", 1) + (ECHO_WS_PATH if echo else REACTIVE_WS_PATH)
    ws = await connect(url, additional_headers={"Cookie": page.cookie, "Origin": server.url},
                       compression=None, ping_interval=None, open_timeout=timeout)
    if not echo:
        await hello(ws, page, timeout)
    return ws


async def ws_points(server: Server, args: argparse.Namespace, echo: bool = False) -> list[Point]:
    """Connect lightweight clients up to each of ``args.ws_pages``; the RSS at 0 and at each count.

    At each count the new pages are first loaded (GET, each a new session) and
    the RSS read (a :class:`Point` with ``connected=False``), then connected:
    to ``ws/reactive/``, or to ``ws/echo/`` when ``echo`` is true.
    """
    limit = asyncio.Semaphore(args.concurrency)

    async def get() -> Page:
        async with limit:
            return await asyncio.to_thread(load_page, server.url, args.path)

    async def open_socket(page: Page) -> ClientConnection:
        async with limit:
            return await _connect(server, page, echo, args.timeout)

    await (await open_socket(await get())).close()
    await asyncio.sleep(args.settle)
    points = [sample(server, 0)]
    sockets: list[ClientConnection] = []
    try:
        for count in args.ws_pages:
            pages = await asyncio.gather(*(get() for _ in range(count - len(sockets))))
            await asyncio.sleep(args.settle)
            points.append(sample(server, count, connected=False))
            sockets += await asyncio.gather(*(open_socket(page) for page in pages))
            await asyncio.sleep(args.settle)
            points.append(sample(server, count))
    finally:
        await asyncio.gather(*(ws.close() for ws in sockets), return_exceptions=True)
    return points


# -- report ----------------------------------------------------------------------------------


def per_page(points: list[Point], start: int, end: int) -> float:
    """KiB per page added between the counts ``start`` and ``end`` (pages connected at both)."""
    by_count = {point.pages: point for point in points if point.connected}
    return (by_count[end].rss_kib - by_count[start].rss_kib) / (end - start)


def report(kind: str, points: list[Point]) -> None:
    """Print the RSS at each count, and what each step added per page."""
    print(f"  {kind}: pages, server RSS, threads; KiB per page added since the previous count")
    base = points[0]  # the last point with every page connected
    loaded: Point | None = None
    for point in points:
        note = ""
        if point is not base:
            added = point.pages - base.pages
            if not point.connected:
                note = f"{(point.rss_kib - base.rss_kib) / added:8.1f} KiB per page loaded (GET only)"
                loaded = point
            elif loaded is not None:
                note = (f"{(point.rss_kib - base.rss_kib) / added:8.1f} KiB per page, of which "
                        f"{(point.rss_kib - loaded.rss_kib) / added:.1f} for its WebSocket")
            else:
                note = f"{(point.rss_kib - base.rss_kib) / added:8.1f} KiB per page"
        state = "connected" if point.connected else "loaded"
        print(f"    {point.pages:6} {state:9} {point.rss_kib / 1024:8.1f} MiB {point.threads:3} threads"
              f"  {note}")
        if point.connected:
            base, loaded = point, None
    connected = [point.pages for point in points if point.connected]
    first, last = connected[1], connected[-1]
    if last > first:
        print(f"    per extra page from {first} to {last} pages: {per_page(points, first, last):.1f} KiB")


def _steps(counts: list[int]) -> list[tuple[int, int]]:
    """The intervals reported in the spread: 1st count -> each later one, and consecutive ones."""
    pairs = [(counts[0], c) for c in counts[1:]]
    pairs += [(a, b) for a, b in zip(counts[1:], counts[2:])]
    return pairs


def run(args: argparse.Namespace) -> None:
    kinds: list[str] = args.kind or list(KINDS)
    counts = {"browser": args.browser_pages, "ws": args.ws_pages, "echo": args.ws_pages}
    print(f"page {args.path}; kinds {', '.join(kinds)}"
          f"{' (browser pages in one context)' if args.one_context else ''}; {args.settle:g} s settle; "
          f"{args.repeat} run(s), each kind on a fresh server")
    measures: dict[str, Callable[[Server, argparse.Namespace], list[Point]]] = {
        "browser": browser_points,
        "ws": lambda server, a: asyncio.run(ws_points(server, a)),
        "echo": lambda server, a: asyncio.run(ws_points(server, a, echo=True)),
    }
    slopes: dict[str, dict[tuple[int, int], list[float]]] = {kind: {} for kind in kinds}
    for run_no in range(1, args.repeat + 1):
        print(f"run {run_no}/{args.repeat}")
        for kind in kinds:
            with serve() as server:
                points = measures[kind](server, args)
            report(kind, points)
            for pair in _steps(counts[kind]):
                slopes[kind].setdefault(pair, []).append(per_page(points, *pair))
    if args.repeat > 1:
        print(f"spread over {args.repeat} runs: KiB per extra page (min / median / max)")
        for kind in kinds:
            for (start, end), values in slopes[kind].items():
                print(f"  {kind:8} {start:5} -> {end:5} pages  {min(values):8.1f} "
                      f"{statistics.median(values):8.1f} {max(values):8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kind", action="append", choices=KINDS,
                        help="browser, ws or echo; repeat the option for several (default: all three)")
    parser.add_argument("--browser-pages", type=_counts, default=[1, 10, 50],
                        help="Chromium page counts at which to read the RSS (default 1,10,50)")
    parser.add_argument("--ws-pages", type=_counts, default=[1, 10, 50, 1000],
                        help="lightweight client counts (ws and echo kinds) at which to read the RSS "
                             "(default 1,10,50,1000)")
    parser.add_argument("--one-context", action="store_true",
                        help="open all Chromium pages in one context (one session) instead of one "
                             "context per page")
    parser.add_argument("--path", default=PAGE_PATH, help="the reactive page to open (default /counter/)")
    parser.add_argument("--settle", type=float, default=3.0,
                        help="idle seconds before reading the RSS at each count (default 3)")
    parser.add_argument("--concurrency", type=int, default=8,
                        help="lightweight clients connecting at the same time (default 8)")
    parser.add_argument("--repeat", type=int, default=1, help="number of whole measurements")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for one page")
    args = parser.parse_args()
    if args.repeat < 1 or args.concurrency < 1 or args.settle < 0:
        parser.error("--repeat and --concurrency must be positive, --settle not negative")
    if not args.path.startswith("/"):
        parser.error("--path must start with /")
    run(args)


if __name__ == "__main__":
    main()
