"""The demo site's home page: styled as the demos are, a card per demo with its description."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from demo_project.demo.views import DEMOS


def test_the_home_page_shows_a_styled_card_per_demo(page: Page) -> None:
    page.goto("/")
    expect(page.get_by_role("heading", name="django_reactive demos")).to_be_visible()
    cards = page.locator("a.demo-card")
    expect(cards).to_have_count(len(DEMOS))
    for slug, name, text in DEMOS:
        card = page.locator(f'a.demo-card[href="/{slug}/"]')
        expect(card).to_contain_text(name)
        expect(card).to_contain_text(text)
    style = page.evaluate("""() => ({
        font: getComputedStyle(document.body).fontFamily,
        grid: getComputedStyle(document.querySelector('.demo-cards')).display,
        bullets: getComputedStyle(document.querySelector('.demo-cards')).listStyleType,
        border: getComputedStyle(document.querySelector('.demo-card')).borderTopStyle,
    })""")
    assert "system-ui" in style["font"], "the page keeps the browser's serif default"
    assert style == {**style, "grid": "grid", "bullets": "none", "border": "solid"}


def test_the_battleship_legend_shows_the_boards_symbols(page: Page) -> None:
    page.goto("/battleship/")
    expect(page.locator(".reactive-view")).to_have_attribute("data-reactive-ready", "true")
    expect(page.get_by_text("○ miss · ✕ hit · ■ a ship you did not find")).to_be_visible()
