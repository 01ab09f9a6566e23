"""The state's session write on each of Django's session engines: what Django reads back afterwards."""

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone

from django_reactive.app_session import AppSession, SessionGone
from django_reactive.registry import ReactiveView
from django_reactive.runtime import Event
from django_reactive.state.sessions import session_store

pytestmark = pytest.mark.django_db


def counter(st):
    st.session_state.setdefault("count", 0)
    if st.button("Increment"):
        st.session_state.count += 1
    st.text(f"Count = {st.session_state.count}")


def click(app):
    wid = next(iter(app.runner.widgets))
    return app.handle_event(Event({}, wid))


ENGINES = ["db", "cached_db", "cache", "file"]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_saved_event_is_what_django_reads_back(engine, tmp_path):
    with override_settings(SESSION_ENGINE=f"django.contrib.sessions.backends.{engine}",
                           SESSION_FILE_PATH=str(tmp_path)):
        session = session_store(None)
        session["site"] = "kept"
        session.create()
        session["site"] = "kept"
        session.save()
        app = AppSession(ReactiveView(counter, name="tests.write"), session.session_key, "t")
        app.run_page()
        click(app)
        click(app)
        if engine == "cached_db":
            cache.clear()  # read the database row, not the cache
        stored = session_store(session.session_key)
        assert stored["site"] == "kept"
        assert stored["_reactive"]["tests.write"]["u"] == {"count": 2}
        if engine in ("db", "cached_db"):
            row = Session.objects.get(session_key=session.session_key)
            assert row.expire_date > timezone.now()
            assert row.get_decoded()["_reactive"]["tests.write"]["u"] == {"count": 2}


@pytest.mark.parametrize("engine", ["db", "cached_db"])
def test_a_session_ended_during_the_run_is_an_ended_session_not_a_write(engine):
    """The row goes between the event's read and its write (a logout elsewhere): reload, write nothing."""
    def logged_out_meanwhile(st):
        counter(st)
        if st.session_state.count:
            Session.objects.filter(session_key=key).delete()
            cache.clear()

    with override_settings(SESSION_ENGINE=f"django.contrib.sessions.backends.{engine}"):
        session = session_store(None)
        session.create()
        key = session.session_key
        app = AppSession(ReactiveView(logged_out_meanwhile, name="tests.write"), key, "t")
        app.run_page()
        with pytest.raises(SessionGone):
            click(app)
        assert not Session.objects.filter(session_key=key).exists()
