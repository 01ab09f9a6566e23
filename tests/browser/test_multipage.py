"""A multipage app served by ``django-reactive run``, in a real browser: the menu, st.page_link
and st.switch_page load the other page's URL, and the pages share the session's state."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support import REPO_ROOT, free_port, stop_process, wait_until_serving

APP = REPO_ROOT / "demo_project" / "multipage" / "app.py"


@pytest.fixture(scope="module")
def multipage_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``django-reactive run demo_project/multipage/app.py`` on a free port (its state in a temp folder)."""
    tmp = tmp_path_factory.mktemp("multipage")
    port = free_port()
    log = tmp / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "django_reactive.cli", "run", str(APP), "--port", str(port)],
            cwd=REPO_ROOT, env={"XDG_CACHE_HOME": str(tmp), "PATH": "/usr/bin:/bin"},
            stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(process, url + "/", log, 30)
        yield url
    finally:
        stop_process(process)


@pytest.fixture
def app_page(browser: Browser, multipage_url: str) -> Iterator[Page]:
    context = browser.new_context(base_url=multipage_url)
    try:
        yield context.new_page()
    finally:
        context.close()


def open_page(page: Page, path: str) -> None:
    page.goto(path)
    expect(page.locator(".reactive-view")).to_have_attribute("data-reactive-ready", "true")


def test_the_menu_and_a_page_link_show_the_other_page_with_the_same_state(app_page: Page,
                                                                           multipage_url: str) -> None:
    page = app_page
    open_page(page, "/")
    expect(page.get_by_role("heading", name="Home")).to_be_visible()
    page.get_by_label("Your name").fill("Ann")
    page.get_by_label("Your name").press("Enter")
    expect(page.get_by_text("Welcome, Ann!")).to_be_visible()

    page.get_by_role("navigation").get_by_role("link", name="Counter").click()
    expect(page).to_have_url(f"{multipage_url}/counter")
    expect(page.get_by_role("heading", name="Counter")).to_be_visible()
    expect(page.get_by_role("link", name="Counter")).to_have_attribute("aria-current", "page")
    expect(page.locator(".reactive-view")).to_have_attribute("data-reactive-ready", "true")
    page.get_by_role("button", name="Increment").click()
    expect(page.get_by_text("Count = 1, for Ann")).to_be_visible()

    page.get_by_role("navigation").get_by_role("link", name="Home").click()
    expect(page).to_have_url(f"{multipage_url}/")
    expect(page.get_by_text("The counter stands at 1.")).to_be_visible()
    page.get_by_role("link", name="Open the counter").click()
    expect(page).to_have_url(f"{multipage_url}/counter")
    expect(page.get_by_text("Count = 1, for Ann")).to_be_visible()


def test_switch_page_loads_the_pages_url_and_a_reload_shows_it_again(app_page: Page,
                                                                      multipage_url: str) -> None:
    page = app_page
    open_page(page, "/")
    page.get_by_role("button", name="About this app").click()
    expect(page).to_have_url(f"{multipage_url}/about")
    expect(page.get_by_role("heading", name="About")).to_be_visible()
    page.reload()
    expect(page.get_by_role("heading", name="About")).to_be_visible()
    expect(page).to_have_title("About")
    page.go_back()
    expect(page).to_have_url(f"{multipage_url}/")

