"""Settings of django_reactive, read from the ``REACTIVE`` dict in Django settings.

Every key has a default here; a site sets only what it wants to change::

    REACTIVE = {"LOCK_TIMEOUT": 10}

Read them through :func:`get` (cached, and reset when tests override settings).
"""

from __future__ import annotations

import functools
from typing import Any

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

DEFAULTS: dict[str, Any] = {
    # Page template a reactive view renders into; it must include the view's
    # markup through the "reactive_view_body" context variable.
    "BASE_TEMPLATE": "django_reactive/page.html",
    # State of a view is shared by the tabs of a browser ("session") or kept
    # per page load, as Streamlit does ("tab"). A view's own scope wins.
    "DEFAULT_SCOPE": "session",
    # Key under which django_reactive keeps its state in request.session.
    "SESSION_KEY": "_reactive",
    # Cache alias used for the per-(session, view) lock. It must be shared by
    # every worker process (Redis or Memcached) when more than one runs.
    "LOCK_CACHE": "default",
    # Seconds a lease (the per-(session, view) lock) lives unless its holder
    # renews it (every third of that, while a run goes on): a dead worker's
    # lease frees within this time. Whole seconds. And seconds an event waits
    # for the lease before it is refused as "busy".
    "LOCK_TIMEOUT": 2,
    "LOCK_WAIT": 10,
    # Seconds a read or write of the session (or the lease cache) is retried
    # after a database or cache error before the event is answered
    # "unavailable" (the page keeps its input and sends it again).
    "RETRY_SECONDS": 2,
    # Largest WebSocket or HTTP message accepted from a browser, in bytes.
    "MAX_MESSAGE_BYTES": 64 * 1024,
    # How deep arrays and objects may nest in a browser message (deeper: "too_deep").
    "MAX_JSON_DEPTH": 32,
    # Views one page may show over its connection, and events of one connection waiting or
    # in progress before more are refused as "busy".
    "MAX_VIEWS": 32,
    "MAX_PENDING": 64,
    # Open WebSockets per session and per client address, counted in each worker process;
    # beyond them a socket is closed with code 4429. None: no limit.
    "MAX_CONNECTIONS_PER_SESSION": 30,
    "MAX_CONNECTIONS_PER_ADDRESS": 200,
    # Largest upload accepted by st.file_uploader, in bytes (all files of one upload).
    "MAX_UPLOAD_BYTES": 10 * 1024 * 1024,
    # Uploaded files kept per session (files waiting to be used, and files widgets hold),
    # in bytes and in number; an upload beyond either is refused.
    "UPLOAD_SESSION_MAX_BYTES": 50 * 1024 * 1024,
    "UPLOAD_SESSION_MAX_FILES": 50,
    # Seconds an upload's token may be sent as a widget's value; an upload not used by
    # then is abandoned, and deleted.
    "UPLOAD_TOKEN_SECONDS": 60 * 60,
    # Share of uploads that also sweep the files of every ended session (as
    # `manage.py reactive_cleanup_uploads` does); 0 leaves that to the command.
    "UPLOAD_CLEANUP_RATE": 0.01,
    # Seconds an open WebSocket reuses what a view's access rules said about its user
    # (the login itself, is_active, is_staff and is_superuser are checked on every event).
    "RIGHTS_TTL": 5,
    # Worker threads the sockets of one session may use at once, in each worker process:
    # one session's slow views then cannot hold every thread other sessions need.
    "SESSION_THREADS": 2,
    # Seconds after which an open page with nothing to do frees the memory its next event
    # can rebuild (its last run's elements and callbacks): that event replays the view
    # first, about the cost of one more run. None: pages never hibernate.
    "HIBERNATE_AFTER": 15,
    # Tab-scoped states kept per view and session; the least recently used
    # ones beyond this are dropped.
    "MAX_TABS": 20,
    # Consecutive st.rerun() calls allowed in one event before it is stopped.
    "MAX_RERUNS": 100,
    # Show tracebacks in exception elements. None means "when settings.DEBUG".
    "SHOW_TRACEBACKS": None,
    # Streamlit's client.showErrorDetails: what an uncaught exception of a view shows. True or
    # "full": its type and message; "type": its type; False or "none": a generic message
    # with an id, the details being logged under that id. None means "when settings.DEBUG".
    "SHOW_ERROR_DETAILS": None,
    # URL prefix of the WebSocket route (see django_reactive.routing).
    "WS_PATH": "ws/reactive/",
    # Channel layer alias used for multi-tab broadcasts.
    "CHANNEL_LAYER": "default",
    # Cache alias where st.cache_data keeps return values (shared by the workers
    # on Redis; st.cache_resource always keeps its objects in the process).
    "CACHE_DATA_CACHE": "default",
    # What st.secrets shows (Streamlit's secrets.toml): a dict, sections as nested dicts.
    "SECRETS": {},
    # Whether st.html shows its HTML as given (styles, any tag or attribute; JavaScript only
    # with unsafe_allow_javascript=True) instead of sanitised as Markdown's HTML is.
    "HTML_ALLOW_RAW": False,
}


@functools.cache
def _merged() -> dict[str, Any]:
    user = getattr(settings, "REACTIVE", {}) or {}
    return {**DEFAULTS, **user}


def get(name: str) -> Any:
    """Return the value of one setting, falling back to its documented default."""
    return _merged()[name]


def unknown_keys() -> list[str]:
    """Keys of settings.REACTIVE that django_reactive does not know (typos)."""
    user = getattr(settings, "REACTIVE", {}) or {}
    return sorted(set(user) - set(DEFAULTS))


def show_tracebacks() -> bool:
    value = get("SHOW_TRACEBACKS")
    return bool(settings.DEBUG) if value is None else bool(value)


#: The values of SHOW_ERROR_DETAILS, by what they show of an uncaught exception.
ERROR_DETAILS = {True: "full", "full": "full", "type": "type", False: "none", "none": "none"}


def error_details() -> str:
    """What an uncaught exception shows: ``"full"`` (type and message), ``"type"`` or ``"none"``."""
    value = get("SHOW_ERROR_DETAILS")
    if value is None:
        return "full" if settings.DEBUG else "none"
    return ERROR_DETAILS.get(value, "none")


@receiver(setting_changed)
def _reset(*, setting: str, **kwargs: Any) -> None:
    if setting in ("REACTIVE", "DEBUG"):
        _merged.cache_clear()
