"""The health endpoint (``/reactive/health/``): what a load balancer polls to take a worker out."""

from __future__ import annotations

import pytest
from django.db import OperationalError
from django.test import AsyncClient, override_settings

HEALTH = "/reactive/health/"

#: Nothing listens on port 1: a Redis client there fails at once with a connection error.
DEAD_REDIS = "redis://127.0.0.1:1/0"


@pytest.mark.django_db(transaction=True)
async def test_a_healthy_worker_answers_200_with_each_check_ok(channel_layer: str) -> None:
    """With the database, the channel layer and the lock cache answering (in memory or on Redis): 200."""
    response = await AsyncClient().get(HEALTH)
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {
        "database": "ok", "channel_layer": "ok", "lock_cache": "ok"}}
    assert "no-cache" in response["Cache-Control"]
    assert "sessionid" not in response.cookies, "a probe must not create sessions"


@pytest.mark.django_db(transaction=True)
async def test_an_unreachable_lock_cache_answers_503_naming_it() -> None:
    caches = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
              "locks": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": DEAD_REDIS}}
    with override_settings(CACHES=caches, REACTIVE={"LOCK_CACHE": "locks"}):
        response = await AsyncClient().get(HEALTH)
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["checks"]["lock_cache"] == "error: ConnectionError"
    assert body["checks"]["database"] == "ok"
    assert DEAD_REDIS not in response.content.decode(), "addresses stay out of the answer"


@pytest.mark.django_db(transaction=True)
async def test_an_unreachable_channel_layer_answers_503_naming_it() -> None:
    layers = {"default": {"BACKEND": "channels_redis.core.RedisChannelLayer",
                          "CONFIG": {"hosts": [DEAD_REDIS]}}}
    with override_settings(CHANNEL_LAYERS=layers):
        response = await AsyncClient().get(HEALTH)
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["channel_layer"].startswith("error: ")
    assert checks["lock_cache"] == "ok"


@pytest.mark.django_db(transaction=True)
async def test_a_failing_database_answers_503_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from django.db import connections

    def refuse(*args: object, **kwargs: object) -> None:
        raise OperationalError("connection refused")

    # On the class: the check runs in a worker thread, with a connection object of its own.
    monkeypatch.setattr(type(connections["default"]), "cursor", refuse)
    response = await AsyncClient().get(HEALTH)
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "error: OperationalError"


async def test_only_get_and_head_are_answered() -> None:
    response = await AsyncClient().post(HEALTH)
    assert response.status_code == 405
