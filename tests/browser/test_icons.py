"""Material icons: the font reaches only the pages that show one, and draws a glyph there."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Locator, Page, expect

OpenView = Callable[[Page, str], Locator]

FONT = "material-symbols-rounded.woff2"


def test_a_material_icon_is_drawn_from_the_vendored_font(page: Page, open_view: OpenView) -> None:
    fonts: list[str] = []
    page.on("request", lambda request: fonts.append(request.url) if FONT in request.url else None)
    open_view(page, "/widgets/")
    icon = page.locator(".rx-caption .rx-material")
    expect(icon).to_have_text("touch_app")  # the ligature's name is the text, for copy and search
    assert page.evaluate("""async () => { await document.fonts.ready;
        return document.fonts.check('16px "Material Symbols Rounded"'); }""")
    # One glyph, not the nine letters of its name in a fallback font.
    box = icon.bounding_box()
    assert box is not None and box["width"] < 2 * box["height"]
    assert len(fonts) == 1


def test_a_page_without_icons_never_fetches_the_font(page: Page, open_view: OpenView) -> None:
    fonts: list[str] = []
    page.on("request", lambda request: fonts.append(request.url) if FONT in request.url else None)
    view = open_view(page, "/counter/")
    view.get_by_role("button", name="Increment").click()
    expect(view).to_contain_text("Count = 1")
    assert fonts == []
