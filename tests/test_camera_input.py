"""st.camera_input: a photo uploaded like a file, returned as an UploadedFile (JPEG or PNG only)."""

import pytest

from django_reactive.runtime import EventError
from django_reactive.testing import AppTest, AppTestError
from django_reactive.uploads import store_upload

pytestmark = pytest.mark.django_db

JPEG = bytes([255, 216, 255, 224]) + b"photo"


def camera_app(st):
    photo = st.camera_input("Take a picture", key="photo", help="Smile")
    st.text("None" if photo is None else f"{photo.name} {photo.type} {photo.getvalue()!r}")


def test_no_photo_is_none_and_a_photo_is_an_uploaded_file():
    at = AppTest.from_function(camera_app).run()
    assert at.text[0].value == "None"
    at.camera_input[0].set_value(("shot.jpg", JPEG, "image/jpeg")).run()
    assert at.text[0].value == f"shot.jpg image/jpeg {JPEG!r}"
    assert at.camera_input(key="photo").value.name == "shot.jpg"
    at.camera_input[0].set_value(None).run()
    assert at.text[0].value == "None"
    at.camera_input[0].upload("again.jpg", JPEG).run()  # Streamlit's AppTest names
    assert at.text[0].value.startswith("again.jpg image/jpeg")
    at.camera_input[0].clear().run()
    assert at.text[0].value == "None"


def test_a_photo_token_from_the_upload_endpoint_is_accepted():
    at = AppTest.from_function(camera_app).run()
    at.camera_input[0].set_value([store_upload("camera-input-1.png", b"\x89PNG", "image/png")]).run()
    assert at.text[0].value.startswith("camera-input-1.png image/png")


@pytest.mark.parametrize("upload", [("notes.txt", b"x", "text/plain"), ("fake.jpg", b"x", "text/plain")])
def test_only_jpeg_and_png_photos_are_accepted(upload):
    at = AppTest.from_function(camera_app).run()
    at.camera_input[0].set_value(upload)
    with pytest.raises(EventError) as error:
        at.run()
    assert error.value.code == "invalid_value"


def test_the_markup_has_a_labelled_button_and_the_camera_module():
    at = AppTest.from_function(camera_app).run()
    html = at.camera_input[0].html
    assert 'data-rx-assets="/static/django_reactive/camera.css /static/django_reactive/camera.js"' in html
    assert '<label class="rx-label" for="' in html and ">Take a picture</label>" in html
    assert 'class="rx-btn rx-camera-take"' in html and "Smile" in html
    assert 'type="file"' in html and 'accept="image/jpeg,image/png"' in html


def test_a_disabled_camera_takes_no_photo():
    def app(st):
        st.camera_input("Take a picture", disabled=True)

    at = AppTest.from_function(app).run()
    with pytest.raises(AppTestError, match="disabled camera_input widget"):
        at.camera_input[0].set_value(("shot.jpg", JPEG, "image/jpeg"))


def test_streamlits_parameters_are_checked_and_the_key_is_read_only():
    def app(st):
        st.camera_input("A", resolution="4k")

    assert AppTest.from_function(app).run().exception[0].message == (
        "Invalid `resolution` value. Supported values: '480p', '720p', '1080p', None.")

    def assigned(st):
        st.session_state.photo = None
        st.camera_input("A", key="photo")

    at = AppTest.from_function(assigned).run()
    assert at.exception[0].type == "ValueAssignmentNotAllowedError"


def test_on_change_runs_with_the_new_photo():
    def app(st):
        def taken():
            st.session_state.seen = st.session_state.photo is not None

        st.camera_input("A", key="photo", on_change=taken, resolution="720p", width=320)
        st.text(str(st.session_state.get("seen")))

    at = AppTest.from_function(app).run()
    assert 'data-rx-height="720"' in at.camera_input[0].html and "width:320px" in at.camera_input[0].html
    at.camera_input[0].set_value(("shot.jpg", JPEG, "image/jpeg")).run()
    assert at.text[0].value == "True"
