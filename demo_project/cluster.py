"""The demo project as a small deployment: nginx in front of daphne workers on PostgreSQL and Redis.

``scripts/cluster`` installs and starts what is missing (nginx, Redis,
PostgreSQL), then runs ``python -m demo_project.cluster``; the cluster tests
(``tests/cluster``) start the same stack through :class:`Cluster`. The layout
is the one docs/deployment.md describes:

* a PostgreSQL database of the cluster's own (created when missing: the
  script's is kept between runs, a test's is dropped at its end); the sessions
  live there (``db`` engine: every worker sees every write);
* Redis for the channel layer and the lease cache, every key under a prefix of
  this run's own, deleted when the cluster stops (Redis may be shared);
* ``migrate``, ``collectstatic`` (nginx serves ``/static/`` from there,
  compressed), the demo's admin login;
* the workers (``daphne --proxy-headers``), each logging to a file of its own,
  with a line per saved state (``REACTIVE_LOG_SAVES``): what each one served;
* nginx on ``127.0.0.1:PORT``: a round-robin upstream for the pages and the
  HTTP fallback, another for the WebSockets (so that consecutive WebSockets
  alternate between the workers whatever the page requests in between), the
  WebSocket upgrade and long read timeouts. Optionally a second server on
  ``refuse_websockets_port`` answers every WebSocket upgrade with 403, as a
  proxy that blocks WebSockets does, so that pages fall back to HTTP.

Everything started is stopped by :meth:`Cluster.stop` (Ctrl-C for the script). The
processes run in sessions of their own, so that Ctrl-C reaches this supervisor
only, which stops nginx first (no new requests), then the workers.
"""

from __future__ import annotations

import argparse
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
ASGI_APPLICATION = "demo_project.asgi:application"
HEALTH_PATH = "/reactive/health/"
START_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0
NGINX_MIME_TYPES = Path("/etc/nginx/mime.types")


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def nginx_binary() -> str | None:
    """The nginx executable (Debian installs it in /usr/sbin, not always on a user's PATH)."""
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")


def _stop(process: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    if process.poll() is not None:
        return
    process.send_signal(sig)
    try:
        process.wait(STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(STOP_TIMEOUT)


def _get(url: str) -> int | None:
    """The status of ``GET url``, or None when nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=3) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except (urllib.error.URLError, OSError):
        return None


def _wait_healthy(url: str, process: subprocess.Popen[bytes], log: Path, what: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with code {process.returncode}:\n{_tail(log)}")
        if _get(url) == 200:
            return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not answer 200 on {url} within {START_TIMEOUT:.0f} s:\n{_tail(log)}")


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


@dataclass
class Worker:
    """One daphne process of the cluster."""

    name: str
    port: int
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        """``kill -9``: no shutdown; its sockets drop, its leases are left to expire."""
        if self.alive():
            self.process.kill()
        self.process.wait(STOP_TIMEOUT)

    def saves(self) -> int:
        """States this worker saved so far (the lines ``REACTIVE_LOG_SAVES`` makes it log)."""
        try:
            return self.log.read_text(errors="replace").count("state saved ")
        except OSError:
            return 0


@dataclass
class Cluster:
    """The stack's settings and, once started, its processes."""

    state: Path
    database: str
    port: int
    redis_url: str = "redis://127.0.0.1:6379/0"
    redis_prefix: str = field(default_factory=lambda: f"rxcluster-{os.getpid()}-{secrets.token_hex(4)}")
    workers_wanted: int = 2
    refuse_websockets_port: int | None = None
    drop_database_at_stop: bool = False
    workers: list[Worker] = field(default_factory=list)
    nginx: subprocess.Popen[bytes] | None = None
    created_database: bool = False

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def refusing_url(self) -> str | None:
        return None if self.refuse_websockets_port is None else f"http://{HOST}:{self.refuse_websockets_port}"

    @property
    def static_root(self) -> Path:
        return self.state / "static"

    def env(self) -> dict[str, str]:
        """The workers' environment: the demo's settings read these (demo_project/settings.py)."""
        inherited = {k: v for k, v in os.environ.items()
                     if not k.startswith(("REACTIVE_", "DJANGO_"))}
        return {
            **inherited,
            "DJANGO_SETTINGS_MODULE": "demo_project.settings",
            "DJANGO_DEBUG": "0",
            "REACTIVE_POSTGRES_DB": self.database,
            "REACTIVE_SESSION_ENGINE": "db",
            "REACTIVE_REDIS_URL": self.redis_url,
            "REACTIVE_REDIS_PREFIX": self.redis_prefix,
            "REACTIVE_LOG_SAVES": "1",
            "DJANGO_STATIC_ROOT": str(self.static_root),
            "DJANGO_MEDIA_ROOT": str(self.state / "media"),
            "PYTHONUNBUFFERED": "1",
        }

    # -- setting up ------------------------------------------------------------------------------

    def prepare(self) -> None:
        """The database (created when missing), ``migrate``, ``collectstatic``, the demo's admin login."""
        self.state.mkdir(parents=True, exist_ok=True)
        self.created_database = create_database_if_missing(self.database)
        self._manage("migrate", "--noinput", "--verbosity", "0")
        self._manage("collectstatic", "--noinput", "--clear", "--verbosity", "0")

    def demo_admin(self) -> str:
        """Create the demo's admin / admin login when there are no users; the line saying so."""
        return self._manage("demo_admin", self.url).strip()

    def _manage(self, *args: str) -> str:
        done = subprocess.run([sys.executable, "manage.py", *args], cwd=REPO_ROOT, env=self.env(),
                              capture_output=True, text=True, timeout=300)
        if done.returncode != 0:
            raise RuntimeError(f"manage.py {args[0]} failed:\n{done.stdout}{done.stderr}")
        return done.stdout

    # -- running ---------------------------------------------------------------------------------

    def start(self) -> None:
        """Start the workers and nginx in front of them; return once nginx serves the health check."""
        for index in range(self.workers_wanted):
            self.workers.append(self._start_worker(chr(ord("a") + index)))
        for worker in self.workers:
            _wait_healthy(worker.url + HEALTH_PATH, worker.process, worker.log, f"worker {worker.name}")
        self._start_nginx()

    def _start_worker(self, name: str) -> Worker:
        port = free_port()
        log = self.state / f"worker-{name}.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "daphne", "--proxy-headers", "-b", HOST, "-p", str(port),
                 ASGI_APPLICATION],
                cwd=REPO_ROOT, env=self.env(), stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        return Worker(name, port, process, log)

    def _start_nginx(self) -> None:
        binary = nginx_binary()
        if binary is None:
            raise RuntimeError("nginx is not installed (apt-get install nginx)")
        for temp in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (self.state / "nginx" / temp).mkdir(parents=True, exist_ok=True)
        conf = self.state / "nginx" / "nginx.conf"
        conf.write_text(self.nginx_conf())
        log = self.state / "nginx" / "error.log"
        self.nginx = subprocess.Popen(
            [binary, "-p", str(self.state / "nginx"), "-c", str(conf), "-e", str(log), "-g", "daemon off;"],
            cwd=self.state, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True)
        _wait_healthy(self.url + HEALTH_PATH, self.nginx, log, "nginx")

    def nginx_conf(self) -> str:
        """nginx's configuration for this cluster's ports and paths."""
        return nginx_conf(self.state / "nginx", self.port, [w.port for w in self.workers], self.static_root,
                          self.refuse_websockets_port)

    def stop(self) -> None:
        """Stop nginx and the workers; drop the database if asked to and created here; delete the keys."""
        try:
            if self.nginx is not None:
                _stop(self.nginx, signal.SIGQUIT)
            for worker in self.workers:
                _stop(worker.process)
        finally:
            try:
                if self.drop_database_at_stop and self.created_database:
                    drop_database(self.database)
            finally:
                delete_redis_keys(self.redis_url, self.redis_prefix)

    def __enter__(self) -> Cluster:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def nginx_conf(state: Path, port: int, worker_ports: list[int], static_root: Path,
               refuse_websockets_port: int | None = None) -> str:
    """The configuration of docs/deployment.md, with these ports and paths (state: nginx's own files)."""
    servers = "".join(f"        server {HOST}:{p} max_fails=1 fail_timeout=10s;\n" for p in worker_ports)
    types = (f"    include {NGINX_MIME_TYPES};\n" if NGINX_MIME_TYPES.exists() else
             "    types { text/html html; text/css css; application/javascript js mjs; "
             "image/png png; image/svg+xml svg; font/woff2 woff2; application/json json; }\n")
    # nginx started as root would run its workers as "nobody", who may not read the state
    # directory: they run as the user who started the cluster.
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};\n" if os.geteuid() == 0 else ""
    refusing = "" if refuse_websockets_port is None else _server_block(
        refuse_websockets_port, static_root, websockets=False)
    return (
        f"{user}worker_processes 2;\npid {state}/nginx.pid;\n"
        "events { worker_connections 1024; }\n"
        "http {\n"
        f"{types}    default_type application/octet-stream;\n"
        f"    access_log {state}/access.log;\n"
        f"    client_body_temp_path {state}/body;\n    proxy_temp_path {state}/proxy;\n"
        f"    fastcgi_temp_path {state}/fastcgi;\n    uwsgi_temp_path {state}/uwsgi;\n"
        f"    scgi_temp_path {state}/scgi;\n"
        "    sendfile on;\n"
        "    gzip on;\n    gzip_vary on;\n    gzip_proxied any;\n    gzip_min_length 256;\n"
        "    gzip_types text/css application/javascript application/json image/svg+xml;\n"
        "    map $http_upgrade $connection_upgrade { default upgrade; '' close; }\n"
        f"    upstream reactive_http {{\n        zone reactive_http 64k;\n{servers}"
        "        keepalive 16;\n    }\n"
        f"    upstream reactive_ws {{\n        zone reactive_ws 64k;\n{servers}    }}\n"
        f"{_server_block(port, static_root, websockets=True)}{refusing}"
        "}\n"
    )


def _server_block(port: int, static_root: Path, *, websockets: bool) -> str:
    """One nginx ``server``: static files, the WebSocket location (or a 403 for it), the pages."""
    proxied = ("            proxy_http_version 1.1;\n"
               "            proxy_set_header Host $http_host;\n"
               "            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
               "            proxy_set_header X-Forwarded-Proto $scheme;\n")
    if websockets:
        ws = ("        location /ws/ {\n            proxy_pass http://reactive_ws;\n" + proxied +
              "            proxy_set_header Upgrade $http_upgrade;\n"
              "            proxy_set_header Connection $connection_upgrade;\n"
              "            proxy_read_timeout 1h;\n            proxy_send_timeout 1h;\n"
              "            proxy_buffering off;\n        }\n")
    else:
        ws = "        location /ws/ { return 403; }\n"
    return (
        f"    server {{\n        listen {HOST}:{port};\n"
        "        client_max_body_size 11m;\n"
        f"        location /static/ {{\n            alias {static_root}/;\n"
        "            expires 1h;\n            access_log off;\n        }\n"
        f"{ws}"
        "        location / {\n            proxy_pass http://reactive_http;\n" + proxied +
        "            proxy_set_header Connection \"\";\n            proxy_read_timeout 60s;\n        }\n"
        "    }\n"
    )


# -- PostgreSQL and Redis --------------------------------------------------------------------------


def _admin_connection():  # noqa: ANN202 - psycopg is imported here, once it is known to be installed
    import psycopg

    return psycopg.connect(host=HOST, port=5432, user="postgres", dbname="postgres", autocommit=True,
                           connect_timeout=5)


def create_database_if_missing(name: str) -> bool:
    """Create the PostgreSQL database ``name`` unless it exists; whether it was created."""
    from psycopg import sql

    with _admin_connection() as admin:
        if admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            return False
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return True


def drop_database(name: str) -> None:
    """Drop the database ``name`` (its connections too): only one this cluster created."""
    from psycopg import sql

    with _admin_connection() as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def delete_redis_keys(url: str, prefix: str) -> int:
    """Delete the keys under ``prefix`` (this cluster's own), and only those; how many."""
    if len(prefix) < 12 or any(c in prefix for c in "*?[]\\"):
        raise ValueError(f"refusing to delete Redis keys under {prefix!r}: not a cluster's own prefix")
    import redis

    client = redis.Redis.from_url(url, socket_timeout=5)
    try:
        keys = list(client.scan_iter(match=prefix + "*", count=500))
        return sum(client.delete(*keys[i:i + 500]) for i in range(0, len(keys), 500))
    finally:
        client.close()


# -- the command -----------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="scripts/cluster",
        description="Serve the demo behind nginx with several daphne workers on PostgreSQL and Redis "
                    "(which must answer on 127.0.0.1: scripts/cluster starts them). Ctrl-C stops it.")
    parser.add_argument("--port", type=int, default=8080, help="nginx's port on 127.0.0.1 (default 8080)")
    parser.add_argument("--workers", type=int, default=2, help="daphne workers (default 2)")
    parser.add_argument("--database", default="reactive_cluster_demo",
                        help="PostgreSQL database, created when missing and kept (default %(default)s)")
    parser.add_argument("--state", type=Path, default=REPO_ROOT / ".cluster",
                        help="directory of the logs, nginx's files and the collected static files")
    options = parser.parse_args(argv)
    cluster = Cluster(state=options.state.resolve(), database=options.database, port=options.port,
                      workers_wanted=options.workers)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        cluster.prepare()
        print(cluster.demo_admin())
        cluster.start()
        workers = ", ".join(f"{w.name} on :{w.port} (log {w.log})" for w in cluster.workers)
        print(f"Workers: {workers}\nnginx: logs in {cluster.state / 'nginx'}")
        print(f"Serving the demo on {cluster.url}/ (Ctrl-C stops it)", flush=True)
        while all(w.alive() for w in cluster.workers) and cluster.nginx and cluster.nginx.poll() is None:
            time.sleep(0.5)
        print("a process of the cluster exited: stopping", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    finally:
        # A second Ctrl-C or SIGTERM (a wrapper forwarding it, an impatient user) must not
        # cut the stop short: it would leave nginx and workers running. The stop is bounded.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        print("stopping nginx and the workers", file=sys.stderr)
        cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
