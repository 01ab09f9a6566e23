"""A lock per (session, view), held across worker processes through Django's cache.

Every event of a view runs under it and re-reads the session inside it, so two
tabs (or two workers) never lose each other's updates. ``cache.add`` is atomic
on Redis, Memcached and the database cache; the local-memory cache only locks
within one process (a system check warns when that matters).
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

from django.core.cache import caches

from . import conf


class LockTimeout(Exception):
    """The lock was not free within ``REACTIVE["LOCK_WAIT"]`` seconds."""


def lock_key(session_key: str, name: str) -> str:
    digest = hashlib.sha256(f"{session_key}\0{name}".encode()).hexdigest()[:32]
    return f"django_reactive:lock:{digest}"


def view_lock(session_key: str, name: str) -> AbstractContextManager[None]:
    """The lock on one view's state in one session, held for a whole event."""
    return _lock(session_key, name, f"The view {name!r} is busy; try again.")


def session_lock(session_key: str) -> AbstractContextManager[None]:
    """The lock on writing one session, held only while its views' states are saved.

    Views of one session run side by side under their own locks, and a save
    writes the whole session (see ``AppSession._write``).
    """
    return _lock(session_key, "", "The session is busy; try again.")


#: Wake-ups for the threads of this process waiting for a lock, by lock key.
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


@contextmanager
def _lock(session_key: str, name: str, busy: str) -> Iterator[None]:
    """Take the lock through ``cache.add``, waiting at most ``LOCK_WAIT`` seconds.

    A waiter retries after a growing pause (1 to 20 ms), for holders in other
    processes; a holder in this process wakes it as soon as it lets go.
    """
    cache = caches[conf.get("LOCK_CACHE")]
    key = lock_key(session_key, name)
    token = secrets.token_hex(8)
    timeout = conf.get("LOCK_TIMEOUT")
    deadline = time.monotonic() + conf.get("LOCK_WAIT")
    pause = 0.001
    while not cache.add(key, token, timeout):
        if time.monotonic() > deadline:
            _announce_release(key)  # drops this key's wake-up (its other waiters retry)
            raise LockTimeout(busy)
        _release_event(key).wait(pause)
        pause = min(pause * 2, 0.02)
    try:
        yield
    finally:
        if cache.get(key) == token:
            cache.delete(key)
        _announce_release(key)

