"""st.subscribe(topic) and reactive.broadcast(topic): pushing changes made elsewhere."""

import pytest
from asgiref.sync import sync_to_async
from django.contrib.auth.models import Group

import django_reactive as reactive
from tests.sockets import new_session, open_view

pytestmark = pytest.mark.django_db(transaction=True)


async def test_a_broadcast_reruns_the_pages_subscribed_to_its_topic(channel_layer):
    subscribed, _, html = await open_view("tests.news", await new_session())
    other, _, _ = await open_view("tests.counter", await new_session())
    assert "groups: 0" in html
    await sync_to_async(Group.objects.create)(name="editors")
    await reactive.abroadcast("groups")
    pushed = await subscribed.receive_json_from(timeout=5)
    assert "ack" not in pushed and any("groups: 1" in h for h in pushed["ops"].values())
    assert await other.receive_nothing(timeout=0.3)
    await reactive.abroadcast("something else")
    assert await subscribed.receive_nothing(timeout=0.3)
    await subscribed.disconnect()
    await other.disconnect()


def test_broadcast_from_sync_code_without_pages_is_harmless():
    reactive.broadcast("nobody listens")


def test_subscribe_needs_a_topic():
    from django_reactive.testing import AppTest

    at = AppTest.from_function(lambda st: st.subscribe("")).run()
    assert "non-empty topic" in at.exception[0].message


async def test_a_group_knows_whether_a_page_is_alone_in_it(channel_layer):
    """A page alone in its session's group sends its changes to nobody (see has_other_members)."""
    from channels.layers import get_channel_layer

    from django_reactive.push import has_other_members

    layer = get_channel_layer()
    mine, theirs = await layer.new_channel(), await layer.new_channel()
    group = "reactive.alone-test"
    assert not await has_other_members(layer, group, mine)
    await layer.group_add(group, mine)
    assert not await has_other_members(layer, group, mine)
    await layer.group_add(group, theirs)
    assert await has_other_members(layer, group, mine)
    assert await has_other_members(layer, group, theirs)
    await layer.group_discard(group, theirs)
    assert not await has_other_members(layer, group, mine)
    await layer.group_discard(group, mine)
    assert await has_other_members(object(), group, mine)  # a layer it does not know: send


async def test_a_session_view_shown_twice_on_one_page_keeps_both_in_step(channel_layer):
    """Two views of one page in one group: the second hears of the first's change."""
    from tests.sockets import say_hello, widget_ids

    key = await new_session()
    comm, ids, _ = await open_view("tests.counter", key)
    await say_hello(comm.comm, "tests.counter", "t1", view_id="2")
    second = await comm.comm.receive_json_from(timeout=5)
    assert second["id"] == "2" and await comm.comm.receive_json_from(timeout=5) == {"t": "ready", "id": "2"}
    await comm.send_json_to({"t": "event", "seq": 1, "trigger": ids["Increment"]})
    seen = {}
    while len(seen) < 2:
        message = await comm.comm.receive_json_from(timeout=5)
        seen[message["id"]] = "".join(message["ops"].values())
    assert "<code>1</code>" in seen["1"] and "<code>1</code>" in seen["2"]
    assert widget_ids(second["ops"]["r"]) == ids
    await comm.disconnect()
