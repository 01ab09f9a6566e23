"""The ``st`` object a view receives: Streamlit's API over one run of the view.

``st`` itself follows the container the view is writing into (``with col:``);
a container handle (``col.button(...)``) writes into its own block. Element
and widget commands come from the element registry, so a new widget needs no
change here.
"""

from __future__ import annotations

import contextlib
import functools
import sys
import types
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from .. import conf
from .. import errors as errors_module
from ..elements import COMMANDS, Block
from ..elements.layout import Status
from ..elements.status import IN_PROGRESS
from ..errors import InvalidLayoutContextError, ReactiveAPIError, ReactiveValueError
from ..state import QueryParams, SessionState
from ..widgets import Widget
from ..widgets import column_config as column_config_module
from . import caching, links, navigation
from .client_context import Context
from .control import RerunException, StopException
from .dialog import dialog
from .echo import block_source
from .fragments import fragment
from .pages import Page
from .secrets import Secrets
from .stream import write_stream
from .suggestions import missing_attribute_message
from .write import help_subject, write

if TYPE_CHECKING:
    from .runner import ScriptRunner

#: ``st.help()``'s default: help on ``st`` itself.
_ST: Any = object()


class St:
    """Streamlit's ``st`` (and each container handle) for one view."""

    def __init__(self, runner: ScriptRunner, block: Block | None = None) -> None:
        self._runner = runner
        self._block = block

    # -- state and control flow ------------------------------------------------

    @property
    def session_state(self) -> SessionState:
        return self._runner.session_state

    @property
    def errors(self) -> types.ModuleType:
        """The exception classes (``st.errors.StreamlitAPIException``), as Streamlit's ``st.errors``."""
        return errors_module

    @property
    def column_config(self) -> types.ModuleType:
        """The column types of ``st.data_editor`` (``st.column_config.NumberColumn(...)``), as Streamlit's."""
        return column_config_module

    @property
    def sidebar(self) -> St:
        """The sidebar: ``st.sidebar.button(...)`` or ``with st.sidebar:``."""
        return St(self._runner, self._runner.sidebar)

    @property
    def query_params(self) -> QueryParams:
        """The page URL's query string; writes show in the address bar."""
        return self._runner.query_params

    @property
    def kwargs(self) -> Mapping[str, Any]:
        """The view's keyword arguments: its URL's (``path("orders/<int:pk>/", v.as_view())``)
        or those given to ``{% reactive_view "name" pk=order.pk %}``. Read-only."""
        return self._runner.kwargs

    def set_page_config(self, page_title: str | None = None, page_icon: str | None = None,
                        layout: str | None = None, initial_sidebar_state: Any = None,
                        menu_items: Any = None) -> None:
        """The page's title, icon and layout, as Streamlit's (calls add up; see docs/widgets.md)."""
        if layout not in (None, "centered", "wide"):
            raise ReactiveValueError("Invalid `layout` value. Supported values: 'centered', 'wide'.")
        if initial_sidebar_state not in (None, "auto", "expanded", "collapsed", "locked") and not (
                isinstance(initial_sidebar_state, int) and not isinstance(initial_sidebar_state, bool)
                and initial_sidebar_state > 0):
            raise ReactiveValueError(
                "Invalid `initial_sidebar_state` value. Supported values: 'auto', 'expanded', "
                f"'collapsed', 'locked', a positive int. Got {initial_sidebar_state!r}.")
        given = {"page_title": page_title, "page_icon": page_icon, "layout": layout,
                 "initial_sidebar_state": initial_sidebar_state}
        self._runner.page_config.update({k: v for k, v in given.items() if v is not None})

    #: Streamlit's function caches (``@st.cache_data``, ``@st.cache_resource``).
    cache_data = caching.cache_data
    cache_resource = caching.cache_resource

    @property
    def secrets(self) -> Secrets:
        """Streamlit's ``st.secrets``: ``REACTIVE["SECRETS"]``, read-only (and a test's own)."""
        return Secrets({**conf.get("SECRETS"), **self._runner.secrets})

    @property
    def user(self) -> Any:
        """The Django user of the request (AnonymousUser when not logged in)."""
        return self._runner.user

    @property
    def request(self) -> Any:
        """The Django HttpRequest of this run; None only when the transport gave none.

        It is the page load, the HTTP fallback's POST, or the WebSocket handshake.
        """
        return self._runner.request

    @property
    def context(self) -> Context:
        """Streamlit's ``st.context``: headers, cookies, IP address and what the browser reported
        (timezone, locale, theme, URL), read-only (runtime/client_context.py)."""
        return Context(self._runner)

    def rerun(self, *, scope: str = "app") -> NoReturn:
        if scope not in ("app", "fragment"):
            raise ReactiveValueError(
                f"'{scope}' is not a valid rerun scope. Valid scopes are 'app' and 'fragment'.")
        if scope == "fragment" and not self._runner.in_fragment_run:
            raise InvalidLayoutContextError(
                'scope="fragment" can only be specified from `@st.fragment`-decorated functions '
                "during fragment reruns."
            )
        raise RerunException(scope)

    fragment = staticmethod(fragment)
    #: ``@st.dialog(title, ...)``: the function's output in a modal dialog (runtime/dialog.py).
    dialog = staticmethod(dialog)

    def subscribe(self, topic: str) -> None:
        """Re-run this page whenever ``reactive.broadcast(topic)`` is called."""
        if not isinstance(topic, str) or not topic:
            raise ReactiveValueError("st.subscribe takes a non-empty topic name (a string).")
        self._runner.subscriptions = self._runner.subscriptions | {topic}

    def stop(self) -> NoReturn:
        raise StopException()

    # -- multipage apps (runtime/navigation.py, runtime/links.py) --------------

    #: ``st.Page(page, *, title=None, icon=None, url_path=None, default=False, ...)``.
    Page = Page

    def navigation(self, pages: Any, *, position: str = "sidebar", expanded: bool | int = False) -> Page:
        """The app's pages (a list, or a dict of section -> list); returns the page of this URL."""
        return navigation.navigation(self, pages, position=position, expanded=expanded)

    def switch_page(self, page: Any, *, query_params: Any = None) -> NoReturn:
        """End the run and show another page (an app page, a URL name or a reactive view)."""
        links.switch_page(self, page, query_params=query_params)

    def page_link(self, page: Any, *, label: str | None = None, icon: str | None = None,
                  icon_position: str = "left", help: str | None = None, disabled: bool = False,
                  use_container_width: bool | None = None, width: Any = "content",
                  query_params: Any = None) -> St:
        """A link to a page of the app, a page of the Django site or an external URL."""
        return St(self._runner, links.page_link(
            self, page, label=label, icon=icon, icon_position=icon_position, help=help, disabled=disabled,
            use_container_width=use_container_width, width=width, query_params=query_params))

    # -- elements --------------------------------------------------------------

    def __getattr__(self, name: str) -> Any:
        cls = COMMANDS.get(name)
        if cls is None or name.startswith("_"):
            catalog = [*COMMANDS, *(n for n in dir(type(self)) if not n.startswith("_"))]
            raise AttributeError(missing_attribute_message(name, catalog))
        if issubclass(cls, Widget):
            return functools.partial(self._runner.add, cls, self._block, self)

        # A layout command returns a handle that writes into the new block; a
        # display element, one that replaces it (``bar = st.progress(0)``,
        # ``bar.progress(50)``).
        def element(*args: Any, **kwargs: Any) -> St:
            return St(self._runner, self._runner.add(cls, self._block, self, *args, **kwargs))

        return element

    def write(self, *args: Any, unsafe_allow_html: bool = False) -> None:
        """Show each argument as Streamlit 1.67's ``st.write`` does (the rules: runtime/write.py).

        Strings, and values shown as inline code of their ``str()``, are joined
        into one ``st.markdown``; exceptions, tables, charts, figures, images,
        JSON-like values and streams get their own element, and functions,
        classes, modules and ``st`` itself are shown with ``st.help``. As in
        Streamlit, several arguments can only be written with ``st.write`` or
        ``st.sidebar.write``, not into a container handle.
        """
        write(self, self._runner, self._block, args, unsafe_allow_html=unsafe_allow_html)

    def help(self, obj: Any = _ST, *, width: Any = "stretch") -> St:
        """``st.help(obj)``: an object's name, type, value, docstring and members; ``st`` by default."""
        return St(self._runner, self._runner.add(
            COMMANDS["help"], self._block, self, help_subject(self if obj is _ST else obj), width=width))

    def write_stream(self, stream: Any, *, cursor: str | None = None) -> list[Any] | str:
        """Show a generator's (or iterable's, or async iterator's) chunks as they arrive.

        Text grows in one Markdown element and reaches the page at most every
        50 ms; other chunks are shown with ``st.write``. Returns the text, or a
        list when there were other chunks, as Streamlit does (runtime/stream.py).
        """
        return write_stream(self, self._runner, stream, cursor=cursor)

    # -- layout ----------------------------------------------------------------

    def columns(self, spec: Any, **kwargs: Any) -> list[St]:
        block = self._runner.add(COMMANDS["columns"], self._block, self, spec, **kwargs)
        return [St(self._runner, column) for column in block.children]


    def tabs(self, tabs: Sequence[str]) -> list[St]:
        """One handle per tab, in order, like ``st.columns``."""
        block = self._runner.add(COMMANDS["tabs"], self._block, self, tabs)
        return [St(self._runner, tab) for tab in block.children]

    @contextlib.contextmanager
    def echo(self, code_location: str = "above") -> Iterator[None]:
        """Show the code of the ``with`` block (above or below what it shows), as Streamlit does."""
        caller = sys._getframe(2)  # the frame running ``with st.echo():``
        filename, line = caller.f_code.co_filename, caller.f_lineno
        if code_location == "below":
            yield
            target: St = self
        else:
            target = self.empty()
            yield
        source = block_source(filename, line)
        if source is None:
            target.warning(f"Unable to display code. No source of {filename}, line {line}.")
        else:
            target.code(source, "python")

    @contextlib.contextmanager
    def spinner(self, text: str = IN_PROGRESS, *, show_time: bool = False) -> Iterator[None]:
        """Show ``text`` with a spinner while the block runs (the page sees it at once)."""
        slot = self._runner.add(COMMANDS["spinner"], self._block, self, text, show_time=show_time)
        self._runner.flush(force=True)
        try:
            yield
        finally:
            slot.remove()

    @property
    def open(self) -> bool | None:
        """``st.expander(...).open``: whether it is open if it tracks its state (``on_change``), else None."""
        if not hasattr(self._block, "open"):
            raise AttributeError("Only the container st.expander returns has `open`.")
        return self._block.open

    def __enter__(self) -> St:
        if self._block is None:
            raise InvalidLayoutContextError("`with st:` needs a container, e.g. `with st.container():`.")
        self._runner.push(self._block)
        return self

    def __exit__(self, exc_type: Any, *exc: Any) -> None:
        self._runner.pop(self._block)
        # Leaving ``with st.status(...)`` completes a running status (or marks the error).
        if isinstance(self._block, Status) and self._block.state == "running":
            self.update(state="error" if exc_type is not None else "complete")

    def update(self, *, label: str | None = None, expanded: bool | None = None,
               state: str | None = None) -> None:
        """``status.update(...)``: change an ``st.status`` container's label, expansion or state."""
        if not isinstance(self._block, Status):
            raise ReactiveAPIError("update() is only available on the container st.status returns.")
        if label is not None:
            self._block.label = str(label)
        if expanded is not None:
            self._block.expanded = bool(expanded)
        if state is not None:
            self._block.set_state(state)
        self._runner.flush()  # a long run shows the new state

    def __repr__(self) -> str:
        return "<st>" if self._block is None else f"<st container {type(self._block).__name__}>"
