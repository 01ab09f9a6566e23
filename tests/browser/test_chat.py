"""The chat demo in a real browser: Enter sends, the reply grows as it streams, the input stays pinned."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Locator, Page, expect

OpenView = Callable[[Page, str], Locator]

#: Records every text the last assistant message shows, as the page changes.
RECORD_REPLIES = """() => {
  window.__replies = [];
  new MutationObserver(() => {
    const shown = [...document.querySelectorAll('[aria-label="Chat message from assistant"]')];
    const text = shown.length ? shown[shown.length - 1].innerText.trim() : "";
    if (text && window.__replies[window.__replies.length - 1] !== text) window.__replies.push(text);
  }).observe(document.querySelector(".reactive-view"), {subtree: true, childList: true, characterData: true});
}"""


def assistant_messages(page: Page) -> Locator:
    return page.get_by_role("group", name="Chat message from assistant")


def test_enter_sends_a_message_and_the_reply_streams_in(page: Page, open_view: OpenView) -> None:
    """The user's message shows, the reply is seen partly written before it is whole, the box is cleared."""
    open_view(page, "/chat/")
    page.evaluate(RECORD_REPLIES)
    box = page.get_by_role("textbox", name="Say something")
    box.fill("hello there")
    box.press("Enter")

    expect(page.get_by_role("group", name="Chat message from user")).to_have_text("hello there")
    expect(box).to_have_value("")
    final = "You wrote: hello there. Ask me anything else, I will say it back to you, word by word."
    expect(assistant_messages(page)).to_have_text(final)
    seen = page.evaluate("window.__replies")
    partial = [text for text in seen if text != final]
    assert partial and all(final.startswith(text) for text in partial), seen
    assert seen[-1] == final


def test_shift_enter_starts_a_new_line_and_the_button_sends(page: Page, open_view: OpenView) -> None:
    open_view(page, "/chat/")
    box = page.get_by_role("textbox", name="Say something")
    box.fill("first line")
    box.press("Shift+Enter")
    box.press_sequentially("second line")
    expect(box).to_have_value("first line\nsecond line")
    expect(page.get_by_role("group", name="Chat message from user")).to_have_count(0)
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("group", name="Chat message from user")).to_contain_text("second line")
    expect(box).to_have_value("")


def test_the_input_stays_pinned_to_the_bottom_as_the_chat_grows(page: Page, open_view: OpenView) -> None:
    """Below every message, and at the bottom of the window once the conversation is longer than it."""
    page.set_viewport_size({"width": 800, "height": 500})
    open_view(page, "/chat/")
    box = page.get_by_role("textbox", name="Say something")
    for n in range(1, 4):
        box.fill(f"message {n}")
        box.press("Enter")
        expect(assistant_messages(page)).to_have_count(n)
        expect(assistant_messages(page).nth(n - 1)).to_contain_text("word by word.")
    assert page.evaluate("document.documentElement.scrollHeight") > 500
    page.mouse.wheel(0, -5000)  # scroll back to the top: the input stays in view, at the bottom
    expect(page.get_by_role("heading", name="Echo chat")).to_be_in_viewport()
    expect(box).to_be_in_viewport()
    bottom = page.locator(".rx-main > .rx-chat-input").bounding_box()
    assert bottom is not None and abs(bottom["y"] + bottom["height"] - 500) <= 1, bottom
    last_reply = assistant_messages(page).nth(2).bounding_box()
    assert last_reply is not None and last_reply["y"] > bottom["y"], "the input is not pinned"
    page.mouse.wheel(0, 5000)  # at the end of the page, the input is below the last reply
    expect(page.get_by_text("message 3", exact=True)).to_be_in_viewport()
    last_reply = assistant_messages(page).nth(2).bounding_box()
    bottom = page.locator(".rx-main > .rx-chat-input").bounding_box()
    assert last_reply["y"] + last_reply["height"] <= bottom["y"], (last_reply, bottom)
