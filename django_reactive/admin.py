"""Reactive views as admin tools: ``ReactiveAdminMixin`` and ``selected_objects``.

::

    @admin.register(Shape)
    class ShapeAdmin(ReactiveAdminMixin, admin.ModelAdmin):
        reactive_tools = [label_shapes]        # @reactive.view functions, or their names

Each tool gets a page under the model's admin (``tools/<view name>/``) inside
the admin's chrome, a link on the change list and an action that opens it on
the selected objects. Its rules (active staff with a model permission) are
added to the view itself, so they hold on the WebSocket and the HTTP endpoints
as well as on the page. See docs/admin.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from django.contrib import messages
from django.contrib.admin import options as admin_options
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.utils import quote, unquote
from django.contrib.auth import get_permission_codename
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.db.models import Model, QuerySet
from django.db.models.options import Options
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.loader import select_template
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.formats import number_format
from django.utils.text import capfirst
from django.utils.translation import gettext

from . import registry
from .registry import ALLOWED, ReactiveView
from .views import render_view

#: Django 6.1 offers actions on change forms too and describes them with ``Action``;
#: before it, actions are ``(func, name, description)`` tuples of the change list.
ActionLocation = getattr(admin_options, "ActionLocation", None)
Action = getattr(admin_options, "Action", None)
CHANGE_LIST = None if ActionLocation is None else ActionLocation.CHANGE_LIST

#: The query parameter that carries the selected objects' primary keys, comma-separated.
IDS_PARAM = "ids"
#: The model permissions ``reactive_tools_permission`` may name.
PERMISSIONS = ("view", "add", "change", "delete")
TOOL_TEMPLATE = "django_reactive/admin/tool.html"
CHANGE_LIST_TEMPLATE = "django_reactive/admin/change_list.html"
#: Objects fetched per query by ``selected_objects`` (below every database's parameter limit).
BATCH = 500


def tool_slug(name: str) -> str:
    """A view name as it appears in URL names: ``demo.label_shapes`` -> ``demo_label_shapes``."""
    return re.sub(r"\W", "_", name)


def tool_url_name(opts: Options, view: ReactiveView | str) -> str:
    """The URL name of a tool, without the admin namespace: ``<app>_<model>_reactive_<slug>``.

    Reverse it as ``reverse("admin:" + tool_url_name(Shape._meta, label_shapes))``.
    """
    name = view.name if isinstance(view, ReactiveView) else view
    return f"{opts.app_label}_{opts.model_name}_reactive_{tool_slug(name)}"


def tool_title(view: ReactiveView) -> str:
    """The tool's title: the view's ``title``, else its function name made readable."""
    return view.title or capfirst(view.__name__.replace("_", " "))


def selected_objects(st: Any, queryset_or_model: QuerySet | type[Model], *,
                     param: str = IDS_PARAM) -> list[Model]:
    """The objects the admin action opened the tool on, in the order they were selected.

    Reads ``st.query_params[param]`` (primary keys, comma-separated, quoted as
    in admin URLs). The query string comes from the browser, so it is not
    trusted: malformed keys, repeated keys and objects that do not exist (or
    are not in ``queryset``, which can restrict what a tool may touch) are
    skipped. Empty when nothing was selected, so ``selected_objects(st, M) or
    M.objects.filter(...)`` gives the tool a default.
    """
    if isinstance(queryset_or_model, QuerySet):
        queryset = queryset_or_model
    else:
        queryset = queryset_or_model._default_manager.all()
    pk_field = queryset.model._meta.pk
    pks: list[Any] = []
    for part in st.query_params.get(param, "").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            pk = pk_field.to_python(unquote(part))
            pk_field.run_validators(pk)
        except (ValidationError, TypeError, ValueError):
            continue
        if isinstance(pk, int) and not -(2**63) <= pk < 2**63:
            continue  # no database stores it, and some fail on it (SQLite before Django 5)
        if pk is not None:
            pks.append(pk)
    pks = list(dict.fromkeys(pks))  # the first of repeated keys
    found: dict[Any, Model] = {}
    for start in range(0, len(pks), BATCH):
        found.update((obj.pk, obj) for obj in queryset.filter(pk__in=pks[start:start + BATCH]))
    return [found[pk] for pk in pks if pk in found]


class ReactiveAdminMixin:
    """Adds ``reactive_tools`` to a ``ModelAdmin``: put it before ``admin.ModelAdmin``.

    Who may use a tool, on every path into it: an active staff member with
    the model permission ``reactive_tools_permission`` (and whatever the view
    itself requires, ``login_required`` or ``permission``).
    """

    #: Reactive views (or their registered names) shown as tools of this model.
    reactive_tools: Sequence[ReactiveView | str] = ()
    #: The model permission a tool needs: "view", "add", "change" or "delete".
    reactive_tools_permission: str = "change"
    #: The action refuses larger selections: their keys would not fit in a URL.
    reactive_tools_max_ids: int = 1000
    #: The tool page's template; default ``admin/<app>/<model>/reactive_tool.html``,
    #: ``admin/<app>/reactive_tool.html``, then ``django_reactive/admin/tool.html``.
    reactive_tool_template: str | Sequence[str] | None = None

    # Set by ModelAdmin.
    opts: Options
    admin_site: Any
    change_list_template: str | Sequence[str] | None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._reactive_tools = self._check_reactive_tools()
        if self.change_list_template is None:
            self.change_list_template = CHANGE_LIST_TEMPLATE
        # The rule goes on the view itself: the WebSocket and the HTTP endpoints reach the
        # view by name and ask only view.access(). One key per (site, model): instantiating
        # this admin again replaces its rule instead of adding another.
        key = ("django_reactive.admin", self.admin_site.name, self.opts.label_lower)
        for name, view in self._reactive_tools.items():
            registry.require(name, self.has_reactive_tool_permission, key=key)
            if view is not None:
                view.require(self.has_reactive_tool_permission, key=key)

    def _check_reactive_tools(self) -> dict[str, ReactiveView | None]:
        owner = type(self).__name__
        if self.reactive_tools_permission not in PERMISSIONS:
            raise ImproperlyConfigured(
                f"{owner}.reactive_tools_permission must be one of {', '.join(PERMISSIONS)}, "
                f"not {self.reactive_tools_permission!r}.")
        tools: dict[str, ReactiveView | None] = {}
        for entry in self.reactive_tools:
            if isinstance(entry, ReactiveView):
                name, view = entry.name, entry
            elif isinstance(entry, str) and registry.NAME_RE.match(entry):
                name, view = entry, None
            else:
                raise ImproperlyConfigured(
                    f"{owner}.reactive_tools takes @reactive.view functions or their names, "
                    f"not {entry!r}.")
            if any(tool_slug(other) == tool_slug(name) for other in tools):
                raise ImproperlyConfigured(f"{owner}.reactive_tools has {name!r} twice.")
            tools[name] = view
        return tools

    # -- the tools ------------------------------------------------------------------

    def get_reactive_tools(self) -> list[ReactiveView]:
        """The tools as views (names are looked up in the registry now, at request time)."""
        return [self._reactive_tool(name) for name in self._reactive_tools]

    def _reactive_tool(self, name: str) -> ReactiveView:
        view = self._reactive_tools[name] or registry.get(name)
        if view is None:
            raise ImproperlyConfigured(
                f"{type(self).__name__}.reactive_tools names {name!r}, but no reactive view has "
                "that name: is the module that defines it imported (by the URLconf, or the admin)?")
        return view

    def reactive_tool_url(self, view: ReactiveView | str, ids: Sequence[Any] | None = None) -> str:
        """The URL of a tool's page, optionally opened on the objects with these primary keys."""
        url = reverse(f"{self.admin_site.name}:{tool_url_name(self.opts, view)}",
                      current_app=self.admin_site.name)
        if ids:
            url += f"?{IDS_PARAM}=" + ",".join(quote(str(pk)) for pk in ids)
        return url

    # -- permissions ----------------------------------------------------------------

    def has_reactive_tool_permission(self, user: Any) -> bool:
        """Whether ``user`` may use this admin's tools; checked on every path in.

        Takes a user, not a request, because the WebSocket has no HttpRequest.
        The default mirrors the admin: an active staff member with the model
        permission ``reactive_tools_permission`` ("view" is also granted by
        "change", as in the admin). Override it, not ``has_change_permission``,
        to change who may use the tools everywhere.
        """
        if not (user.is_active and user.is_staff):
            return False
        actions = [self.reactive_tools_permission]
        if self.reactive_tools_permission == "view":
            actions.append("change")
        return any(user.has_perm(f"{self.opts.app_label}.{get_permission_codename(action, self.opts)}")
                   for action in actions)

    def may_use_reactive_tool(self, request: HttpRequest, view: ReactiveView) -> bool:
        """The admin's side: its ``has_<permission>_permission(request)`` and the view's rules."""
        has_permission = getattr(self, f"has_{self.reactive_tools_permission}_permission")
        return bool(has_permission(request)) and view.access(request.user) == ALLOWED

    # -- URLs and pages -------------------------------------------------------------

    def get_urls(self) -> list[URLPattern]:
        # First: the admin's "<path:object_id>/" would take "tools/<name>/" for an object id.
        tools = [path(f"tools/{name}/", self._wrap_reactive_tool(name),
                      name=tool_url_name(self.opts, name)) for name in self._reactive_tools]
        return tools + super().get_urls()

    def _wrap_reactive_tool(self, name: str) -> Callable[..., HttpResponse]:
        def tool(request: HttpRequest) -> HttpResponse:
            return self.reactive_tool_view(request, self._reactive_tool(name))

        tool.model_admin = self  # type: ignore[attr-defined]  # as ModelAdmin.get_urls does
        # admin_view: anonymous and non-staff users go to the admin's login page.
        return self.admin_site.admin_view(tool)

    def reactive_tool_view(self, request: HttpRequest, view: ReactiveView,
                           extra_context: dict[str, Any] | None = None) -> HttpResponse:
        """The tool's page: the view, run once, inside the admin's chrome."""
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        if not self.may_use_reactive_tool(request, view):
            raise PermissionDenied
        request.current_app = self.admin_site.name
        opts = self.opts
        context = {
            **self.admin_site.each_context(request),
            "title": tool_title(view),
            "subtitle": None,
            "opts": opts,
            "app_label": opts.app_label,
            "has_view_permission": self.has_view_permission(request),
            "reactive_view": view,
            "reactive_view_body": render_view(request, view),
            **(extra_context or {}),
        }
        return TemplateResponse(request, self.reactive_tool_template or [
            f"admin/{opts.app_label}/{opts.model_name}/reactive_tool.html",
            f"admin/{opts.app_label}/reactive_tool.html",
            TOOL_TEMPLATE,
        ], context)

    def reactive_tool_links(self, request: HttpRequest) -> list[dict[str, str]]:
        """The tools ``request.user`` may use, as ``{"name", "title", "url"}`` for templates."""
        return [{"name": view.name, "title": tool_title(view), "url": self.reactive_tool_url(view)}
                for view in self.get_reactive_tools() if self.may_use_reactive_tool(request, view)]

    def changelist_view(self, request: HttpRequest,
                        extra_context: dict[str, Any] | None = None) -> HttpResponse:
        context: dict[str, Any] = {"reactive_tools": self.reactive_tool_links(request)}
        if self.change_list_template == CHANGE_LIST_TEMPLATE:
            # The template this admin would use without the mixin, so that
            # admin/<app>/<model>/change_list.html overrides still apply.
            opts = self.opts
            context["reactive_change_list_parent"] = select_template([
                f"admin/{opts.app_label}/{opts.model_name}/change_list.html",
                f"admin/{opts.app_label}/change_list.html",
                "admin/change_list.html",
            ])
        return super().changelist_view(request, {**context, **(extra_context or {})})

    # -- the actions ----------------------------------------------------------------

    def get_actions(self, request: HttpRequest, action_location: Any = CHANGE_LIST) -> dict[str, Any]:
        """The admin's actions plus "Open <tool>" for each tool the user may open (change list only).

        ``action_location`` is Django 6.1's (where the actions are offered); earlier
        versions call this with the request alone.
        """
        if ActionLocation is None:
            actions = super().get_actions(request)
        else:
            actions = super().get_actions(request, action_location=action_location)
        if self.actions is None or IS_POPUP_VAR in request.GET or action_location != CHANGE_LIST:
            return actions  # no actions on this admin, a popup, or a change form
        for view in self.get_reactive_tools():
            if self.may_use_reactive_tool(request, view):
                name = f"reactive_{tool_slug(view.name)}"
                # The admin %-formats descriptions with the model's names.
                description = gettext("Open %(tool)s") % {"tool": tool_title(view).replace("%", "%%")}
                func = self._reactive_tool_action(view)
                actions[name] = (
                    (func, name, description) if ActionLocation is None else
                    Action(func=func, name=name, description=description, plural_description=description,
                           locations=[CHANGE_LIST]))
        return actions

    def _reactive_tool_action(self, view: ReactiveView) -> Callable[..., HttpResponse | None]:
        def action(modeladmin: ReactiveAdminMixin, request: HttpRequest,
                   queryset: QuerySet) -> HttpResponse | None:
            return modeladmin.open_reactive_tool(request, view, queryset)

        return action

    def open_reactive_tool(self, request: HttpRequest, view: ReactiveView,
                           queryset: QuerySet) -> HttpResponse | None:
        """The action: redirect to the tool with the selected keys in ``?ids=``, in list order.

        A selection larger than ``reactive_tools_max_ids`` gets a warning and
        stays on the change list: its URL would be too long for browsers and
        proxies.
        """
        limit = self.reactive_tools_max_ids
        pks = list(queryset.values_list("pk", flat=True)[:limit + 1])
        if len(pks) > limit:
            self.message_user(  # type: ignore[attr-defined]
                request,
                gettext("More than %(limit)s %(objects)s are selected; %(tool)s opens at most "
                        "%(limit)s at a time. Select fewer.") % {
                    "limit": number_format(limit, force_grouping=True),
                    "objects": self.opts.verbose_name_plural, "tool": tool_title(view)},
                messages.WARNING)
            return None
        return HttpResponseRedirect(self.reactive_tool_url(view, pks))
