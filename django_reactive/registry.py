"""``@reactive.view``: the registered views, their options and access rules."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Mapping
from typing import Any
from urllib.parse import urlencode

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured

from . import conf
from .magic import magic_function

#: Registered views by name.
VIEWS: dict[str, ReactiveView] = {}

NAME_RE = re.compile(r"^[A-Za-z0-9_.\-]{1,80}$")
SCOPES = ("session", "tab")

ALLOWED, LOGIN, FORBIDDEN = "allowed", "login", "forbidden"

#: A rule on the user, on top of ``login_required`` and ``permission`` (see ``ReactiveView.require``).
Requirement = Callable[[Any], bool]


class ReactiveView:
    """A view function re-run on every interaction, with its options."""

    # It is callable (it runs the view); templates must read its attributes.
    do_not_call_in_templates = True

    def __init__(self, fn: Callable[[Any], Any], *, name: str | None = None,
                 scope: str | None = None, login_required: bool = False,
                 permission: str | Callable[[Any], bool] | None = None, title: str | None = None,
                 template: str | None = None, magic: bool = False) -> None:
        # magic=True: bare expression lines of the function are shown, as in a script file.
        self.fn = magic_function(fn) if magic else fn
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
        #: Extra rules added by :meth:`require` (the admin adds its permission checks here).
        self.requirements: dict[Hashable, Requirement] = {}
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
        """ALLOWED, LOGIN (anonymous user must log in) or FORBIDDEN.

        Every path into the view asks this: the page, the WebSocket, the HTTP
        fallback and uploads. A view with requirements needs a logged-in user.
        """
        requirements = list(self.requirements.values())
        if not (self.login_required or self.permission or requirements):
            return ALLOWED
        if user is None or not user.is_authenticated:
            return LOGIN
        if self.permission is not None:
            allowed = self.permission(user) if callable(self.permission) else user.has_perm(self.permission)
            if not allowed:
                return FORBIDDEN
        return ALLOWED if all(check(user) for check in requirements) else FORBIDDEN

    def require(self, check: Requirement, *, key: Hashable | None = None) -> ReactiveView:
        """Add a rule ``check(user) -> bool`` that every path into this view enforces.

        Code other than the view's author restricts it this way, e.g. the
        admin's staff and model-permission check for a view used as an admin
        tool: the rule then holds on the WebSocket and the HTTP endpoints too,
        not only on the page that links to it. Anonymous users are asked to
        log in, users failing the check are refused. A rule with the ``key`` of
        an earlier one replaces it (the default key is ``check`` itself), so
        code that runs more than once adds its rule once.
        """
        self.requirements[check if key is None else key] = check
        return self

    def state_name(self, kwargs: Mapping[str, Any] | None = None) -> str:
        """The view's name, with its keyword arguments when it has any: ``shop.notes?order=5``.

        Mounted with different arguments (an order page each), a view keeps a
        state for each.
        """
        return f"{self.name}?{urlencode(sorted(kwargs.items()))}" if kwargs else self.name

    def namespace(self, tab: str, kwargs: Mapping[str, Any] | None = None) -> str:
        """Where this view's state lives in the session: shared, or per tab."""
        name = self.state_name(kwargs)
        return f"{name}#{tab}" if self.scope == "tab" else name


def _default_name(fn: Callable[..., Any]) -> str:
    module = getattr(fn, "__module__", "") or ""
    config = apps.get_containing_app_config(module) if apps.apps_ready else None
    prefix = config.label if config is not None else module.rsplit(".", 1)[-1]
    return f"{prefix}.{fn.__name__}"


#: Names registered by two different functions: name -> their origins (system check E007).
CONFLICTS: dict[str, set[str]] = {}


#: Rules added by view name with :func:`require`: name -> {key: check}.
REQUIREMENTS: dict[str, dict[Hashable, Requirement]] = {}


def require(name: str, check: Requirement, *, key: Hashable | None = None) -> None:
    """``ReactiveView.require`` for the view named ``name``, registered now or later.

    For code that knows a view only by name and may run before the view's
    module is imported (an admin module, during autodiscovery).
    """
    REQUIREMENTS.setdefault(name, {})[check if key is None else key] = check
    if name in VIEWS:
        VIEWS[name].require(check, key=key)


def register(view: ReactiveView) -> ReactiveView:
    """Register ``view`` under its name; a second function with that name is a conflict.

    The first registration stays in force, and ``manage.py check`` (run by
    runserver) reports the conflict, rather than failing the URLconf import.
    """
    for key, check in REQUIREMENTS.get(view.name, {}).items():
        view.require(check, key=key)
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
