"""Idle pages hibernate (``REACTIVE["HIBERNATE_AFTER"]``): their next event replays the view first.

What a user must not notice: the state, values the session cannot store
included (they stay with the page), and a patch as small as before.
"""

import asyncio

import pytest
from django.test import override_settings

from tests.reactive_views import IDLE_RUNS
from tests.sockets import new_session, open_view

pytestmark = pytest.mark.django_db(transaction=True)


async def add(comm, ids, seq: int) -> dict:
    await comm.send_json_to({"t": "event", "seq": seq, "trigger": ids["Add"]})
    return await comm.receive_json_from(timeout=5)


async def runs_of_one_click(comm, ids, seq: int) -> tuple[int, dict]:
    before = len(IDLE_RUNS)
    patch = await add(comm, ids, seq)
    return len(IDLE_RUNS) - before, patch


async def test_an_idle_page_hibernates_and_its_next_event_replays_the_view(channel_layer):
    with override_settings(REACTIVE={"HIBERNATE_AFTER": 0.05}):
        comm, ids, html = await open_view("tests.idle", await new_session())
        assert "Items =  <code>0</code>" in html
        runs, patch = await runs_of_one_click(comm, ids, 1)
        assert runs == 1 and "<code>1</code>" in patch["ops"]["m.1"]  # busy pages stay awake
        await asyncio.sleep(0.3)
        runs, patch = await runs_of_one_click(comm, ids, 2)
        # Replayed first, then the event. The basket (not storable: kept with the page)
        # survived, and only the count is sent.
        assert runs == 2 and list(patch["ops"]) == ["m.1"] and "<code>2</code>" in patch["ops"]["m.1"]
        await asyncio.sleep(0.3)
        runs, patch = await runs_of_one_click(comm, ids, 3)
        assert runs == 2 and list(patch["ops"]) == ["m.1"] and "<code>3</code>" in patch["ops"]["m.1"]
        await comm.disconnect()


async def test_pages_do_not_hibernate_when_it_is_off(channel_layer):
    with override_settings(REACTIVE={"HIBERNATE_AFTER": None}):
        comm, ids, _ = await open_view("tests.idle", await new_session())
        await asyncio.sleep(0.2)
        runs, patch = await runs_of_one_click(comm, ids, 1)
        assert runs == 1 and "<code>1</code>" in patch["ops"]["m.1"]
        await comm.disconnect()


async def test_a_page_showing_widgets_only_a_click_made_stays_awake(channel_layer):
    """A replay (no click) would not make the text input: an event on it must still work."""
    from tests.sockets import widget_ids

    with override_settings(REACTIVE={"HIBERNATE_AFTER": 0.05}):
        comm, ids, _ = await open_view("tests.idle_edit", await new_session())
        await comm.send_json_to({"t": "event", "seq": 1, "trigger": ids["Edit"]})
        patch = await comm.receive_json_from(timeout=5)
        name = widget_ids("".join(patch["ops"].values()))["Name"]
        await asyncio.sleep(0.3)
        before = len(IDLE_RUNS)
        await comm.send_json_to({"t": "event", "seq": 2, "values": {name: "Ada"}})
        patch = await comm.receive_json_from(timeout=5)
        assert patch["t"] == "patch" and patch["ack"] == 2, patch
        assert len(IDLE_RUNS) - before == 1 and "name=Ada" in "".join(patch["ops"].values())
        await comm.disconnect()


async def test_a_hibernated_page_gets_another_tabs_change_as_a_small_patch(channel_layer):
    with override_settings(REACTIVE={"HIBERNATE_AFTER": 0.05}):
        key = await new_session()
        idle, _, _ = await open_view("tests.counter", key, tab="a")
        busy, ids, _ = await open_view("tests.counter", key, tab="b")
        await asyncio.sleep(0.3)  # both hibernate
        await busy.send_json_to({"t": "event", "seq": 1, "trigger": ids["Increment"]})
        assert "<code>1</code>" in (await busy.receive_json_from(timeout=5))["ops"]["m.3"]
        pushed = await idle.receive_json_from(timeout=5)
        assert list(pushed["ops"]) == ["m.3"] and "<code>1</code>" in pushed["ops"]["m.3"]
        await idle.disconnect()
        await busy.disconnect()
