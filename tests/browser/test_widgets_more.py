"""The widget gallery demo (``/widgets/``): the client reads each new widget kind in a real browser."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Locator, Page, expect

OpenView = Callable[[Page, str], Locator]

GALLERY = "/widgets/"


def written(page: Page, name: str) -> Locator:
    """The ``st.write`` line that shows the value of the widget called ``name``."""
    return page.locator(".rx-markdown", has_text=f"{name}:")


def test_date_radio_multiselect_and_color_update_the_page(page: Page, open_view: OpenView) -> None:
    """Each change is sent as the widget's kind reads it and the written value follows."""
    open_view(page, GALLERY)
    expect(page).to_have_title("Widget gallery")
    expect(written(page, "Delivery date")).to_have_text("Delivery date: 2025-06-01")

    page.get_by_label("Delivery date").fill("2025-07-14")
    expect(written(page, "Delivery date")).to_have_text("Delivery date: 2025-07-14")

    page.get_by_role("radio", name="Large").check()
    expect(written(page, "Size")).to_have_text("Size: Large")

    page.get_by_label("Toppings").select_option(label=["Ham", "Olives"])
    expect(written(page, "Toppings")).to_have_text("Toppings: Ham, Olives")

    page.get_by_label("Box color").fill("#ff0000")
    expect(written(page, "Box color")).to_have_text("Box color: #ff0000")

    # The values live in the session: a reload renders them into the controls.
    page.reload()
    expect(page.get_by_label("Delivery date")).to_have_value("2025-07-14")
    expect(page.get_by_role("radio", name="Large")).to_be_checked()
    expect(page.get_by_label("Toppings")).to_have_values(["1", "3"])
    expect(page.get_by_label("Box color")).to_have_value("#ff0000")


def test_toggle_select_slider_time_and_text_area(page: Page, open_view: OpenView) -> None:
    """The kinds shared with older widgets (checkbox, range, text) and the time kind."""
    open_view(page, GALLERY)

    page.get_by_role("switch", name="Dark mode").check()
    expect(written(page, "Dark mode")).to_have_text("Dark mode: True")

    spice = page.get_by_label("Spice")
    expect(spice).to_have_attribute("aria-valuetext", "medium")
    spice.focus()
    spice.press("ArrowRight")
    expect(written(page, "Spice")).to_have_text("Spice: hot")
    expect(spice).to_have_attribute("aria-valuetext", "hot")

    page.get_by_label("Delivery time").fill("09:15")
    expect(written(page, "Delivery time")).to_have_text("Delivery time: 09:15:00")

    notes = page.get_by_label("Notes")
    notes.fill("ring twice\nthen wait")
    notes.blur()  # a text area commits when it loses focus
    expect(written(page, "Notes")).to_contain_text("ring twice")
    expect(notes).to_have_value("ring twice\nthen wait")


def test_tabs_switch_panels_without_script_or_inline_style(page: Page) -> None:
    page.goto("/t/tabs/")
    expect(page.locator(".reactive-view")).to_have_attribute("data-reactive-ready", "true")
    expect(page.get_by_text("first panel")).to_be_visible()
    expect(page.get_by_text("second panel")).to_be_hidden()
    page.get_by_text("Two", exact=True).click()
    expect(page.get_by_text("second panel")).to_be_visible()
    expect(page.get_by_text("first panel")).to_be_hidden()
    # The 21st and 22nd tabs rely on the rules their tabs block brings along.
    for n in (2, 20, 22):
        page.get_by_text(f"T{n}", exact=True).click()
        expect(page.get_by_text(f"panel {n}", exact=True)).to_be_visible()
        expect(page.get_by_text("panel 1", exact=True)).to_be_hidden()
