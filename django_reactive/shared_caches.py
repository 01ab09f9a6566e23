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

Operations of one event on one Redis cache go in one round trip where they
can (:class:`Batch`, a pipeline).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
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


class Batch:
    """Operations on one of Django's Redis caches sent in one round trip (a pipeline, not a transaction).

    An event's leases are taken together with the session reads that follow
    them, and the session's cache write goes together with freeing both
    leases: three round trips per saved event instead of seven. Each operation
    means what the same call on the cache means (keys made by the cache,
    values through its serializer); :meth:`execute` returns their results.
    """

    def __init__(self, cache: RedisCache) -> None:
        self._cache = cache
        self._pipe = cache._cache.get_client(write=True).pipeline(transaction=False)
        self._serializer = cache._cache._serializer
        self._results: list[Callable[[Any], Any]] = []

    def _key(self, key: str) -> str:
        return self._cache.make_and_validate_key(key)

    def add(self, key: str, value: Any, timeout: int) -> None:
        """``cache.add`` for a timeout of at least one second: whether it was stored."""
        self._pipe.set(self._key(key), self._serializer.dumps(value), nx=True, ex=timeout)
        self._results.append(bool)

    def get(self, key: str) -> None:
        """``cache.get``: the value, or None."""
        self._pipe.get(self._key(key))
        self._results.append(lambda raw: None if raw is None else self._serializer.loads(raw))

    def replace(self, key: str, value: Any, timeout: int) -> None:
        """Store ``value`` only where the key still exists (Redis ``SET XX``): whether it was.

        A timeout of 0 or less deletes the key, as ``cache.set`` does.
        """
        key = self._key(key)
        if timeout <= 0:
            self._pipe.delete(key)
        else:
            self._pipe.set(key, self._serializer.dumps(value), xx=True, ex=timeout)
        self._results.append(bool)

    def delete(self, key: str) -> None:
        """``cache.delete``: whether the key was there."""
        self._pipe.delete(self._key(key))
        self._results.append(bool)

    def execute(self) -> list[Any]:
        raw = self._pipe.execute()
        return [convert(value) for convert, value in zip(self._results, raw)]


def batch(*aliases: str) -> Batch | None:
    """A :class:`Batch` when every alias is the same Redis cache of Django's own kind, else None."""
    found = {id(cache): cache for cache in map(shared_cache, aliases)}
    if len(found) != 1:
        return None
    cache = next(iter(found.values()))
    inner = getattr(cache, "_cache", None)
    if not isinstance(cache, RedisCache) or not hasattr(inner, "_serializer") or \
            not hasattr(inner, "get_client"):
        return None
    return Batch(cache)
