"""Charts in a real browser: the chart demo draws with the vendored Vega libraries, a new filter
redraws it, and a page without a chart loads none of them."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Locator, Page, expect

OpenView = Callable[[Page, str], Locator]

DRAWN = ".rx-chart-view svg, .rx-chart-view canvas"


def drawn_chart(page: Page, index: int = 0) -> Locator:
    """A bar chart once charts.js has drawn its current spec (``data-rx-drawn`` is its digest)."""
    chart = page.locator(".rx-bar-chart .rx-chart").nth(index)
    expect(chart).to_have_attribute("data-rx-drawn", chart.get_attribute("data-rx-digest"))
    return chart


def test_the_chart_demo_draws_its_bars_and_redraws_them_for_another_country(
        page: Page, open_view: OpenView) -> None:
    scripts: list[str] = []
    page.on("request", lambda request: scripts.append(request.url))
    open_view(page, "/charts/")
    chart = drawn_chart(page)
    expect(chart.locator(DRAWN).first).to_be_visible()
    # Every city is on the axis: Vega draws its labels as text of the SVG.
    expect(chart.locator(".rx-chart-view")).to_contain_text("Tokyo")
    expect(chart.locator(".rx-chart-view")).to_contain_text("Paris")
    assert sum("vega-embed-7.3.0/vega-embed.min.js" in url for url in scripts) == 1

    page.get_by_label("Country", exact=True).select_option("France")
    chart = page.locator(".rx-bar-chart .rx-chart").first
    expect(chart.locator(".rx-chart-view")).not_to_contain_text("Tokyo")
    chart = drawn_chart(page)
    expect(chart.locator(".rx-chart-view")).to_contain_text("Marseille")
    expect(chart.locator(DRAWN)).to_have_count(1)
    # The libraries were loaded once, for the first drawing.
    assert sum("vega.min.js" in url for url in scripts) == 1


def test_a_chart_whose_data_did_not_change_keeps_its_drawing(page: Page, open_view: OpenView) -> None:
    open_view(page, "/charts/")
    drawn_chart(page, 0)
    totals = drawn_chart(page, 1)
    totals.locator(DRAWN).first.evaluate("node => { node.dataset.testMark = 'kept'; }")
    cities = page.locator(".rx-bar-chart .rx-chart").first
    digest = cities.get_attribute("data-rx-digest")
    # A metric appears above the charts: the page's main area is sent again, the totals unchanged.
    page.get_by_label("Country", exact=True).select_option("Kenya")
    expect(page.get_by_text("Largest cities of Kenya")).to_be_visible()
    expect(cities).not_to_have_attribute("data-rx-digest", digest)
    drawn_chart(page, 0)
    expect(totals.locator("[data-test-mark=kept]")).to_have_count(1)


def test_the_counter_page_loads_no_chart_script(page: Page, open_view: OpenView) -> None:
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    open_view(page, "/counter/")
    page.get_by_role("button", name="Increment").click()
    expect(page.get_by_text("Count = 1")).to_be_visible()
    assert urls and not [url for url in urls if "charts.js" in url or "vendor/vega" in url or "plotly" in url]
