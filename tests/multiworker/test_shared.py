"""Two healthy workers, one state: what one worker saves, the other shows and builds on.

These run on one pair of workers for the module (nothing here harms a worker);
the fault tests (test_leases.py, test_faults.py) start fresh pairs.
"""

from __future__ import annotations

import asyncio

from tests.multiworker.client import Browser, ViewConnection, count_in, is_ack
from tests.multiworker.harness import Pair

COUNTER = "/mw/counter/"


async def test_clicks_on_either_worker_add_up_and_reach_the_other_workers_tab(workers: Pair) -> None:
    a, b = workers.a, workers.b
    browser = Browser()
    page_a = await browser.get(a.url, COUNTER)
    assert page_a.count == 0
    tab_a = await browser.open(a.ws_url, page_a)
    tab_b = await browser.open(b.ws_url, await browser.get(b.url, COUNTER))
    try:
        for _ in range(3):
            assert is_ack(await tab_a.click("Increment"))
        # The other tab of the session, on the other worker, is pushed the change.
        await tab_b.wait_for(lambda m: m.get("t") == "patch" and "ack" not in m
                             and any(count_in(h) == 3 for h in m["ops"].values()), timeout=5)
        for _ in range(2):
            assert is_ack(await tab_b.click("Increment"))
        assert tab_b.last_count() == 5
        assert await browser.count(a.url, COUNTER) == 5
        assert tab_a.errors == tab_b.errors == []
    finally:
        await tab_a.close()
        await tab_b.close()


async def test_two_workers_clicking_at_once_lose_no_update(workers: Pair) -> None:
    """Two tabs of one session, one per worker, click together: the lease serialises them."""
    browser = Browser()
    tabs = [await browser.open(w.ws_url, await browser.get(w.url, COUNTER)) for w in (workers.a, workers.b)]
    per_tab = 10

    async def clicks(tab: ViewConnection) -> None:
        for _ in range(per_tab):
            await tab.click("Increment", timeout=15)

    try:
        await asyncio.wait_for(asyncio.gather(*(clicks(tab) for tab in tabs)), 60)
        acked = sum(len(tab.acked) for tab in tabs)
        refused = [e for tab in tabs for e in tab.errors]
        assert all(e.get("code") == "busy" for e in refused), refused
        assert acked + len(refused) == 2 * per_tab
        assert await browser.count(workers.b.url, COUNTER) == acked
    finally:
        for tab in tabs:
            await tab.close()


async def test_a_broadcast_on_one_worker_reaches_a_subscribed_page_on_the_other(workers: Pair) -> None:
    browser = Browser()
    page = await browser.get(workers.a.url, "/mw/topic/")
    tab = await browser.open(workers.a.ws_url, page)
    try:
        await browser.fetch(workers.b.url + "/mw/publish/?news=hello-from-b")
        await tab.wait_for(lambda m: m.get("t") == "patch" and "ack" not in m
                           and any("News = hello-from-b" in h for h in m["ops"].values()), timeout=5)
    finally:
        await tab.close()
