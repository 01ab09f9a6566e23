"""The state's session write on each of Django's session engines: what Django reads back afterwards.

Django's cache engines run twice: on the local-memory cache, and on Redis,
where the session's cache entry is read and written in the round trips of
the leases (``shared_caches.Batch``).
"""

import contextlib

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone

from django_reactive.app_session import AppSession, SessionGone
from django_reactive.registry import ReactiveView
from django_reactive.runtime import Event
from django_reactive.state.sessions import session_store
from tests.support import on_redis, page_in_new_session

pytestmark = pytest.mark.django_db


def counter(st):
    st.session_state.setdefault("count", 0)
    if st.button("Increment"):
        st.session_state.count += 1
    st.text(f"Count = {st.session_state.count}")


def new_page(fn=counter):
    """A new session, and a page of ``fn`` shown in it: (session key, page)."""
    return page_in_new_session(fn, "tests.write")


def click(app):
    wid = next(iter(app.runner.widgets))
    return app.handle_event(Event({}, wid))


ENGINES = ["db", "cached_db", "cache", "file", "cached_db on redis", "cache on redis"]


def engine_settings(engine, **more):
    """The settings of ``engine`` ("cache", or "cache on redis" for the same on a Redis cache)."""
    name, _, where = engine.partition(" on ")
    settings = {"SESSION_ENGINE": f"django.contrib.sessions.backends.{name}", **more}
    return on_redis(**settings) if where == "redis" else override_settings(**settings)


def forget_cached(session_key):
    """Drop the session's cache entry (only that key: Redis is shared)."""
    with contextlib.suppress(AttributeError):
        cache.delete(session_store(session_key).cache_key)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_saved_event_is_what_django_reads_back(engine, tmp_path):
    with engine_settings(engine, SESSION_FILE_PATH=str(tmp_path)):
        session = session_store(None)
        session["site"] = "kept"
        session.create()
        session["site"] = "kept"
        session.save()
        app = AppSession(ReactiveView(counter, name="tests.write"), session.session_key, "t")
        app.run_page()
        click(app)
        click(app)
        if engine.startswith("cached_db"):
            forget_cached(session.session_key)  # read the database row, not the cache
        stored = session_store(session.session_key)
        assert stored["site"] == "kept"
        assert stored["_reactive"]["tests.write"]["u"] == {"count": 2}
        if engine.partition(" on ")[0] in ("db", "cached_db"):
            row = Session.objects.get(session_key=session.session_key)
            assert row.expire_date > timezone.now()
            assert row.get_decoded()["_reactive"]["tests.write"]["u"] == {"count": 2}


@pytest.mark.parametrize("engine", ["db", "cached_db", "cache", "cached_db on redis", "cache on redis"])
def test_a_session_ended_during_the_run_is_an_ended_session_not_a_write(engine):
    """The session goes between the event's read and its write (a logout elsewhere): reload, write nothing."""
    def logged_out_meanwhile(st):
        counter(st)
        if st.session_state.count:
            session_store(key).delete()

    with engine_settings(engine):
        key, app = new_page(logged_out_meanwhile)
        with pytest.raises(SessionGone):
            click(app)
        assert not Session.objects.filter(session_key=key).exists()
        assert not session_store(key).exists(key)


@pytest.mark.parametrize("engine", ["db", "cached_db", "cache", "cached_db on redis", "cache on redis"])
def test_a_logout_just_before_the_write_is_not_undone_by_it(engine, monkeypatch):
    """The session ends after the write read it, before it is stored: the write must not bring it back."""
    from django_reactive.state import persistence

    real_save = persistence.save

    def logout_first(session, *args):
        session_store(session.session_key).delete()
        monkeypatch.setattr(persistence, "save", real_save)
        real_save(session, *args)

    with engine_settings(engine):
        key, app = new_page()
        monkeypatch.setattr(persistence, "save", logout_first)
        with pytest.raises(SessionGone):
            click(app)
        assert not session_store(key).exists(key)
        assert session_store(key).load() == {}
