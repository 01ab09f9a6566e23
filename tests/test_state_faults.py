"""Faults on the state path, injected at known points: an ack means saved; leases free; no overlap.

The multi-process versions (two daphne workers, ``kill -9``, PostgreSQL backends
terminated) are in tests/multiworker; these run in one process against the
real session store and cache.
"""

import threading
import time

import pytest
from asgiref.sync import sync_to_async
from channels.layers import InMemoryChannelLayer
from django.contrib.sessions.backends.base import UpdateError
from django.core.cache import caches
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import override_settings

from django_reactive.app_session import AppSession, LeaseLost, Unavailable
from django_reactive.locks import lock_key
from django_reactive.registry import ReactiveView
from django_reactive.runtime import Event
from django_reactive.state import persistence
from tests.sockets import new_session, open_view, saved_state
from tests.support import page_in_new_session

pytestmark = pytest.mark.django_db(transaction=True)


def counter_app(st):
    st.session_state.setdefault("count", 0)
    if st.button("Increment"):
        st.session_state.count += 1
    st.text(f"Count = {st.session_state.count}")


def new_page(fn=counter_app, key=None, name="tests.faults", tab="t"):
    if key is None:
        return page_in_new_session(fn, name, tab)[1]
    app = AppSession(ReactiveView(fn, name=name), key, tab)
    app.run_page()
    return app


def click(app: AppSession, label: str = "Increment"):
    wid = next(w for w, widget in app.runner.widgets.items() if widget.label == label)
    return app.handle_event(Event({}, wid))


def stored_count(key: str, name: str = "tests.faults") -> int:
    store = persistence.StateStore()
    store.load(persistence.session_store(key).get("_reactive", {}).get(name))
    return store.user["count"]


class FailingSave:
    """The database fails the session write ``times`` times (then works), as a dropped connection does.

    Injected under Django's cursor (every thread's connection), at the statement
    that writes the session row, whatever code path issues it.
    """

    def __init__(self, monkeypatch, times: int, error: Exception, *, before=None) -> None:
        self.left = times
        self.error = error
        real = CursorWrapper.execute

        def execute(cursor, sql, params=None):
            if sql.lstrip().upper().startswith("UPDATE") and "django_session" in sql:
                if before is not None:
                    before()
                if self.left > 0:
                    self.left -= 1
                    raise self.error
            return real(cursor, sql, params)

        monkeypatch.setattr(CursorWrapper, "execute", execute)


# -- the write fails -----------------------------------------------------------------------------


def test_a_write_failing_for_a_moment_is_retried_and_the_event_saved(monkeypatch):
    app = new_page()
    FailingSave(monkeypatch, 2, OperationalError("server closed the connection unexpectedly"))
    outcome = click(app)
    assert outcome.changed and stored_count(app.session_key) == 1


def test_a_dropped_connection_during_the_save_is_not_a_session_ending(monkeypatch):
    """Django turns any DatabaseError of a session update into UpdateError: retried, not 'reload'."""
    app = new_page()
    FailingSave(monkeypatch, 1, UpdateError())
    click(app)
    assert stored_count(app.session_key) == 1


@override_settings(REACTIVE={"RETRY_SECONDS": 0.2})
def test_a_write_that_keeps_failing_is_unavailable_and_changes_nothing(monkeypatch):
    app = new_page()
    click(app)
    failing = FailingSave(monkeypatch, 10**6, OperationalError("the database is down"))
    with pytest.raises(Unavailable):
        click(app)
    assert stored_count(app.session_key) == 1
    failing.left = 0  # the database is back: the page goes on from the saved state
    click(app)
    assert stored_count(app.session_key) == 2 and app.last_result is not None
    assert "Count = 2" in app.rendered.root


@override_settings(REACTIVE={"RETRY_SECONDS": 0.2})
async def test_over_the_websocket_no_ack_before_the_write_and_a_typed_error_when_it_fails(monkeypatch):
    key = await new_session()
    comm, ids, _ = await open_view("tests.counter", key)
    failing = FailingSave(monkeypatch, 10**6, OperationalError("the database is down"))
    await comm.send_json_to({"t": "event", "seq": 1, "trigger": ids["Increment"]})
    reply = await comm.receive_json_from(timeout=5)
    assert (reply["t"], reply["code"], reply["ack"]) == ("error", "unavailable", 1)
    assert (await saved_state(key, "tests.counter")).get("count", 0) == 0
    failing.left = 0
    await comm.send_json_to({"t": "event", "seq": 2, "trigger": ids["Increment"]})
    reply = await comm.receive_json_from(timeout=5)
    assert reply["t"] == "patch" and reply["ack"] == 2
    assert "Count =  <code>1</code>" in "".join(reply["ops"].values())
    assert (await saved_state(key, "tests.counter"))["count"] == 1
    await comm.disconnect()


async def test_the_ack_leaves_only_after_the_write(monkeypatch):
    """Hold the write at a known point: nothing may reach the page until it is done."""
    key = await new_session()
    comm, ids, _ = await open_view("tests.counter", key)
    writing, release = threading.Event(), threading.Event()

    def hold_the_write():
        writing.set()
        release.wait(5)

    FailingSave(monkeypatch, 0, OperationalError(), before=hold_the_write)
    await comm.send_json_to({"t": "event", "seq": 1, "trigger": ids["Increment"]})
    assert await sync_to_async(writing.wait, thread_sensitive=False)(5)
    assert await comm.receive_nothing(timeout=0.3)
    release.set()
    reply = await comm.receive_json_from(timeout=5)
    assert reply["ack"] == 1
    await comm.disconnect()


# -- leases ----------------------------------------------------------------------------------------


@override_settings(REACTIVE={"LOCK_TIMEOUT": 1})
def test_a_dead_holders_lease_frees_within_its_lifetime():
    app = new_page()
    # A worker took the lease and died: nobody renews it.
    caches["default"].add(lock_key(app.session_key, "tests.faults"), "dead-worker", 1)
    started = time.monotonic()
    click(app)
    assert time.monotonic() - started < 2.5
    assert stored_count(app.session_key) == 1


def slow_counter(st):
    st.session_state.setdefault("count", 0)

    def work():
        time.sleep(2.5)  # longer than the lease: it must be renewed meanwhile
        st.session_state.count += 1

    st.button("Slow", on_click=work)
    if st.button("Increment"):
        st.session_state.count += 1
    st.text(f"Count = {st.session_state.count}")


@override_settings(REACTIVE={"LOCK_TIMEOUT": 1})
def test_a_run_longer_than_the_lease_keeps_it_and_nothing_overlaps():
    slow_page = new_page(slow_counter)
    other_tab = new_page(slow_counter, key=slow_page.session_key, tab="u")
    done = {}

    def slow_event():
        click(slow_page, "Slow")
        done["slow"] = time.monotonic()

    thread = threading.Thread(target=slow_event)
    thread.start()
    time.sleep(0.5)  # the slow run holds the lease now
    click(other_tab)
    done["other"] = time.monotonic()
    thread.join(10)
    assert done["other"] >= done["slow"], "the second event waited for the first"
    assert stored_count(slow_page.session_key) == 2


def test_a_run_that_lost_its_lease_is_not_committed():
    """Fencing: the lease ran out and another worker wrote meanwhile: the late run must not write."""
    first = new_page()
    key = first.session_key
    other_worker = AppSession(first.view, key, "t")
    increment = next(w for w, widget in first.runner.widgets.items() if widget.label == "Increment")

    faults = [1]

    def lose_the_lease_and_let_another_worker_write(st):
        counter_app(st)
        if st.session_state.count == 1 and faults and faults.pop():
            caches["default"].delete(lock_key(key, "tests.faults"))  # expired, say
            thread = threading.Thread(target=lambda: other_worker.handle_event(Event({}, increment)))
            thread.start()
            thread.join(5)

    first.runner.fn = lose_the_lease_and_let_another_worker_write
    with pytest.raises(LeaseLost):
        click(first)
    assert stored_count(key) == 1, "the other worker's click stands alone"
    click(first)  # the page goes on from the stored state
    assert stored_count(key) == 2


# -- after the write ------------------------------------------------------------------------------


async def test_a_failing_broadcast_after_a_saved_event_is_no_error_for_it(monkeypatch):
    key = await new_session()
    comm, ids, _ = await open_view("tests.counter", key)

    async def broken(self, group, message):
        raise ConnectionError("the channel layer is down")

    monkeypatch.setattr(InMemoryChannelLayer, "group_send", broken)
    await comm.send_json_to({"t": "event", "seq": 1, "trigger": ids["Increment"]})
    reply = await comm.receive_json_from(timeout=5)
    assert reply["t"] == "patch" and reply["ack"] == 1
    assert await comm.receive_nothing(timeout=0.2)
    assert (await saved_state(key, "tests.counter"))["count"] == 1
    await comm.disconnect()


@override_settings(
    CHANNEL_LAYERS={"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"},
                    "reactive": {"BACKEND": "channels.layers.InMemoryChannelLayer"}},
    REACTIVE={"CHANNEL_LAYER": "reactive"})
async def test_the_consumer_uses_the_channel_layer_of_the_setting():
    from django.contrib.auth.models import Group

    from django_reactive import abroadcast

    key = await new_session()
    comm, _, _ = await open_view("tests.news", key)
    await sync_to_async(Group.objects.create)(name="editors")
    await abroadcast("groups")  # sent on the "reactive" layer
    reply = await comm.receive_json_from(timeout=5)
    assert reply["t"] == "patch" and "groups: 1" in "".join(reply["ops"].values())
    await comm.disconnect()


# -- the store is down: typed answers on every path ---------------------------------------------


class StoreDown:
    """Every read of the session fails, as with the database unreachable (until ``up()``)."""

    def __init__(self, monkeypatch) -> None:
        self.down = True
        engine = persistence.session_store(None).__class__
        real = engine.load

        def load(session):
            if self.down:
                raise OperationalError("could not connect to server")
            return real(session)

        monkeypatch.setattr(engine, "load", load)


@override_settings(REACTIVE={"RETRY_SECONDS": 0.1})
def test_a_page_whose_state_cannot_be_read_is_a_503_page(client, monkeypatch):
    client.get("/counter/")  # the session exists
    StoreDown(monkeypatch)
    response = client.get("/counter/")
    assert response.status_code == 503 and response["Retry-After"]
    assert b"Temporarily unavailable" in response.content
    assert b"Traceback" not in response.content


@override_settings(REACTIVE={"RETRY_SECONDS": 0.1})
def test_the_http_fallback_answers_json_when_the_store_is_down(client, monkeypatch):
    import json
    import re

    html = client.get("/counter/").content.decode()
    attr = dict(re.findall(r'data-reactive-(tab|rev|csrf)="([^"]*)"', html))
    wid = re.search(r'data-reactive-widget="(w\w+)" data-reactive-kind="button"[^>]*>Increment<', html)
    down = StoreDown(monkeypatch)
    body = {"t": "event", "tab": attr["tab"], "seq": 1, "trigger": wid.group(1), "rev": attr["rev"]}
    response = client.post("/reactive/event/demo.counter/", json.dumps(body),
                           content_type="application/json", HTTP_X_CSRFTOKEN=attr["csrf"])
    assert response.status_code == 503 and response["Content-Type"] == "application/json"
    assert (response.json()["code"], response.json()["ack"]) == ("unavailable", 1)
    down.down = False
    response = client.post("/reactive/event/demo.counter/", json.dumps({**body, "seq": 2}),
                           content_type="application/json", HTTP_X_CSRFTOKEN=attr["csrf"])
    assert response.json()["ack"] == 2 and "<code>1</code>" in "".join(response.json()["ops"].values())


@override_settings(REACTIVE={"RETRY_SECONDS": 0.1})
async def test_a_hello_while_the_store_is_down_gets_a_typed_error_and_a_close_to_retry(monkeypatch):
    from tests.sockets import connect, say_hello

    key = await new_session()
    comm, connected, _ = await connect(key)
    assert connected
    StoreDown(monkeypatch)
    await say_hello(comm, "tests.counter")
    reply = await comm.receive_json_from(timeout=5)
    assert (reply["t"], reply["code"]) == ("error", "unavailable")
    assert (await comm.receive_output(timeout=5))["code"] == 1013


@override_settings(REACTIVE={"RETRY_SECONDS": 0.1})
def test_an_unreachable_lease_cache_is_unavailable_not_a_crash(monkeypatch):
    from django.core.cache.backends.locmem import LocMemCache
    from redis.exceptions import ConnectionError as RedisConnectionError

    app = new_page()

    def down(*args, **kwargs):
        raise RedisConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(LocMemCache, "add", down)
    with pytest.raises(Unavailable):
        click(app)
    monkeypatch.undo()
    click(app)
    assert stored_count(app.session_key) == 1


# -- on Redis, the write's round trip also frees the leases ------------------------------------


class LostReply:
    """The round trip that writes the session's cache entry (and frees the leases) fails once:
    before it reaches Redis (``done=False``) or after Redis did it, its reply lost (``done=True``)."""

    def __init__(self, monkeypatch, done: bool) -> None:
        from redis.exceptions import ConnectionError as RedisConnectionError

        from django_reactive.shared_caches import Batch

        self.left = 1
        real_replace, real_execute = Batch.replace, Batch.execute

        def replace(batch, *args):
            batch.writes = True
            return real_replace(batch, *args)

        def execute(batch):
            if getattr(batch, "writes", False) and self.left:
                self.left -= 1
                if done:
                    real_execute(batch)
                raise RedisConnectionError("Connection reset by peer")
            return real_execute(batch)

        monkeypatch.setattr(Batch, "replace", replace)
        monkeypatch.setattr(Batch, "execute", execute)


@pytest.mark.parametrize("done", [False, True], ids=["before Redis", "reply lost"])
def test_a_failed_write_and_release_round_trip_saves_once_and_leaves_no_lease_behind(monkeypatch, done):
    from tests.support import on_redis

    with on_redis(SESSION_ENGINE="django.contrib.sessions.backends.cache",
                  REACTIVE={"LOCK_WAIT": 1, "LOCK_TIMEOUT": 30}):
        app = new_page()
        fault = LostReply(monkeypatch, done)
        click(app)
        assert fault.left == 0
        assert stored_count(app.session_key) == 1
        # Neither lease is left held: the next events take them (else LockTimeout after 1 s).
        click(app)
        click(new_page(key=app.session_key, tab="u"))
        assert stored_count(app.session_key) == 3
