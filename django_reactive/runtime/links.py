"""``st.switch_page`` and ``st.page_link``: where a page given to them leads.

A page of the app (a ``Page`` or the path of a page file) leads to its URL
path under the app's root; a page of the Django site to its URL (a URL name, a
``@reactive.view`` or its registered name, a site path); an external page to
its URL. ``st.switch_page`` leaves a :class:`Navigate` element and ends the run:
the browser loads the other page.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn
from urllib.parse import urlencode

from ..elements.navigation import Navigate, PageLink
from ..errors import InvalidParameterTypeError, ReactiveAPIError, ReactiveValueError
from ..url_safety import is_site_path
from .control import StopException
from .navigation import page_href, state_of, uses_pages_directory
from .pages import (
    Page,
    PageNotFoundError,
    check_page_path,
    help_text,
    is_url,
    main_script_dir,
    missing_parameter,
    valid_icon,
)

if TYPE_CHECKING:
    from .api import St
    from .runner import ScriptRunner


class SwitchPage(StopException):
    """Raised by ``st.switch_page``: the run ends here and the browser goes to another page."""

    def __init__(self, navigate: Navigate) -> None:
        super().__init__()
        #: The element that sends the browser there (kept even when a callback switched).
        self.navigate = navigate


def query_string(query_params: Any) -> str:
    """``query_params`` of switch_page / page_link: a mapping or (key, value) pairs; None clears."""
    if query_params is None:
        return ""
    if isinstance(query_params, Mapping):
        pairs: Iterable[Any] = query_params.items()
    elif isinstance(query_params, Iterable) and not isinstance(query_params, (str, bytes)):
        pairs = query_params
    else:
        raise InvalidParameterTypeError("Invalid `query_params` type. Expected one of: mapping, iterable of "
                                        f"(key, value) pairs. Provided type: {type(query_params).__name__}.")
    return urlencode([(k, v if isinstance(v, str) or not isinstance(v, Iterable) else list(v))
                      for k, v in pairs], doseq=True)


def _registered(runner: ScriptRunner, page: Page) -> Page | None:
    """The app's page ``page`` stands for; an error when another source has its URL path."""
    found = next((p for p in state_of(runner).pages if p.key == page.key), None)
    if found is None or page.is_external:
        return found
    if page.script_path and page.script_path != found.script_path:
        raise ReactiveAPIError(
            f"The page references `{page.script_path}`, but a different page is registered with "
            f"`st.navigation` for URL pathname `/{page.url_path}` (`{found.script_path or 'a callable'}`). "
            "Pass the page object returned by `st.navigation` or re-create the page with the matching "
            "source.")
    if not page.script_path and found.script_path:
        raise ReactiveAPIError(
            f"The page is a callable, but a file-based page (`{found.script_path}`) is registered with "
            f"`st.navigation` for URL pathname `/{page.url_path}`. Pass the page object returned by "
            "`st.navigation` or re-create the page with the matching source.")
    return found


def _page_by_file(runner: ScriptRunner, target: str) -> Page | None:
    requested = os.path.realpath(main_script_dir(runner) / target)
    return next((p for p in state_of(runner).pages if p.script_path == requested), None)


def _not_found(runner: ScriptRunner, target: str) -> PageNotFoundError:
    if uses_pages_directory(runner.fn):
        return PageNotFoundError(
            f"Could not find page: `{target}`. You must provide a file path relative to the entrypoint file "
            f"(from the directory `{main_script_dir(runner).name}`). Only the entrypoint file and files in "
            "the `pages/` directory are supported.")
    return PageNotFoundError(
        f"Could not find page: `{target}`. You must provide a `Page` object or file path relative to the "
        "entrypoint file. Only pages previously defined by `st.Page` and passed to `st.navigation` are "
        "allowed. In a Django site, the name of a URL (without arguments) or a reactive view also works.")


def _site_page(target: Any) -> tuple[str, str | None] | None:
    """(URL, title) of a page of the Django site: a URL name, a reactive view (or its name), a path."""
    from django.urls import NoReverseMatch, Resolver404, resolve, reverse

    from ..registry import NAME_RE, ReactiveView, get

    view = target if isinstance(target, ReactiveView) else None
    if view is None:
        if is_site_path(target):
            return target.strip(" "), None
        try:
            url = reverse(target)
        except NoReverseMatch:
            view = get(target) if NAME_RE.match(target) else None
            if view is None:
                return None
        else:
            try:
                shown = getattr(resolve(url.split("?")[0]).func, "reactive_view", None)
            except Resolver404:
                shown = None
            return url, getattr(shown, "title", None)
    url = _view_url(view)
    if url is None:
        raise ReactiveAPIError(f"The reactive view `{view.name}` is not mounted at a URL without arguments, "
                               "so it cannot be linked to.")
    return url, view.title


def _view_url(view: Any) -> str | None:
    """The URL of a page serving ``view`` (``view.as_view()`` in the URLconf), if it takes no arguments."""
    from django.urls import NoReverseMatch, URLResolver, get_resolver, reverse

    def walk(patterns: Iterable[Any], namespace: str) -> Iterable[Any]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = ":".join(filter(None, (namespace, pattern.namespace)))
                yield from walk(pattern.url_patterns, inner)
            elif getattr(pattern.callback, "reactive_view", None) is view:
                if pattern.name:
                    yield f"{namespace}:{pattern.name}" if namespace else pattern.name
                elif not namespace:
                    yield pattern.callback

    for name in walk(get_resolver().url_patterns, ""):
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return None


def _first_run(runner: ScriptRunner) -> bool:
    """Whether this run is the page's first: the runner has no tree of a previous run."""
    return runner._last is None


def _page_of(runner: ScriptRunner, page: Any) -> tuple[Any, Page | None]:
    """A view or a page's path as given, and the app's page it names (None: look in the site)."""
    from ..registry import ReactiveView

    target = page if isinstance(page, ReactiveView) else str(page)
    if not isinstance(target, str):
        return target, None
    check_page_path(target)
    return target, _page_by_file(runner, target)


def switch_page(st: St, page: Any, *, query_params: Any = None) -> NoReturn:
    """``st.switch_page``: end the run; the browser loads the other page (see :class:`SwitchPage`)."""

    runner = st._runner
    query = query_string(query_params)
    if isinstance(page, Page):
        if page.is_external:
            raise ReactiveAPIError("Cannot use st.switch_page with external URL pages. Use st.page_link "
                                   "instead to create a link to external pages.")
        found = _registered(runner, page) or page
        url_path: str | None = found.url_path
        url = page_href(found.url_path, query)
    else:
        target, found = _page_of(runner, page)
        if found is not None:
            url_path, url = found.url_path, page_href(found.url_path, query)
        else:
            site = None if isinstance(target, str) and is_url(target) else _site_page(target)
            if site is None:
                raise _not_found(runner, str(target))
            url_path, url = None, site[0] + (f"?{query}" if query else "")
    slot = runner.add(Navigate, st._block, st, url, url_path=url_path, query=query,
                      replace=_first_run(runner))
    raise SwitchPage(slot.element)


def page_link(st: St, page: Any, *, label: str | None = None, icon: str | None = None,
              icon_position: str = "left", help: str | None = None, disabled: bool = False,
              use_container_width: bool | None = None, width: Any = "content",
              query_params: Any = None) -> Any:
    """``st.page_link``: a link to a page of the app, a page of the Django site, or an external URL."""

    runner = st._runner
    query = query_string(query_params)
    state = state_of(runner)
    external, current = False, False
    title, page_icon, page_help = None, "", ""
    if isinstance(page, Page):
        title, page_icon, page_help = page.title, page.icon, page.help
        if page.is_external:
            href, external = page.external_url or "", True
        else:
            found = _registered(runner, page) or page
            href = page_href(found.url_path, query)
            current = state.current is not None and found.key == state.current.key
    elif isinstance(page, str | Path) and is_url(str(page)):
        if not label:
            raise missing_parameter("label", "Cannot infer a label for an external URL.")
        href, external = str(page), True
    else:
        target, found = _page_of(runner, page)
        if found is not None:
            title, page_help = found.title, found.help
            href = page_href(found.url_path, query)
            current = state.current is not None and found.key == state.current.key
        else:
            site = _site_page(target)
            if site is None:
                raise _not_found(runner, str(target))
            href, title = site[0] + (f"?{query}" if query else ""), site[1]
            if label is None and not title:
                raise missing_parameter("label", f"Cannot infer a label for `{target}`.")
    if icon_position not in ("left", "right"):
        raise ReactiveValueError("Invalid `icon_position` value. Supported values: 'left', 'right'.")
    full_width = use_container_width if use_container_width is not None else width == "stretch"
    slot = runner.add(PageLink, st._block, st, str(label if label is not None else title),
                      href, icon=valid_icon(page_icon if icon is None else icon),
                      icon_position=icon_position, help=page_help if help is None else help_text(help),
                      disabled=bool(disabled), full_width=bool(full_width), external=external,
                      current=current)
    return slot
