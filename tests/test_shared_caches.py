"""The lease and the session's cache keep their Redis connections from one event to the next.

Each event of a worker runs in a context of its own, where
``django.core.cache.caches`` would give a new backend object, and Django's Redis
backend a new connection: the tests run each step in a fresh, empty context.
An event's operations on one Redis cache also share round trips (``Batch``).
"""

import contextvars
import threading

import pytest
import redis.connection
from django.conf import settings
from django.test import override_settings

from django_reactive.locks import view_lock
from django_reactive.runtime import Event
from django_reactive.state.sessions import session_store
from tests.support import on_redis, page_in_new_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_cache():
    with on_redis(SESSION_ENGINE="django.contrib.sessions.backends.cache"):
        yield


@pytest.fixture
def redis_clients(monkeypatch):
    """The ``redis.Redis`` clients built (Django's backend builds one per operation)."""
    built = []
    init = redis.Redis.__init__

    def counting(self, *args, **kwargs):
        built.append(self)
        init(self, *args, **kwargs)

    monkeypatch.setattr(redis.Redis, "__init__", counting)
    return built


@pytest.fixture
def redis_connects(monkeypatch):
    """The synchronous Redis connections opened (Django's cache backend's)."""
    opened = []
    connect = redis.connection.AbstractConnection.connect

    def counting(self, *args, **kwargs):
        if self._sock is None:
            opened.append(self)
        return connect(self, *args, **kwargs)

    monkeypatch.setattr(redis.connection.AbstractConnection, "connect", counting)
    return opened


def event(session_key: str) -> None:
    """What an event does with the caches: take the view's lease, load and save the session."""
    with view_lock(session_key, "tests.counter"):
        session = session_store(session_key)
        session["n"] = session.get("n", 0) + 1
        session.save()


def twenty_events_after_one(counted: list) -> tuple[int, int]:
    """How many were counted after a first event, and then after twenty more (each in a fresh context)."""
    session = session_store(None)
    session.create()
    contextvars.Context().run(event, session.session_key)
    warm = len(counted)
    for _ in range(20):
        contextvars.Context().run(event, session.session_key)
    assert session_store(session.session_key)["n"] == 21
    return warm, len(counted)


def test_twenty_events_in_fresh_contexts_share_their_redis_connections(redis_cache, redis_connects):
    warm, after = twenty_events_after_one(redis_connects)
    assert after - warm <= 1  # before: a new connection (or two) per event


def test_the_shared_redis_backend_keeps_one_client_per_pool(redis_cache, redis_clients):
    warm, after = twenty_events_after_one(redis_clients)
    assert after == warm  # before: seven clients built per event


@pytest.fixture
def round_trips(monkeypatch):
    """The requests this test's thread sends to Redis (a pipeline of several commands is one).

    Not the lease renewer's: its thread wakes on its own clock, and may still
    renew leases that earlier tests left held. Nor a new connection's
    handshake, needed when the renewer holds the pool's connection meanwhile.
    """
    sent = []
    send = redis.connection.AbstractConnection.send_packed_command
    # Newer redis-py releases connect through on_connect_check_health, older ones through on_connect.
    hook = "on_connect_check_health" if hasattr(redis.connection.AbstractConnection,
                                                "on_connect_check_health") else "on_connect"
    on_connect = getattr(redis.connection.AbstractConnection, hook)
    test_thread = threading.get_ident()
    connecting = threading.local()

    def counting(self, command, *args, **kwargs):
        if threading.get_ident() == test_thread and not getattr(connecting, "now", False):
            sent.append(command)
        return send(self, command, *args, **kwargs)

    def handshake(self, *args, **kwargs):
        connecting.now = True
        try:
            return on_connect(self, *args, **kwargs)
        finally:
            connecting.now = False

    monkeypatch.setattr(redis.connection.AbstractConnection, hook, handshake)
    monkeypatch.setattr(redis.connection.AbstractConnection, "send_packed_command", counting)
    return sent


def counter(st):
    st.session_state.setdefault("count", 0)
    if st.button("Increment"):
        st.session_state.count += 1
    st.text(f"Count = {st.session_state.count}")


def counter_page():
    """A counter page in a new session: (session key, page, its button's widget id)."""
    key, app = page_in_new_session(counter, "tests.trips")
    return key, app, next(iter(app.runner.widgets))


@pytest.mark.parametrize("engine", ["cache", "cached_db"])
def test_a_saved_event_takes_three_round_trips_to_redis_and_an_unchanged_one_two(engine, round_trips):
    """The leases carry the session's read and write: lease and read, lease and read, write and
    both releases (it took seven, eight on ``cache``); with nothing to save, lease and read, release."""
    with on_redis(SESSION_ENGINE=f"django.contrib.sessions.backends.{engine}"):
        key, app, button = counter_page()
        del round_trips[:]
        app.handle_event(Event({}, button))
        assert len(round_trips) == 3
        del round_trips[:]
        app.handle_event(None)
        assert len(round_trips) == 2
        assert session_store(key)["_reactive"]["tests.trips"]["u"] == {"count": 1}


@pytest.mark.parametrize(("engine", "trips"), [("cache", 8), ("cached_db", 7)])
def test_sessions_on_another_cache_alias_are_saved_one_operation_at_a_time(engine, trips, round_trips):
    """Leases and sessions on two aliases (here, of one Redis): nothing is batched, and all is saved."""
    with on_redis(SESSION_ENGINE=f"django.contrib.sessions.backends.{engine}"), \
            override_settings(CACHES={**settings.CACHES, "sessions": settings.CACHES["default"]},
                              SESSION_CACHE_ALIAS="sessions"):
        key, app, button = counter_page()
        del round_trips[:]
        app.handle_event(Event({}, button))
        assert len(round_trips) == trips
        app.handle_event(Event({}, button))
        assert session_store(key)["_reactive"]["tests.trips"]["u"] == {"count": 2}
