"""CPU time of idle pages whose view has a timed fragment (``@st.fragment(run_every=...)``).

Opens ``--pages`` WebSockets in this process, each in a session of its own (as
many visitors), each showing a view whose fragment re-runs every
``--interval`` seconds to show the current second. The pages then stay idle
for ``--seconds``; the script prints the process's CPU time per second of
that idle period and the timed re-runs delivered per second (patches
received), so the cost per timed re-run can be compared between versions.

It runs in one process (Channels' ``WebsocketCommunicator`` on the demo's ASGI
application, the in-memory channel layer unless ``REACTIVE_REDIS_URL`` is
set, a fresh migrated SQLite database), so what it measures is the server's
work without a network::

    .venv/bin/python -m benchmarks.timers --pages 320 --interval 1 --seconds 20
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from pathlib import Path

INTERVAL = 1.0


def setup(db: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    os.environ["DJANGO_DB"] = str(db)
    os.environ["DJANGO_DEBUG"] = "0"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)

    import django_reactive as reactive

    @reactive.view(name="bench.ticker")
    def ticker(st):
        st.title("A page left open")

        @st.fragment(run_every=INTERVAL)
        def clock():
            st.text(f"second {int(time.time())}")

        clock()


async def open_page(application, session_key: str):
    from channels.testing import WebsocketCommunicator

    headers = [(b"origin", b"http://localhost"), (b"host", b"localhost"),
               (b"cookie", f"sessionid={session_key}".encode())]
    comm = WebsocketCommunicator(application, "/ws/reactive/", headers=headers)
    connected, _ = await comm.connect(timeout=30)
    if not connected:
        raise RuntimeError("the WebSocket was refused")
    await comm.send_json_to({"t": "hello", "v": 1, "id": "1", "view": "bench.ticker", "tab": "t"})
    while (await comm.receive_json_from(timeout=30))["t"] != "ready":
        pass
    return comm


def drain(comm) -> int:
    """Messages the page received since the last call (its patches), taken off its queue."""
    count = 0
    while not comm.output_queue.empty():
        comm.output_queue.get_nowait()
        count += 1
    return count


async def run(args: argparse.Namespace) -> None:
    from asgiref.sync import sync_to_async

    from demo_project.asgi import application
    from django_reactive.app_session import session_store

    @sync_to_async
    def new_session() -> str:
        session = session_store(None)
        session.create()
        return session.session_key

    pages = []
    for _ in range(args.pages):
        pages.append(await open_page(application, await new_session()))
    await asyncio.sleep(INTERVAL * 2)  # every page has ticked: steady state
    for comm in pages:
        drain(comm)
    cpu, started = time.process_time(), time.monotonic()
    await asyncio.sleep(args.seconds)
    cpu, elapsed = time.process_time() - cpu, time.monotonic() - started
    patches = sum(drain(comm) for comm in pages)
    print(f"{args.pages} idle pages, run_every={INTERVAL:g} s, {elapsed:.1f} s measured")
    print(f"  CPU per second of wall time: {cpu / elapsed * 100:.1f} % of one core")
    print(f"  timed re-runs delivered per second: {patches / elapsed:.1f} "
          f"(of {args.pages / INTERVAL:.1f} due)")
    if patches:
        print(f"  CPU per delivered re-run: {cpu / patches * 1000:.2f} ms")
    for comm in pages:
        await comm.disconnect()


def main() -> None:
    global INTERVAL
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=320)
    parser.add_argument("--interval", type=float, default=1.0, help="run_every of the fragment, seconds")
    parser.add_argument("--seconds", type=float, default=20.0, help="idle time measured")
    args = parser.parse_args()
    INTERVAL = args.interval
    with tempfile.TemporaryDirectory(prefix="reactive-timers-") as tmp:
        setup(Path(tmp) / "db.sqlite3")
        asyncio.run(run(args))


if __name__ == "__main__":
    main()
