"""``@st.fragment``: parts of a view that re-run on their own.

A fragment is a function whose widgets, when used, re-run only that function:
the rest of the page keeps its output and only the fragment's elements are
patched. Like callbacks, fragment functions (with their arguments) are kept in
memory from the previous full run, never stored.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..elements.layout import Block
from ..errors import ReactiveAPIError
from .context import current_st


class FragmentBlock(Block):
    """The container a fragment writes into; replaced as a whole by a fragment run."""

    css_class = "rx-fragment"


@dataclass
class Fragment:
    """A fragment call of the last run: what to call again, and where its output went."""

    func: Callable[..., Any]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    block: FragmentBlock
    parent: Block
    #: Seconds between automatic re-runs while the page is open (``run_every``), or None.
    run_every: float | None = None


def seconds(run_every: Any) -> float | None:
    """``run_every`` as seconds: a number, a ``timedelta``, or a string like ``"2s"``/``"1m"``."""
    if run_every is None:
        return None
    if isinstance(run_every, datetime.timedelta):
        value = run_every.total_seconds()
    elif isinstance(run_every, (int, float)) and not isinstance(run_every, bool):
        value = float(run_every)
    elif isinstance(run_every, str) and re.fullmatch(r"\s*[\d.]+\s*[smh]?\s*", run_every):
        number, unit = re.fullmatch(r"\s*([\d.]+)\s*([smh]?)\s*", run_every).groups()
        value = float(number) * {"": 1, "s": 1, "m": 60, "h": 3600}[unit]
    else:
        raise ReactiveAPIError(
            f"Invalid run_every value {run_every!r}: use seconds, a timedelta, or a string "
            "such as '2s' or '1m'."
        )
    if value < MIN_RUN_EVERY:
        raise ReactiveAPIError(f"run_every must be at least {MIN_RUN_EVERY} seconds.")
    return value


#: The shortest automatic re-run interval accepted.
MIN_RUN_EVERY = 0.1


def fragment(func: Callable[..., Any] | None = None, *, run_every: Any = None) -> Any:
    """Decorate a function whose widgets re-run only that function (``@st.fragment``).

    With ``run_every``, the open page also re-runs it on that interval.
    """
    interval = seconds(run_every)

    def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def call(*args: Any, **kwargs: Any) -> Any:
            st = current_st.get()
            if st is None:
                raise ReactiveAPIError("A fragment can only be called while a reactive view runs.")
            return st._runner.call_fragment(fn, args, kwargs, interval)

        return call

    return decorate(func) if func is not None else decorate
