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
    errors = []
    lease = conf.get("LOCK_TIMEOUT")
    # The Redis cache keeps whole seconds: a fraction would round down to "expire now".
    if isinstance(lease, bool) or not isinstance(lease, int) or lease < 1:
        errors.append(Error(
            f"REACTIVE['LOCK_TIMEOUT'] is {lease!r}; it must be a whole number of seconds, at least 1.",
            hint="A lease is renewed every third of it; 2 (the default) frees a dead worker's "
                 "lease within 2 seconds.",
            id="django_reactive.E008",
        ))
    for name in ("LOCK_WAIT", "RETRY_SECONDS"):
        value = conf.get(name)
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            errors.append(Error(f"REACTIVE[{name!r}] is {value!r}; it must be a number of seconds >= 0.",
                                id="django_reactive.E008"))
    idle = conf.get("HIBERNATE_AFTER")
    if idle is not None and (isinstance(idle, bool) or not isinstance(idle, int | float) or idle <= 0):
        errors.append(Error(f"REACTIVE['HIBERNATE_AFTER'] is {idle!r}; it must be a number of seconds "
                            "> 0, or None.", id="django_reactive.E008"))
    if not isinstance(conf.get("HTML_ALLOW_RAW"), bool):
        errors.append(Error(f"REACTIVE['HTML_ALLOW_RAW'] is {conf.get('HTML_ALLOW_RAW')!r}; it must be "
                            "True or False.", id="django_reactive.E009"))
    return errors + _limit_errors()


def _limit_errors() -> list[Any]:
    """The limits on what browsers send and open (docs/security.md) and SHOW_ERROR_DETAILS."""
    errors = []
    for name in ("MAX_JSON_DEPTH", "MAX_VIEWS", "MAX_PENDING",
                 "MAX_CONNECTIONS_PER_SESSION", "MAX_CONNECTIONS_PER_ADDRESS"):
        value = conf.get(name)
        if value is None and name.startswith("MAX_CONNECTIONS"):
            continue
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            errors.append(Error(f"REACTIVE[{name!r}] is {value!r}; it must be a whole number >= 1"
                                + (" or None." if name.startswith("MAX_CONNECTIONS") else "."),
                                id="django_reactive.E010"))
    details = conf.get("SHOW_ERROR_DETAILS")
    if details is not None and not isinstance(details, bool) and details not in ("full", "type", "none"):
        errors.append(Error(f"REACTIVE['SHOW_ERROR_DETAILS'] is {details!r}; it must be None, True, "
                            'False, "full", "type" or "none".', id="django_reactive.E010"))
    return errors


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


@register(Tags.compatibility)
def check_channels(app_configs: Any = None, **kwargs: Any) -> list[Any]:
    """The WebSocket needs Channels, an ASGI application and a channel layer."""
    messages = []
    if "channels" not in settings.INSTALLED_APPS or not getattr(settings, "ASGI_APPLICATION", None):
        messages.append(Error(
            "Reactive views need Django Channels: 'channels' in INSTALLED_APPS and "
            "ASGI_APPLICATION pointing at an application that routes "
            "django_reactive.routing.websocket_urlpatterns.",
            hint="See the README's 'Add it to your Django project'.",
            id="django_reactive.E003",
        ))
    if conf.get("CHANNEL_LAYER") not in (getattr(settings, "CHANNEL_LAYERS", None) or {}):
        messages.append(Error(
            f"No channel layer named {conf.get('CHANNEL_LAYER')!r} in CHANNEL_LAYERS: tabs of one "
            "session cannot follow each other and st.subscribe receives nothing.",
            hint='Add CHANNEL_LAYERS = {"default": {"BACKEND": '
                 '"channels.layers.InMemoryChannelLayer"}} (one process) or channels_redis.',
            id="django_reactive.E004",
        ))
    if "daphne" not in settings.INSTALLED_APPS:
        messages.append(Warning(
            "'daphne' is not in INSTALLED_APPS, so runserver serves no WebSockets.",
            hint="Add 'daphne' first in INSTALLED_APPS, or serve the ASGI application with "
                 "another ASGI server (uvicorn).",
            id="django_reactive.W001",
        ))
    return messages


@register(Tags.compatibility)
def check_lock_cache(app_configs: Any = None, **kwargs: Any) -> list[Any]:
    """The per-(session, view) lock needs a cache whose ``add`` is shared and atomic."""
    backend = settings.CACHES.get(conf.get("LOCK_CACHE"), {}).get("BACKEND", "")
    if backend.endswith("DummyCache"):
        return [Error(
            "REACTIVE['LOCK_CACHE'] is a dummy cache: events of two tabs would run at the "
            "same time and lose updates.",
            hint="Use the local-memory cache for one process, Redis or Memcached for several.",
            id="django_reactive.E006",
        )]
    layer = getattr(settings, "CHANNEL_LAYERS", {}).get(conf.get("CHANNEL_LAYER"), {})
    several_workers = not layer.get("BACKEND", "").endswith("InMemoryChannelLayer")
    if several_workers and backend.endswith("LocMemCache"):
        return [Warning(
            "The channel layer is shared between processes but REACTIVE['LOCK_CACHE'] is a "
            "local-memory cache, whose locks hold within one process only: with several "
            "workers, two tabs can lose each other's updates.",
            hint="Point LOCK_CACHE at a Redis or Memcached cache (django.core.cache.backends.redis).",
            id="django_reactive.W002",
        )]
    return []


@register(Tags.security)
def check_origins(app_configs: Any = None, **kwargs: Any) -> list[Any]:
    messages = []
    if "*" in settings.ALLOWED_HOSTS:
        messages.append(Warning(
            "ALLOWED_HOSTS contains '*': AllowedHostsOriginValidator then accepts WebSocket "
            "handshakes from any site, which can act as your logged-in users.",
            hint="List your hosts in ALLOWED_HOSTS.",
            id="django_reactive.W004",
        ))
    if getattr(settings, "SESSION_SAVE_EVERY_REQUEST", False):
        messages.append(Warning(
            "SESSION_SAVE_EVERY_REQUEST writes every request's copy of the session back, which "
            "can overwrite state that a reactive view saved meanwhile.",
            hint="Leave SESSION_SAVE_EVERY_REQUEST off.",
            id="django_reactive.W005",
        ))
    return messages


@register(Tags.urls)
def check_view_names(app_configs: Any = None, **kwargs: Any) -> list[Any]:
    from django.urls import get_resolver

    from . import registry

    get_resolver().url_patterns  # noqa: B018 - importing the URLconf registers its views
    return [Error(
        f"Two reactive views are named {name!r}: {', '.join(sorted(origins))}.",
        hint="Give one of them another name: @reactive.view(name=...).",
        id="django_reactive.E007",
    ) for name, origins in sorted(registry.CONFLICTS.items())]


@register(Tags.templates)
def check_request_context(app_configs: Any = None, **kwargs: Any) -> list[Any]:
    """``{% reactive_view %}`` runs the view for the request it finds in the template context."""
    processor = "django.template.context_processors.request"
    django_backends = [t for t in settings.TEMPLATES
                       if t.get("BACKEND") == "django.template.backends.django.DjangoTemplates"]
    if not django_backends or any(processor in t.get("OPTIONS", {}).get("context_processors", [])
                                  for t in django_backends):
        return []
    return [Warning(
        "{% reactive_view %} needs the request in the template context.",
        hint=f"Add '{processor}' to the context_processors of your DjangoTemplates backend.",
        id="django_reactive.W006",
    )]


@register(Tags.compatibility)
def check_uploads_and_sharing(app_configs: Any = None, **kwargs: Any) -> list[Any]:
    """Upload quotas and cleanup, the rights cache and each session's share of threads (docs/security.md)."""
    errors = []
    for name in ("UPLOAD_SESSION_MAX_BYTES", "UPLOAD_SESSION_MAX_FILES", "SESSION_THREADS"):
        value = conf.get(name)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            errors.append(Error(f"REACTIVE[{name!r}] is {value!r}; it must be a whole number >= 1.",
                                id="django_reactive.E011"))
    for name, top in (("UPLOAD_TOKEN_SECONDS", None), ("RIGHTS_TTL", None), ("UPLOAD_CLEANUP_RATE", 1)):
        value = conf.get(name)
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0 or \
                (top is not None and value > top):
            errors.append(Error(f"REACTIVE[{name!r}] is {value!r}; it must be a number >= 0"
                                + (f" and <= {top}." if top is not None else "."), id="django_reactive.E011"))
    return errors
