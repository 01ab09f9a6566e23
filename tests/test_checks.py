"""System checks for configurations under which reactive views cannot work."""

import pytest
from django.core.checks import run_checks
from django.test import override_settings


def ids():
    return {message.id for message in run_checks()}


def test_the_test_settings_pass():
    assert not {i for i in ids() if i.startswith("django_reactive")}


def test_sessions_must_be_enabled():
    from django.conf import settings

    middleware = [m for m in settings.MIDDLEWARE if "SessionMiddleware" not in m]
    with override_settings(MIDDLEWARE=middleware):
        assert "django_reactive.E001" in ids()


def test_signed_cookie_sessions_are_refused():
    with override_settings(SESSION_ENGINE="django.contrib.sessions.backends.signed_cookies"):
        assert "django_reactive.E002" in ids()


def test_unknown_reactive_settings_are_reported():
    with override_settings(REACTIVE={"LOCK_TIMEOUTT": 3}):
        assert "django_reactive.E005" in ids()


@pytest.mark.parametrize("setting", [{"LOCK_TIMEOUT": 0.5}, {"LOCK_TIMEOUT": 0}, {"LOCK_WAIT": -1},
                                     {"RETRY_SECONDS": "2"}, {"HIBERNATE_AFTER": 0},
                                     {"HIBERNATE_AFTER": "15"}])
def test_lease_and_retry_times_that_cannot_work_are_reported(setting):
    with override_settings(REACTIVE=setting):
        assert "django_reactive.E008" in ids()
    with override_settings(REACTIVE={"LOCK_TIMEOUT": 3, "LOCK_WAIT": 0.5, "RETRY_SECONDS": 0,
                                     "HIBERNATE_AFTER": 0.5}):
        assert "django_reactive.E008" not in ids()


def test_redis_layer_without_socket_timeout_warns():
    layer = {"default": {"BACKEND": "channels_redis.core.RedisChannelLayer",
                         "CONFIG": {"hosts": ["redis://127.0.0.1:6379/0"]}}}
    with override_settings(CHANNEL_LAYERS=layer):
        assert "django_reactive.W003" in ids()
    layer["default"]["CONFIG"]["hosts"] = [{"address": "redis://127.0.0.1:6379/0", "socket_timeout": None}]
    with override_settings(CHANNEL_LAYERS=layer):
        assert "django_reactive.W003" not in ids()


def test_channels_and_an_asgi_application_are_needed():
    with override_settings(ASGI_APPLICATION=None):
        assert "django_reactive.E003" in ids()


def test_a_channel_layer_is_needed():
    with override_settings(CHANNEL_LAYERS={}):
        assert "django_reactive.E004" in ids()


def test_daphne_missing_is_a_warning():
    from django.conf import settings

    with override_settings(INSTALLED_APPS=[a for a in settings.INSTALLED_APPS if a != "daphne"]):
        assert "django_reactive.W001" in ids()


def test_a_dummy_lock_cache_is_refused():
    with override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}):
        assert "django_reactive.E006" in ids()


def test_a_process_local_lock_with_a_shared_layer_warns():
    host = {"address": "redis://127.0.0.1:6379/0", "socket_timeout": None}
    layer = {"default": {"BACKEND": "channels_redis.core.RedisChannelLayer", "CONFIG": {"hosts": [host]}}}
    with override_settings(CHANNEL_LAYERS=layer):
        assert "django_reactive.W002" in ids()
    with override_settings(CHANNEL_LAYERS=layer, CACHES={"default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:6379/0"}}):
        assert "django_reactive.W002" not in ids()


def test_open_origins_and_saving_every_request_warn():
    with override_settings(ALLOWED_HOSTS=["*"], SESSION_SAVE_EVERY_REQUEST=True):
        assert {"django_reactive.W004", "django_reactive.W005"} <= ids()


def test_the_request_context_processor_is_needed_for_embedding():
    from django.conf import settings

    templates = [{**t, "OPTIONS": {**t["OPTIONS"], "context_processors": [
        p for p in t["OPTIONS"]["context_processors"] if not p.endswith(".request")]}}
        for t in settings.TEMPLATES]
    with override_settings(TEMPLATES=templates):
        assert "django_reactive.W006" in ids()
    assert "django_reactive.W006" not in ids()
