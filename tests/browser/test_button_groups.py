"""Pills, segmented control, feedback and popover clicked in a real browser (``/t/buttons/``)."""

import json
import re

from playwright.sync_api import Page, expect

PAGE = "/t/buttons/"


def pill(page: Page, label: str):
    """The pill (or segment) a user clicks: the label drawn around its checkbox."""
    return page.locator(".rx-pill", has_text=re.compile(f"^{re.escape(label)}$"))


def test_single_pills_choose_switch_and_clear(reactive_server, page, open_view):
    open_view(page, f"{reactive_server.url}{PAGE}")
    pill(page, "Large").click()
    expect(page.get_by_text("size: Large")).to_be_visible()
    pill(page, "Small").click()
    expect(page.get_by_text("size: Small")).to_be_visible()
    expect(page.get_by_role("checkbox", name="Large")).not_to_be_checked()
    # Clicking the chosen pill again clears the choice, as in Streamlit.
    pill(page, "Small").click()
    expect(page.get_by_text("size: None")).to_be_visible()
    expect(page.get_by_role("checkbox", name="Small")).not_to_be_checked()


def test_an_ignored_change_is_sent_with_the_next_event(reactive_server, page):
    """on_change="ignore": checking a pill sends nothing; its value goes with the next event."""
    with page.expect_websocket() as ws_info:
        page.goto(f"{reactive_server.url}{PAGE}")
    expect(page.locator(".reactive-view")).to_have_attribute("data-reactive-ready", "true")
    sent = []
    ws_info.value.on("framesent", lambda payload: sent.append(json.loads(payload)))
    later, size = (page.get_by_role("checkbox", name=name, exact=True).get_attribute("data-reactive-widget")
                   for name in ("y", "Large"))

    pill(page, "y").click()
    pill(page, "Large").click()
    expect(page.get_by_text("size: Large")).to_be_visible()
    expect(page.get_by_text("later: y")).to_be_visible()
    events = [frame["values"] for frame in sent if frame.get("t") == "event"]
    assert events == [{later: 1, size: 1}]


def test_multi_pills_keep_the_order_chosen(reactive_server, page, open_view):
    open_view(page, f"{reactive_server.url}{PAGE}")
    pill(page, "blue").click()
    expect(page.get_by_text("tags: ['blue']")).to_be_visible()
    pill(page, "red").click()
    expect(page.get_by_text("tags: ['blue', 'red']")).to_be_visible()
    pill(page, "blue").click()
    expect(page.get_by_text("tags: ['red']")).to_be_visible()


def test_a_required_segmented_control_cannot_be_cleared(reactive_server, page, open_view):
    open_view(page, f"{reactive_server.url}{PAGE}")
    pill(page, "Day").click()
    expect(page.get_by_role("checkbox", name="Day")).to_be_checked()
    pill(page, "Week").click()
    expect(page.get_by_text("view: Week")).to_be_visible()
    expect(page.get_by_role("checkbox", name="Day")).not_to_be_checked()
    pill(page, "Week").click()
    expect(page.get_by_role("checkbox", name="Week")).to_be_checked()
    expect(page.get_by_text("view: Week")).to_be_visible()


def test_feedback_stars_thumbs_and_faces_in_a_form(reactive_server, page, open_view):
    open_view(page, f"{reactive_server.url}{PAGE}")
    stars = page.locator(".rx-feedback-stars .rx-fb")
    stars.nth(3).click()
    expect(page.get_by_text("stars: 3")).to_be_visible()
    # The stars up to the chosen one are drawn filled.
    filled = [s.evaluate("e => getComputedStyle(e.querySelector('svg')).fill !== 'none'")
              for s in stars.all()]
    assert filled == [True, True, True, True, False]
    stars.nth(3).click()
    expect(page.get_by_text("stars: None")).to_be_visible()

    page.get_by_title("Thumbs up").click()
    expect(page.get_by_text("thumbs: 1")).to_be_visible()

    # In a form the choice waits for the submit; choosing another face replaces it.
    page.get_by_title("Satisfied", exact=True).click()
    page.get_by_title("Very satisfied").click()
    expect(page.get_by_role("checkbox", name="Satisfied", exact=True)).not_to_be_checked()
    expect(page.get_by_text("mood: None")).to_be_visible()
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("mood: 4")).to_be_visible()


def test_a_popover_opens_under_its_button_and_stays_open_while_its_widgets_work(
        reactive_server, page, open_view):
    open_view(page, f"{reactive_server.url}{PAGE}")
    inside = page.get_by_text("inside: 0")
    expect(inside).to_be_hidden()
    button = page.get_by_role("button", name="Settings")
    button.click()
    expect(inside).to_be_visible()
    # Anchored to its button: aligned with it, below it (or above it when the window ends below).
    panel, anchor = page.locator(".rx-popover-panel").bounding_box(), button.bounding_box()
    assert panel["x"] == anchor["x"]
    assert (panel["y"] >= anchor["y"] + anchor["height"]) or (panel["y"] + panel["height"] <= anchor["y"])

    # A button inside: the run adds an element above the popover (the whole area is
    # patched) and changes its content; the popover stays open.
    page.get_by_role("button", name="Count").click()
    expect(page.get_by_text("An odd count")).to_be_visible()
    expect(page.get_by_text("inside: 1")).to_be_visible()
    page.get_by_label("Dark").check()
    expect(page.get_by_text("dark: True")).to_be_attached()
    expect(page.get_by_text("inside: 1")).to_be_visible()

    # Its button closes it; so does Escape.
    button.click()
    expect(page.get_by_text("inside: 1")).to_be_hidden()
    button.click()
    expect(page.get_by_text("inside: 1")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_text("inside: 1")).to_be_hidden()
