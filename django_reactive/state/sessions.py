"""The Django session store as the state path uses it: open one, and save it quickly.

Every acknowledged event waits for its session write ("an ack means saved"),
so the write is on the path of every click. For Django's own database
engines (``db`` and ``cached_db`` with the stock ``Session`` model) the save
is the same row update Django makes, as one ``UPDATE`` statement instead of
a model instance saved through the ORM in a transaction: about half the
cost. Every other engine, and subclasses of these, are saved by their own
``save()``.
"""

from __future__ import annotations

import logging
from importlib import import_module

from django.conf import settings
from django.contrib.sessions.backends import cache as cache_backend
from django.contrib.sessions.backends import cached_db, db
from django.contrib.sessions.backends.base import SessionBase, UpdateError
from django.db import connections, router

from ..shared_caches import shared_cache

logger = logging.getLogger("django_reactive")

#: Engines whose save is a plain update of their model's row (exact classes only).
_ROW_ENGINES = (db.SessionStore, cached_db.SessionStore)


def session_store(session_key: str | None) -> SessionBase:
    """The site's session engine's store; Django's cache engines use the process's shared cache."""
    store = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
    if isinstance(store, (cache_backend.SessionStore, cached_db.SessionStore)):
        store._cache = shared_cache(settings.SESSION_CACHE_ALIAS)
    return store


def save(session: SessionBase) -> None:
    """Save an existing session: what ``session.save()`` does, faster for Django's database engines.

    Raises ``UpdateError`` when the session's row is gone, and the database's
    own errors (``DatabaseError``) when it fails, so the caller can tell a
    dropped connection from an ended session.
    """
    if type(session) not in _ROW_ENGINES or session.session_key is None:
        session.save()
        return
    data = session._get_session()
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
    if isinstance(session, cached_db.SessionStore):
        try:
            session._cache.set(session.cache_key, data, session.get_expiry_age())
        except Exception:  # noqa: BLE001 - as Django's cached_db: the database has it
            logger.exception("Error saving to cache (%s)", session._cache)
