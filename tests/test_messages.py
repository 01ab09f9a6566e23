"""Django messages added during a run: shown by the view right away, the site's own left alone."""

import json
import re

import pytest
from django.conf import settings
from django.contrib import messages
from django.contrib.messages import constants
from django.contrib.messages.storage.session import SessionStorage
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.urls import include, path
from django.utils.safestring import mark_safe

import django_reactive as reactive
from django_reactive.app_session import AppSession, session_store
from django_reactive.runtime import Event
from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db


def saver(st):
    if st.button("Save"):
        messages.success(st.request, "Saved")
    st.text_input("Note", key="note")


def messages_html(at):
    """The HTML of the messages element of the last render ("" without one)."""
    return next((html for html in at.app.rendered.html.values()
                 if html.startswith('<div class="rx rx-messages"')), "")


def test_a_message_added_during_a_run_is_shown_after_it():
    at = AppTest.from_function(saver).run()
    assert at.messages == [] and messages_html(at) == ""
    at.button[0].click().run()
    [message] = at.messages
    assert (message.value, message.level, message.level_tag) == ("Saved", constants.SUCCESS, "success")
    html = messages_html(at)
    assert 'class="rx-message rx-success success rx-toast-fades" role="status"' in html
    assert html.endswith("Saved</div></div></div>")
    assert at.main[0].label == "Save"  # the notices are not part of the main area


def test_the_same_message_in_two_runs_in_a_row_is_patched_in_again():
    at = AppTest.from_function(saver).run()
    save = at.button[0].id
    first = at.app.handle_event(Event({}, save))
    second = at.app.handle_event(Event({}, save))
    for outcome in (first, second):
        assert any("Saved" in html for html in outcome.ops.values()), outcome.ops
    ids = re.findall(r'class="rx-message-stack" id="([^"]+)"', "".join(first.ops.values()) + "".join(
        second.ops.values()))
    # A new DOM id each time: the page shows (and fades in) a fresh notice.
    assert len(ids) == 2 and ids[0] != ids[1]


def test_a_run_without_messages_removes_the_old_ones():
    at = AppTest.from_function(saver).run()
    at.button[0].click().run()
    outcome = at.app.handle_event(Event({at.text_input(key="note").id: "x"}))
    assert outcome.ops["p"] == '<div class="rx rx-prefix" data-reactive-id="p"></div>'
    at.run()
    assert at.messages == []


def test_levels_tags_and_escaping():
    def app(st):
        messages.info(st.request, "<b>plain</b>")
        messages.warning(st.request, mark_safe("<b>safe</b>"), extra_tags="sticky wide")
        messages.error(st.request, "Failed")
        messages.debug(st.request, "hidden below MESSAGE_LEVEL, as in Django")

    at = AppTest.from_function(app).run()
    assert [(m.value, m.level_tag, m.extra_tags) for m in at.messages] == [
        ("<b>plain</b>", "info", ""), ("<b>safe</b>", "warning", "sticky wide"), ("Failed", "error", "")]
    assert at.messages[1].tags == "sticky wide warning"
    html = messages_html(at)
    assert "&lt;b&gt;plain&lt;/b&gt;" in html and "<b>safe</b>" in html
    assert 'class="rx-message rx-warning sticky wide warning" role="alert">' in html
    assert 'class="rx-message rx-error error" role="alert">' in html  # errors stay until the next run
    assert '<span class="rx-message-level">Warning:</span>' in html


@override_settings(MESSAGE_LEVEL=constants.DEBUG, MESSAGE_TAGS={constants.ERROR: "danger"})
def test_the_sites_message_settings_apply():
    def app(st):
        messages.debug(st.request, "Trace")
        messages.error(st.request, "Failed")
        messages.add_message(st.request, 35, "Custom level")

    at = AppTest.from_function(app).run()
    assert [(m.value, m.tags) for m in at.messages] == [
        ("Trace", "debug"), ("Failed", "danger"), ("Custom level", "")]
    html = messages_html(at)
    # The tone follows the level, whatever its tag: a custom level takes the one below it.
    assert 'rx-message rx-debug debug' in html and 'rx-message rx-error danger' in html
    assert 'rx-message rx-warning" role="alert"' in html


def test_messages_from_callbacks_and_stopped_runs_show_too():
    def app(st):
        st.button("Go", on_click=lambda: messages.info(st.request, "From the callback"))
        messages.info(st.request, "Before the stop")
        st.stop()

    at = AppTest.from_function(app).run()
    at.button[0].click().run()
    assert [m.value for m in at.messages] == ["From the callback", "Before the stop"]


def test_a_view_that_reads_its_messages_shows_them_itself():
    def app(st):
        messages.info(st.request, "Read by the view")
        for message in messages.get_messages(st.request):
            st.info(str(message))
        messages.info(st.request, "Added after reading")

    at = AppTest.from_function(app).run()
    assert at.info[0].value == "Read by the view"
    assert [m.value for m in at.messages] == ["Added after reading"]


def test_the_requests_own_messages_are_neither_consumed_nor_duplicated():
    def app(st):
        st.text(f"seen: {[str(m) for m in messages.get_messages(st.request)]}")
        messages.success(st.request, "Saved")

    session = session_store(None)
    session.create()
    request = RequestFactory().get("/")
    request.session = session
    site = SessionStorage(request)
    site.add(constants.INFO, "Queued by the site before")
    request._messages = site
    app = AppSession(reactive.view(name="tests.own_messages")(app), session.session_key, "t",
                     request=request)
    app.run_page()
    assert "seen: []" in app.rendered.root and "Saved" in app.rendered.root
    assert request._messages is site and not site.used
    assert [str(m) for m in site] == ["Queued by the site before"]


@override_settings(
    INSTALLED_APPS=[app for app in settings.INSTALLED_APPS if app != "django.contrib.messages"],
    MIDDLEWARE=[m for m in settings.MIDDLEWARE if "messages" not in m],
)
def test_messages_work_without_django_contrib_messages():
    at = AppTest.from_function(saver).run()
    at.button[0].click().run()
    assert [m.value for m in at.messages] == ["Saved"]


# -- over HTTP: the page and the fallback, next to the site's own messages -----------------

@reactive.view(name="tests.messages_page")
def messages_page(st):
    if st.button("Save"):
        messages.success(st.request, "Saved")
    messages.info(st.request, f"Hello from run {st.session_state.setdefault('runs', 0)}")
    st.session_state.runs += 1


def queue_a_message(request):
    messages.warning(request, "Queued before the page")
    return HttpResponse("queued")


def list_messages(request):
    return HttpResponse(" | ".join(str(m) for m in messages.get_messages(request)))


urlpatterns = [
    path("m/", messages_page.as_view()),
    path("queue/", queue_a_message),
    path("list/", list_messages),
    path("reactive/", include("django_reactive.urls")),
]


@pytest.mark.urls("tests.test_messages")
def test_the_page_shows_its_runs_messages_and_leaves_the_sites_for_the_next_page(client):
    client.get("/queue/")
    html = client.get("/m/").content.decode()
    assert "Hello from run 0" in html and "Queued before the page" not in html
    assert client.get("/list/").content.decode() == "Queued before the page"
    assert client.get("/list/").content.decode() == ""


@pytest.mark.urls("tests.test_messages")
def test_messages_come_with_the_patch_over_the_http_fallback(client):
    html = client.get("/m/").content.decode()
    attr = dict(re.findall(r'data-reactive-(tab|rev|csrf)="([^"]*)"', html))
    save = re.search(r'data-reactive-widget="(w\w+)" data-reactive-kind="button"', html).group(1)
    for seq in (1, 2):
        body = {"t": "event", "tab": attr["tab"], "seq": seq, "trigger": save, "rev": attr["rev"]}
        reply = client.post("/reactive/event/tests.messages_page/", json.dumps(body),
                            content_type="application/json", HTTP_X_CSRFTOKEN=attr["csrf"]).json()
        shown = "".join(reply["ops"].values())
        assert "Saved" in shown and f"Hello from run {seq}" in shown, reply
        attr["rev"] = reply["rev"]
