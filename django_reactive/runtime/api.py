"""The ``st`` object a view receives: Streamlit's API over one run of the view.

``st`` itself follows the container the view is writing into (``with col:``);
a container handle (``col.button(...)``) writes into its own block. Element
and widget commands come from the element registry, so a new widget needs no
change here.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from ..elements import COMMANDS, Block, DataFrame, ExceptionElement, Json, Markdown
from ..elements.data import is_tabular
from ..elements.status import IN_PROGRESS
from ..errors import InvalidLayoutContextError, ReactiveValueError
from ..state import QueryParams, SessionState
from ..widgets import Widget
from .control import RerunException, StopException
from .fragments import fragment

if TYPE_CHECKING:
    from .runner import ScriptRunner


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

    def subscribe(self, topic: str) -> None:
        """Re-run this page whenever ``reactive.broadcast(topic)`` is called."""
        if not isinstance(topic, str) or not topic:
            raise ReactiveValueError("st.subscribe takes a non-empty topic name (a string).")
        self._runner.subscriptions.add(topic)

    def stop(self) -> NoReturn:
        raise StopException()

    # -- elements --------------------------------------------------------------

    def __getattr__(self, name: str) -> Any:
        cls = COMMANDS.get(name)
        if cls is None or name.startswith("_"):
            raise AttributeError(f"st has no attribute {name!r}")
        if issubclass(cls, Widget):
            return functools.partial(self._runner.add, cls, self._block, self)

        # A layout command returns a handle that writes into the new block; a
        # display element, one that replaces it (``bar = st.progress(0)``,
        # ``bar.progress(50)``).
        def element(*args: Any, **kwargs: Any) -> St:
            return St(self._runner, self._runner.add(cls, self._block, self, *args, **kwargs))

        return element

    def write(self, *args: Any, unsafe_allow_html: bool = False) -> None:
        """Strings as Markdown, joined with spaces; other values as Streamlit shows them.

        QuerySets, lists of dicts and pandas DataFrames are shown as ``st.dataframe``.
        """
        buffer: list[str] = []

        def flush() -> None:
            if buffer:
                self._runner.add(Markdown, self._block, self, " ".join(buffer),
                                 unsafe_allow_html=unsafe_allow_html)
                buffer.clear()

        for arg in args:
            if isinstance(arg, str):
                buffer.append(arg)
            elif isinstance(arg, BaseException):
                flush()
                self._runner.add(ExceptionElement, self._block, self, arg)
            elif is_tabular(arg):
                flush()
                self._runner.add(DataFrame, self._block, self, arg)
            elif isinstance(arg, (Mapping, list, tuple, set, frozenset, SessionState)) or (
                dataclasses.is_dataclass(arg) and not isinstance(arg, type)
            ):
                flush()
                if isinstance(arg, SessionState):
                    arg = arg.to_dict()
                elif dataclasses.is_dataclass(arg):
                    arg = dataclasses.asdict(arg)
                elif isinstance(arg, (set, frozenset, tuple)):
                    arg = list(arg)
                self._runner.add(Json, self._block, self, arg)
            else:
                escaped = str(arg).replace("`", "\\`")
                buffer.append(f"`{escaped}`")
        flush()

    # -- layout ----------------------------------------------------------------

    def columns(self, spec: Any, **kwargs: Any) -> list[St]:
        block = self._runner.add(COMMANDS["columns"], self._block, self, spec, **kwargs)
        return [St(self._runner, column) for column in block.children]


    def tabs(self, tabs: Sequence[str]) -> list[St]:
        """One handle per tab, in order, like ``st.columns``."""
        block = self._runner.add(COMMANDS["tabs"], self._block, self, tabs)
        return [St(self._runner, tab) for tab in block.children]

    @contextlib.contextmanager
    def spinner(self, text: str = IN_PROGRESS, *, show_time: bool = False) -> Iterator[None]:
        """Show ``text`` with a spinner while the block runs (the page sees it at once)."""
        slot = self._runner.add(COMMANDS["spinner"], self._block, self, text, show_time=show_time)
        self._runner.flush(force=True)
        try:
            yield
        finally:
            slot.remove()

    def __enter__(self) -> St:
        if self._block is None:
            raise InvalidLayoutContextError("`with st:` needs a container, e.g. `with st.container():`.")
        self._runner.push(self._block)
        return self

    def __exit__(self, *exc: Any) -> None:
        self._runner.pop(self._block)

    def __repr__(self) -> str:
        return "<st>" if self._block is None else f"<st container {type(self._block).__name__}>"
