"""st.context in a real browser (``/t/context/``): the browser's time zone, language and colour
scheme reach the view when its socket opens, and the page is patched to show them."""

from playwright.sync_api import expect


def test_the_browser_reports_its_timezone_locale_theme_and_url(reactive_server, browser, open_view):
    context = browser.new_context(base_url=reactive_server.url, timezone_id="Asia/Tokyo", locale="ja-JP",
                                  color_scheme="dark", user_agent="Chromium-for-tests")
    try:
        page = context.new_page()
        open_view(page, f"{reactive_server.url}/t/context/?embed=true&x=1")
        expect(page.get_by_text("tz=")).to_have_text("tz=Asia/Tokyo offset=-540 locale=ja-JP theme=dark")
        url = f"{reactive_server.url}/t/context/"
        expect(page.get_by_text("url=")).to_have_text(f"url={url} embedded=True ip=None")
        expect(page.get_by_text("agent=")).to_have_text("agent=Chromium-for-tests cookie=None")
    finally:
        context.close()
