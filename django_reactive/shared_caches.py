"""One cache backend object per alias for the whole worker process.

``django.core.cache.caches[alias]`` gives every thread and every asyncio
context a backend object of its own, and Django's Redis backend opens a
connection pool per object: each event, run in a new context of the worker's
thread pool, opened a new Redis connection (about 1.4 connections per event,
several milliseconds of CPU each). The lease, ``st.cache_data`` and the
session's cache go through these shared objects instead. Django's backends
are safe to share between threads: redis-py's and pymemcache's pools, the
local-memory cache's lock, the database cache's per-thread connections.

Django's Redis backend also builds a new ``redis.Redis`` client for every
operation, and redis-py's client sets up its table of reply parsers each time
(0.3 ms, seven operations per event): the shared Redis backends keep one
client per connection pool, which redis-py makes safe to share between threads.
"""

from __future__ import annotations

import threading
from typing import Any

from django.core.cache import BaseCache, caches
from django.core.cache.backends.redis import RedisCache
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
                if isinstance(cache, RedisCache):
                    _keep_clients(cache)
    return cache


def _keep_clients(cache: RedisCache) -> None:
    """Give this backend's client one ``redis.Redis`` per connection pool instead of one per call."""
    inner = cache._cache
    if not (hasattr(inner, "_get_connection_pool") and hasattr(inner, "_client")):
        return  # not Django's own client class: leave it as it is
    clients: dict[Any, Any] = {}

    def get_client(key: Any = None, *, write: bool = False) -> Any:
        pool = inner._get_connection_pool(write)
        client = clients.get(pool)
        if client is None:
            client = clients.setdefault(pool, inner._client(connection_pool=pool))
        return client

    inner.get_client = get_client


@receiver(setting_changed)
def _forget(*, setting: str, **kwargs: Any) -> None:
    if setting == "CACHES":
        with _guard:
            _shared.clear()
