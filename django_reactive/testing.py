"""``AppTest``: test a reactive view without a browser, through the real runtime.

Mirrors ``streamlit.testing.v1.AppTest``. Runs go through the same
:class:`~django_reactive.app_session.AppSession` as the WebSocket consumer, with
a real Django session (so tests need database access), so what passes here
behaves the same on a page.
"""

from __future__ import annotations

import inspect
import os
import re
import tempfile
import textwrap
import time
import weakref
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory

from . import (
    conf,
    testing_widgets,  # noqa: F401 - registers the handles with actions of their own
    viewargs,
)
from .app_session import AppSession, session_store
from .elements.messages import Messages
from .elements.navigation import Navigate
from .registry import ALLOWED, ReactiveView
from .runtime import Event
from .runtime.client_context import CLIENT_FIELDS, THEMES
from .runtime.navigation import PAGE_KWARG
from .runtime.navigation import state_of as navigation_state
from .runtime.pages import main_script_dir, page_icon_and_name
from .scripts import script_view
from .state import QueryParams, SessionState
from .testing_elements import (
    COMMAND_GROUPS,
    STREAMLIT_LISTS,
    AppTestError,
    AreaList,
    BlockHandle,
    ElementHandle,
    ElementList,
    MessageHandle,
    WidgetHandle,
    collect,
    descendants,
    is_list_name,
)

__all__ = ["COMMAND_GROUPS", "STREAMLIT_LISTS", "AppTest", "AppTestError", "BlockHandle", "ElementHandle",
           "ElementList", "MessageHandle", "TestSessionState", "WidgetHandle"]

#: Seconds a run may take before ``run()`` raises (Streamlit's default).
DEFAULT_TIMEOUT = 3.0


class TestSessionState(MutableMapping):
    """``at.session_state``: the page's state, readable after a run, writable before one.

    Reads and writes go through the page's working copy under its lease, as
    an event's would, so values kept with the page only are seen too.
    """

    def __init__(self, at: AppTest) -> None:
        self._at = at

    def _view(self) -> SessionState:
        return self._at.app.runner.session_state

    def _read(self, fn: Callable[[SessionState], Any]) -> Any:
        # A missing key is raised after the lease is freed: a read must not
        # count as a failed event (which would forget the working copy).
        with self._at.app.state.event():
            try:
                return fn(self._view())
            except KeyError as exc:
                missing = exc
        raise missing

    def _edit(self, fn: Callable[[SessionState], Any]) -> None:
        state = self._at.app.state
        with state.event():
            fn(self._view())
            state.store.end_run(completed=False)
            state.commit()

    def __getitem__(self, key: str) -> Any:
        return self._read(lambda view: view[key])

    def __getattr__(self, key: str) -> Any:
        if key.startswith("_"):
            raise AttributeError(key)
        try:
            return self[key]
        except KeyError as exc:
            raise AttributeError(*exc.args) from None

    def __setattr__(self, key: str, value: Any) -> None:
        if key.startswith("_"):
            object.__setattr__(self, key, value)
        else:
            self[key] = value

    def __delattr__(self, key: str) -> None:
        del self[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._edit(lambda view: view.__setitem__(key, value))

    def __delitem__(self, key: str) -> None:
        self._edit(lambda view: view.__delitem__(key))

    def __iter__(self) -> Iterator[str]:
        return iter(self._read(list))

    def __len__(self) -> int:
        return self._read(len)

    def to_dict(self) -> dict[str, Any]:
        return self._read(lambda view: view.to_dict())


def _client_info(context: Any) -> dict[str, Any]:
    """``AppTest.context`` checked as Streamlit's AppTest does (ValueError); None values are left out."""
    if not isinstance(context, dict):
        raise ValueError(f"AppTest.context must be a dict, not {type(context).__name__}.")
    for key, value in context.items():
        kind = CLIENT_FIELDS.get(key)
        if kind is None:
            supported = ", ".join(repr(name) for name in sorted(CLIENT_FIELDS))
            raise ValueError(f"AppTest.context does not support {key!r}. Supported keys: {supported}.")
        if value is not None and (not isinstance(value, kind) or (kind is int and isinstance(value, bool))):
            raise ValueError(f"AppTest.context[{key!r}] must be {kind.__name__}, not {type(value).__name__}.")
        if key == "theme" and value not in (None, *THEMES):
            raise ValueError(f"AppTest.context['theme'] must be 'light' or 'dark', not {value!r}.")
    return {key: value for key, value in context.items() if value is not None}


class AppTest:
    """Run a reactive view in a test: ``AppTest.from_function(fn).run()``."""

    __test__ = False  # not a pytest test class

    def __init__(self, view: ReactiveView, *, user: Any = None,
                 query_params: Mapping[str, Any] | list[tuple[str, str]] | None = None,
                 kwargs: Mapping[str, Any] | None = None,
                 default_timeout: float = DEFAULT_TIMEOUT) -> None:
        self.view = view
        self.default_timeout = default_timeout
        #: Secrets the script sees in ``st.secrets``, over ``REACTIVE["SECRETS"]`` (as Streamlit's).
        self.secrets: dict[str, Any] = {}
        #: What the browser reports for ``st.context`` (as Streamlit's): "timezone", "timezone_offset",
        #: "locale", "url", "is_embedded", "theme". Headers, cookies and the address are the request's.
        self.context: dict[str, Any] = {}
        self.user = user if user is not None else AnonymousUser()
        session = session_store(None)
        session.create()
        pairs = query_params.items() if isinstance(query_params, Mapping) else query_params or ()
        query = urlencode(list(pairs), doseq=True)
        # st.request, as on a page: a GET with the user and session (django.contrib.messages works).
        self.request = RequestFactory().get(f"/?{query}" if query else "/")
        self.request.user, self.request.session = self.user, session
        self.app = AppSession(view, session.session_key, "apptest", user=self.user,
                              request=self.request, query_string=query,
                              kwargs=viewargs.clean(view.name, kwargs or {}))
        self.session_state = TestSessionState(self)
        self._pending: dict[str, Any] = {}
        self._trigger: str | None = None
        self._elements: list[Any] = []
        self._result: Any = None

    @classmethod
    def from_function(cls, fn: Callable[..., Any], *, args: tuple | None = None,
                      default_timeout: float = DEFAULT_TIMEOUT, **kwargs: Any) -> AppTest:
        """Test a function taking ``st`` (or a ``@reactive.view``), or, as Streamlit's AppTest
        does, a function without parameters (or given ``args``) whose body is the script.

        In Streamlit's form the function's source is run as a script file that
        calls it with ``args`` and ``kwargs`` (a dict, as in Streamlit; its
        imports belong inside it). In the ``fn(st)`` form ``kwargs`` are the
        view's ``st.kwargs``.
        """
        if isinstance(fn, ReactiveView):
            return cls(fn, default_timeout=default_timeout, **kwargs)
        if args is None and inspect.signature(fn).parameters:
            name = re.sub(r"[^A-Za-z0-9_.\-]", "_", f"apptest.{getattr(fn, '__name__', 'app')}")
            return cls(ReactiveView(fn, name=name), default_timeout=default_timeout, **kwargs)
        source = textwrap.dedent(inspect.getsource(fn))
        call = f"\n{fn.__name__}(*__apptest_args__, **__apptest_kwargs__)\n"
        call_kwargs = dict(kwargs.pop("kwargs", None) or {})
        return cls.from_string(source + call, default_timeout=default_timeout, script_globals={
            "__apptest_args__": tuple(args or ()), "__apptest_kwargs__": call_kwargs}, **kwargs)

    @classmethod
    def from_string(cls, source: str, *, default_timeout: float = DEFAULT_TIMEOUT,
                    script_globals: dict[str, Any] | None = None, **kwargs: Any) -> AppTest:
        """Test a script given as text (dedented, as Streamlit does), as if it were a script file."""
        handle, name = tempfile.mkstemp(suffix=".py", prefix="apptest_")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(textwrap.dedent(source))
        # A temporary file's folder is no app: a pages/ folder there holds no pages of it.
        at = cls(script_view(name, script_globals=script_globals, pages_directory=False),
                 default_timeout=default_timeout, **kwargs)
        weakref.finalize(at, os.unlink, name)
        return at

    @classmethod
    def from_file(cls, path: str | Path, *, default_timeout: float = DEFAULT_TIMEOUT,
                  **kwargs: Any) -> AppTest:
        """Test a Streamlit-style script file (see ``reactive.script``).

        A relative ``path`` is taken from the directory of the file that calls
        ``from_file``, as Streamlit's; FileNotFoundError when there is no file there.
        """
        path = Path(path)
        if not path.is_absolute():
            caller = inspect.currentframe().f_back  # type: ignore[union-attr]
            path = Path(caller.f_code.co_filename).parent / path
        if not path.is_file():
            raise FileNotFoundError(
                f"AppTest script not found at {path.resolve()}. Relative paths are resolved against "
                "the file that calls AppTest.from_file().")
        return cls(script_view(path), default_timeout=default_timeout, **kwargs)

    @classmethod
    def from_view(cls, view: ReactiveView, **kwargs: Any) -> AppTest:
        """Test a ``@reactive.view`` with its options (scope, permission)."""
        return cls(view, **kwargs)

    def run(self, *, timeout: float | None = None) -> AppTest:
        """Run once, sending every pending widget change as one event.

        Raises RuntimeError when the run took longer than ``timeout`` seconds
        (default: the constructor's ``default_timeout``), as Streamlit's does.
        """
        started = time.monotonic()
        self._run()
        limit = self.default_timeout if timeout is None else timeout
        if time.monotonic() - started > limit:
            raise RuntimeError(f"AppTest script run timed out after {limit}(s)")
        return self

    def _run(self) -> None:
        self.app.runner.secrets = self.secrets
        self.app.runner.client_info = _client_info(self.context)
        if self.view.access(self.user) != ALLOWED:
            raise PermissionDenied(f"{self.user!r} may not use the view {self.view.name!r}.")
        if self.app.last_result is None:
            self.app.run_page()
        elif self._pending or self._trigger:
            widgets = self.app.runner.widgets
            trigger, self._trigger = self._trigger, None
            # As in the browser, edits inside a form wait for that form's submit.
            submitted = widgets[trigger].form_key if trigger in widgets else None
            held = {wid: v for wid, v in self._pending.items()
                    if wid in widgets and widgets[wid].form_key not in (None, submitted)}
            values = {wid: widgets[wid].to_client(v) if wid in widgets else v
                      for wid, v in self._pending.items() if wid not in held}
            if submitted is not None:
                # A submit sends every value the form shows, edited or not.
                for wid, widget in widgets.items():
                    if widget.form_key == submitted and not widget.trigger and wid not in values:
                        values[wid] = widget.to_client(widget.current)
            self._pending = held
            self.app.handle_event(Event(values, trigger))
        else:
            self.app.run_page()
        self._follow_switch_page()
        # Kept apart from the app's: a refused event later leaves the last run's tree readable.
        self._result = self.app.last_result
        # As in Streamlit's tree: the main area (callback output first), then the sidebar.
        prefix, sidebar, main = self._areas()
        self._elements = [*descendants(prefix), *descendants(main), *descendants(sidebar)]

    # -- pages of a multipage app -------------------------------------------------

    def switch_page(self, page_path: str) -> AppTest:
        """Show another page of the app on the next ``run()``, as Streamlit's: ``page_path`` is a
        file relative to the main script (``"pages/settings.py"``); run once before switching,
        so the pages ``st.navigation`` registered are known."""
        runner = self.app.runner
        main_dir = main_script_dir(runner)
        path = main_dir / page_path
        if not path.is_file():
            raise ValueError(f"Could not find page {page_path!r} relative to the main script "
                             f"{str(getattr(runner.fn, 'script_path', main_dir))!r}. "
                             f"Resolved page path: {str(path.resolve())!r}.")
        target = str(path.resolve())
        pages = navigation_state(runner).pages
        name = page_icon_and_name(path)[1]
        matches = [page for page in pages if page.script_path == target]
        if matches:
            page = next((p for p in matches if p.key == name), matches[0])
            self._show_page(page.url_path)
        elif pages:
            known = [page.script_path or page.url_path or page.title for page in pages]
            raise ValueError(
                f"Could not find a navigation page for {target!r}. AppTest.switch_page() matches registered "
                "script paths. If page registration depends on Session State, call AppTest.run() after "
                f"updating the state and before switching. Known pages: {known}.")
        else:
            self._show_page(name)
        return self

    def _show_page(self, url_path: str) -> None:
        """The next run shows the app's page at ``url_path``, as the browser loading its URL would."""
        kwargs = {k: v for k, v in self.app.kwargs.items() if k != PAGE_KWARG}
        if url_path:
            kwargs[PAGE_KWARG] = url_path
        self.app.kwargs = kwargs
        self.app.runner.kwargs = MappingProxyType(dict(kwargs))
        self._pending, self._trigger = {}, None

    def _follow_switch_page(self) -> None:
        """After ``st.switch_page`` to a page of the app, run that page (the browser loads it)."""
        for _ in range(conf.get("MAX_RERUNS") + 1):
            root = self.app.last_result.root
            navigate = next((e for e in descendants(root) if isinstance(e, Navigate)), None)
            if navigate is None or navigate.url_path is None:
                return
            self._show_page(navigate.url_path)
            self.app.runner.query_params = QueryParams(navigate.query)
            self.app.run_page()

    # -- what the last run showed -------------------------------------------------

    @property
    def query_params(self) -> QueryParams:
        """The page's ``st.query_params`` after the last run (what the address bar shows)."""
        return self.app.runner.query_params

    @property
    def run_status(self) -> str:
        """"completed", "stopped" or "failed" for the last run (``at.status`` lists st.status blocks)."""
        return self._result.status

    def _areas(self) -> tuple[Any, Any, Any]:
        """The callback-output area, the sidebar and the main area of the last run."""
        prefix, sidebar, main = self._result.root.children
        return prefix, sidebar, main

    def get(self, command: str) -> ElementList:
        """Elements of one ``st.<command>``: the main area's, then the sidebar's, each in page
        order (``button`` includes submit buttons;
        ``columns``/``tabs`` are the single columns/tabs, as in Streamlit)."""
        return collect(self, self._elements, command)

    @property
    def page_html(self) -> str:
        """The view's HTML as the page shows it after the last run (``at.button[0].html``: one element's).

        (``at.html`` is the list of ``st.html`` elements, as in Streamlit.)
        """
        return self.app.rendered.root

    @property
    def messages(self) -> list[MessageHandle]:
        """The Django messages the last run added, in order (shown as notices after it)."""
        return [MessageHandle(message) for element in self._elements if isinstance(element, Messages)
                for message in element.messages]

    @property
    def main(self) -> AreaList:
        """The elements of the main area in page order (callback output first; not the messages);
        ``at.main.radio`` and the other lists give its elements of one type."""
        prefix, _, main = self._areas()
        return AreaList(self, (prefix, main), skip=(Messages,))

    @property
    def sidebar(self) -> AreaList:
        """The elements of ``st.sidebar`` in page order; ``at.sidebar.radio``... by type."""
        return AreaList(self, (self._areas()[1],))

    def __getattr__(self, name: str) -> ElementList:
        if not is_list_name(name):
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        return self.get(name)
