"""Helpers shared by the test modules (and the browser and multi-worker suites).

Test modules import helpers from here, never from each other: a test module
is collected on its own, and its fixtures must not change under another's feet.

Redis is shared with other programs on the machine (and with other test runs):
the suites never flush a database. Each run uses a key prefix of its own
(:func:`unique_prefix`), given to channels_redis and to Django's cache, and
deletes only the keys under that prefix at the end (:func:`delete_redis_keys`).
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import re
import secrets
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from django.test import override_settings

from django_reactive.app_session import AppSession, session_store
from django_reactive.registry import ReactiveView

#: The repository root: the working directory of the servers the suites start.
REPO_ROOT = Path(__file__).resolve().parents[1]

REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379
POSTGRES_HOST, POSTGRES_PORT = "127.0.0.1", 5432

#: What a prefix made by :func:`unique_prefix` looks like: deleting keys by a
#: prefix that does not match this (an empty one, a glob) is refused.
PREFIX_RE = re.compile(r"^rxtest-\d+-[0-9a-f]{8}$")


def skip_unless(available: bool, reason: str, required_by: str) -> None:
    """Skip when a service is missing, unless the environment variable demands it (as CI does)."""
    if available:
        return
    if os.environ.get(required_by):
        pytest.fail(f"{reason}, and {required_by} is set: this test must run here.")
    pytest.skip(reason)


def require_postgres_and_redis() -> None:
    """Skip unless PostgreSQL, Redis and psycopg are there (fail instead where CI requires them)."""
    skip_unless(postgres_answers(), f"PostgreSQL does not answer on {POSTGRES_HOST}:{POSTGRES_PORT}",
                "REACTIVE_REQUIRE_POSTGRES")
    skip_unless(redis_answers(), f"Redis does not answer on {REDIS_HOST}:{REDIS_PORT}",
                "REACTIVE_REQUIRE_REDIS")
    skip_unless(importlib.util.find_spec("psycopg") is not None,
                "psycopg is not installed (pip install -e '.[test]')", "REACTIVE_REQUIRE_POSTGRES")


def answers(host: str, port: int, timeout: float = 0.5) -> bool:
    """Whether something accepts TCP connections on ``host:port``."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def redis_answers() -> bool:
    return answers(REDIS_HOST, REDIS_PORT)


def postgres_answers() -> bool:
    return answers(POSTGRES_HOST, POSTGRES_PORT)


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now (for a server the test starts)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# -- Redis -----------------------------------------------------------------------------------------


def redis_url() -> str:
    """The Redis database of the tests: ``REACTIVE_TEST_REDIS_DB`` (default 0) on 127.0.0.1:6379.

    Several programs share it; the tests keep to their own prefix (:func:`unique_prefix`).
    """
    db = os.environ.get("REACTIVE_TEST_REDIS_DB", "0")
    if not db.isdigit():
        raise ValueError(f"REACTIVE_TEST_REDIS_DB must be a database number, not {db!r}")
    return f"redis://{REDIS_HOST}:{REDIS_PORT}/{db}"


def unique_prefix() -> str:
    """A Redis key prefix no other test run uses: ``rxtest-<pid>-<8 hex digits>``.

    The random part has a fixed length, so no prefix is the beginning of another
    one: deleting ``prefix*`` touches this run's keys only.
    """
    return f"rxtest-{os.getpid()}-{secrets.token_hex(4)}"


def redis_layer_and_cache(url: str, prefix: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """``CHANNEL_LAYERS`` and ``CACHES`` on Redis, every key under ``prefix``.

    channels_redis writes ``<prefix>…`` keys, Django's cache ``<prefix>:<version>:<key>``.
    """
    layers = {"default": {
        "BACKEND": "channels_redis.core.RedisChannelLayer",
        # redis-py 8 would otherwise time idle consumers out after 5 s.
        "CONFIG": {"hosts": [{"address": url, "socket_timeout": None}], "prefix": prefix},
    }}
    caches = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": url, "KEY_PREFIX": prefix}}
    return layers, caches


def delete_redis_keys(url: str, prefix: str) -> int:
    """Delete the keys under ``prefix`` (SCAN MATCH, then DEL), and only those; how many.

    Refuses a prefix not made by :func:`unique_prefix`: an empty prefix would
    match every key of a database that other programs use.
    """
    if not PREFIX_RE.match(prefix):
        raise ValueError(f"refusing to delete Redis keys under {prefix!r}: not a test run's prefix")
    import redis  # a dependency of channels-redis

    client = redis.Redis.from_url(url, socket_timeout=5)
    deleted = 0
    try:
        batch: list[bytes] = []
        for key in client.scan_iter(match=prefix + "*", count=500):
            batch.append(key)
            if len(batch) >= 500:
                deleted += client.delete(*batch)
                batch.clear()
        if batch:
            deleted += client.delete(*batch)
    finally:
        client.close()
    return deleted


# -- servers ---------------------------------------------------------------------------------------


def tail(path: Path, lines: int = 60) -> str:
    """The last ``lines`` lines of a server's log file ("" when it cannot be read)."""
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return ""
    return "\n".join(text.splitlines()[-lines:])


def wait_until_serving(process: subprocess.Popen[bytes], url: str, log: Path, timeout: float) -> None:
    """Poll ``GET url`` until it answers 200; fail early when the server process exits.

    The error carries the end of the server's log: a server that cannot start
    says why there.
    """
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with code {process.returncode}:\n{tail(log)}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError) as exc:
            last_error = exc
        time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s ({last_error}):\n{tail(log)}")


def stop_process(process: subprocess.Popen[bytes], timeout: float = 5.0) -> None:
    """Terminate a server the test started, killing it if it does not stop in time."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout)


@contextlib.contextmanager
def on_redis(**settings):
    """Channel layer and caches on Redis under a fresh prefix (its keys deleted after), plus ``settings``."""
    skip_unless(redis_answers(), f"Redis does not answer on {REDIS_HOST}:{REDIS_PORT}",
                "REACTIVE_REQUIRE_REDIS")
    url, prefix = redis_url(), unique_prefix()
    layers, caches = redis_layer_and_cache(url, prefix)
    try:
        with override_settings(CHANNEL_LAYERS=layers, CACHES=caches, **settings):
            yield
    finally:
        delete_redis_keys(url, prefix)


def page_in_new_session(fn: Any, name: str, tab: str = "t") -> tuple[str, AppSession]:
    """A page of the view function ``fn`` (registered as ``name``), shown in a new session:
    (session key, page)."""
    session = session_store(None)
    session.create()
    app = AppSession(ReactiveView(fn, name=name), session.session_key, tab)
    app.run_page()
    return session.session_key, app
