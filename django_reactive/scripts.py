"""``reactive.script(path)``: a view made of a Streamlit-style script file.

The file runs top to bottom on every run, like a Streamlit app; it gets ``st``
by importing it (``from django_reactive import st``), so a Streamlit script
ports by changing its import line. The file is compiled once and again only
when it changes on disk.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from .registry import ReactiveView, register

_compiled: dict[Path, tuple[float, Any]] = {}


def _code(path: Path) -> Any:
    mtime = path.stat().st_mtime
    cached = _compiled.get(path)
    if cached is None or cached[0] != mtime:
        from .magic import compile_script  # Streamlit's "magic": bare expressions are shown

        cached = (mtime, compile_script(path.read_text(encoding="utf-8"), str(path)))
        _compiled[path] = cached
    return cached[1]


def script_view(path: str | Path, *, script_globals: dict[str, Any] | None = None,
                **options: Any) -> ReactiveView:
    """The view for a script file, without registering it (AppTest uses this).

    ``script_globals`` are added to the script's globals on every run.
    """
    path = Path(path).resolve()
    if not path.is_file():
        raise ImproperlyConfigured(f"Reactive script {str(path)!r} does not exist.")
    extra = dict(script_globals or {})

    def run_script(st: Any) -> None:
        exec(_code(path), {"__name__": "__main__", "__file__": str(path), **extra})

    # Each file is its own view: name the function after the file.
    run_script.__qualname__ = run_script.__name__ = f"script:{path}"
    options.setdefault("name", "script." + re.sub(r"[^A-Za-z0-9_\-]", "_", path.stem))
    return ReactiveView(run_script, **options)


def script(path: str | Path, **options: Any) -> ReactiveView:
    """Make and register a view from a script file: ``path("app/", reactive.script("app.py").as_view())``."""
    return register(script_view(path, **options))
