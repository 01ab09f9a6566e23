"""Bad input over the WebSocket: a typed error, no state change, and the connection lives on."""

import json

import pytest
from asgiref.sync import sync_to_async
from django.test import override_settings

from django_reactive import conf
from tests.sockets import connect, new_session, open_view, saved_state, say_hello

pytestmark = pytest.mark.django_db(transaction=True)


async def expect_error(comm, frame, code, seq=None):
    if isinstance(frame, str):
        await comm.send_to(frame)
    else:
        await comm.send_json_to(frame)
    reply = await comm.receive_json_from(timeout=5)
    assert reply["t"] == "error" and reply["code"] == code, reply
    assert reply["message"]
    if seq is not None:
        assert reply["ack"] == seq
    return reply


@pytest.mark.parametrize(("frame", "code"), [
    ("{not json", "bad_json"),
    ("[1, 2]", "bad_json"),
    ({"t": "dance"}, "bad_message"),
    ({"t": "event", "seq": 0, "trigger": "w1"}, "bad_message"),
    ({"t": "event", "seq": "1", "trigger": "w1"}, "bad_message"),
    ({"t": "event", "seq": 1}, "bad_message"),
    ({"t": "event", "seq": 1, "values": [1]}, "bad_message"),
    ({"t": "event", "seq": 1, "trigger": 5}, "bad_message"),
    ({"t": "event", "id": 7, "seq": 1, "trigger": "w1"}, "bad_message"),
    ({"t": "event", "id": "x" * 33, "seq": 1, "trigger": "w1"}, "bad_message"),
    ({"t": "hello", "v": 1, "id": "1", "view": "tests.counter", "tab": "again"}, "bad_message"),
    ({"t": "hello", "v": 1, "view": "tests.counter", "tab": "2"}, "bad_message"),
    ({"t": "hello", "v": 1, "id": "1", "tab": "2"}, "bad_message"),
])
async def test_malformed_messages(frame, code):
    key = await new_session()
    comm, ids, _ = await open_view("tests.counter", key)
    await expect_error(comm, frame, code)
    # The connection still works and nothing changed.
    await comm.send_json_to({"t": "event", "seq": 7, "trigger": ids["Increment"]})
    assert (await comm.receive_json_from(timeout=5))["ack"] == 7
    await comm.disconnect()
    assert (await saved_state(key, "tests.counter"))["count"] == 1


async def test_oversized_message():
    comm, _, _ = await open_view("tests.counter", await new_session())
    big = json.dumps({"t": "event", "seq": 1, "values": {"w": "x" * conf.get("MAX_MESSAGE_BYTES")}})
    await expect_error(comm, big, "too_large")
    await comm.disconnect()


async def test_event_before_hello():
    comm, connected, _ = await connect(await new_session())
    assert connected
    reply = await expect_error(comm, {"t": "event", "id": "1", "seq": 1, "trigger": "w0"},
                               "not_ready", seq=1)
    assert reply["id"] == "1"
    await comm.disconnect()


async def test_unsupported_version_closes():
    comm, _, _ = await connect(await new_session())
    await expect_error(comm, {"t": "hello", "v": 99}, "unsupported_version")
    assert (await comm.receive_output(timeout=5))["type"] == "websocket.close"


@pytest.mark.parametrize(("label", "value", "code"), [
    ("Volume", 11, "invalid_value"),          # above the slider's max
    ("Volume", "5", "invalid_value"),         # wrong type
    ("Volume", True, "invalid_value"),        # a boolean is not a number
    ("Volume", 2.5, "invalid_value"),         # an int slider takes whole numbers
    ("Color", 2, "invalid_value"),            # no such option index
    ("Color", "green", "invalid_value"),      # options are sent by index
    ("Amount", 101, "invalid_value"),
    ("Amount", None, "invalid_value"),
    ("Code", "12345", "invalid_value"),       # longer than max_chars
    ("Code", 1234, "invalid_value"),
    ("Agree", "yes", "invalid_value"),
    ("Agree", None, "invalid_value"),
])
async def test_values_outside_a_widgets_type_range_or_options(label, value, code):
    key = await new_session()
    comm, ids, _ = await open_view("tests.widgets", key)
    before = await saved_state(key, "tests.widgets")
    reply = await expect_error(comm, {"t": "event", "seq": 3, "values": {ids[label]: value}}, code, seq=3)
    assert reply["widget"] == ids[label]
    assert await saved_state(key, "tests.widgets") == before
    await comm.send_json_to({"t": "event", "seq": 4, "values": {ids["Volume"]: 4}})
    reply = await comm.receive_json_from(timeout=5)
    assert reply["ack"] == 4 and any("4 red" in html for html in reply["ops"].values())
    await comm.disconnect()


async def test_a_button_value_is_only_accepted_as_the_trigger():
    comm, ids, _ = await open_view("tests.counter", await new_session())
    await expect_error(comm, {"t": "event", "seq": 1, "values": {ids["Increment"]: True}}, "invalid_value")
    await comm.disconnect()


async def test_one_bad_value_rejects_the_whole_event():
    key = await new_session()
    comm, ids, _ = await open_view("tests.widgets", key)
    await expect_error(comm, {"t": "event", "seq": 1, "values": {ids["Volume"]: 3, ids["Color"]: 9}},
                       "invalid_value", seq=1)
    comm2, _, html = await open_view("tests.widgets", key, "t2")
    assert "0 red" in html
    await comm.disconnect()
    await comm2.disconnect()


async def test_disabled_and_unknown_widgets():
    comm, ids, _ = await open_view("tests.widgets", await new_session())
    await expect_error(comm, {"t": "event", "seq": 1, "trigger": ids["Locked"]}, "disabled_widget", seq=1)
    reply = await expect_error(comm, {"t": "event", "seq": 2, "trigger": "wdeadbeef0000"}, "unknown_widget")
    assert reply["widget"] == "wdeadbeef0000"
    await comm.disconnect()


async def test_cross_origin_handshake_is_refused():
    _, connected, _ = await connect(await new_session(), origin=b"http://evil.example")
    assert not connected


async def test_handshake_without_a_session_is_closed_with_4401_after_accepting():
    """Accepted first: a handshake refused before accepting reaches the page as 1006, not 4401."""
    comm, connected, _ = await connect(None)
    assert connected
    closed = await comm.receive_output(timeout=5)
    assert closed == {"type": "websocket.close", "code": 4401}


@pytest.mark.parametrize(("view", "code"), [
    ("tests.nope", "unknown_view"),
    ("tests.staff_only", "login_required"),  # the session has no user
])
async def test_a_view_the_page_may_not_show_is_refused_and_the_others_work(view, code):
    comm, connected, _ = await connect(await new_session())
    assert connected
    await say_hello(comm, view, view_id="a")
    reply = await comm.receive_json_from(timeout=5)
    assert reply["t"] == "error" and reply["code"] == code and reply["id"] == "a", reply
    await say_hello(comm, "tests.counter", view_id="b")
    assert (await comm.receive_json_from(timeout=5))["id"] == "b"
    assert await comm.receive_json_from(timeout=5) == {"t": "ready", "id": "b"}
    await comm.disconnect()


async def test_an_exception_in_the_view_does_not_break_the_connection():
    comm, ids, _ = await open_view("tests.widgets", await new_session())
    await comm.send_json_to({"t": "event", "seq": 1, "values": {ids["Color"]: 1}})
    assert (await comm.receive_json_from(timeout=5))["ack"] == 1
    await comm.disconnect()


@sync_to_async
def logged_in_session(username: str, **fields) -> str:
    from django.contrib.auth.models import User
    from django.test import Client

    client = Client()
    client.force_login(User.objects.create_user(username, **fields))
    return client.cookies["sessionid"].value


async def test_a_logged_in_user_without_permission_is_refused_the_view():
    comm, connected, _ = await connect(await logged_in_session("ann"))
    assert connected
    await say_hello(comm, "tests.staff_only", view_id="s")
    reply = await comm.receive_json_from(timeout=5)
    assert (reply["t"], reply["code"], reply["id"]) == ("error", "forbidden", "s")
    await comm.send_json_to({"t": "event", "id": "s", "seq": 1, "trigger": "w0"})
    assert (await comm.receive_json_from(timeout=5))["code"] == "not_ready"
    await comm.disconnect()


async def test_a_user_with_permission_gets_the_view():
    comm, connected, _ = await connect(await logged_in_session("boss", is_staff=True))
    await say_hello(comm, "tests.staff_only", view_id="s")
    first = await comm.receive_json_from(timeout=5)
    assert first["id"] == "s" and "secret" in first["ops"]["r"]
    await comm.disconnect()


@override_settings(REACTIVE={"MAX_PENDING": 4})  # the real limit, made small: runs are slow
async def test_a_flood_of_events_is_refused_as_busy_beyond_the_limit_and_nothing_is_lost():
    MAX_PENDING = conf.get("MAX_PENDING")
    key = await new_session()
    comm, ids, _ = await open_view("tests.slow", key)
    total = MAX_PENDING + 6
    for seq in range(1, total + 1):
        await comm.send_json_to({"t": "event", "seq": seq, "trigger": ids["Work"]})
    done, busy = set(), set()
    while len(done) + len(busy) < total:
        message = await comm.receive_json_from(timeout=60)
        if message.get("t") == "error":
            assert message["code"] == "busy", message
            busy.add(message["ack"])
        elif "ack" in message:
            done.add(message["ack"])
    assert busy and len(done) >= MAX_PENDING - 1 and not done & busy
    # The connection still answers.
    await comm.send_json_to({"t": "event", "seq": total + 1, "trigger": ids["Work"]})
    while "ack" not in (reply := await comm.receive_json_from(timeout=10)):
        pass
    assert reply["ack"] == total + 1
    await comm.disconnect()
