"""The sidebar's hide/show toggle, and st.set_page_config(initial_sidebar_state="collapsed")."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Locator, Page, expect

OpenView = Callable[[Page, str], Locator]


def test_a_collapsed_sidebar_opens_on_request_and_stays_as_the_visitor_left_it(
        page: Page, open_view: OpenView) -> None:
    view = open_view(page, "/t/collapsed-sidebar/")
    sidebar_text = view.get_by_text("in the sidebar")
    expect(sidebar_text).to_be_hidden()
    view.get_by_text("Show the sidebar").click()
    expect(sidebar_text).to_be_visible()
    view.get_by_role("button", name="Again").click()
    expect(view.get_by_text("clicks: 1")).to_be_visible()
    expect(sidebar_text).to_be_visible()  # a patch keeps the visitor's choice
    view.get_by_text("Hide the sidebar").click()
    expect(sidebar_text).to_be_hidden()
    view.get_by_role("button", name="Again").click()
    expect(view.get_by_text("clicks: 2")).to_be_visible()
    expect(sidebar_text).to_be_hidden()
