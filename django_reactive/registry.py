"""``@reactive.view``: the registered views, their options and access rules."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured

from . import conf

#: Registered views by name.
VIEWS: dict[str, ReactiveView] = {}

NAME_RE = re.compile(r"^[A-Za-z0-9_.\-]{1,80}$")
SCOPES = ("session", "tab")

ALLOWED, LOGIN, FORBIDDEN = "allowed", "login", "forbidden"


class ReactiveView:
    """A view function re-run on every interaction, with its options."""

    # It is callable (it runs the view); templates must read its attributes.
    do_not_call_in_templates = True

    def __init__(self, fn: Callable[[Any], Any], *, name: str | None = None,
                 scope: str | None = None, login_required: bool = False,
                 permission: str | Callable[[Any], bool] | None = None, title: str | None = None,
                 template: str | None = None) -> None:
        self.fn = fn
        self.name = name or _default_name(fn)
        if not NAME_RE.match(self.name):
            raise ImproperlyConfigured(
                f"Reactive view name {self.name!r} may only use letters, digits, '_', '-' and '.' "
                "(at most 80 characters)."
            )
        self._scope = scope
        if scope is not None and scope not in SCOPES:
            raise ImproperlyConfigured(f"scope must be 'session' or 'tab', not {scope!r}.")
        self.login_required = login_required
        self.permission = permission
        self.title = title
        self.template = template
        self.__doc__ = fn.__doc__
        self.__name__ = getattr(fn, "__name__", self.name)
        self.__module__ = getattr(fn, "__module__", __name__)

    @property
    def scope(self) -> str:
        return self._scope or conf.get("DEFAULT_SCOPE")

    def __call__(self, st: Any) -> Any:
        return self.fn(st)

    def __repr__(self) -> str:
        return f"<ReactiveView {self.name}>"

    def as_view(self) -> Callable[..., Any]:
        """A Django view serving this reactive view as a page: ``path("x/", v.as_view())``."""
        from .views import page_view

        return page_view(self)

    def access(self, user: Any) -> str:
        """ALLOWED, LOGIN (anonymous user must log in) or FORBIDDEN."""
        if not (self.login_required or self.permission):
            return ALLOWED
        if user is None or not user.is_authenticated:
            return LOGIN
        if self.permission is None:
            return ALLOWED
        allowed = self.permission(user) if callable(self.permission) else user.has_perm(self.permission)
        return ALLOWED if allowed else FORBIDDEN

    def namespace(self, tab: str) -> str:
        """Where this view's state lives in the session: shared, or per tab."""
        return f"{self.name}#{tab}" if self.scope == "tab" else self.name


def _default_name(fn: Callable[..., Any]) -> str:
    module = getattr(fn, "__module__", "") or ""
    config = apps.get_containing_app_config(module) if apps.apps_ready else None
    prefix = config.label if config is not None else module.rsplit(".", 1)[-1]
    return f"{prefix}.{fn.__name__}"


#: Names registered by two different functions: name -> their origins (system check E007).
CONFLICTS: dict[str, set[str]] = {}


def register(view: ReactiveView) -> ReactiveView:
    """Register ``view`` under its name; a second function with that name is a conflict.

    The first registration stays in force, and ``manage.py check`` (run by
    runserver) reports the conflict, rather than failing the URLconf import.
    """
    existing = VIEWS.get(view.name)
    if existing is not None and _origin(existing.fn) != _origin(view.fn):
        CONFLICTS.setdefault(view.name, {_origin(existing.fn)}).add(_origin(view.fn))
        return view
    VIEWS[view.name] = view
    return view


def _origin(fn: Callable[..., Any]) -> str:
    return f"{getattr(fn, '__module__', '?')}.{getattr(fn, '__qualname__', '?')}"


def get(name: str) -> ReactiveView | None:
    """The view registered as ``name``.

    Views register when their module is imported. A worker whose first request
    is a WebSocket has not imported the URLconf yet, so it is loaded here.
    """
    if name not in VIEWS:
        from django.urls import get_resolver

        get_resolver().url_patterns  # noqa: B018 - importing the URLconf registers views
    return VIEWS.get(name)


def view(fn: Callable[[Any], Any] | None = None, **options: Any) -> Any:
    """Decorate a function taking ``st`` to make it a reactive view.

    Use as ``@reactive.view`` or ``@reactive.view(name=..., scope="tab", ...)``.
    """
    if fn is None:
        return lambda f: register(ReactiveView(f, **options))
    return register(ReactiveView(fn, **options))
