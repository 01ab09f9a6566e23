"""The mirrored-inputs demo (``/mirrored/``): on_change callbacks copy each input into the other."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Locator, Page, expect

OpenView = Callable[[Page, str], Locator]

MIRRORED = "/mirrored/"


def test_committing_first_fills_second(page: Page, open_view: OpenView) -> None:
    """Typing in First then leaving it (Tab) copies the text into Second."""
    open_view(page, MIRRORED)
    first, second = page.get_by_label("First"), page.get_by_label("Second")
    expect(first).to_have_value("")
    expect(second).to_have_value("")

    first.fill("hello")
    first.press("Tab")

    expect(second).to_have_value("hello")
    expect(first).to_have_value("hello")


def test_committing_second_fills_first(page: Page, open_view: OpenView) -> None:
    """Then typing in Second and pressing Enter copies the text back into First."""
    open_view(page, MIRRORED)
    first, second = page.get_by_label("First"), page.get_by_label("Second")
    first.fill("hello")
    first.press("Enter")
    expect(second).to_have_value("hello")

    second.fill("world")
    second.press("Enter")

    expect(first).to_have_value("world")
    expect(second).to_have_value("world")


def test_typing_keeps_focus_and_caret(page: Page, open_view: OpenView) -> None:
    """Enter commits while the caret stays in First; typing goes on where it was."""
    open_view(page, MIRRORED)
    first, second = page.get_by_label("First"), page.get_by_label("Second")

    first.click()
    first.press_sequentially("abc")
    first.press("Enter")
    expect(second).to_have_value("abc")
    expect(first).to_be_focused()

    first.press_sequentially("def")
    expect(first).to_be_focused()
    expect(first).to_have_value("abcdef")
    expect(second).to_have_value("abc")

    first.press("Enter")
    expect(second).to_have_value("abcdef")
    expect(first).to_be_focused()
    expect(first).to_have_value("abcdef")
    caret = first.evaluate("el => [el.selectionStart, el.selectionEnd]")
    assert caret == [6, 6], f"the caret moved to {caret}"
