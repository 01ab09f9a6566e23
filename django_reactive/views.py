"""The HTTP side: a reactive view served as a full page, rendered by running it once."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils.safestring import SafeString

from . import conf, registry
from .app_session import AppSession, group_name
from .registry import ALLOWED, FORBIDDEN, LOGIN, ReactiveView
from .uploads import store_upload


def ws_url(view: ReactiveView) -> str:
    return f"{get_script_prefix()}{conf.get('WS_PATH')}{view.name}/"


def upload_url(view: ReactiveView) -> str | None:
    """Where st.file_uploader posts files, when django_reactive.urls is included."""
    try:
        return reverse("django_reactive:upload", args=[view.name])
    except NoReverseMatch:
        return None


def view_markup(app: AppSession, request: HttpRequest) -> SafeString:
    """The view's root element with what the client needs to connect."""
    return render_to_string("django_reactive/view.html", {
        "view": app.view, "ws_url": ws_url(app.view), "tab": app.tab,
        "rev": app.rendered.rev, "body": app.rendered.root, "query": app.query_update,
        "upload_url": upload_url(app.view), "csrf_token": get_token(request),
    })


def broadcast_state_changed(session_key: str, view: ReactiveView, origin: str = "") -> None:
    """Tell the other tabs of a session showing ``view`` to re-run it."""
    layer = get_channel_layer(conf.get("CHANNEL_LAYER"))
    if layer is not None and view.scope == "session":
        async_to_sync(layer.group_send)(
            group_name(session_key, view.name), {"type": "state.changed", "origin": origin}
        )


def page_view(view: ReactiveView) -> Callable[..., HttpResponse]:
    def page(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        access = view.access(getattr(request, "user", None))
        if access == LOGIN:
            return redirect_to_login(request.get_full_path())
        if access == FORBIDDEN:
            raise PermissionDenied
        # The WebSocket cannot set a cookie: the session must exist before it opens.
        created = request.session.session_key is None
        if created:
            request.session.save()
        session_key = request.session.session_key
        app = AppSession(view, session_key, secrets.token_urlsafe(12),
                         user=getattr(request, "user", None), request=request,
                         query_string=request.META.get("QUERY_STRING", ""))
        _, changed = app.run_page(request.session if created else None)
        if changed:
            broadcast_state_changed(session_key, view)
        template = view.template or conf.get("BASE_TEMPLATE")
        return render(request, template, {
            "reactive_view": view, "title": view.title or view.name,
            "reactive_view_body": view_markup(app, request),
        })

    page.reactive_view = view  # type: ignore[attr-defined]
    page.__name__ = view.__name__
    page.__doc__ = view.__doc__
    return page


def upload(request: HttpRequest, name: str) -> JsonResponse:
    """Store the files a page's st.file_uploader posts; answer their tokens.

    CSRF-protected like any POST; the same access rules as the view's page.
    """
    if request.method != "POST":
        return JsonResponse({"error": "POST the files as multipart/form-data."}, status=405)
    view = registry.get(name)
    if view is None:
        return JsonResponse({"error": f"No reactive view named {name!r}."}, status=404)
    if view.access(getattr(request, "user", None)) != ALLOWED:
        return JsonResponse({"error": "You may not use this view."}, status=403)
    files = request.FILES.getlist("files")
    limit = conf.get("MAX_UPLOAD_BYTES")
    if sum(f.size for f in files) > limit:
        return JsonResponse({"error": f"The files are larger than {limit} bytes."}, status=413)
    tokens = [store_upload(f.name, f.read(), f.content_type or "application/octet-stream")
              for f in files]
    return JsonResponse({"files": tokens})
