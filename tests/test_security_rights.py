"""An open WebSocket loses the rights its user loses: revoked staff, permission, login.

Each test logs a user in (a real session, as the browser's cookie names it),
shows a view on the page's socket, changes the user the way an administrator
or the user elsewhere would, and sends the next event on the same socket.
"""

import pytest
from asgiref.sync import sync_to_async
from django.contrib.auth.models import Group, Permission, User
from django.db import connection
from django.test import Client

import django_reactive as reactive
from tests.sockets import ViewSocket, connect, say_hello, widget_ids

pytestmark = pytest.mark.django_db(transaction=True)


def counter(st):
    if st.button("Add"):
        st.session_state.n = st.session_state.get("n", 0) + 1
    st.text(f"n = {st.session_state.get('n', 0)} for {st.user.username}")


reactive.view(counter, name="tests.rights_staff", permission=lambda user: user.is_staff)
reactive.view(counter, name="tests.rights_perm", permission="auth.change_user")
reactive.view(counter, name="tests.rights_members", login_required=True)


def logged_in_session(user):
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


async def live_view(user, name, view_id="1"):
    """The user's page socket showing ``name``: (socket, widget id of Add)."""
    key = await sync_to_async(logged_in_session)(user)
    comm, connected, _ = await connect(key)
    assert connected
    view = ViewSocket(comm, view_id)
    await say_hello(comm, name, view_id=view_id)
    first = await view.receive_json_from()
    assert first["t"] == "patch", first
    assert await view.receive_json_from() == {"t": "ready"}
    return view, widget_ids(first["ops"]["r"])["Add"]


async def click(view, add, seq):
    await view.send_json_to({"t": "event", "seq": seq, "trigger": add})
    return await view.comm.receive_json_from(timeout=5)


@sync_to_async
def make_user(username, **fields):
    return User.objects.create_user(username, password="pw", **fields)


async def test_revoking_is_staff_refuses_the_next_event_and_forgets_the_view():
    ann = await make_user("ann", is_staff=True)
    view, add = await live_view(ann, "tests.rights_staff")
    assert (await click(view, add, 1))["ack"] == 1

    ann.is_staff = False
    await sync_to_async(ann.save)()
    refused = await click(view, add, 2)
    assert (refused["t"], refused["code"], refused["id"]) == ("error", "forbidden", "1")
    assert "ack" not in refused  # a refusal of the view, as for a hello: the page stops it
    # The view is gone from the socket: a further event is not handled.
    assert (await click(view, add, 3))["code"] == "not_ready"
    await view.comm.disconnect()


async def test_revoking_is_staff_refuses_a_new_hello_on_the_open_socket():
    bo = await make_user("bo", is_staff=True)
    view, _ = await live_view(bo, "tests.rights_members")
    await sync_to_async(User.objects.filter(pk=bo.pk).update)(is_staff=False)  # no signal: another process
    await say_hello(view.comm, "tests.rights_staff", view_id="2")
    reply = await view.comm.receive_json_from(timeout=5)
    assert (reply["t"], reply["code"], reply["id"]) == ("error", "forbidden", "2")
    await view.comm.disconnect()


async def test_a_permission_taken_from_the_users_group_is_refused_at_once():
    @sync_to_async
    def editor():
        group = Group.objects.create(name="editors")
        group.permissions.add(Permission.objects.get(codename="change_user"))
        user = User.objects.create_user("cy", password="pw")
        user.groups.add(group)
        return user, group

    cy, group = await editor()
    view, add = await live_view(cy, "tests.rights_perm")
    assert (await click(view, add, 1))["ack"] == 1
    await sync_to_async(group.permissions.clear)()
    refused = await click(view, add, 2)
    assert (refused["t"], refused["code"]) == ("error", "forbidden")
    await view.comm.disconnect()


async def test_a_change_no_signal_reports_counts_once_the_rights_ttl_passed(settings):
    """A change made by another process (no signal in this one) counts after RIGHTS_TTL seconds."""
    settings.REACTIVE = {"RIGHTS_TTL": 0}

    @sync_to_async
    def with_permission():
        user = User.objects.create_user("di", password="pw")
        user.user_permissions.add(Permission.objects.get(codename="change_user"))
        return user

    di = await with_permission()
    view, add = await live_view(di, "tests.rights_perm")
    assert (await click(view, add, 1))["ack"] == 1

    @sync_to_async
    def revoke_in_sql():
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {User.user_permissions.through._meta.db_table} WHERE user_id = %s",
                           [di.pk])

    await revoke_in_sql()
    refused = await click(view, add, 2)
    assert (refused["t"], refused["code"]) == ("error", "forbidden")
    await view.comm.disconnect()


@pytest.mark.parametrize("change", ["deactivate", "password"])
async def test_a_login_that_ended_elsewhere_reloads_the_page(change):
    """Deactivating the user, or changing the password (which ends the user's other sessions)."""
    ed = await make_user("ed")
    view, add = await live_view(ed, "tests.rights_members")
    assert (await click(view, add, 1))["ack"] == 1

    @sync_to_async
    def end_login():
        if change == "deactivate":
            User.objects.filter(pk=ed.pk).update(is_active=False)
        else:
            ed.set_password("new secret")
            ed.save()

    await end_login()
    assert await click(view, add, 2) == {"t": "reload", "reason": "session_expired"}
    assert (await view.comm.receive_output(timeout=5))["type"] == "websocket.close"


async def test_the_views_own_code_sees_the_user_as_now():
    fay = await make_user("fay", is_staff=True)
    view, add = await live_view(fay, "tests.rights_members")
    fay.username = "fay2"
    await sync_to_async(fay.save)()
    patch = await click(view, add, 1)
    assert "for fay2" in "".join(patch["ops"].values())
    await view.comm.disconnect()
