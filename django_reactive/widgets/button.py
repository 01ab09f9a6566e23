from __future__ import annotations

from typing import Any

from ..errors import ClientValueError, InvalidLayoutContextError, ReactiveValueError
from .base import Widget


class Button(Widget):
    """``st.button``: True only in the run caused by its click."""

    command = "button"
    template = "django_reactive/widgets/button.html"
    kind = "button"
    trigger = True
    read_only = True

    @classmethod
    def create(cls, label: Any, key: Any = None, help: str | None = None, on_click=None,
               args=None, kwargs=None, *, type: str = "secondary", icon: str | None = None,
               disabled: bool = False, use_container_width: bool = False) -> Button:
        if type not in ("primary", "secondary", "tertiary"):
            raise ReactiveValueError(
                f'The type argument to st.button must be "primary", "secondary", or '
                f'"tertiary". \nThe argument passed was "{type}".'
            )
        widget = cls(label, key=key, help=help, callback=on_click, args=args, kwargs=kwargs,
                     disabled=disabled)
        widget.type = type
        widget.icon = icon
        widget.use_container_width = use_container_width
        return widget

    def bind_form(self, form: Any) -> None:
        if form is not None:
            raise InvalidLayoutContextError(
                f"`st.{self.command}()` can't be used in an `st.form()`. Use "
                "`st.form_submit_button()` instead to submit the form.\n\nFor more information, "
                "refer to the\n[documentation for forms]"
                "(https://docs.streamlit.io/develop/api-reference/execution-flow/st.form)."
            )

    def default(self) -> bool:
        return False

    def from_client(self, raw: Any) -> bool:
        if raw is not True:
            raise ClientValueError("A button can only be clicked (send it as the event's trigger).")
        return True

    def result(self, value: Any) -> bool:
        return bool(value)

    def context(self) -> dict[str, Any]:
        return {**super().context(), "type": self.type, "icon": self.icon,
                "full_width": self.use_container_width}
