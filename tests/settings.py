"""Settings for the test suite: the demo project's, plus the test views.

The browser suite serves these too; it sets REACTIVE_REDIS_URL to run on
Redis, and the rest of the suite runs on the in-memory layer and cache.
"""

import os
import tempfile

from demo_project.settings import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
if not os.environ.get("REACTIVE_REDIS_URL"):
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REACTIVE = {}
MEDIA_ROOT = os.environ.get("DJANGO_MEDIA_ROOT") or tempfile.mkdtemp(prefix="reactive-media-")
ROOT_URLCONF = "tests.urls"
if os.environ.get("REACTIVE_TEST_DB"):  # several test runs side by side need their own file
    DATABASES["default"]["TEST"]["NAME"] = os.environ["REACTIVE_TEST_DB"]  # noqa: F405
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "tests" / "templates"]  # noqa: F405
