"""Leases: short, renewed while their run goes on, freed within seconds when their holder dies.

A view's lease (the per-(session, view) lock in Django's cache) is held for the
whole of an event. It must not outlive a dead worker for long (``kill -9``
leaves it in Redis), and it must not run out under a live run that is merely
slow: the holder renews it. The workers run with ``LOCK_TIMEOUT`` = 2 s
(``tests/multiworker/settings.py``); the slow view holds the lease at a known
point (it writes ``<tag>.started``, then sleeps ``<tag>.seconds``).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

from tests.multiworker.client import Browser, ViewConnection, is_ack
from tests.multiworker.harness import Pair, wait_for_file

#: The guarantee: an event for a view whose lease holder was killed is answered within this.
FREED_WITHIN = 3.0


async def _lease_settings(browser: Browser, pair: Pair) -> tuple[int, float]:
    """(LOCK_TIMEOUT, LOCK_WAIT) as the workers run them."""
    info = json.loads(await browser.fetch(pair.a.url + "/mw/info/"))
    return info["lock_timeout"], info["lock_wait"]


async def _two_tabs(browser: Browser, pair: Pair, path: str) -> tuple[ViewConnection, ViewConnection]:
    """Two tabs of one session showing one view: the first on worker a, the second on worker b."""
    on_a = await browser.open(pair.a.ws_url, await browser.get(pair.b.url, path))
    on_b = await browser.open(pair.b.ws_url, await browser.get(pair.b.url, path))
    return on_a, on_b


def test_the_default_lease_is_two_seconds() -> None:
    """The short lease is the default, not only what this suite configures."""
    from django_reactive import conf

    assert conf.DEFAULTS["LOCK_TIMEOUT"] == 2


async def test_a_killed_lease_holder_frees_the_view_within_3_seconds(
        start_workers: Callable[..., Pair], markers: Path, tag: str) -> None:
    pair = start_workers()
    browser = Browser()
    path = f"/mw/slow/{tag}/"
    _, lock_wait = await _lease_settings(browser, pair)
    (markers / f"{tag}.seconds").write_text("120")  # the holder is killed long before
    holder, other = await _two_tabs(browser, pair, path)
    try:
        await holder.send_click("Slow")
        assert int(await wait_for_file(markers / f"{tag}.started")) == pair.a.pid
        pair.a.kill()
        killed = time.monotonic()
        await holder.wait_closed(5)
        reply = await other.click("Increment", timeout=lock_wait + 5)
        waited = time.monotonic() - killed
        assert is_ack(reply), f"answered {reply} {waited:.1f} s after the holder was killed"
        assert waited < FREED_WITHIN, f"acknowledged {waited:.1f} s after the holder was killed"
        # The killed run was never saved; the click on the other worker was.
        assert await browser.count(pair.b.url, path) == 1
    finally:
        await holder.close()
        await other.close()


async def test_a_run_longer_than_its_lease_keeps_it(
        start_workers: Callable[..., Pair], markers: Path, tag: str) -> None:
    """A run of 3 leases: the other worker's event for the view waits (or is refused), never overlaps."""
    pair = start_workers()
    browser = Browser()
    path = f"/mw/slow/{tag}/"
    lease, lock_wait = await _lease_settings(browser, pair)
    run_seconds = 3 * lease
    (markers / f"{tag}.seconds").write_text(str(run_seconds))
    holder, other = await _two_tabs(browser, pair, path)
    try:
        slow_seq = await holder.send_click("Slow")
        await wait_for_file(markers / f"{tag}.started")
        quick = await other.click("Increment", timeout=run_seconds + lock_wait + 5)
        slow = await holder.answer(slow_seq, timeout=run_seconds + 10)
        await holder.quiet(0.3)
        acked = int(is_ack(slow)) + int(is_ack(quick))
        count = await browser.count(pair.b.url, path)
        problems = []
        if not is_ack(slow):
            problems.append(f"the long run was not acknowledged: {slow}")
        if not (is_ack(quick) or (quick.get("t") == "error" and quick.get("code") == "busy")):
            problems.append(f"the other worker's event got {quick}")
        if (markers / f"{tag}.overlap").exists():
            problems.append("both runs of the view were in progress at once (the lease ran out)")
        if count != acked:
            problems.append(f"the session holds Count = {count} after {acked} acknowledged clicks")
        assert not problems, "; ".join(problems)
    finally:
        await holder.close()
        await other.close()
