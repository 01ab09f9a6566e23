"""Hostile messages are refused at parse with a typed error, on the WebSocket and over HTTP.

Lone UTF-16 surrogates, nesting deep enough to exhaust the parser's stack,
numbers no browser sends and versions that only compare equal to 1: each is
answered with an ``error`` (or a 4xx JSON answer), nothing is stored, the
connection lives on and nothing is logged.
"""

import json
import logging
import re

import pytest
from asgiref.sync import sync_to_async
from django.test import Client, override_settings
from django.urls import include, path

import django_reactive as reactive
from tests.sockets import new_session, open_view, saved_state

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.urls("tests.test_security_input")]


@reactive.view(name="tests.security_echo")
def echo(st):
    st.session_state.setdefault("count", 0)
    if st.button("Increment"):
        st.session_state.count += 1
    note = st.text_input("Note", key="note")
    st.text(f"count={st.session_state.count} note={note}")


urlpatterns = [path("echo/", echo.as_view()), path("reactive/", include("django_reactive.urls"))]
EVENT_URL = "/reactive/event/tests.security_echo/"
DEEP = "[" * 30_000 + "]" * 30_000  # 60 KB: under MAX_MESSAGE_BYTES


def tracebacks(caplog) -> list[logging.LogRecord]:
    """Errors logged, or anything logged with a traceback (a 4xx answer's warning is neither)."""
    return [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


@sync_to_async
def page_status(session_key: str) -> int:
    client = Client()
    client.cookies["sessionid"] = session_key
    return client.get("/echo/").status_code


async def still_counts(comm, ids, seq: int, expected: int) -> None:
    await comm.send_json_to({"t": "event", "seq": seq, "trigger": ids["Increment"]})
    reply = await comm.receive_json_from(timeout=5)
    assert reply["ack"] == seq and f"count={expected}" in "".join(reply["ops"].values()), reply


def frames(ids: dict[str, str]) -> list[str]:
    """Messages carrying ``\\ud800`` (as JSON writes it) in each place a message has text."""
    note, inc = ids["Note"], ids["Increment"]
    s = "\\ud800"
    return [
        f'{{"t":"event","id":"1","seq":5,"values":{{"{note}":"a{s}b"}}}}',
        f'{{"t":"event","id":"1","seq":5,"values":{{"{note}{s}":"x"}}}}',
        f'{{"t":"event","id":"1{s}","seq":5,"trigger":"{inc}"}}',
        f'{{"t":"event","id":"1","seq":5,"trigger":"{inc}{s}"}}',
        f'{{"t":"hello","v":1,"id":"2","view":"tests.security_echo","tab":"t1","qs":"a={s}"}}',
        f'{{"t":"hello","v":1,"id":"2{s}","view":"tests.security_echo","tab":"t1"}}',
        f'{{"t":"hello","v":1,"id":"2","view":"tests.security_echo{s}","tab":"t1"}}',
        f'{{"t":"hello","v":1,"id":"2","view":"tests.security_echo","tab":"t{s}"}}',
        f'{{"t":"hello","v":1,"id":"2","view":"tests.security_echo","tab":"t1","cx":{{"locale":"{s}"}}}}',
        f'{{"t{s}":"event"}}',
    ]


async def test_a_lone_surrogate_anywhere_in_a_websocket_message_is_refused_and_nothing_is_stored(caplog):
    key = await new_session()
    comm, ids, _ = await open_view("tests.security_echo", key)
    for n, frame in enumerate(frames(ids)):
        await comm.comm.send_to(frame)
        reply = await comm.comm.receive_json_from(timeout=5)
        assert reply["t"] == "error" and reply["code"] == "bad_text", (frame, reply)
        await still_counts(comm, ids, 10 + n, n + 1)  # no 1011 close: the socket still works
    assert (await saved_state(key, "tests.security_echo")).get("note", "") == ""
    assert await page_status(key) == 200
    assert not tracebacks(caplog)
    await comm.disconnect()


def load_page(client: Client) -> tuple[dict[str, str], dict[str, str]]:
    html = client.get("/echo/").content.decode()
    attr = dict(re.findall(r'data-reactive-(tab|rev|csrf)="([^"]*)"', html))
    button = re.search(r'data-reactive-widget="(w\w+)" data-reactive-kind="button"', html).group(1)
    return attr, {"Increment": button,
                  "Note": re.search(r'for="rx-[\w.-]+?-(w[0-9a-f]{12})">Note<', html).group(1)}


def post_text(client: Client, attr: dict[str, str], text: str):
    return client.post(EVENT_URL, text, content_type="application/json", HTTP_X_CSRFTOKEN=attr["csrf"])


def test_a_lone_surrogate_over_the_http_fallback_is_refused_with_a_400_not_a_500(caplog):
    client = Client(raise_request_exception=False)
    attr, ids = load_page(client)
    s = "\\ud800"
    for body in (
        f'{{"t":"event","seq":1,"tab":"{attr["tab"]}","values":{{"{ids["Note"]}":"{s}"}}}}',
        f'{{"t":"event","seq":1,"tab":"{attr["tab"]}","trigger":"{ids["Increment"]}","qs":"{s}"}}',
        f'{{"t":"event","seq":1,"tab":"{attr["tab"]}{s}","trigger":"{ids["Increment"]}"}}',
        f'{{"t":"event","seq":1,"tab":"{attr["tab"]}","trigger":"{ids["Increment"]}","kw":"{s}"}}',
        f'{{"t":"event","seq":1,"tab":"{attr["tab"]}","trigger":"{ids["Increment"]}","rev":"{s}"}}',
    ):
        response = post_text(client, attr, body)
        assert response.status_code == 400 and response.json()["code"] == "bad_text", body
    assert client.get("/echo/").status_code == 200
    ok = post_text(client, attr, json.dumps({"t": "event", "seq": 2, "tab": attr["tab"],
                                             "trigger": ids["Increment"]}))
    assert "count=1" in "".join(ok.json()["ops"].values())
    assert not tracebacks(caplog)


async def test_json_nested_30000_deep_is_refused_without_a_recursion_error(caplog):
    key = await new_session()
    comm, ids, _ = await open_view("tests.security_echo", key)
    for frame in (DEEP, f'{{"t":"event","id":"1","seq":3,"values":{{"{ids["Note"]}":{DEEP}}}}}'):
        await comm.comm.send_to(frame)
        reply = await comm.comm.receive_json_from(timeout=5)
        assert reply["t"] == "error" and reply["code"] == "too_deep", reply
    await still_counts(comm, ids, 4, 1)
    assert not tracebacks(caplog)
    await comm.disconnect()


def test_deep_nesting_over_http_is_a_400_too_deep(caplog):
    client = Client(raise_request_exception=False)
    attr, ids = load_page(client)
    response = post_text(client, attr, f'{{"t":"event","seq":1,"tab":"{attr["tab"]}","values":{DEEP}}}')
    assert response.status_code == 400 and response.json()["code"] == "too_deep"
    assert not tracebacks(caplog)


@override_settings(REACTIVE={"MAX_JSON_DEPTH": 4})
async def test_the_depth_limit_is_a_setting_and_brackets_inside_text_do_not_count():
    key = await new_session()
    comm, ids, _ = await open_view("tests.security_echo", key)
    note = ids["Note"]
    # Depth 3 (message, values, list) passes parse; the widget then refuses a list.
    await comm.comm.send_to(f'{{"t":"event","id":"1","seq":1,"values":{{"{note}":[[1]]}}}}')
    assert (await comm.comm.receive_json_from(timeout=5))["code"] == "invalid_value"
    await comm.comm.send_to(f'{{"t":"event","id":"1","seq":2,"values":{{"{note}":[[[[1]]]]}}}}')
    assert (await comm.comm.receive_json_from(timeout=5))["code"] == "too_deep"
    await comm.send_json_to({"t": "event", "seq": 3, "values": {note: "[[[[[[[[{{{{{{"}})
    reply = await comm.receive_json_from(timeout=5)
    assert reply["ack"] == 3 and "note=[[[[[[[[{{{{{{" in "".join(reply["ops"].values())
    await comm.disconnect()


@pytest.mark.parametrize(("number", "code"), [
    ("NaN", "bad_json"), ("Infinity", "bad_json"), ("-Infinity", "bad_json"),
    ("1e999", "bad_json"), ("9" * 40, "bad_json"), ("9" * 5000, "bad_json"),
])
async def test_numbers_no_browser_sends_are_refused(number, code):
    comm, ids, _ = await open_view("tests.security_echo", await new_session())
    await comm.comm.send_to(f'{{"t":"event","id":"1","seq":1,"values":{{"{ids["Note"]}":{number}}}}}')
    assert (await comm.comm.receive_json_from(timeout=5))["code"] == code
    await still_counts(comm, ids, 2, 1)
    await comm.disconnect()


@pytest.mark.parametrize("seq", [True, 1.0, 2**53, 2**60])
async def test_seq_must_be_an_integer_a_browser_can_count_to(seq):
    comm, ids, _ = await open_view("tests.security_echo", await new_session())
    await comm.send_json_to({"t": "event", "seq": seq, "trigger": ids["Increment"]})
    assert (await comm.receive_json_from(timeout=5))["code"] == "bad_message"
    await still_counts(comm, ids, 2, 1)
    await comm.disconnect()


@pytest.mark.parametrize("version", [True, 1.0, "1", [1]])
async def test_only_the_integer_1_is_protocol_version_1(version):
    from tests.sockets import connect

    comm, connected, _ = await connect(await new_session())
    assert connected
    await comm.send_json_to({"t": "hello", "v": version, "id": "1", "view": "tests.security_echo",
                             "tab": "t"})
    reply = await comm.receive_json_from(timeout=5)
    assert reply["code"] == "unsupported_version", reply
    assert (await comm.receive_output(timeout=5))["type"] == "websocket.close"


def test_an_oversized_http_event_is_refused_from_its_content_length_with_413():
    client = Client()
    attr, ids = load_page(client)
    body = json.dumps({"t": "event", "seq": 1, "tab": attr["tab"], "values": {ids["Note"]: "x" * 70_000}})
    response = post_text(client, attr, body)
    assert response.status_code == 413 and response.json()["code"] == "too_large"
