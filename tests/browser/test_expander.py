"""An st.expander with on_change in a real browser (``/t/expanders/``): a click sends its state,
the server can open or close it, and a patch never sends a toggle of its own."""

from playwright.sync_api import Page, expect

PAGE = "/t/expanders/"


def summary_line(page: Page):
    return page.locator(".rx-text", has_text="summary open:")


def test_opening_and_closing_runs_the_callback_and_the_view(reactive_server, page, open_view):
    open_view(page, f"{reactive_server.url}{PAGE}")
    expect(summary_line(page)).to_have_text("summary open: False, toggles: 0")
    page.get_by_text("Summary", exact=True).click()
    expect(summary_line(page)).to_have_text("summary open: True, toggles: 1")
    expect(page.get_by_text("expensive summary")).to_be_visible()
    page.get_by_text("Summary", exact=True).click()
    expect(summary_line(page)).to_have_text("summary open: False, toggles: 2")
    expect(page.get_by_text("expensive summary")).to_have_count(0)


def test_the_server_opens_it_and_that_patch_sends_no_toggle(reactive_server, page, open_view):
    """A button writes session_state[key]: the page opens the expander and no event comes back."""
    open_view(page, f"{reactive_server.url}{PAGE}")
    details = page.locator("details", has_text="Summary")
    page.get_by_role("button", name="Flip summary").click()
    expect(summary_line(page)).to_have_text("summary open: True, toggles: 0")
    expect(details).to_have_attribute("open", "")
    expect(page.get_by_text("expensive summary")).to_be_visible()
    # Had the patch's own `toggle` been sent, it would be a run of its own, before the run of
    # the next click: the page load, the button and this click make three.
    page.get_by_text("Summary", exact=True).click()
    expect(summary_line(page)).to_have_text("summary open: False, toggles: 1")
    expect(page.get_by_text("runs: ", exact=False)).to_have_text("runs: 3")
    expect(details).not_to_have_attribute("open", "")


def test_a_plain_expander_stays_in_the_browser(reactive_server, page, open_view):
    open_view(page, f"{reactive_server.url}{PAGE}")
    page.get_by_text("Plain", exact=True).click()
    expect(page.get_by_text("plain body")).to_be_visible()
    page.get_by_role("button", name="Flip summary").click()
    expect(summary_line(page)).to_have_text("summary open: True, toggles: 0")
    expect(page.get_by_text("plain body")).to_be_visible()
