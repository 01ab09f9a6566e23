"""@st.dialog in a real browser (``/t/dialogs/``): a modal <dialog> opened by a button, its widgets
re-running only the dialog, closed by st.rerun() or dismissed by Escape (then it stays closed)."""

from playwright.sync_api import Page, expect

PAGE = "/t/dialogs/"


def status(page: Page):
    return page.locator(".rx-text", has_text="name: ")


def open_dialog(page: Page):
    page.get_by_role("button", name="Open").click()
    dialog = page.get_by_role("dialog", name="Rename")
    expect(dialog).to_be_visible()
    return dialog


def test_a_button_opens_the_modal_and_a_widget_inside_reruns_only_the_dialog(reactive_server, page,
                                                                            open_view):
    open_view(page, f"{reactive_server.url}{PAGE}")
    expect(page.get_by_role("dialog")).to_have_count(0)
    dialog = open_dialog(page)
    # Modal: the page behind is inert.
    assert page.evaluate("document.querySelector('dialog').matches(':modal')")
    expect(status(page)).to_have_text("name: -, full runs: 2")
    dialog.get_by_label("New name").fill("Ada")
    dialog.get_by_label("New name").press("Enter")
    expect(dialog.get_by_text("preview: Ada")).to_have_text("preview: Ada (dialog runs: 2, full runs: 2)")
    expect(dialog).to_be_visible()
    expect(status(page)).to_have_text("name: -, full runs: 2")


def test_st_rerun_inside_closes_it(reactive_server, page, open_view):
    open_view(page, f"{reactive_server.url}{PAGE}")
    dialog = open_dialog(page)
    dialog.get_by_label("New name").fill("Grace")
    dialog.get_by_role("button", name="Save").click()
    expect(status(page)).to_have_text("name: Grace, full runs: 3")
    expect(page.get_by_role("dialog")).to_have_count(0)


def test_escape_dismisses_it_and_it_stays_closed(reactive_server, page, open_view):
    open_view(page, f"{reactive_server.url}{PAGE}")
    dialog = open_dialog(page)
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    # on_dismiss="rerun": the dismissal ran the view, which no longer calls the dialog function.
    expect(status(page)).to_have_text("name: -, full runs: 3")
    page.get_by_role("button", name="Elsewhere").click()
    expect(status(page)).to_have_text("name: -, full runs: 4")
    expect(page.get_by_role("dialog")).to_have_count(0)
    open_dialog(page)  # and it opens again


def test_the_close_button_dismisses_it(reactive_server, page, open_view):
    open_view(page, f"{reactive_server.url}{PAGE}")
    dialog = open_dialog(page)
    dialog.get_by_role("button", name="Close").click()
    expect(status(page)).to_have_text("name: -, full runs: 3")
    expect(page.get_by_role("dialog")).to_have_count(0)


def test_an_ignore_dialog_closes_in_the_browser_alone_and_stays_closed(reactive_server, page, open_view):
    open_view(page, f"{reactive_server.url}{PAGE}")
    page.get_by_role("button", name="Notes").click()
    dialog = page.get_by_role("dialog", name="Notes")
    expect(dialog).to_be_visible()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    # A fragment's run patches only the fragment: the dismissed dialog is not shown again.
    page.get_by_role("button", name="Tick").click()
    expect(page.get_by_text("ticks: ")).to_have_text("ticks: 1")
    expect(dialog).to_be_hidden()
    expect(status(page)).to_have_text("name: -, full runs: 2")  # no run for the dismissal
    page.get_by_role("button", name="Elsewhere").click()
    expect(status(page)).to_have_text("name: -, full runs: 3")
    expect(page.get_by_role("dialog")).to_have_count(0)


def test_a_click_outside_dismisses_it(reactive_server, page, open_view):
    open_view(page, f"{reactive_server.url}{PAGE}")
    open_dialog(page)
    page.mouse.click(5, 5)  # on the backdrop
    expect(status(page)).to_have_text("name: -, full runs: 3")
    expect(page.get_by_role("dialog")).to_have_count(0)
