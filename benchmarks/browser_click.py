"""Click -> DOM updated in headless Chromium, against an echo page; and the cold load of the counter.

Three measurements, in one run on one server:

* the counter page (``/counter/``, or the page given by ``--path``, e.g.
  ``/bench/table-counter/``: the counter with a 200-row table under it):
  ``performance.now()`` just before the
  Increment button's ``click()``, and again in a MutationObserver callback on
  the view that sees the new ``Count = N``; split in three phases by a wrapper
  of the page's ``WebSocket``: click -> frame sent (the client's event
  handling), sent -> reply received (network and server), received -> DOM
  (the client's patch handling);
* the echo page (``/bench/echo/`` of :mod:`benchmarks.asgi`): the same harness on
  a page whose button sends one frame to ``ws/echo/`` and writes ``Count = N``
  when the reply arrives: the transport and browser without django_reactive;
* cold loads of that page in fresh browser contexts: requests, bytes
  transferred (and what gzip would make of them), first contentful paint (the
  server-rendered page already says ``Count = 0``) and the time the view is live;
  and, as a floor, the first paint of the echo page.

Run from the repository root (needs Chromium at /usr/bin/chromium)::

    .venv/bin/python -m benchmarks.browser_click --clicks 200 --repeat 3
    .venv/bin/python -m benchmarks.browser_click --path /bench/table-counter/ --repeat 3 --loads 0
"""

from __future__ import annotations

import argparse
import gzip
import re
import statistics
from dataclasses import dataclass

from playwright.sync_api import Browser, Request, sync_playwright

from benchmarks.server import loopback_url, percentile, serve

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
COUNTER_PATH = "/counter/"
ECHO_PATH = "/bench/echo/"
#: The count as the server renders it in the page's HTML, tags removed.
SERVER_RENDERED_ZERO = re.compile(r"Count =\s*0\b")


@dataclass(frozen=True)
class Target:
    """A page to click through: its path, its root element, and when it is ready."""

    name: str
    path: str
    root: str
    ready: str


READY = '.reactive-view[data-reactive-ready="true"]'
COUNTER = Target("reactive", COUNTER_PATH, ".reactive-view", READY)
ECHO = Target("echo", ECHO_PATH, "#echo-view", '#echo-view[data-echo-ready="true"]')

#: Runs in the page: clicks Increment and returns the click -> DOM times (ms) after the warm-up.
CLICK_LOOP_JS = """
async ({root, clicks, warmup, gapMs, timeoutMs}) => {
  const view = document.querySelector(root);
  const countOf = () => {
    const match = /Count =\\s*(-?\\d+)/.exec(view.textContent);
    return match ? Number(match[1]) : NaN;
  };
  const button = () => [...view.querySelectorAll("button")].find((b) => b.textContent.trim() === "Increment");
  let expected = null, started = 0, done = null;
  const observer = new MutationObserver(() => {
    const now = performance.now();
    if (done && countOf() === expected) {
      const finish = done;
      done = null;
      finish(now - started);
    }
  });
  observer.observe(view, {subtree: true, childList: true, characterData: true, attributes: true});
  const times = [];
  try {
    for (let i = 0; i < warmup + clicks; i++) {
      expected = countOf() + 1;
      const elapsed = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "Count = ${expected}" after ${timeoutMs} ms`)),
                                 timeoutMs);
        done = (ms) => { clearTimeout(timer); resolve(ms); };
        const target = button();
        started = performance.now();
        target.click();
      });
      const ws = window.__benchWs;
      const phases = [ws.sent - started, ws.received - ws.sent, started + elapsed - ws.received];
      if (i >= warmup) times.push([elapsed, ...phases]);
      await new Promise((resolve) => setTimeout(resolve, gapMs));
    }
  } finally {
    observer.disconnect();
  }
  return times;
}
"""

#: Installed before any page script: notes when the page last sent a frame and
#: when its last reply arrived (before the page's own ``onmessage`` sees it).
WS_PROBE_JS = """
window.__benchWs = {sent: 0, received: 0};
window.WebSocket = class extends window.WebSocket {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", () => { window.__benchWs.received = performance.now(); });
  }
  send(data) {
    window.__benchWs.sent = performance.now();
    return super.send(data);
  }
};
"""

#: Installed before any page script: notes when the reactive view becomes live.
READY_PROBE_JS = """
window.__benchLive = null;
new MutationObserver((_, observer) => {
  if (document.querySelector('.reactive-view[data-reactive-ready="true"]')) {
    window.__benchLive = performance.now();
    observer.disconnect();
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-reactive-ready"]});
"""

#: True once the browser has reported the first contentful paint.
FCP_REPORTED_JS = "performance.getEntriesByName('first-contentful-paint').length > 0"

#: Navigation timings of the loaded page, in ms from navigation start.
PAGE_TIMINGS_JS = """
() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  return {
    ttfb: nav.responseStart,
    dcl: nav.domContentLoadedEventEnd,
    load: nav.loadEventEnd,
    fcp: fcp ? fcp.startTime : null,
    live: window.__benchLive,
  };
}
"""


def click_times(browser: Browser, base_url: str, target: Target,
                args: argparse.Namespace) -> list[list[float]]:
    """Open ``target`` in a fresh context and return, per click, its click -> DOM time
    and the three phases of it (ms)."""
    context = browser.new_context()
    try:
        context.add_init_script(WS_PROBE_JS)
        page = context.new_page()
        page.goto(base_url + target.path)
        page.wait_for_selector(target.ready, timeout=args.timeout_ms)
        return page.evaluate(CLICK_LOOP_JS, {
            "root": target.root, "clicks": args.clicks, "warmup": args.warmup,
            "gapMs": args.gap_ms, "timeoutMs": args.timeout_ms,
        })
    finally:
        context.close()


@dataclass(frozen=True)
class Resource:
    """One HTTP request of a page load."""

    url: str
    status: int
    transferred: int
    body: int
    gzipped: int


@dataclass(frozen=True)
class ColdLoad:
    """One load of the counter page in a fresh context (empty cache, no cookie)."""

    resources: list[Resource]
    timings: dict[str, float | None]


def _resource(request: Request) -> Resource:
    response = request.response()
    if response is None:
        raise RuntimeError(f"{request.url} got no response")
    sizes = request.sizes()
    body = response.body()
    return Resource(request.url, response.status, sizes["responseHeadersSize"] + sizes["responseBodySize"],
                    len(body), len(gzip.compress(body)))


def cold_load(browser: Browser, base_url: str, path: str, timeout_ms: float) -> ColdLoad:
    """Load ``path`` in a fresh context, wait until the view is live and painted."""
    context = browser.new_context()
    try:
        context.add_init_script(READY_PROBE_JS)
        page = context.new_page()
        finished: list[Request] = []
        page.on("requestfinished", lambda request: finished.append(request))
        response = page.goto(base_url + path, wait_until="load")
        if response is None or not SERVER_RENDERED_ZERO.search(re.sub(r"<[^>]+>", "", response.text())):
            raise RuntimeError(f"{path} did not render Count = 0 on the server")
        page.wait_for_selector(READY, timeout=timeout_ms)
        page.wait_for_function(FCP_REPORTED_JS, timeout=timeout_ms)
        finished.sort(key=lambda request: request.timing["startTime"])
        return ColdLoad([_resource(r) for r in finished], page.evaluate(PAGE_TIMINGS_JS))
    finally:
        context.close()


def echo_first_paint(browser: Browser, base_url: str, timeout_ms: float) -> float:
    """First contentful paint (ms) of the echo page: one small request, no CSS or script file.

    It is this browser's floor for a first paint on this machine.
    """
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(base_url + ECHO_PATH, wait_until="load")
        page.wait_for_function(FCP_REPORTED_JS, timeout=timeout_ms)
        return page.evaluate(PAGE_TIMINGS_JS)["fcp"]
    finally:
        context.close()


def report_clicks(run_no: int, reactive: list[list[float]], echo: list[list[float]]) -> float:
    """Print one run's click -> DOM figures and the medians of their phases; return the
    ratio of the medians (reactive / echo)."""
    print(f"run {run_no}: click -> DOM updated (ms), {len(reactive)} clicks each; "
          "phases p50: click -> sent, sent -> received, received -> DOM")
    for name, clicks in (("reactive", reactive), ("echo", echo)):
        times = [c[0] for c in clicks]
        phases = " / ".join(f"{percentile([c[i] for c in clicks], 50):.2f}" for i in (1, 2, 3))
        print(f"  {name:9} p50 {percentile(times, 50):7.2f}  p90 {percentile(times, 90):7.2f}"
              f"  p99 {percentile(times, 99):7.2f}  mean {statistics.fmean(times):7.2f}  phases {phases}")
    ratio = percentile([c[0] for c in reactive], 50) / percentile([c[0] for c in echo], 50)
    print(f"  ratio of p50 (reactive/echo) {ratio:.2f}")
    return ratio


def report_cold(path: str, loads: list[ColdLoad], echo_fcp: list[float]) -> None:
    """Print the requests of the first load and the median timings over all loads."""
    first = loads[0].resources
    print(f"cold load of {path}: {len(loads)} load(s) in fresh contexts")
    for r in first:
        print(f"  {r.status} {r.url:60} {r.transferred:7} B transferred ({r.body} B body, "
              f"{r.gzipped} B gzipped)")
    print(f"  {len(first)} requests, {sum(r.transferred for r in first)} B transferred, "
          f"{sum(r.body for r in first)} B of bodies ({sum(r.gzipped for r in first)} B if gzipped), "
          "plus 1 WebSocket")
    for key, label in (("ttfb", "first byte of the HTML"), ("fcp", "first contentful paint (Count = 0)"),
                       ("dcl", "DOMContentLoaded end"), ("load", "load event end"),
                       ("live", "view live (ready)")):
        values = [v for v in (load.timings[key] for load in loads) if v is not None]
        if values:
            print(f"  {label:36} median {statistics.median(values):7.1f} ms  "
                  f"min {min(values):7.1f}  max {max(values):7.1f}")
        else:
            print(f"  {label:36} not reported by the browser")
    print(f"  {'baseline: first paint of ' + ECHO_PATH:36} median {statistics.median(echo_fcp):7.1f} ms  "
          f"min {min(echo_fcp):7.1f}  max {max(echo_fcp):7.1f}")


def run(args: argparse.Namespace) -> None:
    with serve(args.url) as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            counter = Target("reactive", args.path, COUNTER.root, COUNTER.ready)
            print(f"server {server.url}, page {args.path}; {args.clicks} clicks after {args.warmup} warm-up, "
                  f"{args.gap_ms} ms between clicks, {args.repeat} run(s)")
            ratios: list[float] = []
            p50s: dict[str, list[float]] = {"reactive": [], "echo": []}
            for run_no in range(1, args.repeat + 1):
                # Alternate which page goes first, so drift does not favour one.
                order = [counter, ECHO] if run_no % 2 else [ECHO, counter]
                times = {t.name: click_times(browser, server.url, t, args) for t in order}
                ratios.append(report_clicks(run_no, times["reactive"], times["echo"]))
                for name, clicks in times.items():
                    p50s[name].append(percentile([c[0] for c in clicks], 50))
            if args.repeat > 1:
                print(f"spread over {args.repeat} runs (min / median / max)")
                for label, values in (("reactive p50 (ms)", p50s["reactive"]),
                                      ("echo p50 (ms)", p50s["echo"]), ("ratio of p50", ratios)):
                    print(f"  {label:20} {min(values):7.2f} {statistics.median(values):7.2f}"
                          f" {max(values):7.2f}")
            loads: list[ColdLoad] = []
            echo_fcp: list[float] = []
            for _ in range(args.loads):
                loads.append(cold_load(browser, server.url, args.path, args.timeout_ms))
                echo_fcp.append(echo_first_paint(browser, server.url, args.timeout_ms))
            if loads:
                report_cold(args.path, loads, echo_fcp)
        finally:
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--path", default=COUNTER_PATH,
                        help="the reactive page to click and load; it must show Increment and Count "
                             "(default /counter/; /bench/table-counter/ adds a 200-row table)")
    parser.add_argument("--clicks", type=int, default=200, help="measured clicks per page")
    parser.add_argument("--warmup", type=int, default=10, help="clicks before measuring")
    parser.add_argument("--gap-ms", type=float, default=20,
                        help="pause after each DOM update before the next click (default 20)")
    parser.add_argument("--repeat", type=int, default=1, help="number of click measurements")
    parser.add_argument("--loads", type=int, default=10, help="cold loads of the page (0: none)")
    parser.add_argument("--timeout-ms", type=float, default=10_000, help="longest wait for one update")
    parser.add_argument("--url", type=loopback_url,
                        help="benchmark this running server (e.g. http://127.0.0.1:8000) instead of "
                             "starting one; it must serve benchmarks.asgi")
    args = parser.parse_args()
    if args.clicks < 1 or args.repeat < 1 or args.loads < 0 or args.warmup < 0 or args.gap_ms < 0:
        parser.error("--clicks and --repeat must be positive, --loads, --warmup and --gap-ms not negative")
    if not args.path.startswith("/"):
        parser.error("--path must start with /")
    run(args)


if __name__ == "__main__":
    main()
