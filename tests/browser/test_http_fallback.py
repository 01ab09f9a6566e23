"""A WSGI-only deployment: no WebSocket at all, the client falls back to HTTP."""

import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Route, expect

from tests.support import REPO_ROOT, free_port


@pytest.fixture(scope="module")
def wsgi_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The test project served over WSGI only: no WebSocket can connect."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings",
           "DJANGO_DB": str(tmp_path_factory.mktemp("wsgi") / "db.sqlite3")}
    env.pop("REACTIVE_REDIS_URL", None)
    subprocess.run([sys.executable, "manage.py", "migrate", "-v", "0"], cwd=REPO_ROOT, env=env,
                   check=True, timeout=120)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.browser.wsgi", str(port)],
        cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{url}/", timeout=1).read()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("the WSGI server did not start") from None
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(10)


def test_the_counter_works_over_http_when_websockets_cannot_connect(wsgi_url: str, browser: Browser) -> None:
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(f"{wsgi_url}/counter/")
        view = page.locator(".reactive-view")
        expect(view).to_have_attribute("data-reactive-transport", "http", timeout=10_000)
        expect(view).to_have_attribute("data-reactive-ready", "true")
        page.evaluate("window.__marker = 1")
        for _ in range(2):
            page.get_by_role("button", name="Increment").click()
        expect(page.get_by_text("Count = 2")).to_be_visible()
        page.get_by_role("button", name="Decrement").click()
        expect(page.get_by_text("Count = 1")).to_be_visible()
        assert page.evaluate("window.__marker") == 1
        page.reload()
        expect(page.get_by_text("Count = 1")).to_be_visible()
    finally:
        context.close()


def test_an_event_the_server_could_not_save_is_sent_again_and_the_typed_text_stays(
        wsgi_url: str, browser: Browser) -> None:
    """The server answers `unavailable` (its store is down) twice: the page waits, keeps the text, retries."""
    context = browser.new_context()
    page = context.new_page()
    refused = []

    def store_down_twice(route: Route) -> None:
        if len(refused) < 2:
            refused.append(route.request.post_data_json["seq"])
            route.fulfill(status=503, content_type="application/json", body=json.dumps({
                "t": "error", "ack": refused[-1], "code": "unavailable",
                "message": "The session store is not answering; try again."}))
        else:
            route.continue_()

    try:
        page.goto(f"{wsgi_url}/mirrored/")
        view = page.locator(".reactive-view")
        expect(view).to_have_attribute("data-reactive-ready", "true", timeout=10_000)
        page.route("**/reactive/event/**", store_down_twice)
        first = page.get_by_label("First")
        first.fill("hello")
        first.press("Enter")
        expect(view).to_have_attribute("data-reactive-ready", "false")  # shows it is waiting
        expect(first).to_have_value("hello")
        expect(page.get_by_label("Second")).to_have_value("hello")  # saved on the third try
        expect(view).to_have_attribute("data-reactive-ready", "true")
        assert len(refused) == 2
        page.reload()
        expect(page.get_by_label("Second")).to_have_value("hello")
    finally:
        context.close()
