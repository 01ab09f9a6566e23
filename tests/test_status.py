"""st.status: an expander whose icon tells a task's state (Streamlit 1.67)."""

import pytest

from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db


def test_leaving_the_with_block_completes_the_status_and_update_changes_it():
    def app(st):
        with st.status("Downloading data...", expanded=True):
            st.write("Searching for data...")
        other = st.status("Waiting")
        other.update(label="Failed", state="error", expanded=False)

    at = AppTest.from_function(app).run()
    first, second = (handle.element for handle in at.status)
    assert (first.label, first.state, first.expanded) == ("Downloading data...", "complete", True)
    assert (second.label, second.state) == ("Failed", "error")
    assert "rx-status-complete" in at.status[0].html and "Searching for data..." in at.page_html


def test_an_exception_in_the_block_marks_the_error_and_bad_states_are_refused():
    def app(st):
        with st.status("Working"):
            raise ValueError("boom")

    at = AppTest.from_function(app).run()
    assert at.status[0].element.state == "error"
    assert at.exception[0].message == "boom"

    bad = AppTest.from_function(lambda st: st.status("x", state="done")).run()
    assert "Unknown state (done)" in bad.exception[0].message


def test_update_is_only_for_status_containers():
    at = AppTest.from_function(lambda st: st.container().update(label="x")).run()
    assert "only available on the container st.status returns" in at.exception[0].message
