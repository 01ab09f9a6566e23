"""Settings for ``django-reactive run``: built in code around one script file.

SQLite and the in-memory channel layer, so nothing else needs to run. The
database and the secret key live in a per-script folder of the user's cache
directory, so session state survives restarts of the command.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import tomllib
from pathlib import Path
from typing import Any


def state_dir(script: Path) -> Path:
    """Where the database and secret key of one script live."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    digest = hashlib.sha256(str(script).encode()).hexdigest()[:12]
    return base / "django-reactive" / f"{script.stem}-{digest}"


def _secret_key(folder: Path) -> str:
    path = folder / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


def read_secrets() -> dict[str, Any]:
    """``st.secrets`` as ``streamlit run`` reads them: ``~/.streamlit/secrets.toml``, then the
    working folder's ``.streamlit/secrets.toml`` (its top-level keys win)."""
    found: dict[str, Any] = {}
    for path in (Path.home() / ".streamlit" / "secrets.toml", Path.cwd() / ".streamlit" / "secrets.toml"):
        if path.is_file():
            with path.open("rb") as file:
                found.update(tomllib.load(file))
    return found


def build(script: Path, *, host: str, db: Path | None = None) -> dict[str, Any]:
    """The settings for serving ``script`` on ``host``."""
    folder = state_dir(script)
    folder.mkdir(parents=True, exist_ok=True)
    return {
        "DEBUG": True,
        "SECRET_KEY": _secret_key(folder),
        "ALLOWED_HOSTS": sorted({"127.0.0.1", "localhost", "[::1]", host}),
        "INSTALLED_APPS": [
            "daphne",
            "django.contrib.contenttypes",
            "django.contrib.auth",
            "django.contrib.sessions",
            "django.contrib.staticfiles",
            "channels",
            "django_reactive",
        ],
        "MIDDLEWARE": [
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
        ],
        "ROOT_URLCONF": "django_reactive.standalone.urls",
        "ASGI_APPLICATION": "django_reactive.standalone.asgi.application",
        "TEMPLATES": [{
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "APP_DIRS": True,
            "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
        }],
        "DATABASES": {"default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(db or folder / "db.sqlite3"),
        }},
        "SESSION_ENGINE": "django.contrib.sessions.backends.cached_db",
        "CHANNEL_LAYERS": {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}},
        "STATIC_URL": "static/",
        "MEDIA_ROOT": str(folder / "media"),
        "USE_TZ": True,
        "DEFAULT_AUTO_FIELD": "django.db.models.BigAutoField",
        "REACTIVE": {"SECRETS": read_secrets()},
        # Read by django_reactive.standalone.urls.
        "REACTIVE_RUN_SCRIPT": str(script),
    }
