"""Faults at known points on one of two workers: no acknowledged click is ever lost.

"An ack means saved": a patch with ``ack`` is sent only after the session write
committed. So after any fault, the count a fresh page on a surviving worker
shows is at least the number of acknowledged clicks (and at most the clicks
sent). Each test starts a fresh pair of workers (a killed or broken worker is
not reused); the faults are switched on in a worker's environment
(``tests/multiworker/faults.py``) or fired by a view at a known point
(``tests/multiworker/views.py``), and every test checks that its fault fired.
"""

from __future__ import annotations

import importlib.util
import signal
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.multiworker.client import Browser, ConnectionLost, is_ack
from tests.multiworker.harness import Pair, fired_in

COUNTER = "/mw/counter/"


async def test_a_postgres_backend_killed_mid_run_is_retried_or_unavailable_never_reload(
        start_workers: Callable[..., Pair], markers: Path, tag: str) -> None:
    """The run's own database connection dies between the session read and the write."""
    pair = start_workers()
    browser = Browser()
    path = f"/mw/terminate/{tag}/"
    tab = await browser.open(pair.a.ws_url, await browser.get(pair.b.url, path))
    try:
        seq = await tab.send_click("Increment")
        reply = await tab.answer(seq, timeout=20)
        await tab.quiet(0.5)  # an error after the ack would come now
        assert (markers / f"{tag}.terminated").exists(), "the view did not kill its backend"
        count = await browser.count(pair.b.url, path)
        problems = []
        if tab.reloads:
            problems.append(f"a dead database connection is not an ended session: {tab.reloads}")
        if not (is_ack(reply) or (reply.get("t") == "error" and reply.get("code") == "unavailable")):
            problems.append(f"answered {reply}")
        if len(tab.answers_to(seq)) != 1:
            problems.append(f"one event, several answers: {tab.answers_to(seq)}")
        if not len(tab.acked) <= count <= 1:
            problems.append(f"Count = {count} after {len(tab.acked)} acknowledged clicks (1 sent)")
        assert not problems, "; ".join(problems)
        # The worker recovers: the next click is saved and acknowledged.
        assert is_ack(await tab.click("Increment", timeout=20))
        assert await browser.count(pair.b.url, path) == count + 1
    finally:
        await tab.close()


async def test_a_worker_killed_between_write_and_ack_loses_no_acknowledged_click(
        start_workers: Callable[..., Pair], markers: Path) -> None:
    """Worker a kills itself from the ``state_saved`` receiver of its 3rd save: saved, not acknowledged."""
    if importlib.util.find_spec("django_reactive.signals") is None:
        pytest.fail("django_reactive.signals (state_saved) does not exist: the fault cannot be injected")
    saves = 3
    pair = start_workers(a={"REACTIVE_MW_KILL_AFTER_SAVES": str(saves)})
    browser = Browser()
    page = await browser.get(pair.b.url, COUNTER)
    tab = await browser.open(pair.a.ws_url, page)
    again = None
    try:
        for _ in range(saves - 1):
            assert is_ack(await tab.click("Increment"))
        seq = await tab.send_click("Increment")
        with pytest.raises(ConnectionLost):
            await tab.answer(seq, timeout=10)
        assert pair.a.wait_dead(5) == -signal.SIGKILL
        assert fired_in(markers, "killed-after-save", pair.a)
        assert tab.acked == list(range(1, saves)), tab.messages
        # The page reconnects to the other worker: the whole view, with the saved count.
        again = await browser.open(pair.b.ws_url, page, resync=True)
        assert again.last_count() == saves, again.messages
        assert await browser.count(pair.b.url, COUNTER) == saves
        assert is_ack(await again.click("Increment"))
        assert again.last_count() == saves + 1
    finally:
        await tab.close()
        if again is not None:
            await again.close()


async def test_a_worker_killed_under_load_loses_no_acknowledged_click(
        start_workers: Callable[..., Pair]) -> None:
    """A client keeps 4 clicks in flight on worker a; a is killed after 15 acks; it goes on on b."""
    window, acks_before_kill, clicks_after = 4, 15, 5
    pair = start_workers()
    browser = Browser()
    page = await browser.get(pair.b.url, COUNTER)
    tab = await browser.open(pair.a.ws_url, page)
    again = None
    try:
        while len(tab.acked) < acks_before_kill:
            while len(tab.sent) - len(tab.answered) < window:
                await tab.send_click("Increment")
            seen = len(tab.received)
            await tab.wait_for(lambda m: "ack" in m, start=seen, timeout=10)
        pair.a.kill()  # clicks are in flight: sent, not all answered
        await tab.wait_closed(5)
        acked, sent = len(tab.acked), len(tab.sent)
        assert tab.errors == [], tab.errors
        again = await browser.open(pair.b.ws_url, page, resync=True)
        shown = again.last_count()
        assert shown is not None and acked <= shown <= sent, \
            f"Count = {shown} after {acked} acknowledged and {sent} sent clicks"
        for _ in range(clicks_after):
            assert is_ack(await again.click("Increment"))
        assert await browser.count(pair.b.url, COUNTER) == shown + clicks_after
    finally:
        await tab.close()
        if again is not None:
            await again.close()


async def test_a_failing_broadcast_after_a_saved_click_is_not_an_error(
        start_workers: Callable[..., Pair], markers: Path) -> None:
    """Worker a cannot ``group_send``: telling the session's other tabs fails after each saved click.

    The other tab (on worker b) makes the group worth telling: a page alone in
    its group tells nobody.
    """
    pair = start_workers(a={"REACTIVE_MW_FAIL_GROUP_SEND": "1"})
    browser = Browser()
    tab = await browser.open(pair.a.ws_url, await browser.get(pair.b.url, COUNTER))
    other = await browser.open(pair.b.ws_url, await browser.get(pair.b.url, COUNTER))
    try:
        for _ in range(3):
            reply = await tab.click("Increment")
            assert is_ack(reply), reply
        await tab.quiet(0.5)  # an error after the ack would come now
        assert fired_in(markers, "group_send.failed", pair.a), "no broadcast was attempted"
        assert tab.errors == [], tab.errors
        assert await browser.count(pair.b.url, COUNTER) == 3
    finally:
        await tab.close()
        await other.close()


async def test_a_view_whose_broadcast_fails_still_saves_and_acknowledges_its_click(
        start_workers: Callable[..., Pair], markers: Path) -> None:
    """The topic view's click calls ``reactive.broadcast``, which fails on worker a.

    The view's own call raising is the view's business (shown in the page, as
    Streamlit shows an exception); the click is still saved and acknowledged,
    and the broadcast that follows the save fails too without an error.
    """
    pair = start_workers(a={"REACTIVE_MW_FAIL_GROUP_SEND": "1"})
    browser = Browser()
    tab = await browser.open(pair.a.ws_url, await browser.get(pair.b.url, "/mw/topic/"))
    try:
        reply = await tab.click("Publish")
        await tab.quiet(0.5)
        assert fired_in(markers, "group_send.failed", pair.a), "no broadcast was attempted"
        assert is_ack(reply), reply
        assert tab.errors == [], tab.errors
        assert await browser.count(pair.b.url, "/mw/topic/") == 1
    finally:
        await tab.close()
