"""The demo deployed as docs/deployment.md says: nginx, two daphne workers, PostgreSQL, Redis.

Each worker logs a line per saved state (``REACTIVE_LOG_SAVES``), so the tests
see which worker served the clicks. The worker-killing test comes last: the
tests before it need both workers.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, WebSocket, expect

from demo_project.cluster import Cluster, Worker

pytestmark = [pytest.mark.browser, pytest.mark.multiworker]

COUNTER = "/counter/"
TIMEOUT = 10_000


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A page of a fresh browser context (a new session)."""
    context = browser.new_context()
    context.set_default_timeout(TIMEOUT)
    try:
        yield context.new_page()
    finally:
        context.close()


def open_counter(page: Page, base: str) -> None:
    page.goto(base + COUNTER)
    expect(page.locator(".reactive-view")).to_have_attribute("data-reactive-ready", "true", timeout=TIMEOUT)
    expect(count(page)).to_have_text("Count = 0")


def count(page: Page):  # noqa: ANN201 - a Playwright Locator
    return page.locator(".reactive-view").get_by_text("Count =")


def click_and_see(page: Page, expected: int) -> None:
    """Click Increment and wait until the page shows ``Count = expected`` (the click was acknowledged)."""
    page.get_by_role("button", name="Increment").click()
    expect(count(page)).to_have_text(f"Count = {expected}", timeout=TIMEOUT)


def saves(cluster: Cluster) -> dict[str, int]:
    return {worker.name: worker.saves() for worker in cluster.workers}


def test_nginx_serves_the_static_files_compressed_and_the_health_check(cluster: Cluster) -> None:
    """The client script comes from nginx (collectstatic), gzipped; the health check passes through."""
    html = urllib.request.urlopen(cluster.url + COUNTER, timeout=10).read().decode()
    script = next(part.split('"')[0] for part in html.split('src="')[1:] if "reactive" in part.split('"')[0])
    request = urllib.request.Request(cluster.url + script, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200
        assert response.headers["Content-Encoding"] == "gzip"
        assert response.headers["Server"].startswith("nginx")
    with urllib.request.urlopen(cluster.url + "/reactive/health/", timeout=10) as response:
        assert json.loads(response.read())["status"] == "ok"


def test_clicks_of_two_pages_are_split_over_both_workers(cluster: Cluster, browser: Browser) -> None:
    """Two pages' WebSockets go to the two workers in turn (round robin); each page keeps its own count."""
    contexts = [browser.new_context() for _ in range(2)]
    try:
        pages = [context.new_page() for context in contexts]
        for page in pages:
            open_counter(page, cluster.url)
        before = saves(cluster)
        for expected in (1, 2, 3):
            for page in pages:
                click_and_see(page, expected)
        after = saves(cluster)
        served = {name: after[name] - before[name] for name in after}
        assert all(served.values()), f"a worker served no click: {served}"
    finally:
        for context in contexts:
            context.close()


def test_the_http_fallback_works_through_a_proxy_that_refuses_websockets(cluster: Cluster,
                                                                         page: Page) -> None:
    """nginx answers the upgrade with 403: the page posts its events, spread over both workers by nginx."""
    assert cluster.refusing_url is not None
    page.goto(cluster.refusing_url + COUNTER)
    view = page.locator(".reactive-view")
    expect(view).to_have_attribute("data-reactive-transport", "http", timeout=TIMEOUT)
    expect(view).to_have_attribute("data-reactive-ready", "true")
    before = saves(cluster)
    for expected in (1, 2, 3, 4):
        click_and_see(page, expected)
    after = saves(cluster)
    served = {name: after[name] - before[name] for name in after}
    assert all(served.values()), f"a worker served no event: {served}"
    page.reload()
    expect(count(page)).to_have_text("Count = 4")


def test_a_killed_worker_loses_no_acknowledged_click(cluster: Cluster, page: Page) -> None:
    """``kill -9`` of the worker holding the page's WebSocket: the page reconnects through nginx to the
    other one and carries on; the count is the number of clicks the page saw acknowledged."""
    acks: set[tuple[int, int]] = set()

    def watch(ws: WebSocket) -> None:
        socket = len(sockets)
        sockets.append(ws)

        def frame(payload: str | bytes) -> None:
            message = json.loads(payload)
            if message.get("t") == "patch" and "ack" in message:
                acks.add((socket, message["ack"]))

        ws.on("framereceived", frame)

    sockets: list[WebSocket] = []
    page.on("websocket", watch)
    open_counter(page, cluster.url)

    before = saves(cluster)
    click_and_see(page, 1)
    serving = next((w for w in cluster.workers if w.saves() > before[w.name]), None)
    assert serving is not None, "no worker logged the first click"
    survivor: Worker = next(w for w in cluster.workers if w is not serving)
    for expected in (2, 3):
        click_and_see(page, expected)

    serving.kill()
    survivor_before = survivor.saves()
    for expected in (4, 5, 6):
        click_and_see(page, expected)

    assert len(sockets) >= 2, "the page did not open a new WebSocket"
    assert len(acks) == 6, f"acknowledged clicks: {sorted(acks)}"
    assert survivor.saves() > survivor_before, "the other worker served none of the later clicks"
    page.reload()
    expect(count(page)).to_have_text(f"Count = {len(acks)}")
