"""``reactive.script(path)``: a view made of a Streamlit-style script file.

The file runs top to bottom on every run, like a Streamlit app; it gets ``st``
by importing it (``from django_reactive import st``), so a Streamlit script
ports by changing its import line. The file is compiled once and again only
when it changes on disk.

A script can be an app of several pages, as in Streamlit: it calls
``st.navigation``, or a ``pages/`` folder lies next to it. Each page has a URL
under the app's root (``view.urls``), and the pages share one session state.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.urls import URLPattern
from django.urls import path as url

from .registry import ReactiveView, register
from .runtime.navigation import PAGE_KWARG, run_pages_directory, uses_pages_directory

_compiled: dict[Path, tuple[float, Any]] = {}


def compiled(path: Path) -> Any:
    """The code of a script file (a main script or a page), compiled again when the file changes."""
    mtime = path.stat().st_mtime
    cached = _compiled.get(path)
    if cached is None or cached[0] != mtime:
        from .magic import compile_script  # Streamlit's "magic": bare expressions are shown

        cached = (mtime, compile_script(path.read_text(encoding="utf-8"), str(path)))
        _compiled[path] = cached
    return cached[1]


class ScriptView(ReactiveView):
    """The view of a script file: one state for all the pages of the app."""

    def __init__(self, fn: Any, *, script_path: Path, **options: Any) -> None:
        super().__init__(fn, **options)
        self.script_path = script_path

    def state_name(self, kwargs: Any = None) -> str:
        # The page shown (its URL path) is no part of the state: the pages share it, as in Streamlit.
        return super().state_name({k: v for k, v in (kwargs or {}).items() if k != PAGE_KWARG})

    @property
    def urls(self) -> list[URLPattern]:
        """The app's URLs: its default page at the root, each other page one segment below.

        ``path("app/", include(reactive.script("app.py").urls))`` serves ``/app/`` and
        ``/app/<url_path>``; reloading a page's URL shows that page.
        """
        page = self.as_view()
        return [url("", page), url(f"<str:{PAGE_KWARG}>", page)]


def script_view(path: str | Path, *, script_globals: dict[str, Any] | None = None,
                pages_directory: bool = True, **options: Any) -> ScriptView:
    """The view for a script file, without registering it (AppTest uses this).

    ``script_globals`` are added to the script's globals on every run. With
    ``pages_directory`` (the default), a ``pages/`` folder next to the file
    makes its files the app's other pages, as Streamlit's first multipage form.
    """
    path = Path(path).resolve()
    if not path.is_file():
        raise ImproperlyConfigured(f"Reactive script {str(path)!r} does not exist.")
    extra = dict(script_globals or {})

    def run_script(st: Any) -> None:
        if uses_pages_directory(run_script):
            run_pages_directory(st, path)
        else:
            exec(compiled(path), {"__name__": "__main__", "__file__": str(path), **extra})

    # Each file is its own view: name the function after the file.
    run_script.__qualname__ = run_script.__name__ = f"script:{path}"
    # Where relative page paths start, and whether a pages/ folder may hold pages.
    run_script.script_path = path  # type: ignore[attr-defined]
    run_script.pages_directory = pages_directory  # type: ignore[attr-defined]
    options.setdefault("name", "script." + re.sub(r"[^A-Za-z0-9_\-]", "_", path.stem))
    return ScriptView(run_script, script_path=path, **options)


def script(path: str | Path, **options: Any) -> ScriptView:
    """Make and register a view from a script file: ``path("app/", reactive.script("app.py").as_view())``
    (``include(reactive.script("app.py").urls)`` for an app of several pages)."""
    return register(script_view(path, **options))
