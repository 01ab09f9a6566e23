"""Start and stop a real ASGI server (daphne, or uvicorn) for the benchmarks.

:func:`serve` is a context manager yielding the :class:`Server` to measure: either
one the user already runs (``--url``), or a fresh daphne subprocess (uvicorn with
``REACTIVE_BENCH_SERVER=uvicorn``) on a free 127.0.0.1 port, serving
:mod:`benchmarks.asgi` with ``DEBUG`` off, the demo's settings with the
benchmark pages (:mod:`benchmarks.settings`) and its own migrated SQLite
database in a temporary directory. :func:`percentile` is shared by the
scripts' reports.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

#: The repository root: daphne and manage.py run from there.
ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
START_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0


@dataclass(frozen=True)
class Server:
    """A server to benchmark: its base URL, and its process id when we started it."""

    url: str
    pid: int | None = None

    def cpu_seconds(self) -> float | None:
        """User + system CPU time the server process used so far (Linux), or None."""
        if self.pid is None:
            return None
        try:
            fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        # Fields 14 and 15 of /proc/PID/stat (utime, stime), counted after "pid (comm)".
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def status(self) -> dict[str, str]:
        """The fields of /proc/PID/status of the server process (Linux), or {} when unknown."""
        if self.pid is None:
            return {}
        try:
            lines = Path(f"/proc/{self.pid}/status").read_text().splitlines()
        except OSError:
            return {}
        return dict((name, value.strip()) for name, _, value in (line.partition(":") for line in lines))

    def rss_kib(self) -> int | None:
        """Resident set size of the server process (``VmRSS``), in KiB, or None when unknown."""
        rss = self.status().get("VmRSS")  # "123456 kB"
        return None if rss is None else int(rss.split()[0])


def loopback_url(url: str) -> str:
    """``url`` without a trailing slash, if it points at this machine (the type of ``--url``)."""
    if urllib.parse.urlsplit(url).hostname not in LOOPBACK:
        raise argparse.ArgumentTypeError(f"benchmarks only talk to this machine, not {url}")
    return url.rstrip("/")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _env(db_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_DB": str(db_path),
        "PYTHONUNBUFFERED": "1",
    }


def _wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with code {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url + "/counter/", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise RuntimeError(f"the server did not answer within {START_TIMEOUT:.0f} s:\n{log.read_text()}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(STOP_TIMEOUT)


def _command(port: int) -> list[str]:
    """The server's command line: daphne, or uvicorn when ``REACTIVE_BENCH_SERVER=uvicorn``."""
    server = os.environ.get("REACTIVE_BENCH_SERVER", "daphne")
    if server == "daphne":
        return [sys.executable, "-m", "daphne", "-b", HOST, "-p", str(port), "benchmarks.asgi:application"]
    if server == "uvicorn":
        return [sys.executable, "-m", "uvicorn", "--host", HOST, "--port", str(port), "--lifespan", "off",
                "--no-access-log", "--log-level", "warning", "benchmarks.asgi:application"]
    raise SystemExit(f"REACTIVE_BENCH_SERVER must be daphne or uvicorn, not {server!r}")


@contextmanager
def serve(url: str | None = None) -> Iterator[Server]:
    """Yield the server to benchmark: ``url`` if given, else a server started here and stopped after."""
    if url:
        yield Server(loopback_url(url))
        return
    with tempfile.TemporaryDirectory(prefix="reactive-bench-") as tmp:
        env = _env(Path(tmp) / "db.sqlite3")
        subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
                       cwd=ROOT, env=env, check=True, timeout=120)
        port = free_port()
        log = Path(tmp) / "server.log"
        with log.open("wb") as out:
            process = subprocess.Popen(_command(port), cwd=ROOT, env=env, stdout=out,
                                       stderr=subprocess.STDOUT)
        try:
            base = f"http://{HOST}:{port}"
            _wait_until_up(base, process, log)
            yield Server(base, process.pid)
        finally:
            _stop(process)


def percentile(values: Sequence[float], pct: int) -> float:
    """The ``pct``-th percentile of ``values`` (linear interpolation; 50 is the median)."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1]
