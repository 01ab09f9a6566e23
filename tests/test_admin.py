"""Reactive views as admin tools: pages, links, actions and the rules on every path in.

The generic checks use the second admin site of tests/admin_site.py (at
/t/admin/, tools on User and Group); the demo's shape-labelling tool runs on
the default admin site.
"""

import json
import re
from urllib.parse import quote as urlquote

import pytest
from django.contrib import admin
from django.contrib.admin.utils import quote
from django.contrib.auth.models import Group, Permission, User
from django.contrib.sessions.models import Session
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.test import Client
from django.urls import reverse

from demo_project.demo.admin import ShapeAdmin
from demo_project.demo.demos.annotate_admin import label_shapes
from demo_project.demo.models import Shape
from django_reactive import registry
from django_reactive.admin import ReactiveAdminMixin, selected_objects
from django_reactive.registry import ALLOWED, FORBIDDEN, LOGIN
from django_reactive.testing import AppTest
from tests import admin_site, reactive_views

pytestmark = pytest.mark.django_db

TOOL = "/t/admin/auth/user/tools/tests.user_tool/"
CHANGELIST = "/t/admin/auth/user/"
ACTION = "reactive_tests_user_tool"


def staff(username, *codenames, **fields):
    user = User.objects.create_user(username, password="pw", is_staff=True, **fields)
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_tool_url_and_its_name():
    assert reverse("tests_admin:auth_user_reactive_tests_user_tool") == TOOL
    demo = "/admin/demo/shape/tools/demo.label_shapes/"
    assert reverse("admin:demo_shape_reactive_demo_label_shapes") == demo


# -- the page ------------------------------------------------------------------------------


def test_staff_with_the_permission_gets_the_tool_in_admin_chrome():
    response = logged_in(staff("ann", "change_user")).get(TOOL)
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r'id="site-name"><a href="/t/admin/">Django administration</a>', html)
    assert "<title>Inspect users | Django site admin</title>" in html
    crumbs = re.search(r'<div class="breadcrumbs">(.*?)</div>', html, re.S).group(1)
    assert '<a href="/t/admin/">Home</a>' in crumbs
    assert '<a href="/t/admin/auth/">Authentication and Authorization</a>' in crumbs
    assert '<a href="/t/admin/auth/user/">Users</a>' in crumbs
    assert crumbs.strip().endswith("&rsaquo; Inspect users")
    assert "<h1>Inspect users</h1>" in html
    assert 'data-reactive-view="tests.user_tool"' in html and "selected: none" in html
    assert '<script type="module" src="/static/django_reactive/reactive.min.js">' in html
    assert 'href="/static/django_reactive/admin.css"' in html
    assert 'href="/static/admin/css/dark_mode.css"' in html  # the admin's theme, and its toggle


def test_staff_without_the_permission_gets_403():
    client = logged_in(staff("bob", "view_user"))
    assert client.get(TOOL).status_code == 403
    assert client.get("/t/admin/auth/user/tools/tests.user_count/").status_code == 403


def test_anonymous_users_are_sent_to_the_admin_login():
    response = Client().get(TOOL + "?ids=1")
    assert response.status_code == 302
    assert response["Location"] == "/t/admin/login/?next=" + urlquote(TOOL + "?ids=1", safe="/")


def test_logged_in_users_who_are_not_staff_are_sent_to_the_admin_login():
    user = User.objects.create_user("cy")
    user.user_permissions.add(Permission.objects.get(codename="change_user"))
    response = logged_in(user).get(TOOL)
    assert response.status_code == 302
    assert response["Location"].startswith("/t/admin/login/?next=")


def test_inactive_staff_are_sent_to_the_admin_login():
    response = logged_in(staff("dee", "change_user", is_active=False)).get(TOOL)
    assert response.status_code == 302


def test_superusers_may_use_every_tool_and_only_get_it():
    client = logged_in(User.objects.create_superuser("root", password="pw"))
    assert "users: 1" in client.get("/t/admin/auth/user/tools/tests.user_count/").content.decode()
    assert client.post(TOOL).status_code == 405


def test_the_permission_can_be_view_which_change_also_grants():
    url = "/t/admin/auth/group/tools/tests.group_tool/"
    assert logged_in(staff("v", "view_group")).get(url).status_code == 200
    assert logged_in(staff("c", "change_group")).get(url).status_code == 200
    assert logged_in(staff("n", "add_group")).get(url).status_code == 403


# -- the change list -----------------------------------------------------------------------


def test_the_change_list_links_each_tool_the_user_may_use():
    response = logged_in(staff("ann", "change_user")).get(CHANGELIST)
    html = response.content.decode()
    assert f'<li><a href="{TOOL}" class="reactive-tool-link">Inspect users</a></li>' in html
    count = "/t/admin/auth/user/tools/tests.user_count/"
    assert f'<li><a href="{count}" class="reactive-tool-link">User count</a></li>' in html
    viewer = logged_in(staff("bob", "view_user")).get(CHANGELIST)
    assert viewer.status_code == 200 and "reactive-tool-link" not in viewer.content.decode()
    assert viewer.context["reactive_tools"] == []


def test_the_links_keep_the_admins_other_object_tools():
    html = logged_in(User.objects.create_superuser("root", password="pw")).get(CHANGELIST).content.decode()
    tools = re.search(r'<ul class="object-tools">(.*?)</ul>', html, re.S).group(1)
    assert tools.index('class="addlink"') < tools.index("Inspect users") < tools.index("User count")


def test_an_admin_with_its_own_change_list_template_keeps_it():
    class OwnTemplate(ReactiveAdminMixin, admin.ModelAdmin):
        change_list_template = "admin/my_change_list.html"
        reactive_tools = [reactive_views.user_tool]

    assert OwnTemplate(User, admin_site.site).change_list_template == "admin/my_change_list.html"
    assert admin_site.site._registry[User].change_list_template == "django_reactive/admin/change_list.html"


# -- the actions ---------------------------------------------------------------------------


def run_action(client, action, *users, select_across=False):
    return client.post(CHANGELIST, {
        "action": action, "_selected_action": [user.pk for user in users], "index": 0,
        "select_across": int(select_across),
    })


def test_the_action_opens_the_tool_on_the_selected_objects():
    ann = staff("ann", "change_user", "view_user")
    zed, bea = User.objects.create_user("zed"), User.objects.create_user("bea")
    client = logged_in(ann)
    response = run_action(client, ACTION, zed, bea)
    assert response.status_code == 302
    # In the change list's order (by username), which is the order the tool shows them in.
    assert response["Location"] == f"{TOOL}?ids={bea.pk},{zed.pk}"
    page = client.get(response["Location"]).content.decode()
    assert "selected: bea, zed" in page


def test_the_action_is_offered_only_with_the_tool_permission():
    choices = logged_in(staff("ann", "change_user")).get(CHANGELIST).context["action_form"]
    assert (ACTION, "Open Inspect users") in choices.fields["action"].choices
    assert ("reactive_tests_user_count", "Open User count") in choices.fields["action"].choices
    viewer = logged_in(staff("bob", "view_user", "delete_user"))  # delete: the form is shown
    offered = dict(viewer.get(CHANGELIST).context["action_form"].fields["action"].choices)
    assert "delete_selected" in offered and ACTION not in offered
    response = run_action(viewer, ACTION, User.objects.get(username="bob"))
    assert response.status_code == 302 and response["Location"] == CHANGELIST  # "No action selected"


def test_a_selection_too_large_for_a_url_gets_a_warning_and_no_redirect():
    client = logged_in(staff("ann", "change_user", "view_user"))
    users = [User.objects.create_user(f"u{n}") for n in range(3)]  # with ann: 4, the limit is 3
    response = run_action(client, ACTION, *users, select_across=True)
    assert response.status_code == 302 and response["Location"] == CHANGELIST
    messages = [str(m) for m in client.get(CHANGELIST).context["messages"]]
    assert messages == ["More than 3 users are selected; Inspect users opens at most 3 at a time. "
                        "Select fewer."]
    assert run_action(client, ACTION, *users)["Location"].startswith(TOOL + "?ids=")


# -- selected_objects ----------------------------------------------------------------------


def selection(query):
    users = []
    AppTest.from_function(lambda st: users.extend(selected_objects(st, User)),
                          query_params={"ids": query} if query is not None else None).run()
    return [user.username for user in users]


def test_selected_objects_keep_the_selection_order_and_skip_malformed_ids():
    a, b = User.objects.create_user("a"), User.objects.create_user("b")
    assert selection(f"{b.pk},{a.pk}") == ["b", "a"]
    assert selection(f" {b.pk}, abc,,{a.pk},{b.pk},-3,1.5,{2**70},{a.pk}x") == ["b", "a"]
    assert selection("") == [] and selection(None) == [] and selection(",,") == []


def test_selected_objects_take_a_queryset_that_limits_them():
    a, b = User.objects.create_user("a"), User.objects.create_user("b", is_staff=True)
    users = []
    AppTest.from_function(lambda st: users.extend(selected_objects(st, User.objects.filter(is_staff=True))),
                          query_params={"ids": f"{a.pk},{b.pk}"}).run()
    assert users == [b]


def test_selected_objects_with_text_keys_quoted_as_in_admin_urls():
    keys = ["plain", "with,comma", "under_score/slash"]
    for key in keys:
        Session.objects.create(session_key=key, session_data="", expire_date="2100-01-01T00:00Z")
    found = []
    query = ",".join(quote(key) for key in reversed(keys))
    AppTest.from_function(lambda st: found.extend(selected_objects(st, Session)),
                          query_params={"ids": query}).run()
    assert [s.session_key for s in found] == list(reversed(keys))


# -- the same rules on every path in -------------------------------------------------------


def test_the_admin_rules_are_added_to_the_view_itself():
    view = reactive_views.user_tool
    assert view.access(None) == LOGIN
    assert view.access(User.objects.create_user("plain")) == FORBIDDEN
    assert view.access(staff("bob", "view_user")) == FORBIDDEN
    assert view.access(staff("ann", "change_user")) == ALLOWED
    assert view.access(staff("gone", "change_user", is_active=False)) == FORBIDDEN
    # The tool named by a string got the rule too.
    assert registry.get("tests.user_count").access(staff("bob2", "view_user")) == FORBIDDEN


def load_tool(client, url=TOOL):
    html = client.get(url).content.decode()
    attr = dict(re.findall(r'data-reactive-(tab|rev|csrf|event|upload)="([^"]*)"', html))
    click = re.search(r'data-reactive-widget="(w\w+)" data-reactive-kind="button"[^>]*>Click<', html)
    return attr, click.group(1)


def post_event(client, attr, trigger, url="/reactive/event/tests.user_tool/"):
    body = {"t": "event", "tab": attr["tab"], "seq": 1, "trigger": trigger, "rev": attr["rev"]}
    return client.post(url, json.dumps(body), content_type="application/json",
                       HTTP_X_CSRFTOKEN=attr["csrf"])


def test_the_http_event_endpoint_applies_the_admin_rules():
    ann = staff("ann", "change_user")
    client = logged_in(ann)
    attr, click = load_tool(client)
    assert attr["event"] == "/reactive/event/tests.user_tool/"
    reply = post_event(client, attr, click)
    assert reply.status_code == 200 and "clicks: 1" in json.dumps(reply.json())
    # The same session once the user lost the permission: refused, as over the WebSocket,
    # which asks the same view.access().
    ann.user_permissions.clear()
    refused = post_event(client, attr, click)
    assert refused.status_code == 403 and refused.json()["code"] == "forbidden"
    anonymous = Client().post("/reactive/event/tests.user_tool/", "{}", content_type="application/json")
    assert anonymous.status_code == 403


def test_the_upload_endpoint_applies_the_admin_rules():
    client = logged_in(staff("bob", "view_user"))
    refused = client.post("/reactive/upload/tests.user_tool/")
    assert refused.status_code == 403 and refused.json()["error"] == "You may not use this view."
    # Past the rules, the upload is refused only because the tool shows no file uploader.
    client = logged_in(staff("ann", "change_user"))
    reply = client.post("/reactive/upload/tests.user_tool/").json()
    assert reply["error"] == "This page offered no file upload here; reload it."


def test_instantiating_an_admin_again_does_not_add_its_rule_twice():
    view = reactive_views.user_tool
    before = dict(view.requirements)
    admin_site.UserToolAdmin(User, admin_site.site)
    admin_site.UserToolAdmin(User, admin_site.site)
    assert view.requirements.keys() == before.keys() and len(before) == 1


def test_a_rule_added_by_name_applies_to_a_view_registered_later():
    check = lambda user: user.username == "ok"  # noqa: E731
    registry.require("tests.later", check, key="k")
    try:
        later = registry.view(name="tests.later")(lambda st: None)
        assert later.requirements == {"k": check}
        assert later.access(User(username="ok")) == ALLOWED
        assert later.access(User(username="no")) == FORBIDDEN
    finally:
        del registry.REQUIREMENTS["tests.later"]


def test_bad_configurations_are_reported():
    class BadPermission(ReactiveAdminMixin, admin.ModelAdmin):
        reactive_tools_permission = "edit"

    class BadEntry(ReactiveAdminMixin, admin.ModelAdmin):
        reactive_tools = [print]

    class Twice(ReactiveAdminMixin, admin.ModelAdmin):
        reactive_tools = [reactive_views.user_tool, "tests.user_tool"]

    site = admin.AdminSite(name="bad")
    for cls in (BadPermission, BadEntry, Twice):
        with pytest.raises(ImproperlyConfigured):
            cls(Group, site)


# -- the demo: labelling shapes ------------------------------------------------------------


def labeller():
    user = User.objects.filter(username="labeller").first()
    return user or staff("labeller", "change_shape", "view_shape")


def button(at, label):
    [found] = [b for b in at.button if b.label == label]
    return found


def test_the_migration_creates_five_shapes_without_labels():
    assert list(Shape.objects.order_by("pk").values_list("image", "label")) == [
        (f"demo/shapes/shape-{n}.png", "") for n in range(1, 6)]


def test_the_demo_tool_walks_the_selected_shapes_and_saves_their_labels():
    first, _, third = Shape.objects.order_by("pk")[:3]
    at = AppTest.from_view(label_shapes, user=labeller(),
                           query_params={"ids": f"{third.pk},{first.pk}"}).run()
    assert at.subheader[0].value == "shape-3 (1 of 2)"
    assert at.progress[0].value == 0
    button(at, "Square").click().run()
    assert Shape.objects.get(pk=third.pk).label == "square"
    assert at.messages[0].value == f"Shape {third.pk} is now labelled “square”."
    assert at.subheader[0].value == "shape-1 (2 of 2)"
    button(at, "Circle").click().run()
    assert Shape.objects.get(pk=first.pk).label == "circle"
    assert at.success[0].value == "Done: 2 of 2 shapes have a label."
    assert at.table[0].value == [{"shape": "shape-3", "label": "Square"},
                                 {"shape": "shape-1", "label": "Circle"}]
    button(at, "Previous").click().run()
    assert at.subheader[0].value == "shape-1 (2 of 2)"
    assert "Saved label: **Circle**" in at.markdown[0].value
    button(at, "Triangle").click().run()
    assert Shape.objects.get(pk=first.pk).label == "triangle"
    assert Shape.objects.exclude(label="").count() == 2  # the others are untouched


def test_without_a_selection_the_demo_tool_walks_the_shapes_without_a_label():
    Shape.objects.filter(image__endswith="shape-2.png").update(label="square")
    at = AppTest.from_view(label_shapes, user=labeller()).run()
    assert at.subheader[0].value == "shape-1 (1 of 4)"
    button(at, "Next").click().run()
    assert at.subheader[0].value == "shape-3 (2 of 4)"
    Shape.objects.update(label="circle")
    assert AppTest.from_view(label_shapes, user=labeller()).run().info[0].value.startswith(
        "Every shape has a label.")


def test_the_demo_tool_needs_the_shape_permission():
    with pytest.raises(PermissionDenied):
        AppTest.from_view(label_shapes, user=staff("bob", "view_shape")).run()
    assert isinstance(admin.site._registry[Shape], ShapeAdmin)


def test_the_demo_tool_in_the_admin_and_on_the_home_page():
    client = logged_in(labeller())
    url = reverse("admin:demo_shape_reactive_demo_label_shapes")
    assert f'href="{url}"' in Client().get("/").content.decode()
    changelist = client.get("/admin/demo/shape/").content.decode()
    assert f'href="{url}" class="reactive-tool-link">Label shapes<' in changelist
    shape = Shape.objects.order_by("pk").last()
    response = client.post("/admin/demo/shape/", {
        "action": "reactive_demo_label_shapes", "_selected_action": [shape.pk], "index": 0})
    assert response["Location"] == f"{url}?ids={shape.pk}"
    html = client.get(response["Location"]).content.decode()
    assert "shape-5 (1 of 1)" in html and 'src="/static/demo/shapes/shape-5.png"' in html
    assert logged_in(staff("bob", "view_shape")).get(url).status_code == 403


# -- the WebSocket -------------------------------------------------------------------------


def session_of(user):
    """The session cookie the user's browser sends with the WebSocket handshake."""
    client = Client()
    if user is not None:
        client.force_login(user)
    else:
        client.get("/t/two/")  # an anonymous visit creates a session without a user
    return client.cookies["sessionid"].value


async def tool_over_websocket(session_key, ids=""):
    """The answer to the tool view's hello on the page's WebSocket."""
    from tests.sockets import connect, say_hello

    comm, connected, _ = await connect(session_key)
    assert connected
    await say_hello(comm, "tests.user_tool", view_id="tool", qs=f"ids={ids}")
    reply = await comm.receive_json_from(timeout=5)
    await comm.disconnect()
    return reply


@pytest.mark.django_db(transaction=True)
async def test_over_the_websocket_staff_with_the_permission_get_the_tool():
    from asgiref.sync import sync_to_async

    ann = await sync_to_async(staff)("ann", "change_user")
    reply = await tool_over_websocket(await sync_to_async(session_of)(ann), ids=ann.pk)
    assert reply["t"] == "patch" and reply["id"] == "tool"
    assert "selected: ann" in reply["ops"]["r"]


def not_staff(username):
    user = User.objects.create_user(username, password="pw")
    user.user_permissions.add(Permission.objects.get(codename="change_user"))
    return user


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("make_user", "code"), [
    (lambda: staff("bob", "view_user"), "forbidden"),   # staff without the permission
    (lambda: not_staff("cy"), "forbidden"),             # the permission, but not staff
    (lambda: None, "login_required"),                    # anonymous
])
async def test_over_the_websocket_the_admin_rules_hold(make_user, code):
    from asgiref.sync import sync_to_async

    key = await sync_to_async(lambda: session_of(make_user()))()
    reply = await tool_over_websocket(key)
    assert (reply["t"], reply["code"], reply["id"]) == ("error", code, "tool")


def test_the_action_speaks_the_admins_language():
    from django.test import RequestFactory
    from django.utils import translation

    request = RequestFactory().get(CHANGELIST)
    request.user = staff("fr", "change_user")
    model_admin = admin_site.site._registry[User]
    with translation.override("fr"):
        assert dict(model_admin.get_action_choices(request))[ACTION] == "Ouvrir Inspect users"
    assert dict(model_admin.get_action_choices(request))[ACTION] == "Open Inspect users"


def test_the_tools_actions_use_each_django_versions_own_signature():
    """No deprecation warning of the admin (Django 6.1's action_location) on the change list or action."""
    import warnings

    ann = staff("ann", "change_user", "view_user")
    client = logged_in(ann)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert client.get(CHANGELIST).status_code == 200
        assert run_action(client, ACTION, ann).status_code == 302
        assert client.get(f"{CHANGELIST}{ann.pk}/change/").status_code == 200
