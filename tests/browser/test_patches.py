"""How the page applies a patch's ops (docs/protocol.md): what changed is changed, in place.

An op whose new HTML differs from the page only in text has its text set where
it is; any other op is morphed, which also gives controls the server's value.
Besides the counter's own patches, these tests put patches of their own on
the page's WebSocket (routed through to the server), as the server would send
them, so that each case is exact.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from playwright.sync_api import Locator, Page, WebSocketRoute, expect

OpenView = Callable[[Page, str], Locator]

#: The counter's "Count = N" element, as the server renders it (``demo.counter``).
COUNT = '<div class="rx rx-markdown" data-reactive-id="m.3"><p>{}</p></div>'


class Socket:
    """The page's WebSocket, passed through to the server; :meth:`patch` adds a patch of ours."""

    def __init__(self, page: Page) -> None:
        self.route: WebSocketRoute | None = None
        self.view_id: str | None = None
        page.route_web_socket(re.compile(r"/ws/"), self._connect)

    def _connect(self, route: WebSocketRoute) -> None:
        server = route.connect_to_server()
        self.route = route

        def from_page(message: str | bytes) -> None:
            if isinstance(message, str) and json.loads(message).get("t") == "hello":
                self.view_id = json.loads(message)["id"]
            server.send(message)

        route.on_message(from_page)

    def patch(self, ops: dict[str, str]) -> None:
        assert self.route is not None and self.view_id is not None, "the page has not said hello"
        self.route.send(json.dumps({"t": "patch", "id": self.view_id, "ops": ops}))


def test_a_count_changes_in_place(page: Page, open_view: OpenView) -> None:
    """A click that changes only the count's text keeps the page's elements: a script
    holding the count's element sees the new count in it."""
    open_view(page, "/counter/")
    page.evaluate("window.__code = document.querySelector('.rx-markdown code')")
    for expected in (1, 2):
        page.get_by_role("button", name="Increment").click()
        expect(page.locator(".reactive-view").get_by_text("Count =")).to_have_text(f"Count = {expected}")
    assert page.evaluate("[window.__code.isConnected, window.__code.textContent]") == [True, "2"]


def test_ops_that_change_more_than_text_are_morphed(page: Page, open_view: OpenView) -> None:
    """New attributes and new elements in an op reach the page, around the kept elements."""
    socket = Socket(page)
    open_view(page, "/counter/")
    page.evaluate("window.__p = document.querySelector('.rx-markdown p')")

    socket.patch({"m.3": COUNT.format('Count = <code class="big">5</code> <em>new</em>')})

    expect(page.locator(".rx-markdown code.big")).to_have_text("5")
    expect(page.locator(".rx-markdown em")).to_have_text("new")
    assert page.evaluate("window.__p.isConnected"), "the paragraph was replaced, not morphed"


def test_a_control_the_user_changed_shows_the_servers_value_after_a_text_change(
        page: Page, open_view: OpenView) -> None:
    """A control in an op whose HTML changed only in text still gets the server's
    value: the user's unsent change does not survive the patch, as with any op."""
    socket = Socket(page)
    open_view(page, "/counter/")
    probe = '<label>Count = {} <input type="checkbox" aria-label="probe"></label>'
    socket.patch({"m.3": COUNT.format(probe.format(1))})
    page.get_by_label("probe").check()
    page.get_by_label("probe").blur()
    expect(page.get_by_label("probe")).to_be_checked()

    socket.patch({"m.3": COUNT.format(probe.format(2))})

    expect(page.locator(".rx-markdown label")).to_have_text("Count = 2")
    expect(page.get_by_label("probe")).not_to_be_checked()
