"""Settings for the test suite: the demo's apps plus a test app, on a file SQLite DB."""

from demo_project.settings import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REACTIVE = {}
ROOT_URLCONF = "tests.urls"
