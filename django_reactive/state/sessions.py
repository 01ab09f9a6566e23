"""The Django session store as the state path uses it: open one, and save it quickly.

Every acknowledged event waits for its session write ("an ack means saved"),
so the write is on the path of every click. For Django's own database
engines (``db`` and ``cached_db`` with the stock ``Session`` model) the save
is the same row update Django makes, as one ``UPDATE`` statement instead of
a model instance saved through the ORM in a transaction: about half the
cost. For Django's cache engines (``cache`` and ``cached_db``) on Redis, the
session's cache entry is read in the round trip that takes the event's lease,
and written in the one that frees the session's lease. Every other engine,
and subclasses of these, are saved by their own ``save()``.
"""

from __future__ import annotations

import logging
from importlib import import_module
from typing import Any

from django.conf import settings
from django.contrib.sessions.backends import cache as cache_backend
from django.contrib.sessions.backends import cached_db, db
from django.contrib.sessions.backends.base import SessionBase, UpdateError
from django.db import connections, router

from .. import conf
from ..locks import NOT_READ, Lease, release_with
from ..shared_caches import batch, shared_cache

logger = logging.getLogger("django_reactive")

#: Engines whose save is a plain update of their model's row (exact classes only).
_ROW_ENGINES = (db.SessionStore, cached_db.SessionStore)
#: Engines that keep the session in a cache entry (read and written here for exact classes only).
_CACHE_ENGINES = (cache_backend.SessionStore, cached_db.SessionStore)


def cache_location(session_key: str) -> tuple[str, str] | None:
    """Where Django's cache engines keep the session: (cache alias, key); None for other engines.

    An event reads the session right after taking its lease, and in the same
    round trip when both are on one Redis cache (``locks.Lease.acquire``).
    """
    engine = import_module(settings.SESSION_ENGINE).SessionStore
    if engine not in _CACHE_ENGINES:
        return None
    return settings.SESSION_CACHE_ALIAS, engine.cache_key_prefix + session_key


def session_store(session_key: str | None, cached: Any = NOT_READ) -> SessionBase:
    """The site's session engine's store; Django's cache engines use the process's shared cache.

    ``cached`` is what the session's cache entry held when read with the lease
    (see :func:`cache_location`): a store made from it does not read it again.
    """
    store = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
    if isinstance(store, _CACHE_ENGINES):
        store._cache = shared_cache(settings.SESSION_CACHE_ALIAS)
        if isinstance(cached, dict) and type(store) in _CACHE_ENGINES:
            store._session_cache = cached
    return store


def save(session: SessionBase, *leases: Lease) -> None:
    """Save an existing session: what ``session.save()`` does, faster for Django's own engines.

    ``leases`` (held) are freed in the same round trip as the write of the
    session's cache entry, when they are on the same Redis cache. Raises
    ``UpdateError`` when the session is gone, and the database's own errors
    (``DatabaseError``) when it fails, so the caller can tell a dropped
    connection from an ended session.
    """
    engine = type(session)
    if engine not in (*_ROW_ENGINES, *_CACHE_ENGINES) or session.session_key is None:
        session.save()
        return
    data = session._get_session()
    if engine in _ROW_ENGINES:
        _update_row(session, data)
    if engine is db.SessionStore:
        return
    together = batch(settings.SESSION_CACHE_ALIAS, conf.get("LOCK_CACHE")) if leases else None
    if together is None:
        if engine is cached_db.SessionStore:
            _set_cached(session, data)
        else:
            session.save()
        return
    # Only where the entry still exists: a logout meanwhile must not bring the session back.
    together.replace(session.cache_key, data, session.get_expiry_age())
    try:
        [replaced] = release_with(together, *leases)
    except Exception:
        if engine is not cached_db.SessionStore:
            raise
        logger.exception("Error saving to cache (%s)", session._cache)  # the database has it
        return
    if not replaced and engine is cache_backend.SessionStore:
        raise UpdateError


def _update_row(session: SessionBase, data: dict[str, Any]) -> None:
    """The session row's update, as one ``UPDATE`` statement."""
    model = session.model
    connection = connections[router.db_for_write(model)]
    meta, quote = model._meta, connection.ops.quote_name
    column = {name: quote(meta.get_field(name).column)
              for name in ("session_key", "session_data", "expire_date")}
    expire = connection.ops.adapt_datetimefield_value(session.get_expiry_date())
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {quote(meta.db_table)} SET {column['session_data']} = %s, "
            f"{column['expire_date']} = %s WHERE {column['session_key']} = %s",
            [session.encode(data), expire, session.session_key])
        if cursor.rowcount != 1:
            raise UpdateError


def _set_cached(session: SessionBase, data: dict[str, Any]) -> None:
    try:
        session._cache.set(session.cache_key, data, session.get_expiry_age())
    except Exception:  # noqa: BLE001 - as Django's cached_db: the database has it
        logger.exception("Error saving to cache (%s)", session._cache)
