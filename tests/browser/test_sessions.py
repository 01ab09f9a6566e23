"""Login and logout in another tab rotate or end the session under an open page."""

from __future__ import annotations

import itertools

from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.pages import log_in

_names = itertools.count()


def count(page: Page):
    return page.locator(".reactive-view").get_by_text("Count =")


def open_counter(page: Page) -> None:
    page.goto("/counter/")
    expect(page.locator(".reactive-view")).to_have_attribute("data-reactive-ready", "true")


def test_a_login_in_another_tab_reloads_the_open_page_with_the_state_kept(
    context: BrowserContext, page: Page, reactive_server
) -> None:
    username = f"ann{next(_names)}"
    reactive_server.create_user(username, "pw-for-tests", staff=True)
    open_counter(page)
    page.get_by_role("button", name="Increment").click()
    expect(count(page)).to_have_text("Count = 1")
    cookie = {c["name"]: c["value"] for c in context.cookies()}["sessionid"]
    page.evaluate("window.__marker = 1")

    log_in(context.new_page(), username, "pw-for-tests")  # Django rotates the session key
    assert {c["name"]: c["value"] for c in context.cookies()}["sessionid"] != cookie

    # The open page's next event finds its session gone: the page reloads on the
    # new session, which kept the state (Django copies it at login).
    page.get_by_role("button", name="Increment").click()
    page.wait_for_function("window.__marker === undefined")
    expect(page.locator(".reactive-view")).to_have_attribute("data-reactive-ready", "true")
    expect(count(page)).to_have_text("Count = 1")
    page.get_by_role("button", name="Increment").click()
    expect(count(page)).to_have_text("Count = 2")


def test_a_logout_in_another_tab_reloads_the_open_page_with_a_new_session(
    context: BrowserContext, page: Page, reactive_server
) -> None:
    username = f"bob{next(_names)}"
    reactive_server.create_user(username, "pw-for-tests", staff=True)
    other = context.new_page()
    log_in(other, username, "pw-for-tests")
    open_counter(page)
    page.get_by_role("button", name="Increment").click()
    expect(count(page)).to_have_text("Count = 1")
    page.evaluate("window.__marker = 1")

    other.get_by_role("button", name="Log out").click()  # the session is flushed
    expect(other.get_by_text("Logged out")).to_be_visible()

    page.get_by_role("button", name="Increment").click()
    page.wait_for_function("window.__marker === undefined")
    expect(page.locator(".reactive-view")).to_have_attribute("data-reactive-ready", "true")
    expect(count(page)).to_have_text("Count = 0")
