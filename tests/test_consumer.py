"""The WebSocket transport through Channels' WebsocketCommunicator, on a real session store.

Each test runs on the in-memory channel layer and again on channels_redis (with
Django's Redis cache holding the view locks) when Redis answers on 127.0.0.1:
in the database ``REACTIVE_TEST_REDIS_DB`` (default 0), shared with other
programs, under a key prefix of the test's own, whose keys are deleted after it.
"""

import asyncio
import json

import pytest
from asgiref.sync import sync_to_async

from django_reactive.app_session import session_store
from tests.sockets import connect, new_session, open_view, saved_state, say_hello

pytestmark = pytest.mark.django_db(transaction=True)


async def test_click_sends_only_the_changed_element(channel_layer):
    key = await new_session()
    comm, ids, html = await open_view("tests.counter", key)
    assert "Count =  <code>0</code>" in html
    await comm.send_to(json.dumps({"t": "event", "id": "1", "seq": 1, "trigger": ids["Increment"]}))
    raw = await comm.receive_from(timeout=5)
    message = json.loads(raw)
    assert message["ack"] == 1
    assert list(message["ops"]) == ["m.3"]
    assert "Count =  <code>1</code>" in message["ops"]["m.3"]
    assert len(raw.encode()) < 200
    await comm.disconnect()
    assert (await saved_state(key, "tests.counter"))["count"] == 1


async def test_reconnecting_client_is_resynchronised_but_a_fresh_page_is_not(channel_layer):
    key = await new_session()
    comm, ids, _ = await open_view("tests.counter", key)
    await comm.disconnect()
    # A hello whose rev matches what the server would render gets no patch.
    comm2, connected, _ = await connect(key)
    from django_reactive.app_session import AppSession
    from django_reactive.registry import get

    app = AppSession(get("tests.counter"), key, "t")
    await sync_to_async(app.refresh)()
    await say_hello(comm2, "tests.counter", "t", rev=app.rendered.rev)
    assert await comm2.receive_json_from(timeout=5) == {"t": "ready", "id": "1"}
    await comm2.disconnect()


async def test_state_survives_a_new_connection(channel_layer):
    key = await new_session()
    comm, ids, _ = await open_view("tests.counter", key)
    for seq in (1, 2):
        await comm.send_json_to({"t": "event", "seq": seq, "trigger": ids["Increment"]})
        await comm.receive_json_from(timeout=5)
    await comm.disconnect()
    comm, ids, html = await open_view("tests.counter", key)
    assert "Count =  <code>2</code>" in html
    await comm.disconnect()


async def test_other_tab_of_the_session_receives_the_update(channel_layer):
    key = await new_session()
    tab_a, ids, _ = await open_view("tests.counter", key, "a")
    tab_b, _, _ = await open_view("tests.counter", key, "b")
    await tab_a.send_json_to({"t": "event", "seq": 1, "trigger": ids["Increment"]})
    assert (await tab_a.receive_json_from(timeout=5))["ack"] == 1
    pushed = await tab_b.receive_json_from(timeout=5)
    assert "ack" not in pushed
    assert "Count =  <code>1</code>" in pushed["ops"]["m.3"]
    assert await tab_a.receive_nothing(timeout=0.3)
    await tab_a.disconnect()
    await tab_b.disconnect()


async def test_another_session_is_not_affected(channel_layer):
    tab_a, ids, _ = await open_view("tests.counter", await new_session())
    other, _, _ = await open_view("tests.counter", await new_session())
    await tab_a.send_json_to({"t": "event", "seq": 1, "trigger": ids["Increment"]})
    await tab_a.receive_json_from(timeout=5)
    assert await other.receive_nothing(timeout=0.3)
    await tab_a.disconnect()
    await other.disconnect()


async def test_two_tabs_incrementing_concurrently_lose_no_update(channel_layer):
    key = await new_session()
    tabs = [await open_view("tests.counter", key, tab) for tab in ("a", "b")]
    per_tab = 15

    async def clicks(comm, wid):
        for seq in range(1, per_tab + 1):
            await comm.send_json_to({"t": "event", "seq": seq, "trigger": wid})
        acks = set()
        while len(acks) < per_tab:
            message = await comm.receive_json_from(timeout=10)
            if "ack" in message:
                assert message["t"] == "patch", message
                acks.add(message["ack"])

    await asyncio.gather(*(clicks(comm, ids["Increment"]) for comm, ids, _ in tabs))
    for comm, _, _ in tabs:
        await comm.disconnect()
    assert (await saved_state(key, "tests.counter"))["count"] == 2 * per_tab


async def test_tab_scope_keeps_tabs_apart(channel_layer):
    key = await new_session()
    tab_a, ids, _ = await open_view("tests.tab_counter", key, "a")
    tab_b, _, html_b = await open_view("tests.tab_counter", key, "b")
    await tab_a.send_json_to({"t": "event", "seq": 1, "trigger": ids["Add"]})
    reply = await tab_a.receive_json_from(timeout=5)
    assert any("n=1" in html for html in reply["ops"].values())
    assert "n=0" in html_b
    assert await tab_b.receive_nothing(timeout=0.3)
    await tab_a.disconnect()
    await tab_b.disconnect()


@sync_to_async
def end_session(session_key: str) -> None:
    session_store(session_key).delete()


async def test_an_event_after_the_session_ended_asks_for_a_reload(channel_layer):
    key = await new_session()
    comm, ids, _ = await open_view("tests.counter", key)
    await end_session(key)
    await comm.send_json_to({"t": "event", "seq": 1, "trigger": ids["Increment"]})
    assert await comm.receive_json_from(timeout=5) == {"t": "reload", "reason": "session_expired"}
    assert (await comm.receive_output(timeout=5))["type"] == "websocket.close"


async def test_other_tabs_are_told_to_reload_when_the_session_ended(channel_layer):
    from channels.layers import get_channel_layer

    from django_reactive.app_session import group_name

    key = await new_session()
    comm, _, _ = await open_view("tests.counter", key)
    await end_session(key)
    await get_channel_layer().group_send(group_name(key, "tests.counter"),
                                         {"type": "state.changed", "origin": "elsewhere",
                                          "group": group_name(key, "tests.counter")})
    assert await comm.receive_json_from(timeout=5) == {"t": "reload", "reason": "session_expired"}


async def test_an_event_over_the_http_fallback_updates_the_sessions_websocket_tab(channel_layer):
    """The fallback page is in no group itself: its change still reaches the open socket."""
    import re

    from django.test import AsyncClient

    client = AsyncClient()
    html = (await client.get("/counter/")).content.decode()
    attr = dict(re.findall(r'data-reactive-(tab|rev|csrf|event)="([^"]*)"', html))
    key = client.cookies["sessionid"].value
    comm, ids, _ = await open_view("demo.counter", key, tab="socket-tab")
    body = {"t": "event", "tab": attr["tab"], "seq": 1, "trigger": ids["Increment"], "rev": attr["rev"]}
    reply = await client.post(attr["event"], json.dumps(body), content_type="application/json",
                              HTTP_X_CSRFTOKEN=attr["csrf"])
    assert reply.json()["ack"] == 1
    pushed = await comm.receive_json_from(timeout=5)
    assert "Count =  <code>1</code>" in "".join(pushed["ops"].values())
    await comm.disconnect()
