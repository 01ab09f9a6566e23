"""``st.request`` over the WebSocket: the handshake as a Django ``HttpRequest``.

A view reads ``st.request`` the same way whatever the transport: on the page
load and over the HTTP fallback it is the request Django handled; over the
WebSocket there is no HTTP request per event, so the runs get the request of
the socket's handshake instead. It is a GET of the socket URL carrying what the
browser sent with it: the page's cookies and headers, the client address, and
the ``user`` and ``session`` that Channels' ``AuthMiddlewareStack`` put in the
scope. Code written for ``HttpRequest`` (``request.headers``, ``COOKIES``,
``get_host()``, ``build_absolute_uri()``, ``django.contrib.messages``) then
works unchanged in every run.
"""

from __future__ import annotations

import io
from typing import Any

from django.conf import settings
from django.core.handlers.asgi import ASGIRequest
from django.http import HttpRequest
from django.utils import translation

__all__ = ["request_from_scope"]

#: The HTTP scheme of a WebSocket scheme, so ``is_secure()`` answers as on the page.
HTTP_SCHEMES = {"ws": "http", "wss": "https"}

LOCALE_MIDDLEWARE = "django.middleware.locale.LocaleMiddleware"


def request_from_scope(scope: dict[str, Any]) -> HttpRequest:
    """The ``HttpRequest`` of a WebSocket handshake, for the runs made over that socket.

    ``scope`` is the Channels websocket scope; it is copied, not changed. The
    request has no body. ``user`` and ``session`` are the scope's own objects
    (lazy until first used, so calling this from async code touches no
    database). ``LANGUAGE_CODE`` is set as ``LocaleMiddleware`` would set it
    on the page (the language cookie, then ``Accept-Language``), or to
    ``settings.LANGUAGE_CODE`` when the site does not use that middleware, so
    the transport can render every run in the page's language.
    """
    http_scope = {**scope, "type": "http", "method": "GET"}
    scheme = scope.get("scheme")
    if scheme:
        http_scope["scheme"] = HTTP_SCHEMES.get(scheme, scheme)
    request = ASGIRequest(http_scope, io.BytesIO(b""))
    if "user" in scope:
        request.user = scope["user"]
    if "session" in scope:
        request.session = scope["session"]
    request.LANGUAGE_CODE = _language(request)
    return request


def _language(request: HttpRequest) -> str:
    """The language the page was rendered in, as far as the handshake tells."""
    if LOCALE_MIDDLEWARE in settings.MIDDLEWARE and settings.USE_I18N:
        return translation.get_language_from_request(request)
    return settings.LANGUAGE_CODE
