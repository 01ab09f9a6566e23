"""In-process cost of one click, without the transport: ``AppSession.handle_event``.

Sets Django up in this process (``benchmarks.settings``, ``DEBUG`` off, a
fresh migrated SQLite database in a temporary directory), creates a session,
renders the view once as its page would, then clicks its Increment button
``--events`` times and prints the medians of: ``handle_event`` (and, inside
it, taking the lease and bringing the state up to date, running the view,
encoding the state and its fenced session write, rendering + diff), then
encoding the patch. Then ``--profile`` more clicks run under cProfile, and
the top functions by cumulative and by own time are printed.

``--pause-ms`` waits before each timed click, as a user's clicks come apart:
on a shared VM the same work takes longer once its caches went cold
(docs/performance.md); ``--spin`` waits busy instead of sleeping.

Run from the repository root::

    .venv/bin/python -m benchmarks.profile_event --view bench.table_counter
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _setup(db_dir: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ["DJANGO_DB"] = str(Path(db_dir) / "db.sqlite3")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _timed(label: str, fn: Callable[..., Any], into: dict[str, list[float]]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            into.setdefault(label, []).append(time.perf_counter() - started)

    return wrapper


def _pause(seconds: float, spin: bool) -> None:
    """Wait ``seconds`` before a click: asleep, or busy in a loop (``spin``)."""
    if seconds <= 0:
        return
    if not spin:
        time.sleep(seconds)
        return
    until = time.perf_counter() + seconds
    while time.perf_counter() < until:
        pass


def run(args: argparse.Namespace) -> None:
    from django.contrib.sessions.backends.cached_db import SessionStore

    from benchmarks.ws_roundtrip import _PageParser
    from django_reactive import protocol, registry
    from django_reactive.app_session import AppSession
    from django_reactive.runtime import Event

    view = registry.get(args.view)
    if view is None:
        raise SystemExit(f"no reactive view named {args.view!r}")
    store = SessionStore()
    store.create()
    app = AppSession(view, store.session_key, "bench-tab")
    rendered, _ = app.run_page()
    parser = _PageParser()
    parser.feed('<div data-reactive-view="v" data-reactive-tab="t" data-reactive-rev="r">' + rendered.root)
    if not parser.increment:
        raise SystemExit(f"{args.view} shows no Increment button")
    click = Event({}, parser.increment)
    pause = f", {args.pause_ms} ms {'busy ' if args.spin else ''}pause before each" if args.pause_ms else ""
    print(f"{args.view}: view HTML {len(rendered.root.encode())} B; {args.events} clicks{pause}")

    phases: dict[str, list[float]] = {}
    state = app.state
    runner_class = type(app.runner)  # its instances have slots: time the class's method
    originals = state.load, runner_class.run, app._render, state.commit
    state.load = _timed("load (revision check)", state.load, phases)
    runner_class.run = _timed("run the view", runner_class.run, phases)
    app._render = _timed("render + diff", app._render, phases)
    state.commit = _timed("commit (encode + write)", state.commit, phases)
    for seq in range(1, args.events + 1):
        _pause(args.pause_ms / 1000, args.spin)
        started = time.perf_counter()
        outcome = app.handle_event(click)
        handled = time.perf_counter()
        patch = protocol.patch(outcome.ops, ack=seq, id="1")
        encoded = time.perf_counter()
        for label, seconds in (("handle_event", handled - started), ("encode the patch", encoded - handled)):
            phases.setdefault(label, []).append(seconds)
        phases.setdefault("patch bytes", []).append(len(patch.encode()))
    state.load, runner_class.run, app._render, state.commit = originals

    for label in ("handle_event", "load (revision check)", "run the view", "commit (encode + write)",
                  "render + diff", "encode the patch"):
        print(f"  {label:24} median {statistics.median(phases[label]) * 1000:7.3f} ms")
    print(f"  {'patch':24} median {statistics.median(phases['patch bytes']):7.0f} B")

    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(args.profile):
            app.handle_event(click)
        profile.disable()
        print(f"cProfile of {args.profile} clicks (handle_event)")
        stats = pstats.Stats(profile)
        stats.sort_stats("cumulative").print_stats(args.top)
        stats.sort_stats("tottime").print_stats(args.top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--view", default="demo.counter",
                        help="registered view with an Increment button (default demo.counter; "
                             "bench.table_counter adds a 200-row table)")
    parser.add_argument("--events", type=int, default=1000, help="timed clicks (default 1000)")
    parser.add_argument("--profile", type=int, default=300, help="clicks under cProfile (0: none)")
    parser.add_argument("--pause-ms", type=float, default=0, help="wait before each timed click (default 0)")
    parser.add_argument("--spin", action="store_true", help="wait busy instead of sleeping")
    parser.add_argument("--top", type=int, default=25, help="functions listed per profile ordering")
    args = parser.parse_args()
    if args.events < 1 or args.profile < 0 or args.top < 1 or args.pause_ms < 0:
        parser.error("--events and --top must be positive, --profile and --pause-ms not negative")
    with tempfile.TemporaryDirectory(prefix="reactive-profile-") as tmp:
        _setup(tmp)
        run(args)


if __name__ == "__main__":
    main()
