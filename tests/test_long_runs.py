"""Element handles, spinners, toasts, and a long run's output reaching the page while it runs."""

import pytest

from django_reactive.testing import AppTest
from tests.sockets import new_session, open_view

pytestmark = pytest.mark.django_db


def test_an_element_handle_replaces_the_element_in_place():
    def app(st):
        st.text("first")
        shown = st.text("a")
        st.text("last")
        shown.text("b")
        shown.markdown("**c**")

    at = AppTest.from_function(app).run()
    assert [e.value for e in at.main] == ["first", "**c**", "last"]


def test_a_progress_bar_moves():
    def app(st):
        bar = st.progress(0)
        for value in (10, 50, 90):
            bar.progress(value)

    at = AppTest.from_function(app).run()
    assert len(at.progress) == 1 and "90" in at.page_html


def test_a_spinner_shows_only_while_its_block_runs():
    def app(st):
        with st.spinner("Loading..."):
            st.text("inside")
        st.text("after")

    at = AppTest.from_function(app).run()
    assert at.spinner == []
    assert at.text.values == ["inside", "after"]
    assert "Loading..." not in at.page_html


def test_a_toast():
    at = AppTest.from_function(lambda st: st.toast("Saved", icon="✔")).run()
    assert at.toast[0].value == "Saved"
    assert 'role="status"' in at.page_html
    assert "Invalid `duration`" in AppTest.from_function(
        lambda st: st.toast("x", duration="forever")).run().exception[0].message


@pytest.mark.django_db(transaction=True)
async def test_a_long_run_sends_its_output_while_it_runs():
    comm, ids, _ = await open_view("tests.slow", await new_session())
    await comm.send_json_to({"t": "event", "seq": 1, "trigger": ids["Work"]})
    partial = []
    while True:
        message = await comm.receive_json_from(timeout=5)
        if "ack" in message:
            break
        partial.append(message)
    shown = " ".join(html for message in partial for html in message["ops"].values())
    assert "Working..." in shown and "step" in shown
    final = " ".join(message["ops"].values())
    assert "done" in final and "Working..." not in final
    assert len(partial) >= 2
    await comm.disconnect()
