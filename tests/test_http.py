"""The page a reactive view serves over HTTP, and its access rules."""

import re

import pytest
from django.contrib.auth.models import Permission, User

from django_reactive.app_session import session_store

pytestmark = pytest.mark.django_db


def view_attrs(response) -> dict:
    html = response.content.decode()
    return dict(re.findall(r'data-reactive-(view|ws|tab|rev)="([^"]*)"', html))


def test_page_renders_the_view_and_creates_the_session(client):
    response = client.get("/counter/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Counter</title>" in html
    assert "Count =  <code>0</code>" in html
    assert '<script type="module" src="/static/django_reactive/reactive.min.js">' in html
    attrs = view_attrs(response)
    assert attrs["view"] == "demo.counter"
    assert attrs["ws"] == "/ws/reactive/"
    assert attrs["tab"] and attrs["rev"]
    key = client.cookies["sessionid"].value
    assert session_store(key).get("_reactive")["demo.counter"]["u"] == {"count": 0}


def test_each_page_load_gets_its_own_tab_id(client):
    assert view_attrs(client.get("/counter/"))["tab"] != view_attrs(client.get("/counter/"))["tab"]


def test_state_in_the_session_is_shown_on_reload(client):
    client.get("/counter/")
    session = client.session
    session["_reactive"] = {"demo.counter": {"u": {"count": 41}}}
    session.save()
    assert "Count =  <code>41</code>" in client.get("/counter/").content.decode()


def test_other_session_keys_are_left_alone(client):
    session = client.session
    session["cart"] = [1, 2]
    session.save()
    client.get("/counter/")
    assert client.session["cart"] == [1, 2]


def test_only_get_and_head(client):
    assert client.post("/counter/").status_code == 405
    assert client.head("/counter/").status_code == 200


def test_login_required_redirects_anonymous_users(client):
    response = client.get("/t/members/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/t/members/")


def test_login_required_lets_users_in(client):
    client.force_login(User.objects.create_user("ann"))
    assert "hello ann" in client.get("/t/members/").content.decode()


def test_callable_permission(client):
    client.force_login(User.objects.create_user("bob"))
    assert client.get("/t/staff/").status_code == 403
    client.force_login(User.objects.create_user("boss", is_staff=True))
    assert "secret" in client.get("/t/staff/").content.decode()


def test_permission_string(client):
    user = User.objects.create_user("cy")
    client.force_login(user)
    assert client.get("/t/perm/").status_code == 403
    user.user_permissions.add(Permission.objects.get(codename="change_user"))
    client.force_login(User.objects.get(pk=user.pk))
    assert client.get("/t/perm/").status_code == 200


def test_home_page_links_to_the_demos(client):
    html = client.get("/").content.decode()
    assert 'href="/counter/"' in html and 'href="/mirrored/"' in html
