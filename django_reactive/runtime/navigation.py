"""Multipage apps: ``st.navigation``, its menu, and running the page it returns (Streamlit 1.67's).

Every page of an app has a URL of its own: the app's root for the default page,
``<root>/<url_path>`` for the others. The view mounted there gets the page's
URL path as its ``url_path`` keyword argument (:data:`PAGE_KWARG`), and
``st.navigation`` returns the page it names. The menu's items are plain links
(``links.py`` has ``st.switch_page`` and ``st.page_link``), so a reload shows
the page that is shown. The pages of a script app share their session state
(``ScriptView`` keeps one state for all of them).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from ..elements import Error
from ..elements.navigation import MenuItem, NavigationMenu
from ..errors import InvalidParameterTypeError, ReactiveAPIError, ReactiveValueError
from .control import RerunException
from .pages import Page, main_script_dir, missing_parameter, page_sort_key

if TYPE_CHECKING:
    from .api import St
    from .runner import ScriptRunner

#: The view keyword argument that names the page to show (absent or "" for the default page).
PAGE_KWARG = "url_path"

#: Script files that called ``st.navigation``: their ``pages/`` folder is no longer an app of pages.
NAVIGATION_SCRIPTS: set[str] = set()

PageLike = str | Path | Callable[..., Any] | Page


@dataclass
class NavigationState:
    """What ``st.navigation`` registered for one page connection (its last call)."""

    pages: list[Page] = field(default_factory=list)
    current: Page | None = None
    #: A script's ``pages/`` folder is being run as its pages (Streamlit's first multipage form).
    pages_directory: bool = False
    #: The page title st.navigation put in the page config (a title set by the view wins).
    title: str | None = None


_STATES: WeakKeyDictionary[ScriptRunner, NavigationState] = WeakKeyDictionary()


def state_of(runner: ScriptRunner) -> NavigationState:
    state = _STATES.get(runner)
    if state is None:
        state = _STATES[runner] = NavigationState()
    return state


def requested_path(runner: ScriptRunner) -> str:
    """The URL path of the page the run shows ("" for the default page)."""
    return str(runner.kwargs.get(PAGE_KWARG) or "")


def to_page(item: Any) -> Page:
    if isinstance(item, Page):
        return item
    if isinstance(item, (str, Path)) or callable(item):
        return Page(item)
    raise InvalidParameterTypeError(f"Invalid `pages` type. Expected one of: str, Path, callable, st.Page. "
                                    f"Provided type: {type(item).__name__}.")


def _describe(page: Page, section: str, main_dir: Path) -> str:
    if page.external_url is not None:
        text = f"external URL `{page.external_url}`"
    elif page.script_path:
        path = Path(page.script_path)
        text = f"`{path.relative_to(main_dir) if path.is_relative_to(main_dir) else path}`"
    else:
        text = f'callable titled "{page.title}"'
    context = [f'section "{section}"'] if section else []
    context += ["hidden"] if page.visibility == "hidden" else []
    context += ["default page"] if page._default else []
    return f"{text} ({', '.join(context)})" if context else text


def _check_unique(sections: dict[str, list[Page]], main_dir: Path) -> None:
    seen: dict[str, tuple[str, Page]] = {}
    for section, pages in sections.items():
        for page in pages:
            if page.key in seen:
                first_section, first = seen[page.key]
                note = (" The default page is served at the app root, but it still reserves this pathname."
                        if first._default or page._default else "")
                raise ReactiveAPIError(
                    f"Two pages resolve to the URL pathname `/{page.key}`: "
                    f"{_describe(first, first_section, main_dir)} and {_describe(page, section, main_dir)}. "
                    "Each page passed to `st.navigation` needs a unique URL pathname, including pages in "
                    "different sections, hidden pages, and external URL pages. The pathname is inferred from "
                    f"the filename, callable name, or the title of an external URL page.{note} Set a unique "
                    "`url_path` in `st.Page` for one of these pages.")
            seen[page.key] = (section, page)


def _check_expanded(expanded: Any) -> None:
    if isinstance(expanded, bool):
        return
    if not isinstance(expanded, int):
        raise InvalidParameterTypeError(f"Invalid `expanded` type. Expected one of: bool, int. "
                                        f"Provided type: {type(expanded).__name__}.")
    if expanded < 0:
        raise ReactiveValueError("Invalid `expanded` value. Supported values: True, False, a non-negative "
                                 f"integer. Provided value: {expanded!r}.")


def navigation(st: St, pages: Sequence[PageLike] | Mapping[str, Sequence[PageLike]], *,
               position: str = "sidebar", expanded: bool | int = False) -> Page:
    """``st.navigation``: register the app's pages, show the menu, return the page of this URL."""
    if not isinstance(position, str) or position not in ("sidebar", "hidden", "top"):
        raise ReactiveValueError("Invalid `position` value. Supported values: 'sidebar', 'hidden', 'top'.")
    runner = st._runner
    state = state_of(runner)
    script = getattr(runner.fn, "script_path", None)
    if script is not None:
        NAVIGATION_SCRIPTS.add(str(script))
        if state.pages_directory:
            raise RerunException()  # the script has pages of its own: its pages/ folder is no app
    return show_navigation(st, pages, position=position, expanded=expanded)


def show_navigation(st: St, pages: Sequence[PageLike] | Mapping[str, Sequence[PageLike]], *,
                    position: str, expanded: bool | int) -> Page:
    runner = st._runner
    if isinstance(pages, Mapping):
        sections = {str(header): [to_page(p) for p in items] for header, items in pages.items()}
    else:
        sections = {"": [to_page(p) for p in pages]}
    page_list = [page for items in sections.values() for page in items]
    if not page_list:
        raise missing_parameter("pages", "Provide at least one `st.Page`.")
    defaults = [page for page in page_list if page._default]
    if len(defaults) > 1:
        raise ReactiveAPIError("Multiple Pages specified with `default=True`. At most one Page can be set "
                               "to default.")
    if not defaults:
        internal = [page for page in page_list if not page.is_external]
        if not internal:
            raise ReactiveAPIError("At least one non-external page is required. External URL pages cannot "
                                   "be the default page.")
        internal[0]._default = True
        defaults = internal[:1]
    _check_expanded(expanded)
    _check_unique(sections, main_script_dir(runner))

    state = state_of(runner)
    state.pages = page_list
    requested = requested_path(runner)
    current = next((p for p in page_list if p.url_path == requested and not p.is_external), None)
    if current is None:
        current = defaults[0]
        if requested:
            runner.add(Error, st._block, st, "**Page not found**: the page that you have requested does "
                                             "not seem to exist. Running the app's main page.")
    current._can_be_called = True
    state.current = current
    _page_config(runner, state, current)
    if position != "hidden":
        _show_menu(st, sections, current, position, expanded)
    return current


def _page_config(runner: ScriptRunner, state: NavigationState, page: Page) -> None:
    """The browser tab shows the page's title and icon, unless the view set its own."""
    config = runner.page_config
    if config.get("page_title") in (None, state.title):
        config["page_title"] = state.title = page.title
    if page.icon and "page_icon" not in config:
        config["page_icon"] = page.icon


def page_href(url_path: str, query: str = "") -> str:
    """A page's link, relative to the page showing it: every page URL is one segment under the root."""
    return (url_path or "./") + (f"?{query}" if query else "")


def _show_menu(st: St, sections: dict[str, list[Page]], current: Page, position: str,
               expanded: bool | int) -> None:
    runner = st._runner
    shown = [(header, [MenuItem(p.title, p.external_url or page_href(p.url_path), p.icon, p.help,
                                p is current, p.is_external)
                       for p in pages if p.visibility == "visible"])
             for header, pages in sections.items()]
    shown = [(header, items) for header, items in shown if items]
    if sum(len(items) for _, items in shown) < 2:
        return  # one page: no menu, as in Streamlit
    area = runner.sidebar if position == "sidebar" else None
    slot = runner.add(NavigationMenu, area, st, shown, position=position, expanded=expanded,
                      area=runner.sidebar)
    # The menu heads its area, wherever the view calls st.navigation.
    slot.parent.children.remove(slot.element)
    slot.parent.children.insert(0, slot.element)


def run_page(page: Page) -> None:
    """Run a page's file or function. Its widgets are others than the same calls on another page
    (Streamlit puts the page in every widget's id): while it runs, the blocks it writes into carry
    the page in their ``root``, which is part of a widget's identity."""
    from ..scripts import compiled
    from .context import current_st

    st = current_st.get()
    runner = st._runner
    # The blocks st writes into now (the runner's stack, this package's own) and the sidebar.
    blocks = {id(block): block for block in (*runner._stack, runner.sidebar)}.values()
    roots = [(block, block.root) for block in blocks]
    for block, root in roots:
        block.root = f"{root}@{page.key}"
    try:
        if isinstance(page._page, Path):
            exec(compiled(page._page), {"__name__": "__main__", "__file__": str(page._page)})  # noqa: S102
        elif callable(page._page):
            # Streamlit's pages take no argument; a page written as a view takes st.
            page._page(st) if _takes_argument(page._page) else page._page()
    finally:
        for block, root in roots:
            block.root = root


def _takes_argument(fn: Callable[..., Any]) -> bool:
    try:
        return bool(inspect.signature(fn).parameters)
    except (TypeError, ValueError):  # a builtin without a signature
        return False


def run_pages_directory(st: St, main: Path) -> None:
    """A script next to a ``pages/`` folder: the script and each file of the folder are the pages."""
    folder = main.parent / "pages"
    files = sorted((f for f in folder.glob("*.py") if not f.name.startswith(".") and f.name != "__init__.py"),
                   key=page_sort_key)
    state = state_of(st._runner)
    state.pages_directory = True
    try:
        page = show_navigation(st, [Page(main, default=True), *(Page(f) for f in files)],
                               position="sidebar", expanded=False)
        page.run()
    finally:
        state.pages_directory = False


def uses_pages_directory(fn: Callable[..., Any]) -> bool:
    """Whether the script run by ``fn`` is an app of pages from its ``pages/`` folder (it never
    called ``st.navigation``)."""
    main = getattr(fn, "script_path", None)
    return (main is not None and getattr(fn, "pages_directory", False)
            and (main.parent / "pages").is_dir() and str(main) not in NAVIGATION_SCRIPTS)
