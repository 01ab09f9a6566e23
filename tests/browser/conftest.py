"""Fixtures of the browser suite: a real ASGI server (Daphne) and a headless Chromium.

The demo project (``demo_project``) is served by ``daphne`` in a subprocess, once
with the in-memory channel layer and once, when Redis answers on
127.0.0.1:6379, with the Redis channel layer and the Redis cache lock (in the
database ``REACTIVE_TEST_REDIS_DB``, default 0, under a key prefix of this run's
own whose keys are deleted at the end: the database is shared). Every test gets
a fresh browser context, so a fresh Django session.

These tests need neither the Django test database nor ``tests.settings``: the
server owns its own temporary SQLite database.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, Playwright, expect, sync_playwright

from tests.support import (
    REDIS_HOST,
    REDIS_PORT,
    REPO_ROOT,
    delete_redis_keys,
    free_port,
    redis_answers,
    redis_url,
    skip_unless,
    stop_process,
    tail,
    unique_prefix,
    wait_until_serving,
)

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

HERE = Path(__file__).resolve().parent

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

#: The demo project's application plus static files (plain daphne serves none).
ASGI_APPLICATION = "tests.browser.asgi:application"

SERVER_START_TIMEOUT = 20.0
SERVER_STOP_TIMEOUT = 5.0
STDERR_TAIL_LINES = 60

#: Timeout (ms) of the ``expect`` assertions in this suite.
EXPECT_TIMEOUT = 5_000
expect.set_options(timeout=EXPECT_TIMEOUT)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: end-to-end test in a real browser against a Daphne server")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test of this package with ``browser``."""
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)


# -- server --------------------------------------------------------------------------------------


class LiveServer:
    """A Daphne subprocess serving the demo project."""

    def __init__(self, url: str, process: subprocess.Popen[bytes], stderr_path: Path,
                 env: dict[str, str]) -> None:
        self.url = url
        self.process = process
        self.stderr_path = stderr_path
        self.env = env

    def create_user(self, username: str, password: str, *, staff: bool = False,
                    superuser: bool = False) -> None:
        """Add a user to the server's database, as ``manage.py shell`` would."""
        self.shell("from django.contrib.auth.models import User; "
                   f"User.objects.create_user({username!r}, password={password!r}, "
                   f"is_staff={staff or superuser!r}, is_superuser={superuser!r})")

    def shell(self, code: str) -> str:
        """Run Python ``code`` in ``manage.py shell`` against the server's database; its output."""
        command = [sys.executable, "manage.py", "shell", "--verbosity", "0", "-c", code]
        done = subprocess.run(command, cwd=REPO_ROOT, env=self.env, capture_output=True, text=True,
                              timeout=60)
        if done.returncode != 0:
            raise RuntimeError(f"manage.py shell failed:\n{done.stdout}{done.stderr}")
        return done.stdout

    def stderr_tail(self, lines: int = STDERR_TAIL_LINES) -> str:
        """The last ``lines`` lines the server wrote to its stderr."""
        return tail(self.stderr_path, lines)

    def stop(self) -> None:
        """Terminate the server, killing it if it does not stop in time."""
        stop_process(self.process, SERVER_STOP_TIMEOUT)


@pytest.fixture(scope="session", params=["inmemory", "redis"])
def reactive_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    """The demo project served by Daphne on a free port, with a fresh SQLite database.

    Parametrized: ``inmemory`` (in-memory channel layer, local-memory lock) and
    ``redis`` (Redis channel layer and cache lock under a prefix of this run's,
    skipped when Redis does not answer on 127.0.0.1:6379; its keys are deleted
    when the server stops).
    """
    tmp = tmp_path_factory.mktemp(f"server-{request.param}")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DJANGO_DB": str(tmp / "db.sqlite3"),
        "DJANGO_DEBUG": "1",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("REACTIVE_REDIS_URL", None)
    env.pop("REACTIVE_REDIS_PREFIX", None)
    redis_prefix = None
    if request.param == "redis":
        skip_unless(redis_answers(), f"Redis does not answer on {REDIS_HOST}:{REDIS_PORT}",
                    "REACTIVE_REQUIRE_REDIS")
        redis_prefix = unique_prefix()
        env["REACTIVE_REDIS_URL"] = redis_url()
        env["REACTIVE_REDIS_PREFIX"] = redis_prefix

    migrate = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if migrate.returncode != 0:
        raise RuntimeError(f"manage.py migrate failed:\n{migrate.stdout}{migrate.stderr}")

    port = free_port()
    stderr_path = tmp / "daphne.stderr"
    with stderr_path.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port), ASGI_APPLICATION],
            cwd=REPO_ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    server = LiveServer(f"http://127.0.0.1:{port}", process, stderr_path, env)
    failed_before = request.session.testsfailed
    try:
        wait_until_serving(process, server.url + "/", stderr_path, SERVER_START_TIMEOUT)
        yield server
    finally:
        server.stop()
        if redis_prefix is not None:
            delete_redis_keys(env["REACTIVE_REDIS_URL"], redis_prefix)
        if request.session.testsfailed > failed_before:
            reporter = request.config.pluginmanager.get_plugin("terminalreporter")
            if reporter is not None:
                reporter.write_sep("-", f"daphne ({request.param}) stderr, last {STDERR_TAIL_LINES} lines")
                reporter.write_line(server.stderr_tail())


# -- browser -------------------------------------------------------------------------------------


@pytest.fixture(scope="package")
def playwright() -> Iterator[Playwright]:
    """The Playwright driver (sync API), stopped once this package's tests are done.

    While it runs, its event loop is the main thread's running loop: async tests
    collected after this package (tests/multiworker) could not run their own.
    """
    skip_unless(CHROMIUM.exists(), "Chromium not installed: apt-get install chromium",
                "REACTIVE_REQUIRE_BROWSER")
    driver = sync_playwright().start()
    try:
        yield driver
    finally:
        driver.stop()


@pytest.fixture(scope="package")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Debian's headless Chromium (never a Playwright-downloaded one)."""
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    try:
        yield chromium
    finally:
        chromium.close()


@pytest.fixture
def new_context(browser: Browser, reactive_server: LiveServer) -> Iterator[Callable[[], BrowserContext]]:
    """Factory of fresh browser contexts (fresh cookies, so a fresh Django session).

    Relative URLs (``page.goto("/counter/")``) resolve against the live server.
    """
    contexts: list[BrowserContext] = []

    def make() -> BrowserContext:
        context = browser.new_context(base_url=reactive_server.url)
        context.set_default_timeout(EXPECT_TIMEOUT * 2)
        contexts.append(context)
        return context

    try:
        yield make
    finally:
        for context in contexts:
            context.close()


@pytest.fixture
def context(new_context: Callable[[], BrowserContext]) -> BrowserContext:
    """A fresh browser context for this test."""
    return new_context()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    """A page (tab) in this test's context."""
    return context.new_page()


@pytest.fixture
def open_view() -> Callable[[Page, str], Locator]:
    """``open_view(page, path)``: load a reactive page and wait until its WebSocket is live.

    Returns the locator of the view root.
    """

    def open_(page: Page, path: str) -> Locator:
        page.goto(path)
        view = page.locator(".reactive-view")
        expect(view).to_have_attribute("data-reactive-ready", "true")
        return view

    return open_
