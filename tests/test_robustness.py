"""Bad input never crashes a worker and never corrupts state: random values for every widget."""

import random

import pytest

from tests.sockets import new_session, open_view, saved_state

pytestmark = pytest.mark.django_db(transaction=True)

# 2**69 has 21 digits, the longest integer JSON.stringify writes (longer ones are refused at parse).
NASTY = [
    None, True, False, 0, -1, 1, 2**69, -(2**69), 0.5, float("1e308"), "", "a", "x" * 5000, "\u0000",
    "2025-13-45", "25:61", "#zzzzzz", "#00ff00", [], [0], [1, 0], [0, 1, 2, 3], [None], ["a"], [[1]],
    {}, {"a": 1}, [0.2, 0.8], [5, 1], "NaN",
]


async def test_random_values_for_every_widget_get_a_patch_or_a_typed_error():
    key = await new_session()
    comm, ids, _ = await open_view("tests.everything", key)
    rng = random.Random(7)
    widgets = list(ids.values())
    assert len(widgets) >= 12, ids
    seq = 0
    for _ in range(300):
        seq += 1
        if rng.random() < 0.1:
            frame = {"t": "event", "seq": seq, "trigger": rng.choice(widgets)}
        else:
            frame = {"t": "event", "seq": seq, "values": {rng.choice(widgets): rng.choice(NASTY)}}
        await comm.send_json_to(frame)
        reply = await comm.receive_json_from(timeout=5)
        assert reply.get("ack") == seq
        assert reply["t"] == "patch" or reply["code"] in {"invalid_value", "disabled_widget"}, reply
        if reply["t"] == "error":
            assert reply["code"] != "server_error"
    # The page still works, and what was stored is still readable.
    await comm.send_json_to({"t": "event", "seq": seq + 1, "trigger": ids["Press"]})
    assert (await comm.receive_json_from(timeout=5))["t"] == "patch"
    await comm.disconnect()
    assert isinstance(await saved_state(key, "tests.everything"), dict)
