"""Who may open the WebSocket: the Origin check of Django's CSRF protection, and how many
sockets a session and a client address may hold open.

A WebSocket handshake carries the page's cookies whatever site opened it, so a
socket from another site would act as the logged-in user. Channels'
``AllowedHostsOriginValidator`` compares only the Origin's host name with
``ALLOWED_HOSTS``: ``http://localhost:9999`` passes for a site served at
``http://127.0.0.1:8201`` when both names are allowed, as does any port and
scheme. This check is Django's (``CsrfViewMiddleware``): the Origin must be the
scheme, host and port the handshake itself was sent to (its ``Host`` header,
validated against ``ALLOWED_HOSTS``), or one of ``CSRF_TRUSTED_ORIGINS``.

The open sockets are counted in each worker process (``OPEN``), which needs no
shared store and bounds what one client holds in that process; the limits are
``REACTIVE["MAX_CONNECTIONS_PER_SESSION"]`` and ``["MAX_CONNECTIONS_PER_ADDRESS"]``.
"""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest
from django.utils.http import is_same_domain

from . import conf

__all__ = ["OPEN", "admit", "origin_allowed", "release"]

#: Sockets open in this worker process: by session key, and by client address.
OPEN: dict[str, Counter[str]] = {"MAX_CONNECTIONS_PER_SESSION": Counter(),
                                  "MAX_CONNECTIONS_PER_ADDRESS": Counter()}


def origin_allowed(request: HttpRequest) -> bool:
    """Whether the handshake ``request`` comes from a page of this site (its ``Origin`` header)."""
    origin = request.META.get("HTTP_ORIGIN")
    if not origin:
        return False  # browsers always send it with a WebSocket handshake
    try:
        own = f"{'https' if request.is_secure() else 'http'}://{request.get_host()}"
    except DisallowedHost:
        own = None
    trusted = getattr(settings, "CSRF_TRUSTED_ORIGINS", ())
    if origin == own or origin in trusted:
        return True
    try:
        parts = urlsplit(origin)
    except ValueError:
        return False
    return any(is_same_domain(parts.netloc, netloc.lstrip("*"))
               for scheme, _, netloc in (t.partition("://") for t in trusted if "*" in t)
               if scheme == parts.scheme)


def admit(session_key: str, address: str | None) -> list[tuple[str, str]] | None:
    """Count a new socket of ``session_key`` from ``address``; None when a limit is reached.

    Returns what the socket counts in, for :func:`release` when it closes.
    """
    keys = {"MAX_CONNECTIONS_PER_SESSION": session_key, "MAX_CONNECTIONS_PER_ADDRESS": address}
    limits = {name: conf.get(name) for name in keys}
    if any(key is not None and limits[name] is not None and OPEN[name][key] >= limits[name]
           for name, key in keys.items()):
        return None
    counted = [(name, key) for name, key in keys.items() if key is not None]
    for name, key in counted:
        OPEN[name][key] += 1
    return counted


def release(counted: list[tuple[str, str]]) -> None:
    """The socket that :func:`admit` counted closed."""
    for name, key in counted:
        OPEN[name][key] -= 1
        if not OPEN[name][key]:
            del OPEN[name][key]
