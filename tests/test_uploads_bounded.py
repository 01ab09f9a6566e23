"""Uploads are bounded: only for a file uploader the page shows, tokens bound to it, quotas, cleanup.

A page is an AppTest of a registered view (its own session, as a browser's);
its upload requests go through the Django test client with that session's
cookie, carrying the grant the uploader's markup shows.
"""

import re
import time
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client

import django_reactive as reactive
from django_reactive.runtime import EventError
from django_reactive.testing import AppTest
from django_reactive.uploads import read_token, session_folder
from tests import reactive_views

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _own_media_root(settings, tmp_path):
    """Each test sees only its own uploads in storage."""
    settings.MEDIA_ROOT = str(tmp_path)


@reactive.view(name="tests.uploads_two")
def two_uploaders(st):
    if st.checkbox("Show the uploaders", value=True):
        st.file_uploader("Report", key="report")
        files = st.file_uploader("Photos", accept_multiple_files=True, key="photos")
        st.text(f"{len(files)} photos")


def page(view=two_uploaders):
    """A page of ``view`` (AppTest) and a browser in its session (test client)."""
    at = AppTest.from_view(view).run()
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = at.app.session_key
    return at, client


def grants(at):
    return re.findall(r'data-reactive-grant="([^"]+)"', at.page_html)


def upload(client, view, grant, *contents, name="a.txt"):
    files = [SimpleUploadedFile(name, content) for content in contents]
    return client.post(f"/reactive/upload/{view.name}/", {"files": files}, HTTP_X_REACTIVE_GRANT=grant)


def stored_path(token):
    return read_token(token)["p"]


# -- which uploads are accepted ----------------------------------------------------------------


def test_a_view_without_a_file_uploader_takes_no_upload():
    at, client = page()
    assert upload(client, reactive_views.counter, "", b"x").status_code == 403
    # Nor with the grant of another view's uploader in the same session.
    refused = upload(client, reactive_views.counter, grants(at)[0], b"x")
    assert refused.status_code == 403 and "another page" in refused.json()["error"]


def test_the_grant_of_another_sessions_page_is_refused():
    at_a, client_a = page()
    _, client_b = page()
    assert upload(client_b, two_uploaders, grants(at_a)[0], b"x").status_code == 403
    assert upload(client_a, two_uploaders, grants(at_a)[0], b"x").status_code == 200


def test_an_uploader_the_last_run_no_longer_shows_takes_no_upload():
    at, client = page()
    grant = grants(at)[0]
    at.checkbox[0].uncheck().run()
    response = upload(client, two_uploaders, grant, b"x")
    assert response.status_code == 403
    assert "no longer shows" in response.json()["error"]


def test_one_file_only_for_an_uploader_without_multiple_files():
    at, client = page()
    assert upload(client, two_uploaders, grants(at)[0], b"1", b"2").status_code == 400
    assert upload(client, two_uploaders, grants(at)[1], b"1", b"2").status_code == 200


# -- tokens ------------------------------------------------------------------------------------------


def test_a_token_of_session_a_is_refused_in_session_b():
    at_a, client_a = page()
    token = upload(client_a, two_uploaders, grants(at_a)[0], b"secret").json()["files"][0]
    at_b, _ = page()
    at_b.file_uploader(key="report").set_value([token])
    with pytest.raises(EventError, match="another widget or page") as error:
        at_b.run()
    assert error.value.code == "invalid_value"
    at_a.file_uploader(key="report").set_value([token]).run()  # in its own session it works
    assert at_a.file_uploader(key="report").value.getvalue() == b"secret"


def test_a_token_uploaded_for_one_widget_is_refused_by_another():
    at, client = page()
    token = upload(client, two_uploaders, grants(at)[0], b"x").json()["files"][0]
    at.file_uploader(key="photos").set_value([token])
    with pytest.raises(EventError, match="another widget or page"):
        at.run()


def test_an_expired_token_is_refused():
    at, client = page()
    with mock.patch("time.time", return_value=time.time() - 2 * 3600):
        token = upload(client, two_uploaders, grants(at)[0], b"x").json()["files"][0]
    at.file_uploader(key="report").set_value([token])
    with pytest.raises(EventError, match="has expired"):
        at.run()


# -- quotas and cleanup ------------------------------------------------------------------------------


def test_a_session_keeps_at_most_its_quota_of_files_and_bytes(settings):
    settings.REACTIVE = {"UPLOAD_SESSION_MAX_FILES": 2, "UPLOAD_SESSION_MAX_BYTES": 10}
    at, client = page()
    photos = grants(at)[1]
    assert upload(client, two_uploaders, photos, b"1", b"2").status_code == 200
    refused = upload(client, two_uploaders, photos, b"3")
    assert refused.status_code == 413 and "at most 2 uploaded files" in refused.json()["error"]
    at2, client2 = page()
    assert upload(client2, two_uploaders, grants(at2)[1], b"x" * 6).status_code == 200
    refused = upload(client2, two_uploaders, grants(at2)[1], b"x" * 5)
    assert refused.status_code == 413 and "at most 10 bytes" in refused.json()["error"]


def test_an_upload_removes_the_sessions_abandoned_uploads_first(settings):
    settings.REACTIVE = {"UPLOAD_SESSION_MAX_FILES": 2}
    at, client = page()
    report, photos = grants(at)
    held = upload(client, two_uploaders, report, b"held").json()["files"][0]
    abandoned = upload(client, two_uploaders, photos, b"abandoned").json()["files"][0]
    at.file_uploader(key="report").set_value([held]).run()  # only the first becomes a widget's value
    with mock.patch("time.time", return_value=time.time() + 2 * 3600):  # both tokens expired
        assert upload(client, two_uploaders, photos, b"new").status_code == 200
    assert default_storage.exists(stored_path(held))
    assert not default_storage.exists(stored_path(abandoned))


def test_the_cleanup_command_removes_ended_sessions_and_abandoned_uploads():
    at_live, client_live = page()
    held = upload(client_live, two_uploaders, grants(at_live)[0], b"held").json()["files"][0]
    at_live.file_uploader(key="report").set_value([held]).run()
    fresh = upload(client_live, two_uploaders, grants(at_live)[1], b"fresh").json()["files"][0]
    with mock.patch("time.time", return_value=time.time() - 2 * 3600):
        old = upload(client_live, two_uploaders, grants(at_live)[1], b"old").json()["files"][0]
    at_gone, client_gone = page()
    gone = upload(client_gone, two_uploaders, grants(at_gone)[0], b"gone").json()["files"][0]
    Session.objects.filter(session_key=at_gone.app.session_key).delete()  # it expired, or logged out

    out = mock.Mock()
    call_command("reactive_cleanup_uploads", stdout=out)
    assert [default_storage.exists(stored_path(t)) for t in (held, fresh, old, gone)] == [
        True, True, False, False]
    assert out.write.call_args.args[0] == (
        "Removed 2 uploaded file(s), and the folders of 1 ended session(s).\n")


def test_a_file_removed_from_storage_is_no_file_any_more_not_an_error():
    """Storage may lose a file a widget still names (a sweep by age, an operator)."""
    at, client = page()
    held = upload(client, two_uploaders, grants(at)[0], b"held").json()["files"][0]
    at.file_uploader(key="report").set_value([held]).run()
    default_storage.delete(stored_path(held))
    assert at.run().file_uploader(key="report").value is None


def test_uploads_sweep_ended_sessions_at_the_configured_rate(settings):
    at_gone, client_gone = page()
    gone = upload(client_gone, two_uploaders, grants(at_gone)[0], b"gone").json()["files"][0]
    Session.objects.filter(session_key=at_gone.app.session_key).delete()
    settings.REACTIVE = {"UPLOAD_CLEANUP_RATE": 1}
    at, client = page()
    assert upload(client, two_uploaders, grants(at)[0], b"x").status_code == 200
    assert not default_storage.exists(stored_path(gone))


def test_logging_out_removes_the_sessions_files():
    client = Client()
    client.force_login(User.objects.create_user("gil", password="pw"))
    html = client.get("/t/upload/").content.decode()
    grant = re.search(r'data-reactive-grant="([^"]+)"', html).group(1)
    token = upload(client, reactive_views.upload, grant, b"a,b", name="a.csv").json()["files"][0]
    folder = session_folder(client.session.session_key)
    assert stored_path(token).startswith(folder + "/") and default_storage.exists(stored_path(token))
    client.logout()
    assert not default_storage.exists(stored_path(token))


@pytest.mark.parametrize(("name", "value"), [
    ("UPLOAD_SESSION_MAX_FILES", 0), ("UPLOAD_SESSION_MAX_BYTES", 1.5), ("SESSION_THREADS", True),
    ("UPLOAD_TOKEN_SECONDS", -1), ("RIGHTS_TTL", "5"), ("UPLOAD_CLEANUP_RATE", 2),
])
def test_the_system_checks_refuse_bad_limits(settings, name, value):
    from django.core.checks import run_checks

    settings.REACTIVE = {name: value}
    assert "django_reactive.E011" in {message.id for message in run_checks()}
