"""The per-(session, view) lease and the session lease, through Django's cache."""

import threading

import pytest
from django.test import override_settings

from django_reactive.locks import LockTimeout, session_lock, view_lock


@override_settings(REACTIVE={"LOCK_WAIT": 0.05})
def test_a_held_lock_refuses_another_taker_after_lock_wait():
    with view_lock("s1", "v"), pytest.raises(LockTimeout, match="The view 'v' is busy"):
        with view_lock("s1", "v"):
            pass
    with view_lock("s1", "v"):  # free again
        pass


def test_locks_of_other_views_sessions_and_the_session_lock_are_independent():
    with view_lock("s1", "v"), view_lock("s1", "w"), view_lock("s2", "v"), session_lock("s1"):
        pass


def test_a_waiter_gets_the_lock_once_it_is_released_and_not_before():
    order = []
    held = threading.Event()

    def waiter():
        held.wait()
        with view_lock("s1", "v"):
            order.append("waiter")

    thread = threading.Thread(target=waiter)
    thread.start()
    with view_lock("s1", "v"):
        held.set()
        thread.join(0.1)  # the waiter cannot get in meanwhile
        order.append("holder")
    thread.join(5)
    assert order == ["holder", "waiter"]


@pytest.mark.django_db(transaction=True)
@override_settings(REACTIVE={"LOCK_WAIT": 0.05})
async def test_an_event_on_a_view_held_elsewhere_is_answered_busy():
    from tests.sockets import new_session, open_view

    key = await new_session()
    comm, ids, _ = await open_view("tests.counter", key)
    with view_lock(key, "tests.counter"):  # another worker is running this view
        await comm.send_json_to({"t": "event", "seq": 1, "trigger": ids["Increment"]})
        reply = await comm.receive_json_from(timeout=5)
    assert (reply["t"], reply["code"], reply["ack"]) == ("error", "busy", 1)
    await comm.send_json_to({"t": "event", "seq": 2, "trigger": ids["Increment"]})
    assert (await comm.receive_json_from(timeout=5))["ack"] == 2
    await comm.disconnect()


@override_settings(REACTIVE={"LOCK_TIMEOUT": 1, "LOCK_WAIT": 0.05})
def test_a_held_lease_is_renewed_beyond_its_lifetime_and_frees_at_once_when_let_go():
    import time

    with view_lock("s1", "v") as lease:
        time.sleep(2.2)  # more than twice the lease's life: only renewal keeps it
        assert lease.held()
        with pytest.raises(LockTimeout):
            view_lock("s1", "v").acquire()
    with view_lock("s1", "v"):
        pass


@override_settings(REACTIVE={"LOCK_TIMEOUT": 1})
def test_a_lease_taken_over_by_another_holder_is_known_lost_by_the_first():
    import time

    from django.core.cache import caches

    from django_reactive.locks import lock_key

    with view_lock("s1", "v") as lease:
        caches["default"].set(lock_key("s1", "v"), "someone-else", 5)
        time.sleep(0.8)  # a renewal finds the lease in other hands
        assert not lease.held()
    assert caches["default"].get(lock_key("s1", "v")) == "someone-else", "not freed by its former holder"
