"""``st.kwargs``: a view's keyword arguments, from its URL or from ``{% reactive_view %}``, signed."""

import json
import re

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string
from django.test import RequestFactory

from django_reactive import viewargs
from django_reactive.testing import AppTest
from tests import reactive_views
from tests.sockets import connect, new_session, say_hello, widget_ids

pytestmark = pytest.mark.django_db


def attrs(html: str) -> dict[str, str]:
    return dict(re.findall(r'data-reactive-(tab|rev|csrf|kw)="([^"]*)"', html))


def add(client, html: str) -> dict:
    """Click Add over the HTTP fallback, as the page would."""
    found = attrs(html)
    button = re.search(r'data-reactive-widget="(w\w+)" data-reactive-kind="button"', html).group(1)
    body = {"t": "event", "seq": 1, "trigger": button, "tab": found["tab"], "rev": found["rev"],
            "kw": found.get("kw")}
    return client.post("/reactive/event/tests.notes/", json.dumps(body),
                       content_type="application/json", HTTP_X_CSRFTOKEN=found["csrf"]).json()


def test_url_kwargs_reach_the_view_and_each_object_keeps_its_own_state(client):
    first = client.get("/t/notes/1/").content.decode()
    assert "pk=1" in first and attrs(first)["kw"]
    reply = add(client, first)
    assert any("n=1" in html for html in reply["ops"].values()), reply
    second = client.get("/t/notes/2/").content.decode()
    assert "pk=2" in second and "n=0" in second
    assert "n=1" in client.get("/t/notes/1/").content.decode()


def test_altered_arguments_are_refused_over_http(client):
    html = client.get("/t/notes/1/").content.decode()
    forged = viewargs.sign("tests.other", {"pk": 2})  # signed, but for another view
    html = html.replace(attrs(html)["kw"], forged)
    reply = add(client, html)
    assert reply["t"] == "error" and reply["code"] == "bad_kwargs"


def test_the_template_tag_passes_its_keyword_arguments(client):
    client.get("/t/notes/3/")  # a session, as a page of the site would have made
    request = RequestFactory().get("/orders/9/")
    request.session = client.session
    html = render_to_string("notes_of.html", {"order": 9}, request=request)
    assert "pk=9" in html and viewargs.unsign("tests.notes", attrs(html)["kw"]) == {"pk": 9}


def test_arguments_must_be_simple_values():
    with pytest.raises(ImproperlyConfigured, match="obj.pk"):
        viewargs.clean("tests.notes", {"order": object()})
    import uuid

    assert viewargs.clean("v", {"id": uuid.UUID(int=1)}) == {"id": "00000000-0000-0000-0000-000000000001"}


def test_apptest_takes_kwargs_and_they_are_read_only():
    at = AppTest.from_view(reactive_views.notes, kwargs={"pk": 4}).run()
    assert at.text[0].value == "pk=4"

    def app(st):
        st.kwargs["pk"] = 1

    assert "does not support item assignment" in AppTest.from_function(app).run().exception[0].value


@pytest.mark.django_db(transaction=True)
async def test_over_the_websocket_the_signed_arguments_come_back_with_the_hello():
    key = await new_session()
    comm, _, _ = await connect(key)
    token = viewargs.sign("tests.notes", {"pk": 5})
    await say_hello(comm, "tests.notes", view_id="a", kw=token)
    first = await comm.receive_json_from(timeout=5)
    assert "pk=5" in first["ops"]["r"]
    assert await comm.receive_json_from(timeout=5) == {"t": "ready", "id": "a"}
    await comm.send_json_to({"t": "event", "id": "a", "seq": 1,
                             "trigger": widget_ids(first["ops"]["r"])["Add"]})
    assert any("n=1" in html for html in (await comm.receive_json_from(timeout=5))["ops"].values())
    await say_hello(comm, "tests.notes", view_id="b", kw=token[:-2] + "xx")
    reply = await comm.receive_json_from(timeout=5)
    assert (reply["id"], reply["code"]) == ("b", "bad_kwargs")
    await comm.disconnect()
