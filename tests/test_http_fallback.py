"""The HTTP fallback: events posted with the CSRF token, answered with their patch."""

import json
import re

import pytest
from django.test import Client
from django.urls import include, path

import django_reactive as reactive
from django_reactive import http_pages
from django_reactive.app_session import session_store

pytestmark = pytest.mark.django_db

URL = "/reactive/event/demo.counter/"


def load(client):
    html = client.get("/counter/").content.decode()
    attr = dict(re.findall(r'data-reactive-(tab|rev|csrf|event)="([^"]*)"', html))
    increment = re.search(r'data-reactive-widget="(w\w+)" data-reactive-kind="button"[^>]*>Increment<', html)
    return attr, increment.group(1)


def post(client, attr, body, **headers):
    headers.setdefault("HTTP_X_CSRFTOKEN", attr["csrf"])
    body = {"t": "event", "tab": attr["tab"], **body}
    return client.post(URL, json.dumps(body), content_type="application/json", **headers)


def test_an_event_over_http_returns_only_what_changed():
    client = Client(enforce_csrf_checks=True)
    attr, wid = load(client)
    assert attr["event"] == URL
    reply = post(client, attr, {"seq": 1, "trigger": wid, "rev": attr["rev"]}).json()
    assert reply["ack"] == 1 and list(reply["ops"]) == ["m.3"]
    assert "Count =  <code>1</code>" in reply["ops"]["m.3"]
    second = post(client, attr, {"seq": 2, "trigger": wid, "rev": reply["rev"]}).json()
    assert list(second["ops"]) == ["m.3"] and "<code>2</code>" in second["ops"]["m.3"]
    key = client.cookies["sessionid"].value
    assert session_store(key).get("_reactive")["demo.counter"]["u"]["count"] == 2


def test_a_page_that_shows_something_else_gets_a_full_render():
    client = Client(enforce_csrf_checks=True)
    attr, wid = load(client)
    reply = post(client, attr, {"seq": 1, "trigger": wid, "rev": "stale"}).json()
    assert list(reply["ops"]) == ["r"]


def test_the_csrf_token_is_required():
    client = Client(enforce_csrf_checks=True)
    attr, wid = load(client)
    assert post(client, attr, {"seq": 1, "trigger": wid}, HTTP_X_CSRFTOKEN="").status_code == 403


def test_bad_input_gets_a_typed_error_and_changes_nothing():
    client = Client()
    attr, wid = load(client)
    assert post(client, attr, {"seq": 1, "trigger": "wnope00000000"}).json()["code"] == "unknown_widget"
    bad = client.post(URL, "{nope", content_type="application/json", HTTP_X_CSRFTOKEN=attr["csrf"])
    assert bad.status_code == 400 and bad.json()["code"] == "bad_json"
    key = client.cookies["sessionid"].value
    assert session_store(key).get("_reactive")["demo.counter"]["u"]["count"] == 0


def test_access_rules_and_methods(client):
    assert client.get(URL).status_code == 405
    for name, status in (("tests.staff_only", 403), ("nope", 404)):
        response = client.post(f"/reactive/event/{name}/", "{}", content_type="application/json")
        assert response.status_code == status


RUNS = []


@reactive.view(name="tests.http_todos")
def http_todos(st):
    RUNS.append(1)
    todos = st.session_state.setdefault("todos", [])

    def add():
        todos.append("item")  # the list the previous run created

    st.button("Add", on_click=add)
    st.text(f"{len(todos)} todos")


urlpatterns = [path("todos/", http_todos.as_view()), path("reactive/", include("django_reactive.urls"))]


@pytest.mark.urls("tests.test_http_fallback")
def test_over_http_a_page_runs_the_view_once_per_event_on_the_same_objects():
    """The worker keeps the page between its posts, as a socket would: no replay, live objects."""
    http_pages.clear()
    client = Client()
    html = client.get("/todos/").content.decode()
    attr = dict(re.findall(r'data-reactive-(tab|rev|csrf)="([^"]*)"', html))
    add = re.search(r'data-reactive-widget="(w\w+)" data-reactive-kind="button"[^>]*>Add<', html).group(1)
    RUNS.clear()
    rev = attr["rev"]
    for seq in (1, 2, 3):
        body = {"t": "event", "tab": attr["tab"], "seq": seq, "trigger": add, "rev": rev}
        reply = client.post("/reactive/event/tests.http_todos/", json.dumps(body),
                            content_type="application/json", HTTP_X_CSRFTOKEN=attr["csrf"]).json()
        rev = reply["rev"]
    assert "3 todos" in "".join(reply["ops"].values())
    assert len(RUNS) == 4, "a replay on the first post only, then one run per event"
    http_pages.clear()  # another worker: replays, and still counts right from the stored state
    body = {"t": "event", "tab": attr["tab"], "seq": 4, "trigger": add, "rev": rev}
    reply = client.post("/reactive/event/tests.http_todos/", json.dumps(body),
                        content_type="application/json", HTTP_X_CSRFTOKEN=attr["csrf"]).json()
    assert list(reply["ops"].values()) and "4 todos" in "".join(reply["ops"].values())
