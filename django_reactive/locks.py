"""Leases per (session, view) and per session, held across worker processes through Django's cache.

Every event of a view runs under its lease and re-reads the session inside it,
so two tabs (or two workers) never lose each other's updates. A lease is
short (``REACTIVE["LOCK_TIMEOUT"]`` seconds) and renewed by its holder every
third of that while the run goes on: a worker that dies (``kill -9``) stops
renewing, and its lease frees within seconds rather than blocking the view.

A holder checks :meth:`Lease.held` before it writes (fencing): a run that
lost its lease (a stalled process, an unreachable cache) does not commit.
``cache.add`` is atomic on Redis, Memcached and the database cache; the
local-memory cache only locks within one process (a system check warns when
that matters).
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import threading
import time
import weakref
from typing import Any

from . import conf
from .shared_caches import Batch, batch, shared_cache

logger = logging.getLogger("django_reactive")


#: What :meth:`Lease.acquire` returns when it could not read the key it was given.
NOT_READ: Any = object()


class LockTimeout(Exception):
    """The lease was not free within ``REACTIVE["LOCK_WAIT"]`` seconds."""


def lock_key(session_key: str, name: str) -> str:
    digest = hashlib.sha256(f"{session_key}\0{name}".encode()).hexdigest()[:32]
    return f"django_reactive:lock:{digest}"


def lease_seconds() -> int:
    """How long a lease lives unless renewed: whole seconds (the Redis cache rounds down)."""
    return max(1, int(conf.get("LOCK_TIMEOUT")))


class Lease:
    """One held-or-not lease on a cache key; a context manager that takes and frees it."""

    def __init__(self, key: str, busy: str) -> None:
        self.key = key
        self.busy = busy
        self.token = secrets.token_hex(8)
        self.ttl = lease_seconds()
        #: Monotonic time until which this process knows the lease is its own.
        self.valid_until = 0.0
        self.lost = False
        #: Freed already, in a batch with other operations (:func:`release_with`).
        self.freed = False
        #: A batch that would have freed it failed: it may be freed already.
        self.unsure = False

    def __enter__(self) -> Lease:
        self.acquire()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.release()

    def acquire(self, read: tuple[str, str] | None = None) -> Any:
        """Take the lease through ``cache.add``, waiting at most ``LOCK_WAIT`` seconds.

        A waiter retries after a growing pause (1 to 20 ms), for holders in
        other processes; a holder in this process wakes it as soon as it lets go.

        ``read`` (a cache alias and key) is read right after the lease is
        taken, in the same round trip when it is on the lease's own Redis
        cache: returns its value (None: not there), or :data:`NOT_READ`.
        """
        alias = conf.get("LOCK_CACHE")
        cache = shared_cache(alias)
        deadline = time.monotonic() + conf.get("LOCK_WAIT")
        pause = 0.001
        value: Any = NOT_READ
        while True:
            started = time.monotonic()
            together = batch(alias, read[0]) if read is not None else None
            if together is None:
                taken = cache.add(self.key, self.token, self.ttl)
            else:
                together.add(self.key, self.token, self.ttl)
                together.get(read[1])
                taken, value = together.execute()
            if taken:
                break
            if started > deadline:
                _announce_release(self.key)  # drops this key's wake-up (its other waiters retry)
                raise LockTimeout(self.busy)
            _release_event(self.key).wait(pause)
            pause = min(pause * 2, 0.02)
        # The cache counts the lifetime from when it stored the key, after ``started``.
        self.valid_until = started + self.ttl
        _renewer.hold(self)
        return value

    def held(self) -> bool:
        """Whether this process may still act as the holder (checked before a write)."""
        return not (self.lost or self.freed) and time.monotonic() < self.valid_until

    def renew(self) -> None:
        """Push the expiry back, if the lease is still this holder's (from the renewer thread)."""
        cache = shared_cache(conf.get("LOCK_CACHE"))
        started = time.monotonic()
        if cache.get(self.key) != self.token:
            self.lost = True
            logger.warning("django_reactive: a lease was lost before its run ended (%s)", self.key)
            return
        if cache.touch(self.key, self.ttl):
            self.valid_until = started + self.ttl

    def release(self) -> None:
        _renewer.drop(self)
        try:
            if self.freed:
                return
            cache = shared_cache(conf.get("LOCK_CACHE"))
            # While the lease is valid the key cannot have expired, so nobody else
            # can hold it: one round trip. Past that, free it only if still ours.
            if (self.held() and not self.unsure) or \
                    (not self.lost and cache.get(self.key) == self.token):
                cache.delete(self.key)
        finally:
            _announce_release(self.key)


def release_with(together: Batch, *leases: Lease) -> list[Any]:
    """Send ``together`` (a batch on the leases' cache) and free ``leases`` in the same round trip.

    A lease is freed there only while it is valid (then it is surely its
    holder's); otherwise its :meth:`Lease.release` frees it as usual. Returns
    the batch's own results.
    """
    blind = [lease for lease in leases if lease.held()]
    for lease in blind:
        together.delete(lease.key)
    try:
        results = together.execute()
    except BaseException:
        for lease in blind:  # maybe freed, maybe not: free it later only if it is still ours
            lease.unsure = True
        raise
    for lease in blind:
        lease.freed = True
    return results[:len(results) - len(blind)]


def view_lock(session_key: str, name: str) -> Lease:
    """The lease on one view's state in one session, held for a whole event."""
    return Lease(lock_key(session_key, name), f"The view {name!r} is busy; try again.")


def session_lock(session_key: str) -> Lease:
    """The lease on writing one session, held only while its views' states are saved.

    Views of one session run side by side under their own leases, and a save
    writes the whole session (see ``state.persistence``).
    """
    return Lease(lock_key(session_key, ""), "The session is busy; try again.")


class _Renewer:
    """One daemon thread per process renewing every lease held in it, every third of its life."""

    def __init__(self) -> None:
        self._leases: weakref.WeakSet[Lease] = weakref.WeakSet()
        self._guard = threading.Lock()
        self._thread: threading.Thread | None = None

    def hold(self, lease: Lease) -> None:
        with self._guard:
            self._leases.add(lease)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._loop, name="django_reactive-leases",
                                                daemon=True)
                self._thread.start()

    def drop(self, lease: Lease) -> None:
        with self._guard:
            self._leases.discard(lease)

    def _loop(self) -> None:
        while True:
            time.sleep(lease_seconds() / 3)
            with self._guard:
                leases = list(self._leases)
            for lease in leases:
                try:
                    lease.renew()
                except Exception:  # noqa: BLE001 - an unreachable cache: the lease runs out
                    logger.warning("django_reactive: could not renew a lease", exc_info=True)


_renewer = _Renewer()

#: Wake-ups for the threads of this process waiting for a lease, by key.
_released: dict[str, threading.Event] = {}
_released_guard = threading.Lock()


def _release_event(key: str) -> threading.Event:
    with _released_guard:
        return _released.setdefault(key, threading.Event())


def _announce_release(key: str) -> None:
    with _released_guard:
        event = _released.pop(key, None)
    if event is not None:
        event.set()
