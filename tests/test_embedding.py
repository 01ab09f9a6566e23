"""``{% reactive_view %}``: reactive views embedded in an ordinary Django page, over one WebSocket."""

import asyncio
import re

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.template import Context, Template, TemplateSyntaxError
from django.test import RequestFactory

from django_reactive.app_session import session_store
from tests.sockets import connect, new_session, say_hello, widget_ids

pytestmark = pytest.mark.django_db


def roots(html: str) -> list[dict[str, str]]:
    """The attributes of each embedded view's root element."""
    return [dict(re.findall(r'data-reactive-(view|ws|tab|rev)="([^"]*)"', tag))
            for tag in re.findall(r'<div class="reactive-view"[^>]*>', html)]


def test_a_page_embeds_two_views_with_their_own_state(client):
    response = client.get("/t/two/")
    assert response.status_code == 200
    html = response.content.decode()
    first, second = roots(html)
    assert (first["view"], second["view"]) == ("tests.counter", "tests.tab_counter")
    assert first["ws"] == second["ws"] == "/ws/reactive/"
    assert first["tab"] != second["tab"]
    assert "Count =  <code>0</code>" in html and "n=0" in html
    state = session_store(client.cookies["sessionid"].value).get("_reactive")
    assert "tests.counter" in state and any(k.startswith("tests.tab_counter#") for k in state)


def test_the_sites_own_session_writes_do_not_undo_the_views_state(client):
    client.get("/t/two/")
    key = client.cookies["sessionid"].value
    client.get("/t/two/?visit=1")  # the page's own write saves the whole session afterwards
    session = session_store(key)
    assert session["visits"] == 1
    assert sorted(k.split("#")[0] for k in session["_reactive"]) == ["tests.counter", "tests.tab_counter",
                                                                     "tests.tab_counter"]


def test_a_view_the_user_may_not_use_is_left_out(client, django_user_model):
    html = client.get("/t/two/").content.decode()
    assert "secret" not in html
    assert "<!-- reactive view tests.staff_only is not shown to this user -->" in html
    client.force_login(django_user_model.objects.create_user("boss", is_staff=True))
    html = client.get("/t/two/").content.decode()
    assert "secret" in html and len(roots(html)) == 3


def test_the_tag_needs_the_request():
    with pytest.raises(ImproperlyConfigured, match="context_processors.request"):
        Template('{% load reactive %}{% reactive_view "tests.counter" %}').render(Context({}))


def test_an_unknown_view_name_is_a_template_error_that_names_the_fix():
    """The error says where a view used only in templates must live to be found."""
    request = RequestFactory().get("/")
    with pytest.raises(TemplateSyntaxError, match="no reactive view named 'tests.nope'") as raised:
        Template('{% load reactive %}{% reactive_view "tests.nope" %}').render(
            Context({"request": request}))
    assert "<app>/reactive.py" in str(raised.value)


def test_the_head_loads_the_client_once_for_every_view(client):
    html = client.get("/t/two/").content.decode()
    assert html.count('<script type="module" src="/static/django_reactive/reactive.min.js">') == 1
    assert html.count("<script") == 2 and html.count('rel="stylesheet"') == 1


async def hello(comm, view_id, name):
    await say_hello(comm, name, tab=f"tab-{view_id}", view_id=view_id)
    first = await comm.receive_json_from(timeout=5)
    assert first["id"] == view_id and "r" in first["ops"], first
    assert await comm.receive_json_from(timeout=5) == {"t": "ready", "id": view_id}
    return widget_ids(first["ops"]["r"])


@pytest.mark.django_db(transaction=True)
async def test_two_views_on_one_connection_get_their_own_patches():
    comm, connected, _ = await connect(await new_session())
    assert connected
    counter = await hello(comm, "a", "tests.counter")
    tab = await hello(comm, "b", "tests.tab_counter")
    await comm.send_json_to({"t": "event", "id": "b", "seq": 1, "trigger": tab["Add"]})
    reply = await comm.receive_json_from(timeout=5)
    assert reply["id"] == "b" and reply["ack"] == 1
    assert any("n=1" in html for html in reply["ops"].values())
    await comm.send_json_to({"t": "event", "id": "a", "seq": 1, "trigger": counter["Increment"]})
    reply = await comm.receive_json_from(timeout=5)
    assert reply["id"] == "a" and reply["ack"] == 1
    assert any("Count =  <code>1</code>" in html for html in reply["ops"].values())
    # An id is not a view: the counter's widget is unknown to the other view.
    await comm.send_json_to({"t": "event", "id": "b", "seq": 2, "trigger": counter["Increment"]})
    reply = await comm.receive_json_from(timeout=5)
    assert (reply["id"], reply["code"]) == ("b", "unknown_widget")
    await comm.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_a_slow_view_does_not_hold_up_another_view_on_the_page():
    comm, _, _ = await connect(await new_session())
    slow = await hello(comm, "s", "tests.slow")
    counter = await hello(comm, "c", "tests.counter")
    await comm.send_json_to({"t": "event", "id": "s", "seq": 1, "trigger": slow["Work"]})
    await asyncio.sleep(0.05)  # the slow run has started (it takes about 300 ms)
    await comm.send_json_to({"t": "event", "id": "c", "seq": 1, "trigger": counter["Increment"]})
    acks = []
    while len(acks) < 2:
        message = await comm.receive_json_from(timeout=5)
        if "ack" in message:
            acks.append(message["id"])
    assert acks == ["c", "s"]
    await comm.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_a_page_may_show_only_so_many_views():
    from django_reactive import conf

    MAX_VIEWS = conf.get("MAX_VIEWS")
    comm, _, _ = await connect(await new_session())
    for n in range(MAX_VIEWS):
        await say_hello(comm, "tests.counter", view_id=str(n))
    await say_hello(comm, "tests.counter", view_id="one-too-many")
    codes = set()
    for _ in range(2 * MAX_VIEWS + 1):
        message = await comm.receive_json_from(timeout=5)
        if message["t"] == "error":
            codes.add((message["id"], message["code"]))
    assert codes == {("one-too-many", "too_many_views")}
    await comm.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_two_views_of_one_session_clicked_at_once_lose_no_update():
    """Each view has its own lock, and a save writes the whole session: the views'
    saves must not undo each other."""
    from tests.sockets import saved_state

    key = await new_session()
    comm, _, _ = await connect(key)
    counter = await hello(comm, "a", "tests.counter")
    tab = await hello(comm, "b", "tests.tab_counter")
    clicks = 15
    for seq in range(1, clicks + 1):
        await comm.send_json_to({"t": "event", "id": "a", "seq": seq, "trigger": counter["Increment"]})
        await comm.send_json_to({"t": "event", "id": "b", "seq": seq, "trigger": tab["Add"]})
    acks = 0
    while acks < 2 * clicks:
        message = await comm.receive_json_from(timeout=10)
        assert message["t"] == "patch", message
        acks += "ack" in message
    await comm.disconnect()
    assert (await saved_state(key, "tests.counter"))["count"] == clicks
    assert (await saved_state(key, "tests.tab_counter#tab-b"))["n"] == clicks
