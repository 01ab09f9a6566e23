"""AppSession: the event path shared by the transports, on a real session store."""

import pytest

from demo_project.demo.views import mirrored as mirrored_view
from django_reactive.app_session import AppSession, SessionGone, session_store
from django_reactive.runtime import Event
from tests.support import page_in_new_session

pytestmark = pytest.mark.django_db


def new_app(fn, name="t.app"):
    key, app = page_in_new_session(fn, name, "tab")
    return app, key


def wid_of(app, label):
    return next(w for w, widget in app.runner.widgets.items() if widget.label == label)


def test_callbacks_work_when_the_stored_state_was_lost_meanwhile():
    app, key = new_app(mirrored_view.fn)
    session = session_store(key)
    session["_reactive"] = {}
    session.save()
    app.handle_event(Event({wid_of(app, "First"): "hello"}))
    assert not any("Error" in html for html in app.rendered.html_by_id().values())
    assert 'value="hello"' in app.rendered.html[wid_of(app, "Second")]


def test_an_event_in_an_ended_session_asks_for_a_reload():
    app, key = new_app(mirrored_view.fn)
    session_store(key).delete()
    with pytest.raises(SessionGone):
        app.handle_event(Event({wid_of(app, "First"): "x"}))


def test_an_event_that_changes_nothing_does_not_write_the_session():
    def app_fn(st):
        st.button("Nothing")

    app, key = new_app(app_fn)
    outcome = app.handle_event(Event({}, wid_of(app, "Nothing")))
    assert outcome.changed is False and outcome.ops == {}


def test_a_fresh_process_rebuilds_callbacks_before_the_event():
    """Callbacks live in memory only: another worker re-runs the view first (a replay)."""
    first, key = new_app(mirrored_view.fn)
    wid = wid_of(first, "First")
    other_worker = AppSession(first.view, key, "tab")
    other_worker.handle_event(Event({wid: "hi"}))
    assert 'value="hi"' in other_worker.rendered.html[wid_of(other_worker, "Second")]
