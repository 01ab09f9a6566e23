"""Helpers of the widget tests: a widget's first value, and what the server answers a browser value."""

import pytest

from django_reactive.runtime import Event, EventError
from django_reactive.testing import AppTest


def value_of(call):
    """What ``call(st)`` returns on a first run (the run must not fail)."""
    def app(st):
        st.session_state.r = call(st)

    at = AppTest.from_function(app).run()
    assert not at.exception, at.exception[0].message
    return at.session_state["r"]


def refused(at, handle, raw):
    """Send ``raw`` as the browser value of ``handle``'s widget; return the protocol error."""
    with pytest.raises(EventError) as error:
        at.app.handle_event(Event({handle.id: raw}))
    return error.value
