"""Fixtures of the cluster suite: the demo behind nginx, two daphne workers on PostgreSQL and Redis.

The stack is :class:`demo_project.cluster.Cluster`, the one ``scripts/cluster``
runs, with a database of this module's own (``rxtest_<pid>_<random>``, dropped
at the end) and a Redis key prefix of its own (its keys deleted at the end),
plus a second nginx server that refuses every WebSocket upgrade (403). The
tests drive it with Debian's Chromium, as the browser suite does.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Playwright, sync_playwright

from demo_project.cluster import Cluster, nginx_binary
from tests.support import (
    free_port,
    redis_url,
    require_postgres_and_redis,
    skip_unless,
    unique_prefix,
)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="package")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    """The running stack; its processes stopped, its database dropped, its Redis keys deleted at the end."""
    skip_unless(nginx_binary() is not None, "nginx is not installed: apt-get install nginx",
                "REACTIVE_REQUIRE_NGINX")
    require_postgres_and_redis()
    database = f"rxtest_{os.getpid()}_{secrets.token_hex(4)}"
    stack = Cluster(state=tmp_path_factory.mktemp("cluster"), database=database, port=free_port(),
                    redis_url=redis_url(), redis_prefix=unique_prefix(),
                    refuse_websockets_port=free_port(), drop_database_at_stop=True)
    try:
        stack.prepare()
        stack.start()
        yield stack
    finally:
        stack.stop()


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """Debian's headless Chromium (never a Playwright-downloaded one)."""
    skip_unless(CHROMIUM.exists(), "Chromium not installed: apt-get install chromium",
                "REACTIVE_REQUIRE_BROWSER")
    driver: Playwright = sync_playwright().start()
    try:
        chromium = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        driver.stop()
