"""``@st.fragment``: parts of a view that re-run on their own.

A fragment is a function whose widgets, when used, re-run only that function:
the rest of the page keeps its output and only the fragment's elements are
patched. Like callbacks, fragment functions (with their arguments) are kept in
memory from the previous full run, never stored.
"""

from __future__ import annotations

import functools
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


def fragment(func: Callable[..., Any] | None = None, *, run_every: Any = None) -> Any:
    """Decorate a function whose widgets re-run only that function (``@st.fragment``)."""
    if run_every is not None:
        raise ReactiveAPIError(
            "st.fragment(run_every=...) is not supported: fragments re-run when their own "
            "widgets are used."
        )

    def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def call(*args: Any, **kwargs: Any) -> Any:
            st = current_st.get()
            if st is None:
                raise ReactiveAPIError("A fragment can only be called while a reactive view runs.")
            return st._runner.call_fragment(fn, args, kwargs)

        return call

    return decorate(func) if func is not None else decorate
