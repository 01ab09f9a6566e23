"""Sharing a worker between sessions: a bounded share of its threads each, and shared timers.

Every run of a view happens in a thread of the event loop's default pool
(``sync_to_async``), which has a handful of threads (``min(32, CPUs + 4)``).
Without a bound, one session clicking a slow view from a few tabs (or a
script sending events) occupies them all and every other user waits. So the
thread work of one session's sockets goes through a semaphore of
``REACTIVE["SESSION_THREADS"]`` slots (per worker process): its further work
waits in the event loop, where waiting costs no thread, and other sessions'
events find a free thread.

``@st.fragment(run_every=...)`` re-runs are driven by one timer per interval
(per event loop) for every open page, rather than a sleeping task per page and
fragment; a page whose previous tick has not finished skips the next one
instead of queueing it (see ``ReactiveConsumer._schedule_tick``).
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from collections.abc import Callable

from . import conf

logger = logging.getLogger("django_reactive")

_shares: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop,
                                   weakref.WeakValueDictionary[str, asyncio.Semaphore]] = \
    weakref.WeakKeyDictionary()


def session_share(session_key: str) -> asyncio.Semaphore:
    """The semaphore bounding the threads that ``session_key``'s sockets use at once.

    Shared by every socket of the session in this process (and event loop);
    it lives as long as one of them holds it.
    """
    loop = asyncio.get_running_loop()
    shares = _shares.get(loop)
    if shares is None:
        shares = _shares[loop] = weakref.WeakValueDictionary()
    share = shares.get(session_key)
    if share is None:
        share = shares[session_key] = asyncio.Semaphore(conf.get("SESSION_THREADS"))
    return share


class _Timers:
    """One task per interval calling every callback registered for that interval."""

    def __init__(self) -> None:
        self.callbacks: dict[float, dict[int, Callable[[], None]]] = {}
        self.tasks: dict[float, asyncio.Task] = {}
        self.next_id = 0

    def add(self, interval: float, callback: Callable[[], None]) -> Callable[[], None]:
        self.next_id += 1
        key = self.next_id
        self.callbacks.setdefault(interval, {})[key] = callback
        if interval not in self.tasks:
            self.tasks[interval] = asyncio.get_running_loop().create_task(self._run(interval))
        return lambda: self._remove(interval, key)

    def _remove(self, interval: float, key: int) -> None:
        callbacks = self.callbacks.get(interval, {})
        callbacks.pop(key, None)
        if not callbacks:
            self.callbacks.pop(interval, None)
            task = self.tasks.pop(interval, None)
            if task is not None:
                task.cancel()

    async def _run(self, interval: float) -> None:
        while True:
            await asyncio.sleep(interval)
            for callback in list(self.callbacks.get(interval, {}).values()):
                try:
                    callback()
                except Exception:  # noqa: BLE001 - one page's failure must not stop the others' timer
                    logger.exception("django_reactive: error in a timer of %s s", interval)


_timers: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Timers] = weakref.WeakKeyDictionary()


def every(interval: float, callback: Callable[[], None]) -> Callable[[], None]:
    """Call ``callback`` (in the event loop, without awaiting) every ``interval`` seconds.

    Returns the function that stops it. Callbacks of the same interval share
    one timer, so the first call comes within one interval, not exactly after it.
    """
    loop = asyncio.get_running_loop()
    timers = _timers.get(loop)
    if timers is None:
        timers = _timers[loop] = _Timers()
    return timers.add(interval, callback)
