"""Fixtures of the multi-worker suite: two Daphne workers sharing PostgreSQL and Redis.

Per test module, :func:`cluster_env` creates a PostgreSQL database of its own
(``rxtest_<pid>_<random>``, on 127.0.0.1:5432 as user postgres), migrates it,
and picks a Redis key prefix of its own; at the end it drops that database,
and only it, and deletes the keys under that prefix, and only them (Redis and
PostgreSQL are shared with other programs). The workers serve
``tests.multiworker.settings`` (sessions in the database through Django's
``db`` engine, channels_redis, leases in Django's Redis cache).

:func:`workers` is one pair for a whole module, for tests that harm no worker;
:func:`start_workers` starts a fresh pair for one test (with fault switches in
either worker's environment), for tests that kill or break a worker. Every
process is killed when its fixture ends, whatever happened.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from collections.abc import Callable, Generator, Iterator
from pathlib import Path

import pytest

from tests.multiworker.harness import ClusterEnv, Pair, WorkerSet, create_database, drop_database
from tests.support import (
    REPO_ROOT,
    delete_redis_keys,
    redis_url,
    require_postgres_and_redis,
    unique_prefix,
)

HERE = Path(__file__).resolve().parent

#: Environment variables of the workers that the fixtures set: inherited values are dropped.
OWN_VARIABLES = ("REACTIVE_MW_", "REACTIVE_REDIS_", "DJANGO_SETTINGS_MODULE", "DJANGO_DB")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test of this package with ``multiworker``."""
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.multiworker)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Keep each phase's report on the item: a fixture prints the workers' logs when the test failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


# -- services --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cluster_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ClusterEnv]:
    """A fresh PostgreSQL database (migrated) and Redis prefix; both removed at the end."""
    require_postgres_and_redis()

    tmp = tmp_path_factory.mktemp("multiworker")
    markers = tmp / "markers"
    markers.mkdir()
    database = f"rxtest_{os.getpid()}_{secrets.token_hex(4)}"
    url, prefix = redis_url(), unique_prefix()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(OWN_VARIABLES)},
        "DJANGO_SETTINGS_MODULE": "tests.multiworker.settings",
        "REACTIVE_MW_DB": database,
        "REACTIVE_REDIS_URL": url,
        "REACTIVE_REDIS_PREFIX": prefix,
        "REACTIVE_MW_MARKERS": str(markers),
        "DJANGO_MEDIA_ROOT": str(tmp / "media"),
        "PYTHONUNBUFFERED": "1",
    }
    cluster = ClusterEnv(env, database, url, prefix, markers, tmp)
    create_database(database)
    try:
        migrate = subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
                                 cwd=REPO_ROOT, env=cluster.env, capture_output=True, text=True, timeout=180)
        if migrate.returncode != 0:
            raise RuntimeError(f"manage.py migrate failed:\n{migrate.stdout}{migrate.stderr}")
        yield cluster
    finally:
        try:
            drop_database(database)
        finally:
            delete_redis_keys(cluster.redis_url, cluster.redis_prefix)


@pytest.fixture(scope="module")
def workers(request: pytest.FixtureRequest, cluster_env: ClusterEnv) -> Iterator[Pair]:
    """One healthy pair for the whole module (tests that harm no worker)."""
    started = WorkerSet(cluster_env)
    failed_before = request.session.testsfailed
    try:
        yield started.pair()
    finally:
        started.stop()
        started.report(request, request.session.testsfailed > failed_before)


@pytest.fixture
def start_workers(request: pytest.FixtureRequest, cluster_env: ClusterEnv) -> Iterator[Callable[..., Pair]]:
    """``start_workers(a={...}, b={...})``: a fresh pair for this test (fault switches in their env)."""
    started = WorkerSet(cluster_env)
    try:
        yield started.pair
    finally:
        started.stop()
        started.report(request, any(getattr(getattr(request.node, f"report_{when}", None), "failed", False)
                                    for when in ("setup", "call")))


@pytest.fixture
def markers(cluster_env: ClusterEnv) -> Path:
    """The directory of the views' and faults' marker files."""
    return cluster_env.markers


@pytest.fixture
def tag() -> str:
    """A tag of this test's own, for the views that take one (their marker files carry it)."""
    return "t" + secrets.token_hex(6)
