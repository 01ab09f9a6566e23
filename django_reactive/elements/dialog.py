"""The modal an ``@st.dialog`` function shows (the decorator is in ``runtime/dialog.py``).

It is an HTML ``<dialog>`` opened with ``showModal()`` by a small module
(``dialog.js``): the browser's own modal, which makes the rest of the page
inert, closes on Escape and traps focus. The server never renders it
``open``: each opening carries a number of its own (the id of its body), so
the page shows it again whenever the view calls the function in a new run,
and leaves it closed after the user dismissed it until then.
"""

from __future__ import annotations

from typing import Any

from ..errors import ReactiveAPIError, ReactiveValueError
from .layout import Block
from .text import render_markdown

WIDTHS = ("small", "medium", "large")
POSITIONS = ("center", "left", "right")
ON_DISMISS = ("ignore", "rerun")


def check_on_dismiss(on_dismiss: Any) -> None:
    """Streamlit's check of ``on_dismiss``: "ignore", "rerun" or a callable."""
    if callable(on_dismiss) or (isinstance(on_dismiss, str) and on_dismiss in ON_DISMISS):
        return
    raise ReactiveValueError(
        "Invalid `on_dismiss` value. Supported values: 'rerun', 'ignore', a callback function.")


class Dialog(Block):
    """The modal of one call of a dialog function: a title bar and the function's output.

    ``command`` names it for AppTest's ``at.dialog``; ``st.dialog`` itself is
    the decorator (``St.dialog``), which shadows the element command.
    """

    command = "dialog"
    template = "django_reactive/layout/dialog.html"
    assets = ("django_reactive/dialog.css", "django_reactive/dialog.js")

    @classmethod
    def create(cls, *args: Any, **kwargs: Any) -> Dialog:
        """A plain block, or a widget when the dismissal re-runs the view."""
        on_dismiss = kwargs.get("on_dismiss", "ignore")
        check_on_dismiss(on_dismiss)
        if cls is Dialog and (callable(on_dismiss) or on_dismiss == "rerun"):
            from ..widgets.dialog import DismissibleDialog  # a widget: widgets import elements

            return DismissibleDialog(*args, **kwargs)
        return cls(*args, **kwargs)

    def __init__(self, title: str, *, width: Any = "small", position: str = "center",
                 dismissible: bool = True, icon: str | None = None, on_dismiss: Any = "ignore") -> None:
        super().__init__()
        if title is None or title == "":
            raise ReactiveAPIError(
                'The `title` parameter is required. For example: `@st.dialog("Example Title")`.')
        if width not in WIDTHS and not (isinstance(width, int) and not isinstance(width, bool)
                                        and width > 0):
            raise ReactiveValueError("Invalid `width` value. Supported values: 'small', 'medium', "
                                     f"'large', a positive integer. Got {width!r}.")
        if position not in POSITIONS:
            raise ReactiveValueError("Invalid `position` value. Supported values: 'left', 'center', "
                                     "'right'.")
        check_on_dismiss(on_dismiss)
        self.title = self.label = str(title)
        self.width = width
        self.position = position
        self.dismissible = bool(dismissible)
        self.icon = icon.strip() or None if isinstance(icon, str) else icon
        self.on_dismiss = on_dismiss

    def start(self, opening: int) -> DialogBody:
        """Number this opening and return the block the function's output goes into."""
        body = DialogBody(opening)
        self.children = [body]
        return body

    @property
    def opening(self) -> int:
        return self.children[0].opening if self.children else 0

    def context(self) -> dict[str, Any]:
        return {"title": render_markdown(self.title, inline=True), "icon": self.icon,
                "width": self.width if isinstance(self.width, str) else "px",
                "style": "" if isinstance(self.width, str) else f"--rx-dialog-width:{self.width}px",
                "position": self.position, "dismissible": self.dismissible, "opening": self.opening}


class DialogBody(Block):
    """What the dialog function shows; its id changes with each opening, its content does not."""

    css_class = "rx-dialog-body"

    def __init__(self, opening: int) -> None:
        super().__init__()
        self.opening = opening
        #: A new id per opening: the page receives the dialog anew and shows it again.
        self.id = f"dlg{opening}"
