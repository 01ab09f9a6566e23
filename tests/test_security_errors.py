"""REACTIVE["SHOW_ERROR_DETAILS"] (Streamlit's client.showErrorDetails): an uncaught exception's
details stay in the log unless the site shows them (by default, when DEBUG is on)."""

import logging
import re

import pytest
from django.core.checks import run_checks
from django.test import override_settings

import django_reactive as reactive
from django_reactive.testing import AppTest
from tests.sockets import new_session, open_view

pytestmark = pytest.mark.django_db

SECRET = "postgres://admin:hunter2@db.internal/prod"


@reactive.view(name="tests.security_boom")
def boom(st):
    if st.button("Fail"):
        raise RuntimeError(SECRET)
    st.text("fine")


def failing(st):
    raise KeyError(SECRET)


def error_records(caplog, error_id):
    return [r for r in caplog.records if r.name == "django_reactive" and error_id in r.getMessage()]


def test_without_details_the_page_shows_a_generic_message_whose_id_is_logged_with_the_traceback(caplog):
    at = AppTest.from_function(failing).run()
    html = at.page_html
    assert SECRET not in html and "KeyError" not in html and "Traceback" not in html
    assert "redacted" in html
    error_id = re.search(r"error id ([0-9a-f]{12})", html).group(1)
    [record] = error_records(caplog, error_id)
    assert record.levelno == logging.ERROR and record.exc_info[1].args == (SECRET,)
    assert SECRET in caplog.text and "Traceback" in caplog.text  # the details are in the log


@pytest.mark.parametrize("settings", [{"REACTIVE": {"SHOW_ERROR_DETAILS": True}},
                                      {"REACTIVE": {"SHOW_ERROR_DETAILS": "full"}},
                                      {"DEBUG": True}])
def test_with_details_on_or_debug_the_type_and_message_are_shown(settings, caplog):
    with override_settings(**settings):
        html = AppTest.from_function(failing).run().page_html
    assert "KeyError" in html and SECRET in html
    assert "redacted" not in html and not caplog.records


@override_settings(REACTIVE={"SHOW_ERROR_DETAILS": "type"})
def test_type_shows_the_exception_type_only():
    html = AppTest.from_function(failing).run().page_html
    assert "KeyError" in html and "redacted" in html and SECRET not in html


@override_settings(REACTIVE={"SHOW_TRACEBACKS": True})
def test_tracebacks_never_show_without_details():
    html = AppTest.from_function(failing).run().page_html
    assert "Traceback" not in html and SECRET not in html


def test_st_exception_shows_what_it_is_given_as_in_streamlit():
    def shows(st):
        st.exception(ValueError("shown on purpose"))

    html = AppTest.from_function(shows).run().page_html
    assert "ValueError" in html and "shown on purpose" in html


@pytest.mark.django_db(transaction=True)
async def test_over_the_websocket_the_patch_carries_no_detail(caplog):
    comm, ids, _ = await open_view("tests.security_boom", await new_session())
    await comm.send_json_to({"t": "event", "seq": 1, "trigger": ids["Fail"]})
    reply = await comm.receive_json_from(timeout=5)
    sent = "".join(reply["ops"].values())
    assert reply["ack"] == 1 and "redacted" in sent and SECRET not in sent and "RuntimeError" not in sent
    error_id = re.search(r"error id ([0-9a-f]{12})", sent).group(1)
    assert error_records(caplog, error_id)
    await comm.disconnect()


@pytest.mark.parametrize("value", ["stacktrace", 1, "yes"])
def test_a_value_the_setting_does_not_know_is_a_system_check_error(value):
    with override_settings(REACTIVE={"SHOW_ERROR_DETAILS": value}):
        assert "django_reactive.E010" in {m.id for m in run_checks()}
