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
