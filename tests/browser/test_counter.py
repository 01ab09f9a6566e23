"""The counter demo (``/counter/``): Streamlit's session-state counter, in a real browser."""

from __future__ import annotations

import json
from collections.abc import Callable

from playwright.sync_api import BrowserContext, Locator, Page, WebSocket, expect

OpenView = Callable[[Page, str], Locator]

COUNTER = "/counter/"


def increment(page: Page) -> Locator:
    return page.get_by_role("button", name="Increment")


def decrement(page: Page) -> Locator:
    return page.get_by_role("button", name="Decrement")


def count(page: Page) -> Locator:
    """The "Count = N" text of the view."""
    return page.locator(".reactive-view").get_by_text("Count =")


def test_clicks_update_the_count_without_reloading(page: Page, open_view: OpenView) -> None:
    """Increment x3 then Decrement x1 shows "Count = 2"; the page is never reloaded."""
    page.goto(COUNTER)
    expect(page).to_have_title("Counter")
    expect(page.get_by_role("heading", name="Counter Example")).to_be_visible()
    expect(increment(page)).to_be_visible()
    expect(decrement(page)).to_be_visible()
    expect(count(page)).to_have_text("Count = 0")
    expect(page.locator(".reactive-view")).to_have_attribute("data-reactive-ready", "true")

    page.evaluate("window.__marker = 1")
    for expected in (1, 2, 3):
        increment(page).click()
        expect(count(page)).to_have_text(f"Count = {expected}")
    decrement(page).click()

    expect(count(page)).to_have_text("Count = 2")
    assert page.evaluate("window.__marker") == 1, "the page was reloaded"


def test_reload_keeps_the_count(page: Page, open_view: OpenView) -> None:
    """The count lives in the Django session: a reload shows the same count."""
    open_view(page, COUNTER)
    increment(page).click()
    expect(count(page)).to_have_text("Count = 1")
    increment(page).click()
    expect(count(page)).to_have_text("Count = 2")

    page.reload()

    expect(count(page)).to_have_text("Count = 2")
    expect(page.locator(".reactive-view")).to_have_attribute("data-reactive-ready", "true")
    increment(page).click()
    expect(count(page)).to_have_text("Count = 3")


def test_tabs_of_one_session_stay_in_sync(context: BrowserContext, open_view: OpenView) -> None:
    """Two tabs of one session: a click in either updates the other, without reloading it."""
    tab_a = context.new_page()
    open_view(tab_a, COUNTER)
    increment(tab_a).click()
    expect(count(tab_a)).to_have_text("Count = 1")

    tab_b = context.new_page()
    open_view(tab_b, COUNTER)
    expect(count(tab_b)).to_have_text("Count = 1")
    tab_a.evaluate("window.__marker = 'a'")
    tab_b.evaluate("window.__marker = 'b'")

    increment(tab_a).click()
    expect(count(tab_a)).to_have_text("Count = 2")
    expect(count(tab_b)).to_have_text("Count = 2")

    increment(tab_b).click()
    expect(count(tab_b)).to_have_text("Count = 3")
    expect(count(tab_a)).to_have_text("Count = 3")

    decrement(tab_a).click()
    expect(count(tab_b)).to_have_text("Count = 2")
    expect(count(tab_a)).to_have_text("Count = 2")

    assert tab_a.evaluate("window.__marker") == "a", "tab A was reloaded"
    assert tab_b.evaluate("window.__marker") == "b", "tab B was reloaded"


def test_a_click_is_one_small_frame_each_way(page: Page) -> None:
    """One click sends one event frame and receives one patch frame with only the changed text."""
    with page.expect_websocket() as ws_info:
        page.goto(COUNTER)
    ws: WebSocket = ws_info.value
    expect(page.locator(".reactive-view")).to_have_attribute("data-reactive-ready", "true")

    sent: list[str | bytes] = []
    received: list[str | bytes] = []
    ws.on("framesent", lambda payload: sent.append(payload))
    ws.on("framereceived", lambda payload: received.append(payload))

    with ws.expect_event("framereceived") as patch_info:
        increment(page).click()
    expect(count(page)).to_have_text("Count = 1")
    # Let any stray frame arrive before counting them.
    page.wait_for_timeout(300)

    assert len(sent) == 1, f"expected one frame sent per click, got {sent!r}"
    assert len(received) == 1, f"expected one frame received per click, got {received!r}"
    event = json.loads(sent[0])
    assert event["t"] == "event"
    assert "trigger" in event
    assert len(sent[0]) < 200, f"the event is {len(sent[0])} bytes"

    patch = patch_info.value
    assert patch == received[0]
    assert isinstance(patch, str)
    assert len(patch.encode()) < 1024, f"the patch is {len(patch.encode())} bytes: {patch}"
    assert "Count =" in patch
    assert "Counter Example" not in patch, f"the patch re-sends the title: {patch}"
    assert "Increment" not in patch, f"the patch re-sends the buttons: {patch}"
    message = json.loads(patch)
    assert message["t"] == "patch"
    assert message["ack"] == event["seq"]
    assert len(message["ops"]) == 1, f"expected only the count's element: {patch}"


def test_the_client_reconnects(page: Page, open_view: OpenView) -> None:
    """A lost WebSocket is reopened; the page keeps working without a reload."""
    view = open_view(page, COUNTER)
    increment(page).click()
    expect(count(page)).to_have_text("Count = 1")
    page.evaluate("window.__marker = 1")
    # Record every change of data-reactive-ready: the "false" phase may be brief.
    page.evaluate("""() => {
        const root = document.querySelector(".reactive-view");
        window.__readiness = [];
        new MutationObserver(() => window.__readiness.push(root.dataset.reactiveReady))
            .observe(root, { attributes: true, attributeFilter: ["data-reactive-ready"] });
    }""")

    with page.expect_websocket():
        page.evaluate("window.djangoReactive.views[0].connection.ws.close()")
        page.wait_for_function("window.__readiness.includes('false')")
    expect(view).to_have_attribute("data-reactive-ready", "true")

    readiness = page.evaluate("window.__readiness")
    assert readiness[0] == "false" and readiness[-1] == "true", readiness
    expect(count(page)).to_have_text("Count = 1")
    increment(page).click()
    expect(count(page)).to_have_text("Count = 2")
    assert page.evaluate("window.__marker") == 1, "the page was reloaded"


def test_sessions_do_not_share_the_count(
    new_context: Callable[[], BrowserContext], open_view: OpenView
) -> None:
    """Two browsers (two sessions) each have their own count."""
    alice = new_context().new_page()
    bob = new_context().new_page()
    open_view(alice, COUNTER)
    open_view(bob, COUNTER)

    for expected in (1, 2):
        increment(alice).click()
        expect(count(alice)).to_have_text(f"Count = {expected}")
    decrement(bob).click()
    expect(count(bob)).to_have_text("Count = -1")
    expect(count(alice)).to_have_text("Count = 2")

    bob.reload()
    expect(count(bob)).to_have_text("Count = -1")
    fresh = new_context().new_page()
    open_view(fresh, COUNTER)
    expect(count(fresh)).to_have_text("Count = 0")
