"""An ``@st.dialog`` with ``on_dismiss="rerun"`` or a callback: its dismissal is a trigger."""

from __future__ import annotations

from typing import Any

from ..elements.dialog import Dialog
from ..errors import ClientValueError
from .base import Widget


class DismissibleDialog(Widget, Dialog):
    """A dialog whose dismissal by the user (close button, Escape, a click outside) re-runs the view.

    As in Streamlit, only these dialogs are widgets: the page sends the
    dismissal as this widget's trigger, the callback (if any) runs first, and
    the value is True in that run only. With ``on_dismiss="ignore"`` the
    browser closes the dialog without telling the server.
    """

    kind = "button"
    trigger = True
    read_only = True

    def __init__(self, title: str, *, width: Any = "small", position: str = "center",
                 dismissible: bool = True, icon: str | None = None, on_dismiss: Any = "rerun") -> None:
        Dialog.__init__(self, title, width=width, position=position, dismissible=dismissible, icon=icon,
                        on_dismiss=on_dismiss)
        Widget.__init__(self, title, callback=on_dismiss if callable(on_dismiss) else None)

    def bind_form(self, form: Any) -> None:
        """A dialog is never part of a form (it is placed outside any)."""

    def identity_params(self) -> tuple[Any, ...]:
        kind = "callback" if callable(self.on_dismiss) else self.on_dismiss
        return (self.width, self.position, self.dismissible, self.icon, kind)

    def default(self) -> bool:
        return False

    def from_client(self, raw: Any) -> bool:
        if raw is not True:
            raise ClientValueError("A dialog's dismissal is sent as the event's trigger.")
        return True

    def result(self, value: Any) -> bool:
        return bool(value)

    def context(self) -> dict[str, Any]:
        return {**Dialog.context(self), "wid": self.id}
