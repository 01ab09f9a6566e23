"""A socket opened without a session cookie is closed with 4401, which the page can read."""

from __future__ import annotations

from playwright.sync_api import BrowserContext, Page, expect


def test_a_reconnect_without_the_session_cookie_marks_the_view_and_stops_reconnecting(
    context: BrowserContext, page: Page
) -> None:
    """Closed before accepting, the handshake would reach the page as 1006 and the client would
    retry forever; accepted then closed with 4401, the page marks its view and stops."""
    page.goto("/counter/")
    view = page.locator(".reactive-view")
    expect(view).to_have_attribute("data-reactive-ready", "true")

    context.clear_cookies()  # the session cookie is gone: the next socket has none
    page.evaluate("for (const c of window.djangoReactive.connections.values()) c.ws.close()")

    expect(view).to_have_attribute("data-reactive-refused", "no_session")
    expect(view).to_have_attribute("data-reactive-ready", "false")
    connection = "[...window.djangoReactive.connections.values()][0]"
    assert page.evaluate(f"{connection}.ws === null && {connection}.timer === null")
