"""One session's slow views cannot take every worker thread from the other sessions.

The worker's pool is set to 4 threads and ``SESSION_THREADS`` to 2. Session A
shows four views whose button blocks its run until the test lets it go, and
clicks all four; while they hang, session B opens a page and clicks it.
"""

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

import django_reactive as reactive
from tests.sockets import connect, new_session, open_view, say_hello, widget_ids

pytestmark = pytest.mark.django_db(transaction=True)

POOL = 4
released = threading.Event()
entered = threading.Semaphore(0)


def blocking(st):
    if st.button("Wait"):
        entered.release()
        released.wait(timeout=60)
    st.text("done")


BLOCKING = [reactive.view(blocking, name=f"tests.fair_block_{i}") for i in range(POOL)]


async def test_a_sessions_slow_events_leave_threads_for_other_sessions(settings):
    settings.REACTIVE = {"SESSION_THREADS": 2}
    asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(max_workers=POOL))
    released.clear()
    while entered.acquire(blocking=False):  # from an earlier run of this test
        pass
    comm_a, connected, _ = await connect(await new_session())
    assert connected
    buttons = {}
    for i, view in enumerate(BLOCKING):
        await say_hello(comm_a, view.name, view_id=str(i))
        first = await comm_a.receive_json_from(timeout=5)
        buttons[str(i)] = widget_ids(first["ops"]["r"])["Wait"]
        assert await comm_a.receive_json_from(timeout=5) == {"t": "ready", "id": str(i)}
    try:
        for view_id, button in buttons.items():
            await comm_a.send_json_to({"t": "event", "id": view_id, "seq": 1, "trigger": button})
        # Session A's runs hold the threads its share allows (waiting, without a timer, until they do).
        for _ in range(2):
            while not entered.acquire(blocking=False):
                await asyncio.sleep(0.01)

        view_b, ids, _ = await open_view("tests.counter", await new_session())
        await view_b.send_json_to({"t": "event", "seq": 1, "trigger": ids["Increment"]})
        answer = await view_b.receive_json_from(timeout=10)
        assert answer["ack"] == 1 and "<code>1</code>" in "".join(answer["ops"].values())
        await view_b.comm.disconnect()
    finally:
        released.set()
    # Session A's events all complete once let go, two threads at a time.
    acks = {(await comm_a.receive_json_from(timeout=10))["id"] for _ in buttons}
    assert acks == set(buttons)
    await comm_a.disconnect()
