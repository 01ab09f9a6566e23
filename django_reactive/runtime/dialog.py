"""``@st.dialog``: a function whose output shows in a modal dialog, run as a fragment.

Calling the decorated function opens the dialog (``elements/dialog.py``) and
runs the function inside it as an ``@st.fragment``: a widget in the dialog
re-runs only the dialog. The dialog stays open while the view calls the
function in its runs; ``st.rerun()`` inside it is the usual way to act and
close it (the full run no longer calls the function). The user closes a
dismissible dialog with its close button, Escape or a click outside: then
``on_dismiss="rerun"`` or a callback re-runs the view, as a widget would.

As in Streamlit, the dialog is not part of the container, form or sidebar it
is opened from: it is placed in the area being run (or in the fragment that
opens it), outside any form.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from ..elements.dialog import Dialog
from ..errors import InvalidLayoutContextError, ReactiveAPIError
from .context import current_st
from .fragments import FragmentBlock

if TYPE_CHECKING:
    from .runner import ScriptRunner

#: True while a dialog function runs (to refuse a dialog inside a dialog).
_in_dialog: ContextVar[bool] = ContextVar("django_reactive_in_dialog", default=False)

NESTED_ERROR = "Dialogs may not be nested inside other dialogs."
SECOND_ERROR = (
    "Only one dialog is allowed to be opened at the same time. Please make sure to not call a "
    "dialog-decorated function more than once in a script run."
)


def dialog(title: Any, *, width: Any = "small", position: str = "center", dismissible: bool = True,
           icon: str | None = None, on_dismiss: Any = "ignore") -> Callable[..., Any]:
    """Decorate a function whose output shows in a modal dialog when it is called (``@st.dialog``).

    ``@st.dialog`` without a title is refused, as in Streamlit.
    """
    options = {"width": width, "position": position, "dismissible": dismissible, "icon": icon,
               "on_dismiss": on_dismiss}
    if not isinstance(title, str) or not title:
        raise ReactiveAPIError(
            'The `title` parameter is required. For example: `@st.dialog("Example Title")`.')

    def decorate(fn: Callable[..., Any]) -> Callable[..., None]:
        @functools.wraps(fn)
        def open_dialog(*args: Any, **kwargs: Any) -> None:
            st = current_st.get()
            if st is None:
                raise ReactiveAPIError("A dialog function can only be called while a reactive view runs.")
            show(st._runner, fn, args, kwargs, title, options)

        return open_dialog

    return decorate


def show(runner: ScriptRunner, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any],
         title: str, options: dict[str, Any]) -> None:
    """Open a dialog in the run in progress and run ``fn`` in it as a fragment."""
    if _in_dialog.get():
        raise InvalidLayoutContextError(NESTED_ERROR)
    if runner.dialog_opened:
        raise InvalidLayoutContextError(SECOND_ERROR)
    stack = runner._stack
    target = next((b for b in reversed(stack) if isinstance(b, FragmentBlock)), stack[0])
    runner.add(Dialog, target, runner.st, title, **options)
    element = target.children[-1]
    runner.dialog_opened = True
    runner.dialogs_opened += 1
    element.form = None
    body = element.start(runner.dialogs_opened)
    body.root = element.root

    @functools.wraps(fn)
    def content(*a: Any, **k: Any) -> None:
        token = _in_dialog.set(True)
        try:
            fn(*a, **k)
        finally:
            _in_dialog.reset(token)

    runner.push(body)
    try:
        runner.call_fragment(content, args, kwargs)
    finally:
        runner.pop(body)
