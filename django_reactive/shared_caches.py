"""One cache backend object per alias for the whole worker process.

``django.core.cache.caches[alias]`` gives every thread and every asyncio
context a backend object of its own, and Django's Redis backend opens a
connection pool per object: each event, run in a new context of the worker's
thread pool, opened a new Redis connection (about 1.4 connections per event,
several milliseconds of CPU each). The lease, ``st.cache_data`` and the
session's cache go through these shared objects instead. Django's backends
are safe to share between threads: redis-py's and pymemcache's pools, the
local-memory cache's lock, the database cache's per-thread connections.
"""

from __future__ import annotations

import threading
from typing import Any

from django.core.cache import BaseCache, caches
from django.core.signals import setting_changed
from django.dispatch import receiver

_shared: dict[str, BaseCache] = {}
_guard = threading.Lock()


def shared_cache(alias: str) -> BaseCache:
    """The process's backend object for the cache ``alias`` of ``CACHES``."""
    cache = _shared.get(alias)
    if cache is None:
        with _guard:
            cache = _shared.get(alias)
            if cache is None:
                cache = _shared[alias] = caches.create_connection(alias)
    return cache


@receiver(setting_changed)
def _forget(*, setting: str, **kwargs: Any) -> None:
    if setting == "CACHES":
        with _guard:
            _shared.clear()
