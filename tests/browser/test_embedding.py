"""Two reactive views embedded in an ordinary Django template share one WebSocket."""

from __future__ import annotations

from playwright.sync_api import Page, WebSocket, expect


def test_two_embedded_views_work_over_one_websocket(page: Page) -> None:
    sockets: list[WebSocket] = []
    page.on("websocket", lambda ws: sockets.append(ws))
    page.goto("/t/two/")
    first, second = page.locator("#first .reactive-view"), page.locator("#second .reactive-view")
    expect(first).to_have_attribute("data-reactive-ready", "true")
    expect(second).to_have_attribute("data-reactive-ready", "true")
    expect(page.locator("#hidden .reactive-view")).to_have_count(0)

    page.evaluate("window.__marker = 1")
    first.get_by_role("button", name="Increment").click()
    expect(first.get_by_text("Count =")).to_have_text("Count = 1")
    for expected in (1, 2):
        second.get_by_role("button", name="Add").click()
        expect(second.get_by_text("n=")).to_have_text(f"n={expected}")
    expect(first.get_by_text("Count =")).to_have_text("Count = 1")
    assert len(sockets) == 1 and sockets[0].url.endswith("/ws/reactive/")
    assert page.evaluate("window.__marker") == 1, "the page was reloaded"

    # State survives a reload; the tab-scoped view starts again with a new tab.
    page.reload()
    expect(first.get_by_text("Count =")).to_have_text("Count = 1")
    expect(second.get_by_text("n=")).to_have_text("n=0")


def test_the_embedding_demo_page(page: Page) -> None:
    page.goto("/embedded/")
    views = page.locator(".reactive-view")
    expect(views).to_have_count(2)
    for n in range(2):
        expect(views.nth(n)).to_have_attribute("data-reactive-ready", "true")
    page.get_by_label("First").fill("hello")
    page.get_by_label("First").press("Enter")
    expect(page.get_by_label("Second")).to_have_value("hello")
    page.get_by_role("button", name="Increment").click()
    expect(views.nth(0).get_by_text("Count =")).to_have_text("Count = 1")


def test_a_view_mounted_with_url_arguments_keeps_a_state_per_object(page: Page) -> None:
    for pk, clicks in ((7, 2), (8, 1)):
        page.goto(f"/t/notes/{pk}/")
        view = page.locator(".reactive-view")
        expect(view).to_have_attribute("data-reactive-ready", "true")
        expect(view.get_by_text("pk=")).to_have_text(f"pk={pk}")
        for n in range(1, clicks + 1):
            view.get_by_role("button", name="Add").click()
            expect(view.get_by_text("n=")).to_have_text(f"n={n}")
    page.goto("/t/notes/7/")
    expect(page.locator(".reactive-view").get_by_text("n=")).to_have_text("n=2")
