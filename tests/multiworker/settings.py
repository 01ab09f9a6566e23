"""Settings of the multi-worker suite's Daphne workers: every worker of a test shares its state.

Based on the demo project's, served as a deployment would be: ``DEBUG`` off,
Django's ``db`` session engine on PostgreSQL, channels_redis for the channel
layer and Django's Redis cache for the leases. ``tests/multiworker/conftest.py``
sets the environment of each worker:

* ``REACTIVE_MW_DB``: the PostgreSQL database (127.0.0.1:5432, user postgres,
  trust auth), created and migrated by the fixture, dropped at the end.
* ``REACTIVE_REDIS_URL``, ``REACTIVE_REDIS_PREFIX``: Redis, and the key prefix of
  this test run (read by ``demo_project.settings``): the database is shared.
* ``REACTIVE_MW_MARKERS``: the directory of the marker files through which the
  test views tell the test where they are (``tests/multiworker/views.py``).
* ``REACTIVE_MW_LOCK_TIMEOUT``: the lease in seconds, 2 unless set: pinned, so
  the lease tests measure renewal and expiry whatever the library's default
  (``test_leases.py`` checks that default separately).

The fault switches (``REACTIVE_MW_FAIL_GROUP_SEND``, ``REACTIVE_MW_KILL_AFTER_SAVES``)
are read at start-up by ``tests/multiworker/faults.py``.
"""

import os
import tempfile

from django.core.exceptions import ImproperlyConfigured

from demo_project.settings import *  # noqa: F403
from demo_project.settings import REDIS_PREFIX, REDIS_URL

if not (REDIS_URL and REDIS_PREFIX and os.environ.get("REACTIVE_MW_DB")):
    raise ImproperlyConfigured(
        "The multi-worker settings need REACTIVE_MW_DB, REACTIVE_REDIS_URL and REACTIVE_REDIS_PREFIX "
        "(tests/multiworker/conftest.py sets them).")

DEBUG = False
ROOT_URLCONF = "tests.multiworker.urls"
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ["REACTIVE_MW_DB"],
        "USER": "postgres",
        "HOST": "127.0.0.1",
        "PORT": "5432",
        # Persistent connections with health checks, as a deployment runs: a
        # connection killed under a run is found broken, not silently reused.
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": {"connect_timeout": 5},
    }
}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
REACTIVE = {"LOCK_TIMEOUT": int(os.environ.get("REACTIVE_MW_LOCK_TIMEOUT", "2"))}
MEDIA_ROOT = os.environ.get("DJANGO_MEDIA_ROOT") or tempfile.mkdtemp(prefix="reactive-mw-media-")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Warnings of django_reactive (retries, failed pushes) and errors go to the
# worker's log, which a failing test prints.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"stderr": {"class": "logging.StreamHandler"}},
    "loggers": {
        "django_reactive": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
        "django": {"handlers": ["stderr"], "level": "ERROR", "propagate": False},
    },
}
