"""The session-state gallery demos in a real browser: a form, pagination and a game."""

from __future__ import annotations

import json
from collections.abc import Callable

from playwright.sync_api import Locator, Page, WebSocket, expect

OpenView = Callable[[Page, str], Locator]


def alerts(page: Page) -> Locator:
    return page.locator(".reactive-view .rx-alert")


# -- signup form ---------------------------------------------------------------------------


def fill_signup(page: Page, username: str, email: str, password: str) -> None:
    page.get_by_label("Username").fill(username)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_label("I accept the terms").check()


def test_signup_form_is_sent_only_when_submitted(page: Page) -> None:
    """Typing in the form sends nothing and changes nothing; the submit sends it all at once."""
    with page.expect_websocket() as ws_info:
        page.goto("/signup/")
    ws: WebSocket = ws_info.value
    expect(page.locator(".reactive-view")).to_have_attribute("data-reactive-ready", "true")
    sent: list[str | bytes] = []
    ws.on("framesent", lambda payload: sent.append(payload))
    page.evaluate("window.__marker = 1")

    fill_signup(page, "ann", "ann@example.com", "correct horse")
    page.get_by_label("Password").press("Tab")  # leaving a field commits it outside a form
    expect(page.get_by_label("Username")).to_have_value("ann")
    expect(alerts(page)).to_have_count(0)

    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_text("Welcome, ann!")).to_be_visible()
    expect(alerts(page)).to_have_count(1)
    expect(page.locator(".reactive-view li", has_text="ann")).to_have_count(1)

    # Frames are reported in order, and the submit's answer has arrived: anything
    # the typing had sent would be in the list before the submit.
    assert len(sent) == 1, f"expected only the submit to be sent, got {sent!r}"
    event = json.loads(sent[0])
    assert event["t"] == "event" and event["trigger"]
    assert {"ann", "ann@example.com", "correct horse", True} <= set(event["values"].values())
    assert page.evaluate("window.__marker") == 1, "the page was reloaded"


def test_signup_form_shows_each_problem(page: Page, open_view: OpenView) -> None:
    open_view(page, "/signup/")
    page.get_by_label("Email").fill("ann@")
    page.get_by_label("Password").fill("short")
    page.get_by_role("button", name="Sign up").click()
    expect(alerts(page)).to_have_text([
        "Choose a username.",
        "'ann@' is not an email address.",
        "The password needs at least 8 characters.",
        "Please accept the terms.",
    ])

    fill_signup(page, "ann", "ann@example.com", "correct horse")
    page.get_by_role("button", name="Sign up").click()
    expect(alerts(page)).to_have_text(["Welcome, ann!"])


# -- pagination ----------------------------------------------------------------------------

#: The first book of pages 1 and 2 (10 a page), from the seeded data migration.
PAGE_1_FIRST = ["A Bridge for Ada", "Ada Eriksen", "1915"]
PAGE_2_FIRST = ["A Bridge for Clara", "Sami Gallo", "1912"]


def first_row(page: Page) -> Locator:
    return page.locator(".reactive-view table tbody tr").first.locator("td")


def test_pagination_next_and_reload(page: Page, open_view: OpenView) -> None:
    open_view(page, "/pagination/")
    rows = page.locator(".reactive-view table tbody tr")
    expect(rows).to_have_count(10)
    expect(first_row(page)).to_have_text(PAGE_1_FIRST)
    expect(page.get_by_text("Page 1 of 500 (5,000 books)")).to_be_visible()
    expect(page.get_by_role("button", name="Previous")).to_be_disabled()

    page.get_by_role("button", name="Next").click()

    expect(page.get_by_text("Page 2 of 500 (5,000 books)")).to_be_visible()
    expect(first_row(page)).to_have_text(PAGE_2_FIRST)
    expect(rows).to_have_count(10)
    expect(page.get_by_label("Jump to page")).to_have_value("2")
    expect(page.get_by_role("button", name="Previous")).to_be_enabled()

    # The page number lives in the session: a reload shows page 2 again.
    page.reload()
    expect(page.locator(".reactive-view")).to_have_attribute("data-reactive-ready", "true")
    expect(page.get_by_text("Page 2 of 500 (5,000 books)")).to_be_visible()
    expect(first_row(page)).to_have_text(PAGE_2_FIRST)
    expect(page.get_by_label("Jump to page")).to_have_value("2")


def test_pagination_jump_and_page_size(page: Page, open_view: OpenView) -> None:
    open_view(page, "/pagination/")
    jump = page.get_by_label("Jump to page")
    jump.fill("500")
    jump.press("Enter")
    expect(page.get_by_text("Page 500 of 500 (5,000 books)")).to_be_visible()
    expect(page.get_by_role("button", name="Next")).to_be_disabled()

    page.get_by_label("Books per page").select_option("25")
    expect(page.get_by_text("Page 1 of 200 (5,000 books)")).to_be_visible()
    expect(page.locator(".reactive-view table tbody tr")).to_have_count(25)
    expect(jump).to_have_value("1")


# -- tic tac toe ---------------------------------------------------------------------------


def test_tic_tac_toe_to_a_win(page: Page, open_view: OpenView) -> None:
    open_view(page, "/tic-tac-toe/")
    cells = page.locator(".reactive-view .rx-columns").get_by_role("button")
    expect(cells).to_have_count(9)
    expect(page.get_by_text("Player X to play.")).to_be_visible()

    for cell, mark in [(0, "X"), (3, "O"), (1, "X"), (4, "O"), (2, "X")]:
        cells.nth(cell).click()
        expect(cells.nth(cell)).to_have_text(mark)
        expect(cells.nth(cell)).to_be_disabled()

    expect(alerts(page)).to_have_text(["X wins!"])
    for cell in range(9):
        expect(cells.nth(cell)).to_be_disabled()

    page.get_by_role("button", name="New game").click()
    expect(page.get_by_text("Player X to play.")).to_be_visible()
    expect(alerts(page)).to_have_count(0)
    for cell in range(9):
        expect(cells.nth(cell)).to_be_enabled()
        expect(cells.nth(cell)).to_have_text(" ")
