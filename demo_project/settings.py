"""Settings of the demo site: SQLite and an in-memory channel layer, no servers to set up.

Set REACTIVE_REDIS_URL (e.g. redis://127.0.0.1:6379/0) to use Redis for the
channel layer and the view locks, as a multi-worker deployment must.
REACTIVE_REDIS_PREFIX (optional) puts every key of both under that prefix
(channels_redis' ``prefix``, the cache's ``KEY_PREFIX``): the test suites set it
to share a Redis database with other programs and delete only their own keys.

The other variables (``scripts/cluster`` sets them, see docs/deployment.md):

* ``REACTIVE_POSTGRES_DB``: keep the data in that PostgreSQL database
  (``REACTIVE_POSTGRES_HOST``/``_PORT``/``_USER``/``_PASSWORD``, default
  127.0.0.1:5432, user postgres, no password) instead of SQLite.
* ``REACTIVE_SESSION_ENGINE``: ``cached_db`` (default), ``db`` or ``cache``.
* ``DJANGO_STATIC_ROOT``: where ``collectstatic`` puts the files a proxy serves.
* ``REACTIVE_LOG_SAVES=1``: log each saved state (``demo.apps``), as a deployment
  would monitor it.
"""

import os
from pathlib import Path

import django

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "demo-only-insecure-key-change-me")
DEBUG = os.environ.get("DJANGO_DEBUG", "1") == "1"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

INSTALLED_APPS = [
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "channels",
    "django_reactive",
    "demo_project.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "demo_project.urls"
ASGI_APPLICATION = "demo_project.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("DJANGO_DB", str(BASE_DIR / "db.sqlite3")),
        # IMMEDIATE: concurrent writers wait instead of failing; WAL: reads do not
        # block the write of the previous event (both options need Django 5.1).
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        } if django.VERSION >= (5, 1) else {},
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
        "TEST": {"NAME": str(BASE_DIR / "test-db.sqlite3")},
    }
}

POSTGRES_DB = os.environ.get("REACTIVE_POSTGRES_DB")
if POSTGRES_DB:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": POSTGRES_DB,
            "HOST": os.environ.get("REACTIVE_POSTGRES_HOST", "127.0.0.1"),
            "PORT": os.environ.get("REACTIVE_POSTGRES_PORT", "5432"),
            "USER": os.environ.get("REACTIVE_POSTGRES_USER", "postgres"),
            "PASSWORD": os.environ.get("REACTIVE_POSTGRES_PASSWORD", ""),
            # Persistent connections, checked before each request reuses one.
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": {"connect_timeout": 5},
        }
    }

REDIS_URL = os.environ.get("REACTIVE_REDIS_URL")
REDIS_PREFIX = os.environ.get("REACTIVE_REDIS_PREFIX")
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            # redis-py 8 would otherwise time idle consumers out after 5 s.
            "CONFIG": {"hosts": [{"address": REDIS_URL, "socket_timeout": None}]},
        }
    }
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": REDIS_URL}}
    if REDIS_PREFIX:
        CHANNEL_LAYERS["default"]["CONFIG"]["prefix"] = REDIS_PREFIX
        CACHES["default"]["KEY_PREFIX"] = REDIS_PREFIX
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

# Sessions are read on every event: keep them in the cache, written through to
# the database. The local-memory cache is fine for one process; with several
# workers the cache must be shared (REACTIVE_REDIS_URL above).
SESSION_ENGINE = "django.contrib.sessions.backends." + os.environ.get("REACTIVE_SESSION_ENGINE", "cached_db")

REACTIVE = {"BASE_TEMPLATE": "demo_page.html"}

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = os.environ.get("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles"))
# Files given to st.file_uploader are kept in the default storage.
MEDIA_ROOT = os.environ.get("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# With REACTIVE_LOG_SAVES=1, a line on stderr per saved state (demo/apps.py): what
# a deployment would count to see the traffic each worker takes.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s pid=%(process)d %(name)s %(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {
        "demo.saves": {"handlers": ["stderr"],
                       "level": "INFO" if os.environ.get("REACTIVE_LOG_SAVES") == "1" else "WARNING"},
    },
}
