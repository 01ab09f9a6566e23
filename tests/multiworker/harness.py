"""The multi-worker harness: the shared database and Redis prefix, Daphne worker processes.

Used by the fixtures in ``conftest.py`` and, for their types and helpers, by the
test modules (which import nothing from each other or from conftest).
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from demo_project.cluster import HOST
from demo_project.cluster import Worker as ClusterWorker
from tests.support import (
    POSTGRES_HOST,
    POSTGRES_PORT,
    REPO_ROOT,
    free_port,
    stop_process,
    tail,
    wait_until_serving,
)

if TYPE_CHECKING:
    import psycopg

ASGI_APPLICATION = "tests.multiworker.asgi:application"
WORKER_START_TIMEOUT = 30.0
LOG_TAIL_LINES = 80


# -- the shared database ---------------------------------------------------------------------------


def _admin_connection() -> psycopg.Connection:
    """A connection to the ``postgres`` database, to create and drop the suite's own."""
    import psycopg  # a test extra: imported once the suite knows it runs

    return psycopg.connect(host=POSTGRES_HOST, port=POSTGRES_PORT, user="postgres", dbname="postgres",
                           autocommit=True, connect_timeout=5)


def create_database(name: str) -> None:
    """Create the database of a test module (the workers' sessions live there)."""
    from psycopg import sql

    with _admin_connection() as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def drop_database(name: str) -> None:
    """Drop the database this suite created (its workers may be dead or alive: FORCE)."""
    from psycopg import sql

    if not name.startswith("rxtest_"):
        raise ValueError(f"refusing to drop {name!r}: not a database of this suite")
    with _admin_connection() as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@dataclass
class ClusterEnv:
    """What the workers of one test module share."""

    env: dict[str, str]
    database: str
    redis_url: str
    redis_prefix: str
    #: Where the views and faults leave their marker files.
    markers: Path
    tmp: Path


# -- workers ---------------------------------------------------------------------------------------


@dataclass
class Worker(ClusterWorker):
    """One Daphne process serving the suite's project: the cluster's worker, as the fault tests drive it."""

    @property
    def ws_url(self) -> str:
        return f"ws://{HOST}:{self.port}/ws/reactive/"

    @property
    def pid(self) -> int:
        return self.process.pid

    def wait_dead(self, timeout: float) -> int:
        """Wait until the process exits by itself (e.g. a fault killed it); its return code."""
        return self.process.wait(timeout)

    def log_tail(self, lines: int = LOG_TAIL_LINES) -> str:
        return tail(self.log, lines)


def _start(cluster: ClusterEnv, name: str, extra_env: dict[str, str]) -> Worker:
    port = free_port()
    log = cluster.tmp / f"worker-{name}-{port}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port), ASGI_APPLICATION],
            cwd=REPO_ROOT, env={**cluster.env, **extra_env}, stdout=out, stderr=subprocess.STDOUT,
        )
    return Worker(name, port, process, log)


@dataclass
class Pair:
    """Two workers of the same project: ``a`` and ``b``."""

    a: Worker
    b: Worker


class WorkerSet:
    """Workers started for a fixture; all stopped (killed if need be) at its end."""

    def __init__(self, cluster: ClusterEnv) -> None:
        self.cluster = cluster
        self.workers: list[Worker] = []

    def pair(self, a: dict[str, str] | None = None, b: dict[str, str] | None = None) -> Pair:
        """Start workers ``a`` and ``b`` side by side (each with extra environment); wait until both serve."""
        pair = Pair(_start(self.cluster, "a", a or {}), _start(self.cluster, "b", b or {}))
        self.workers += [pair.a, pair.b]
        for worker in (pair.a, pair.b):
            wait_until_serving(worker.process, worker.url + "/mw/info/", worker.log, WORKER_START_TIMEOUT)
        return pair

    def stop(self) -> None:
        for worker in self.workers:
            stop_process(worker.process)

    def report(self, request: pytest.FixtureRequest, failed: bool) -> None:
        """Print the workers' logs when a test that used them failed."""
        if not failed:
            return
        reporter = request.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is None:
            return
        for worker in self.workers:
            status = worker.process.returncode
            reporter.write_sep("-", f"worker {worker.name} (pid {worker.pid}, exit {status}), "
                                    f"last {LOG_TAIL_LINES} lines of its log")
            reporter.write_line(worker.log_tail())


# -- waiting for the views ------------------------------------------------------------------------


async def wait_for_file(path: Path, timeout: float = 10.0) -> str:
    """The content of ``path`` once a view or fault has written it; ``TimeoutError`` after ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists():
            text = path.read_text()
            if text:
                return text
        await asyncio.sleep(0.02)
    raise TimeoutError(f"{path.name} was not written within {timeout} s")


def fired_in(markers: Path, fault: str, worker: Worker) -> bool:
    """Whether the fault ``fault`` fired in ``worker`` (see ``faults.fired``)."""
    path = markers / fault
    return path.exists() and str(worker.pid) in path.read_text().split()
