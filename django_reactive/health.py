"""The health endpoint: ``GET /reactive/health/`` checks what every event needs.

A load balancer or orchestrator polls it to take a worker out of rotation when
the worker cannot serve events: the database (sessions and the state live
there, or behind it), the channel layer (pushes and the other tabs' patches go
through it) and the lock cache (each event takes its lease there). It answers
``200`` with ``{"status": "ok", "checks": {...}}`` when all three answer, else
``503`` naming the failed checks by the exception's class only (messages may
carry host names or credentials).
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Awaitable, Callable

from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer
from django.core.cache import caches
from django.db import connections
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.utils.cache import add_never_cache_headers

from . import conf

#: Seconds a check may take before it counts as failed.
CHECK_TIMEOUT = 3.0


def _database() -> None:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _lock_cache() -> None:
    cache = caches[conf.get("LOCK_CACHE")]
    key = f"reactive-health-{secrets.token_hex(8)}"
    cache.set(key, "1", timeout=CHECK_TIMEOUT * 2)
    try:
        if cache.get(key) != "1":
            raise RuntimeError("the lock cache did not keep a value")
    finally:
        cache.delete(key)


async def _channel_layer() -> None:
    layer = get_channel_layer()
    if layer is None:
        raise RuntimeError("no channel layer is configured")
    channel = await layer.new_channel(prefix="reactive-health")
    await layer.send(channel, {"type": "reactive.health"})
    message = await layer.receive(channel)
    if message.get("type") != "reactive.health":
        raise RuntimeError("the channel layer returned another message")


async def _outcome(check: Callable[[], Awaitable[None]]) -> str:
    try:
        await asyncio.wait_for(check(), CHECK_TIMEOUT)
    except TimeoutError:
        return "error: timeout"
    except Exception as exc:  # any failure makes the worker unhealthy
        return f"error: {type(exc).__name__}"
    return "ok"


async def health(request: HttpRequest) -> HttpResponse:
    """``200`` when the database, the channel layer and the lock cache answer; ``503`` otherwise.

    (Django 4.2's ``never_cache`` and ``require_safe`` cannot wrap an async view: done by hand.)
    """
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    checks = {
        "database": await _outcome(sync_to_async(_database)),
        "channel_layer": await _outcome(_channel_layer),
        "lock_cache": await _outcome(sync_to_async(_lock_cache)),
    }
    healthy = all(outcome == "ok" for outcome in checks.values())
    response = JsonResponse({"status": "ok" if healthy else "error", "checks": checks},
                            status=200 if healthy else 503)
    add_never_cache_headers(response)
    return response
