"""``python -m demo_project.cluster`` (what ``scripts/cluster`` runs once the services answer): Ctrl-C."""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from demo_project.cluster import delete_redis_keys, drop_database, nginx_binary
from tests.support import REPO_ROOT, free_port, postgres_answers, redis_answers, skip_unless

pytestmark = pytest.mark.multiworker


@pytest.mark.parametrize("interrupts", [1, 2])
def test_the_command_serves_until_ctrl_c_and_then_stops_what_it_started(tmp_path: Path,
                                                                         interrupts: int) -> None:
    """Ctrl-C to the terminal's group; or twice to the command alone (a wrapper forwarding it, an
    impatient user), the second one while it stops: it still stops everything it started."""
    skip_unless(nginx_binary() is not None, "nginx is not installed", "REACTIVE_REQUIRE_NGINX")
    skip_unless(postgres_answers(), "PostgreSQL does not answer", "REACTIVE_REQUIRE_POSTGRES")
    skip_unless(redis_answers(), "Redis does not answer", "REACTIVE_REQUIRE_REDIS")
    database, port = f"rxtest_{os.getpid()}_{secrets.token_hex(4)}", free_port()
    command = [sys.executable, "-m", "demo_project.cluster", "--port", str(port), "--database", database,
               "--state", str(tmp_path)]
    # A process group of its own, SIGINT handled as in a terminal: Ctrl-C is SIGINT to the group.
    process = subprocess.Popen(command, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, start_new_session=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        printed = []
        for line in process.stdout:
            printed.append(line)
            if "Serving the demo on" in line or process.poll() is not None:
                break
        assert f"Serving the demo on http://127.0.0.1:{port}/" in "".join(printed), "".join(printed)
        assert any(line.startswith("Admin: ") for line in printed)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/reactive/health/", timeout=10) as response:
            assert response.status == 200
        pids = {int(p) for p in (tmp_path / "nginx" / "nginx.pid").read_text().split()}

        if interrupts == 1:
            os.killpg(process.pid, signal.SIGINT)
        else:
            os.kill(process.pid, signal.SIGINT)
            time.sleep(0.3)
            os.kill(process.pid, signal.SIGINT)
        assert process.wait(60) == 130
        for pid in pids:
            with pytest.raises(ProcessLookupError):
                os.kill(pid, 0)
        with pytest.raises(OSError):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)
        drop_database(database)
    log = "".join(printed)
    assert "stopping nginx and the workers" in log + process.stdout.read()


def test_redis_keys_are_deleted_only_under_a_prefix_of_the_clusters_own() -> None:
    """The cluster refuses to delete keys under a short or wildcard prefix (Redis is shared)."""
    for prefix in ("", "asgi", "rxcluster-*", "rx?cluster-1234"):
        with pytest.raises(ValueError):
            delete_redis_keys("redis://127.0.0.1:6379/0", prefix)
