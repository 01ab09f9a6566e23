"""System checks for configurations under which reactive views cannot work."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from . import conf


@register(Tags.compatibility)
def check_sessions(app_configs: Any = None, **kwargs: Any) -> list[Any]:
    errors = []
    if "django.contrib.sessions" not in settings.INSTALLED_APPS or (
        "django.contrib.sessions.middleware.SessionMiddleware" not in settings.MIDDLEWARE
    ):
        errors.append(Error(
            "Reactive views keep their state in Django sessions, which are not enabled.",
            hint="Add 'django.contrib.sessions' to INSTALLED_APPS and "
                 "'django.contrib.sessions.middleware.SessionMiddleware' to MIDDLEWARE.",
            id="django_reactive.E001",
        ))
    if settings.SESSION_ENGINE == "django.contrib.sessions.backends.signed_cookies":
        errors.append(Error(
            "SESSION_ENGINE 'signed_cookies' cannot be saved from a WebSocket.",
            hint="Use the 'db', 'cache' or 'cached_db' session engine.",
            id="django_reactive.E002",
        ))
    return errors


@register(Tags.compatibility)
def check_settings(app_configs: Any = None, **kwargs: Any) -> list[Any]:
    unknown = conf.unknown_keys()
    if unknown:
        return [Error(
            f"Unknown key(s) in settings.REACTIVE: {', '.join(unknown)}.",
            hint=f"Known keys: {', '.join(sorted(conf.DEFAULTS))}.",
            id="django_reactive.E005",
        )]
    return []


@register(Tags.compatibility)
def check_redis_timeout(app_configs: Any = None, **kwargs: Any) -> list[Any]:
    """redis-py 8 gives sockets a 5 s timeout that kills idle channels_redis consumers."""
    layer = getattr(settings, "CHANNEL_LAYERS", {}).get(conf.get("CHANNEL_LAYER"), {})
    if not layer.get("BACKEND", "").startswith("channels_redis.core"):
        return []
    try:
        import redis
    except ImportError:  # pragma: no cover - channels_redis requires it
        return []
    if int(redis.__version__.split(".")[0]) < 8:
        return []
    hosts = layer.get("CONFIG", {}).get("hosts", [])
    if all(isinstance(h, dict) and "socket_timeout" in h for h in hosts):
        return []
    return [Warning(
        "With redis-py 8, channels_redis consumers die after ~5 s idle unless each host sets "
        "socket_timeout.",
        hint='Write hosts as [{"address": "redis://127.0.0.1:6379/0", "socket_timeout": None}] '
             "or install redis<8.",
        id="django_reactive.W003",
    )]
