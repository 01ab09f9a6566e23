"""The HTTP side: a reactive view served as a full page, rendered by running it once."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils.html import escape
from django.utils.safestring import SafeString
from django.views.decorators.http import require_POST

from . import conf, http_pages, protocol, registry, viewargs
from .app_session import AppSession, LeaseLost, LockTimeout, SessionGone, Unavailable, group_name
from .locks import Lease, lock_key
from .push import has_other_members
from .registry import ALLOWED, FORBIDDEN, LOGIN, ReactiveView
from .runtime import Event, EventError
from .state.persistence import INFRASTRUCTURE_ERRORS
from .upload_cleanup import QuotaExceeded, maybe_sweep, store_within_quota
from .uploads import TokenRefused, read_grant
from .url_safety import safe_url

logger = logging.getLogger("django_reactive")

#: Bytes a multipart body may add to its files' sizes (boundaries, part headers).
MULTIPART_OVERHEAD = 64 * 1024


def ws_url() -> str:
    """The page's one WebSocket, shared by every view on it."""
    return f"{get_script_prefix()}{conf.get('WS_PATH')}"


def endpoint_url(endpoint: str, view: ReactiveView) -> str | None:
    """The URL of an HTTP endpoint for ``view``, when django_reactive.urls is included."""
    try:
        return reverse(f"django_reactive:{endpoint}", args=[view.name])
    except NoReverseMatch:
        return None


def view_markup(app: AppSession, request: HttpRequest) -> SafeString:
    """The view's root element with what the client needs to connect."""
    return render_to_string("django_reactive/view.html", {
        "view": app.view, "ws_url": ws_url(), "tab": app.tab,
        "rev": app.rendered.rev, "body": app.rendered.root, "query": app.query_update,
        "stylesheets": app.rendered.stylesheets,
        "upload_url": endpoint_url("upload", app.view),
        "event_url": endpoint_url("event", app.view), "csrf_token": get_token(request),
        "kwargs_token": viewargs.sign(app.view.name, app.kwargs),
    })


def broadcast_state_changed(session_key: str, view: ReactiveView, origin: str = "",
                            kwargs: dict[str, Any] | None = None) -> None:
    """Tell the other tabs of a session showing ``view`` (with ``kwargs``) to re-run it.

    Called after the state was saved: a failing channel layer is logged, and
    the request that saved goes on (the other tabs catch up on their next event).
    """
    if view.scope != "session":
        return
    try:
        layer = get_channel_layer(conf.get("CHANNEL_LAYER"))
        if layer is not None:
            group = group_name(session_key, view.state_name(kwargs))
            async_to_sync(_tell_members)(layer, group, protocol.state_changed(group, origin))
    except Exception:  # noqa: BLE001 - see above
        logger.warning("django_reactive: could not tell other tabs of view %s", view.name, exc_info=True)


async def _tell_members(layer: Any, group: str, message: dict[str, Any]) -> None:
    """Send ``message`` to ``group``, unless no page is in it (a first visit, a lone tab)."""
    if await has_other_members(layer, group, ""):
        await layer.group_send(group, message)


def render_view(request: HttpRequest, view: ReactiveView,
                kwargs: dict[str, Any] | None = None) -> SafeString:
    """Run ``view`` for ``request`` once and return its markup, ready to go live.

    The page, ``{% reactive_view %}`` and the admin tools all render a view
    this way. The caller checks access first (:meth:`ReactiveView.access`).
    ``kwargs`` become ``st.kwargs``; the page carries them, signed.
    """
    return view_markup(_first_run(request, view, kwargs), request)


def _first_run(request: HttpRequest, view: ReactiveView, kwargs: dict[str, Any] | None) -> AppSession:
    kwargs = viewargs.clean(view.name, kwargs or {})
    # The WebSocket cannot set a cookie: the session must exist before it opens.
    if request.session.session_key is None:
        request.session.save()
        request.session.modified = True  # so the response sets the session cookie
    session_key = request.session.session_key
    app = AppSession(view, session_key, secrets.token_urlsafe(12),
                     user=getattr(request, "user", None), request=request,
                     query_string=request.META.get("QUERY_STRING", ""), kwargs=kwargs)
    _, changed = app.run_page(mirror=request.session)
    if changed:
        broadcast_state_changed(session_key, view, kwargs=kwargs)
    return app


def _icon_href(icon: Any) -> str | None:
    """A favicon ``href`` for ``st.set_page_config(page_icon=...)``: a URL, or an emoji drawn in SVG."""
    if not isinstance(icon, str) or not icon:
        return None
    href = safe_url(icon)
    if href is not None:
        return href
    if icon.startswith("/") or "://" in icon:
        return None  # a URL a browser would read otherwise (url_safety): no icon
    svg = ("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>"
           f"<text y='.9em' font-size='90'>{escape(icon)}</text></svg>")
    return "data:image/svg+xml," + quote(svg)


def check_access(request: HttpRequest, view: ReactiveView) -> HttpResponse | None:
    """None when the request's user may use ``view``; else a redirect to log in.

    Raises PermissionDenied (Django's 403) for a logged-in user without the
    permission.
    """
    access = view.access(getattr(request, "user", None))
    if access == LOGIN:
        return redirect_to_login(request.get_full_path())
    if access == FORBIDDEN:
        raise PermissionDenied
    return None


def page_view(view: ReactiveView) -> Callable[..., HttpResponse]:
    def page(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        refused = check_access(request, view)
        if refused is not None:
            return refused
        template = view.template or conf.get("BASE_TEMPLATE")
        try:
            app = _first_run(request, view, kwargs)
            body = view_markup(app, request)
        except (Unavailable, LockTimeout, LeaseLost, *INFRASTRUCTURE_ERRORS):
            logger.warning("django_reactive: page of view %s unavailable", view.name, exc_info=True)
            response = render(request, "django_reactive/unavailable.html",
                              {"title": view.title or view.name}, status=503)
            response["Retry-After"] = "2"
            return response
        config = app.runner.page_config  # st.set_page_config of the first run
        return render(request, template, {
            "reactive_view": view, "title": config.get("page_title") or view.title or view.name,
            "reactive_view_body": body, "page_layout": config.get("layout", "centered"),
            "page_icon": _icon_href(config.get("page_icon")),
        })

    page.reactive_view = view  # type: ignore[attr-defined]
    page.__name__ = view.__name__
    page.__doc__ = view.__doc__
    return page


def upload(request: HttpRequest, name: str) -> HttpResponse:
    """Store the files a page's st.file_uploader posts; answer their tokens.

    CSRF-protected like any POST; the same access rules as the view's page.
    Only for a file uploader that the view's last saved run showed in this
    session (the widget's grant, header ``X-Reactive-Grant``), and within the
    session's quota (docs/security.md).
    """
    if request.method != "POST":
        return _json(protocol.upload_refused("POST the files as multipart/form-data."), 405)
    view = registry.get(name)
    if view is None:
        return _json(protocol.upload_refused(f"No reactive view named {name!r}."), 404)
    if view.access(getattr(request, "user", None)) != ALLOWED:
        return _json(protocol.upload_refused("You may not use this view."), 403)
    session_key = request.session.session_key
    try:
        if not session_key:
            raise TokenRefused("Load the page first: uploads belong to its session.")
        target = read_grant(request.headers.get("X-Reactive-Grant"), session_key, view.name)
    except TokenRefused as exc:
        return _json(protocol.upload_refused(str(exc)), 403)
    state = request.session.get(conf.get("SESSION_KEY")) or {}
    if target.widget not in ((state.get(target.namespace) or {}).get("w") or {}):
        return _json(protocol.upload_refused("The page no longer shows this file uploader; reload it."), 403)
    limit = conf.get("MAX_UPLOAD_BYTES")
    if _declared_length(request) > limit + MULTIPART_OVERHEAD:  # refused before the body is read
        return _json(protocol.upload_refused(f"The files are larger than {limit} bytes."), 413)
    files = request.FILES.getlist("files")
    if len(files) > 1 and not target.multiple:
        return _json(protocol.upload_refused("This file uploader takes one file."), 400)
    if sum(f.size for f in files) > limit:
        return _json(protocol.upload_refused(f"The files are larger than {limit} bytes."), 413)
    try:
        with Lease(lock_key(session_key, ":uploads"), "Another upload of this session is under way."):
            tokens = store_within_quota(session_key, state, view.name, target.widget, files)
    except QuotaExceeded as exc:
        return _json(protocol.upload_refused(str(exc)), 413)
    except LockTimeout as exc:
        return _json(protocol.upload_refused(str(exc)), 503)
    maybe_sweep()
    return _json(protocol.uploaded(tokens))


@require_POST
def event(request: HttpRequest, name: str) -> HttpResponse:
    """The HTTP fallback: one event, answered with its patch (docs/protocol.md).

    Used by the client when no WebSocket can be opened (a proxy that blocks
    them, a WSGI-only deployment). The page is kept in this process for its
    next event (``http_pages``); on another worker the view is replayed first
    to rebuild its callbacks, in the same lease and session read as the
    event. The patch is taken against what the page shows (the ``rev`` it
    sends); a page that shows something else gets a full render. Every answer
    is JSON.
    """
    view = registry.get(name)
    if view is None:
        return _json(protocol.error("unknown_view", f"No reactive view named {name!r}."), 404)
    if view.access(getattr(request, "user", None)) != ALLOWED:
        return _json(protocol.error("forbidden", "You may not use this view."), 403)
    session_key = request.session.session_key
    if not session_key:
        return _json(protocol.reload("no_session"), 409)
    limit = conf.get("MAX_MESSAGE_BYTES")
    if _declared_length(request) > limit:  # refused before the body is read
        return _json(protocol.error("too_large", f"The message is larger than {limit} bytes."), 413)
    try:
        posted = protocol.parse_http_event(request.body, limit, conf.get("MAX_JSON_DEPTH"))
        kwargs = viewargs.unsign(view.name, posted.kwargs)
    except protocol.ProtocolError as exc:
        return _json(protocol.error(exc.code, exc.message), 413 if exc.code == "too_large" else 400)
    except viewargs.BadViewArguments as exc:
        return _json(protocol.error("bad_kwargs", str(exc)), 400)
    seq = posted.event.seq
    user = getattr(request, "user", None)

    def new_page() -> AppSession:
        return AppSession(view, session_key, posted.tab, user=user, request=request,
                          query_string=posted.query, kwargs=kwargs)

    try:
        with http_pages.page((session_key, view.name, posted.tab, posted.kwargs), new_page) as app:
            app.runner.user, app.runner.request = user, request
            if app.rendered is not None and not app.rendered.shown_as(posted.rev):
                app.rendered = None  # the page shows something else: send it all
            app.page_rev = posted.rev
            outcome = app.handle_event(Event(posted.event.values, posted.event.trigger))
    except EventError as exc:
        return _json(protocol.error(exc.code, exc.message, ack=seq, widget=exc.widget), 400)
    except (LockTimeout, LeaseLost) as exc:
        return _json(protocol.error("busy", str(exc), ack=seq), 503)
    except (Unavailable, *INFRASTRUCTURE_ERRORS):
        logger.warning("django_reactive: event of view %s unavailable", view.name, exc_info=True)
        return _json(protocol.error("unavailable", "The server cannot save right now; try again.",
                                    ack=seq), 503)
    except SessionGone:
        return _json(protocol.reload("session_expired"), 409)
    if outcome.changed:
        broadcast_state_changed(session_key, view, kwargs=kwargs)
    return _json(protocol.patch(outcome.ops, ack=seq, query=outcome.query, rev=app.rendered.rev))


def _declared_length(request: HttpRequest) -> int:
    """The body's ``Content-Length`` (0 when absent or unreadable: the parser measures it then)."""
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _json(text: str, status: int = 200) -> HttpResponse:
    """A message built by ``protocol``, as the HTTP answer."""
    return HttpResponse(text, status=status, content_type="application/json")
