"""st.data_editor and st.camera_input in a browser: cells edited, rows added and deleted, a photo taken."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, Locator, Page, Playwright, expect

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, EXPECT_TIMEOUT, LiveServer

OpenView = Callable[[Page, str], Locator]

EDITOR = "/t/data-editor/"


def people(page: Page) -> Locator:
    return page.locator(".rx-text", has_text="people:")


def test_a_cell_edit_reaches_the_view_and_stays_after_a_reload(page: Page, open_view: OpenView) -> None:
    """Typing in a cell and leaving it sends the edit; a checkbox cell sends at once."""
    open_view(page, EDITOR)
    expect(people(page)).to_have_text("people: [('Ada', 36, True), ('Alan', 41, False)]")

    page.get_by_label("Name, row 1").fill("Eve")
    page.get_by_label("Name, row 1").press("Enter")
    expect(people(page)).to_have_text("people: [('Eve', 36, True), ('Alan', 41, False)]")

    page.get_by_label("member, row 2").check()
    page.get_by_label("age, row 2").fill("42")
    page.get_by_label("age, row 2").press("Tab")
    expect(people(page)).to_have_text("people: [('Eve', 36, True), ('Alan', 42, True)]")

    page.reload()
    expect(page.get_by_label("Name, row 1")).to_have_value("Eve")
    expect(page.get_by_label("age, row 2")).to_have_value("42")


def test_rows_are_added_once_complete_and_deleted(page: Page, open_view: OpenView) -> None:
    """A new row waits for its required name; the delete button drops a row."""
    open_view(page, EDITOR)
    editor = page.locator(".rx-data-editor").first
    editor.get_by_role("button", name="Add row").click()
    page.get_by_label("age, new row").fill("85")
    page.get_by_label("age, new row").press("Tab")
    expect(people(page)).to_have_text("people: [('Ada', 36, True), ('Alan', 41, False)]")  # no name yet

    page.get_by_label("Name, new row").fill("Grace")
    page.get_by_label("Name, new row").press("Enter")
    expect(people(page)).to_have_text(
        "people: [('Ada', 36, True), ('Alan', 41, False), ('Grace', 85, None)]")
    expect(page.get_by_label("Name, row 3")).to_have_value("Grace")

    editor.get_by_role("button", name="Delete row 1").click()
    expect(people(page)).to_have_text("people: [('Alan', 41, False), ('Grace', 85, None)]")
    expect(page.get_by_label("Name, row 1")).to_have_value("Alan")


def test_an_editor_in_a_form_sends_its_edits_with_the_submit(page: Page, open_view: OpenView) -> None:
    """Inside st.form the new row shows at once and reaches the view on "Send"."""
    open_view(page, EDITOR)
    later = page.locator(".rx-text", has_text="later:")
    form = page.locator(".rx-form")
    form.get_by_role("button", name="Add row").click()
    form.get_by_label("x, new row").fill("7")
    form.get_by_label("x, new row").press("Enter")
    page.get_by_label("x, row 1").fill("5")
    page.get_by_label("x, row 1").press("Tab")
    expect(later).to_have_text("later: [1]")
    form.get_by_role("button", name="Send").click()
    expect(later).to_have_text("later: [5, 7]")


# -- st.camera_input, with Chromium's fake camera ----------------------------------------------------


@pytest.fixture(scope="module")
def camera_browser(playwright: Playwright) -> Iterator[Browser]:
    """Chromium with a fake camera that needs no permission prompt."""
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=[
        *CHROMIUM_ARGS, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"])
    try:
        yield chromium
    finally:
        chromium.close()


@pytest.fixture
def camera_page(camera_browser: Browser, reactive_server: LiveServer) -> Iterator[Page]:
    context = camera_browser.new_context(base_url=reactive_server.url)
    context.set_default_timeout(EXPECT_TIMEOUT * 2)
    try:
        yield context.new_page()
    finally:
        context.close()


def test_a_photo_is_taken_uploaded_and_cleared(camera_page: Page, open_view: OpenView) -> None:
    """The fake camera's frame becomes a JPEG UploadedFile in the view; "Clear photo" gives None."""
    page = camera_page
    open_view(page, "/t/camera/")
    photo = page.locator(".rx-text", has_text="photo:")
    expect(photo).to_have_text("photo: None")
    take = page.get_by_role("button", name="Take a picture")  # the widget's label names its button
    expect(take).to_have_text("Take photo")
    expect(take).to_be_enabled()  # once the camera shows its picture
    take.click()
    expect(photo).to_have_text("photo: True image/jpeg True")
    expect(page.get_by_role("img", name="The photo taken")).to_be_visible()

    page.get_by_role("button", name="Clear photo").click()
    expect(photo).to_have_text("photo: None")
    expect(take).to_be_visible()
