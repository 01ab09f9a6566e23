"""The README's commands (scripts/demo, scripts/test, scripts/cluster) and what they rely on."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from demo_project.cluster import nginx_binary, nginx_conf
from tests.support import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text()
COMMANDS = ["scripts/demo", "scripts/test", "scripts/cluster"]


@pytest.mark.parametrize("command", COMMANDS)
def test_each_readme_command_exists_is_executable_and_parses(command: str) -> None:
    assert f"./{command}" in README
    script = REPO_ROOT / command
    assert script.stat().st_mode & stat.S_IXUSR, f"{command} is not executable"
    assert subprocess.run(["bash", "-n", str(script)], capture_output=True).returncode == 0


def test_the_readme_names_every_system_check() -> None:
    """Each check id of django_reactive/checks.py is in the README's list."""
    checks = (REPO_ROOT / "django_reactive/checks.py").read_text()
    ids = set(re.findall(r'id="django_reactive\.([EW]\d{3})"', checks))
    assert {"E001", "W006"} <= ids
    missing = sorted(i for i in ids if not re.search(rf"\b{i}\b", README))
    assert not missing, f"checks missing from the README: {missing}"


def test_every_service_ci_requires_is_demanded_by_a_test() -> None:
    """Each REACTIVE_REQUIRE_* that .ci/run exports turns a skip into a failure somewhere in the suite."""
    ci = (REPO_ROOT / ".ci/run").read_text()
    required = set(re.findall(r"REACTIVE_REQUIRE_[A-Z]+", ci))
    assert {"REACTIVE_REQUIRE_NGINX", "REACTIVE_REQUIRE_BROWSER"} <= required
    sources = "".join(p.read_text() for p in (REPO_ROOT / "tests").rglob("*.py") if p != Path(__file__))
    assert all(f'"{name}"' in sources for name in required)


# -- installing only when needed -------------------------------------------------------------------


@pytest.fixture
def fake_project(tmp_path: Path) -> Path:
    """A folder with a pyproject.toml and a venv whose python records each pip call instead of running it."""
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    bin_dir = tmp_path / "venv" / "bin"
    bin_dir.mkdir(parents=True)
    python = bin_dir / "python"
    python.write_text('#!/bin/sh\nif [ "$1" = --version ]; then echo "Python 3.99.0"; exit 0; fi\n'
                      f'echo "$*" >> {tmp_path / "pip.log"}\n')
    python.chmod(0o755)
    return tmp_path


def install(project: Path, *arguments: str) -> list[str]:
    """Run install_project of scripts/lib.sh in ``project``; the pip installs it ran."""
    log = project / "pip.log"
    log.unlink(missing_ok=True)
    quoted = " ".join(f"'{a}'" for a in arguments)
    subprocess.run(["bash", "-c", f"source '{REPO_ROOT}/scripts/lib.sh' && install_project venv {quoted}"],
                   cwd=project, check=True, env={**os.environ, "PYTHON": "/bin/false"})
    lines = log.read_text().splitlines() if log.exists() else []
    return [line for line in lines if "--upgrade pip" not in line]


def test_pip_runs_only_when_the_requirements_changed(fake_project: Path) -> None:
    """A second run with the same pyproject.toml and arguments skips pip; a change runs it again."""
    assert install(fake_project, "-e", ".[test]") == ["-m pip install --quiet -e .[test]"]
    assert install(fake_project, "-e", ".[test]") == []
    assert install(fake_project, "-e", ".") == ["-m pip install --quiet -e ."]
    assert install(fake_project, "-e", ".[test]") == [], "each installed set is remembered"
    (fake_project / "pyproject.toml").write_text('[project]\nname = "x"\ndependencies = ["y"]\n')
    assert install(fake_project, "-e", ".[test]") == ["-m pip install --quiet -e .[test]"]
    assert install(fake_project, "-e", ".[test]", "Django>=4.2,<5") != []


# -- the cluster -----------------------------------------------------------------------------------


def test_the_cluster_command_explains_itself() -> None:
    done = subprocess.run([sys.executable, "-m", "demo_project.cluster", "--help"], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert "--port" in done.stdout and "--workers" in done.stdout and "Ctrl-C" in done.stdout


def test_the_nginx_configuration_upgrades_websockets_and_nginx_accepts_it(tmp_path: Path) -> None:
    """The generated configuration passes ``nginx -t`` and carries the settings docs/deployment.md names."""
    conf = nginx_conf(tmp_path, 8080, [9001, 9002], tmp_path / "static", refuse_websockets_port=8081)
    for needed in ("proxy_set_header Upgrade $http_upgrade;",
                   "proxy_set_header Connection $connection_upgrade;", "proxy_read_timeout 1h;",
                   "proxy_set_header Host $http_host;", "gzip on;",
                   f"alias {tmp_path / 'static'}/;", "server 127.0.0.1:9001", "server 127.0.0.1:9002",
                   "location /ws/ { return 403; }"):
        assert needed in conf
    binary = nginx_binary()
    if binary is None:
        pytest.skip("nginx is not installed")
    for temp in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (tmp_path / temp).mkdir()
    (tmp_path / "nginx.conf").write_text(conf)
    done = subprocess.run([binary, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"),
                           "-e", str(tmp_path / "error.log")], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr


@pytest.mark.django_db
def test_the_demo_admin_command_creates_the_login_once(django_user_model, capsys) -> None:
    """scripts/demo and scripts/cluster: admin / admin on an empty database, advertised while it works."""
    from django.core.management import call_command

    call_command("demo_admin", "http://127.0.0.1:8000")
    advertised = capsys.readouterr().out.strip()
    assert advertised == "Admin: http://127.0.0.1:8000/admin/ (demo login: admin / admin)"
    django_user_model.objects.filter(username="admin").update(password="changed")
    call_command("demo_admin", "http://127.0.0.1:8000")
    assert capsys.readouterr().out == "", "no login is advertised once its password changed"
    assert django_user_model.objects.count() == 1
