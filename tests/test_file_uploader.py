"""st.file_uploader: files posted over HTTP with the CSRF token, then named by signed tokens."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from django_reactive.runtime import EventError
from django_reactive.testing import AppTest
from django_reactive.uploads import store_upload

pytestmark = pytest.mark.django_db


def app(st):
    f = st.file_uploader("Data", type=["csv"], key="data")
    if f is not None:
        st.text(f"{f.name} {f.size} {f.read().decode()}")
    files = st.file_uploader("Many", accept_multiple_files=True)
    st.text(f"{len(files)} files")


def test_a_stored_file_reaches_the_view_as_an_uploaded_file():
    at = AppTest.from_function(app).run()
    assert at.session_state["data"] is None
    at.file_uploader(key="data").set_value([store_upload("a.csv", b"x,y", "text/csv")]).run()
    assert at.text[0].value == "a.csv 3 x,y"
    at.file_uploader[1].set_value([store_upload("1.txt", b"1"), store_upload("2.txt", b"2")]).run()
    assert at.text[-1].value == "2 files"


@pytest.mark.parametrize("value", [["forged"], "a", [store_upload.__name__]])
def test_only_files_this_site_stored_are_accepted(value):
    at = AppTest.from_function(app).run()
    at.file_uploader(key="data").set_value(value)
    with pytest.raises(EventError) as error:
        at.run()
    assert error.value.code == "invalid_value"


def test_the_allowed_types_are_checked():
    at = AppTest.from_function(app).run()
    at.file_uploader(key="data").set_value([store_upload("a.exe", b"MZ")])
    with pytest.raises(EventError, match="not one of the allowed types"):
        at.run()


def test_the_upload_endpoint_needs_the_csrf_token_and_stores_files():
    client = Client(enforce_csrf_checks=True)
    html = client.get("/t/upload/").content.decode()
    upload_url = re.search(r'data-reactive-upload="([^"]+)"', html).group(1)
    token = re.search(r'data-reactive-csrf="([^"]+)"', html).group(1)
    grant = re.search(r'data-reactive-grant="([^"]+)"', html).group(1)
    assert upload_url == "/reactive/upload/tests.upload/"
    refused = client.post(upload_url, {"files": SimpleUploadedFile("a.csv", b"x")},
                          HTTP_X_REACTIVE_GRANT=grant)
    assert refused.status_code == 403
    accepted = client.post(upload_url, {"files": SimpleUploadedFile("a.csv", b"x")},
                           HTTP_X_CSRFTOKEN=token, HTTP_X_REACTIVE_GRANT=grant)
    assert accepted.status_code == 200 and len(accepted.json()["files"]) == 1


def test_the_upload_endpoint_applies_the_views_rules(client):
    assert client.post("/reactive/upload/tests.staff_only/", {}).status_code == 403
    assert client.post("/reactive/upload/nope/", {}).status_code == 404
    assert client.get("/reactive/upload/demo.counter/").status_code == 405


def test_uploads_over_the_limit_are_refused(client, settings):
    settings.REACTIVE = {"MAX_UPLOAD_BYTES": 10}
    grant = re.search(r'data-reactive-grant="([^"]+)"', client.get("/t/upload/").content.decode()).group(1)
    response = client.post("/reactive/upload/tests.upload/", {"files": SimpleUploadedFile("a", b"x" * 11)},
                           HTTP_X_REACTIVE_GRANT=grant)
    assert response.status_code == 413


def test_a_file_uploader_in_a_form_is_sent_with_the_submit_and_kept_after():
    def form_app(st):
        with st.form("f"):
            f = st.file_uploader("Data", key="data")
            note = st.text_input("Note", key="note")
            sent = st.form_submit_button("Send")
        st.text(f"{sent} {f.name if f else None} {note!r}")

    at = AppTest.from_function(form_app).run()
    at.file_uploader(key="data").set_value([store_upload("a.txt", b"abc")])
    at.run()
    assert at.text[0].value == "False None ''"
    at.button[0].click().run()
    assert at.text[0].value == "True a.txt ''"
    at.text_input(key="note").input("second")
    at.button[0].click().run()
    assert at.text[0].value == "True a.txt 'second'"
