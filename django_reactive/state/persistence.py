"""Where a page's state lives between events: its working copy, and the session's snapshot.

Each open page keeps a **working copy**: the :class:`StateStore` its runs use,
holding the very Python objects the last run left in ``st.session_state``, so
callbacks from that run and the next run see (and mutate) the same objects, as
in Streamlit. The Django session holds the persistable **snapshot** of each
view's state (through the codec) with a **revision**. An event reads the
session, and decodes the snapshot only when its revision is not the one the
working copy came from (another tab, worker or transport wrote it).

Every event runs in :meth:`PageState.event`: under the view's lease (see
``locks``), with the state loaded; :meth:`PageState.commit` writes the
snapshot before the caller acknowledges anything ("an ack means saved"). The
write is fenced: it happens only while the lease is held and only onto the
revision the event read, so a run that outlived its lease never overwrites a
newer state. Database and cache errors are retried for
``REACTIVE["RETRY_SECONDS"]`` and then raised as :class:`Unavailable`; only a
session that really ended raises :class:`SessionGone`.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from django.contrib.sessions.backends.base import SessionBase, UpdateError
from django.db import DatabaseError, connections

from .. import conf
from ..locks import NOT_READ, Lease, LockTimeout, session_lock, view_lock
from ..signals import state_saved
from .sessions import cache_location, save, session_store
from .store import EMPTY, StateStore

__all__ = ["LeaseLost", "LockTimeout", "PageState", "SessionGone", "Unavailable", "session_store"]

logger = logging.getLogger("django_reactive")

T = TypeVar("T")


class SessionGone(Exception):
    """The Django session ended (logout, login elsewhere, expiry): the page must reload."""


class Unavailable(Exception):
    """The session store or the lease cache failed for ``RETRY_SECONDS``: try again later."""


class LeaseLost(Exception):
    """The event's lease ran out (or another writer came first): its run is not committed."""


def _infrastructure_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [DatabaseError, ConnectionError, TimeoutError, OSError]
    try:
        from redis.exceptions import ConnectionError as RedisConnectionError
        from redis.exceptions import TimeoutError as RedisTimeoutError
    except ImportError:  # pragma: no cover - redis is a dependency of channels-redis
        pass
    else:
        errors += [RedisConnectionError, RedisTimeoutError]
    return tuple(errors)


#: Errors of the session store or the cache that may pass: retried, then ``Unavailable``.
INFRASTRUCTURE_ERRORS = _infrastructure_errors()


def retrying(fn: Callable[[], T]) -> T:
    """``fn()``, again after database or cache errors, for at most ``RETRY_SECONDS``.

    Broken database connections are closed between attempts so the next one
    reconnects. A failed session save (Django's ``UpdateError``, which also
    hides a dropped connection) is retried too: the next attempt reads the
    session again and so tells an ended session from an unreachable one.
    """
    deadline = time.monotonic() + conf.get("RETRY_SECONDS")
    pause = 0.05
    while True:
        try:
            return fn()
        except (UpdateError, *INFRASTRUCTURE_ERRORS) as exc:
            for connection in connections.all(initialized_only=True):
                if not connection.in_atomic_block:
                    connection.close()
            if time.monotonic() + pause > deadline:
                raise Unavailable("The session store is not answering; try again.") from exc
            logger.warning("django_reactive: retrying after %s: %s", type(exc).__name__, exc)
            time.sleep(pause)
            pause = min(pause * 2, 0.5)


class PageState:
    """The state of one view on one page: working copy, snapshot revision, lease."""

    def __init__(self, store: StateStore, session_key: str, namespace: str, lock_name: str, *,
                 tabs_prefix: str | None = None, sender: Any = None) -> None:
        self.store = store
        self.session_key = session_key
        self.namespace = namespace
        self.lock_name = lock_name
        #: For tab-scoped state: the namespace prefix of the view's tabs (oldest are pruned).
        self.tabs_prefix = tabs_prefix
        self.sender = sender
        #: Whether ``store`` holds a working copy, and the snapshot revision it came from.
        self.loaded = False
        self.revision: str | None = None
        #: The snapshot as stored at ``revision`` (without its bookkeeping keys).
        self.snapshot: dict[str, Any] = {}
        #: Values of the working copy the codec cannot store, by place: they live with the page.
        self.unstored: dict[tuple[str, str], Any] = {}
        #: Names already warned about as not storable (each is named once per page).
        self.warned: frozenset[str] = EMPTY
        #: The session's views' states as last written by this page (to mirror into a request).
        self.written: dict[str, Any] | None = None
        self._lease: Lease | None = None

    # -- reading ---------------------------------------------------------------

    def _read(self, cached: Any = NOT_READ) -> tuple[SessionBase, dict[str, Any]]:
        """The session as stored now, and the views' states in it.

        ``cached``: the session's cache entry as read with the lease, if it was.
        """
        session = session_store(self.session_key, cached)
        namespaces = dict(session.get(conf.get("SESSION_KEY")) or {})
        if session.session_key is None:
            raise SessionGone("The session has ended.")
        return session, namespaces

    def load(self, cached: Any = NOT_READ) -> None:
        """Bring the working copy up to the stored snapshot: a no-op when nobody else wrote."""
        stored = retrying(lambda: self._read(cached))[1].get(self.namespace) or {}
        revision = stored.get("r")
        if self.loaded and revision == self.revision:
            self.store.reset_event()
            return
        self.store.load(stored)
        # Values the snapshot could not hold stay with this page, unless replaced meanwhile.
        self.store.restore(self.unstored)
        self.loaded, self.revision = True, revision
        self.snapshot = _without_bookkeeping(stored)

    def rewind(self) -> None:
        """Put the working copy back to the snapshot it was loaded from (after a replay).

        A replay only rebuilds the page's callbacks: what it did to the state
        must not count. Values it left as stored keep their objects, since the
        callbacks it created may hold them (``todos.append`` in a closure).
        """
        encoded, _ = self.store.dump()
        if encoded == self.snapshot:
            return
        kept = []
        for place, values in (("u", self.store.user), ("w", self.store.widgets)):
            stored, now = self.snapshot.get(place, {}), encoded.get(place, {})
            kept += [(place, name, value) for name, value in values.items()
                     if name in stored and now.get(name) == stored[name]]
        self.store.load(self.snapshot)
        for place, name, value in kept:
            (self.store.user if place == "u" else self.store.widgets)[name] = value
        self.store.restore(self.unstored)

    def invalidate(self) -> None:
        """Forget the working copy: the next event decodes the snapshot (after a failed run)."""
        self.loaded = False

    # -- one event -------------------------------------------------------------

    @contextmanager
    def event(self) -> Iterator[PageState]:
        """Hold the view's lease with the state loaded; a body that changes state ends with :meth:`commit`.

        Raises ``LockTimeout`` (busy), :class:`Unavailable` or :class:`SessionGone`.
        An exception from the body leaves nothing written and the working copy
        is forgotten (it may hold the failed run's changes).
        """
        lease = view_lock(self.session_key, self.lock_name)
        where = cache_location(self.session_key)
        cached = retrying(lambda: lease.acquire(read=where))
        self._lease = lease
        try:
            self.load(cached)
            yield self
        except BaseException:
            self.invalidate()
            raise
        finally:
            self._lease = None
            try:
                lease.release()
            except INFRASTRUCTURE_ERRORS:
                logger.warning("django_reactive: could not free a lease; it runs out", exc_info=True)

    def commit(self) -> tuple[bool, list[str]]:
        """Encode the working copy and write it when it changed. Call inside :meth:`event`.

        Returns whether it was written, and the names of values newly found not
        storable (they stay with the page; each is named once). Returns only
        once the write is durable; raises :class:`LeaseLost` when the event may
        no longer write (its lease ran out, or another writer came first).
        A write ends the event's hold on the stored state: the view's lease may
        be freed in the write's last round trip, so commit last.
        """
        data, self.unstored = self.store.dump()
        names = self._newly_unstored() if self.unstored else []
        if data == self.snapshot:
            return False, names
        revision = secrets.token_hex(6)
        retrying(lambda: self._write(data, revision))
        self.revision, self.snapshot = revision, data
        state_saved.send(sender=type(self.sender), view=self.sender, session_key=self.session_key,
                         namespace=self.namespace, revision=revision)
        return True, names

    def _newly_unstored(self) -> list[str]:
        """The user-facing names of unstored values not warned about yet; warns about them."""
        keys = {wid: key for key, wid in self.store.key_map.items()}
        found = {keys.get(name, name) if place == "w" else name for place, name in self.unstored}
        names = sorted(found - self.warned)
        self.warned = self.warned | set(names)
        for name in names:
            logger.warning(
                "django_reactive: st.session_state[%r] in %s holds a value that cannot be stored in "
                "the session; it lives with this page only (lost on reload, not seen by other tabs).",
                name, self.namespace)
        return names

    def _write(self, data: dict[str, Any], revision: str) -> None:
        """Store this page's state onto the session as it is now, under the session's lease.

        A save writes the whole session and the views of one session run side
        by side, so the session is read again (and written) under a short
        lease on the session.
        """
        lease = session_lock(self.session_key)
        cached = lease.acquire(read=cache_location(self.session_key))
        try:
            session, namespaces = self._read(cached)
            current = (namespaces.get(self.namespace) or {}).get("r")
            if current == revision:
                return  # an earlier attempt was saved after all
            if current != self.revision or self._lease is None or not self._lease.held():
                raise LeaseLost("The view's state changed meanwhile; the event was not saved.")
            entry = {**data, "r": revision}
            if self.tabs_prefix is not None:
                entry["@"] = int(time.time())
                namespaces[self.namespace] = entry
                tabs = sorted((k for k in namespaces if k.startswith(self.tabs_prefix)),
                              key=lambda k: namespaces[k].get("@", 0), reverse=True)
                for old in tabs[conf.get("MAX_TABS"):]:
                    del namespaces[old]
            else:
                namespaces[self.namespace] = entry
            session[conf.get("SESSION_KEY")] = namespaces
            if not lease.held():
                raise LeaseLost("The session's lease ran out before the write.")
            save(session, lease, self._lease)
        finally:
            lease.release()
        self.written = namespaces

    # -- outside events ----------------------------------------------------------

    def forget_if_changed(self) -> None:
        """After an uncommitted run: forget the working copy if that run changed it.

        Otherwise the next event would commit what a re-run for another page's
        change did, and two pages re-running for each other could never settle.
        """
        data, self.unstored = self.store.dump()
        if data != self.snapshot:
            self.invalidate()


def _without_bookkeeping(stored: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in stored.items() if k not in ("r", "@")}
