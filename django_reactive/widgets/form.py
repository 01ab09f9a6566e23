"""``st.form`` and ``st.form_submit_button``: widgets whose changes are sent together.

Edits inside a form stay in the browser until one of its submit buttons is
clicked; the submit sends every value of the form in one event. Only submit
buttons may have callbacks in a form.
"""

from __future__ import annotations

from typing import Any

from ..elements.base import DefaultText, gettext_noop
from ..elements.layout import Block
from ..errors import (
    InvalidLayoutContextError,
    ReactiveValueError,
)
from .button import Button

FORMS_DOCS = "https://docs.streamlit.io/develop/api-reference/execution-flow/st.form"
#: The default label of ``st.form_submit_button``, shown in the visitor's language.
SUBMIT = DefaultText(gettext_noop("Submit"))


class Form(Block):
    """A block whose widgets are submitted together."""

    command = "form"
    template = "django_reactive/layout/form.html"
    read_only = True

    def __init__(self, key: Any, clear_on_submit: bool = False, *, enter_to_submit: bool = True,
                 border: bool = True) -> None:
        super().__init__()
        if key is None or str(key) == "":
            raise ReactiveValueError("Invalid `key` value. Supported values: a non-empty string.")
        self.key = str(key)
        self.clear_on_submit = clear_on_submit
        self.enter_to_submit = enter_to_submit
        self.border = border

    def bind_form(self, form: Form | None) -> None:
        if form is not None:
            raise InvalidLayoutContextError("Forms cannot be nested in other forms.")
        self.form = self

    def has_submit_button(self) -> bool:
        stack = list(self.children)
        while stack:
            child = stack.pop()
            if isinstance(child, FormSubmitButton):
                return True
            stack.extend(getattr(child, "children", ()))
        return False

    def context(self) -> dict[str, Any]:
        return {"css_class": "rx-form rx-border" if self.border else "rx-form",
                "form_key": self.key, "enter_to_submit": self.enter_to_submit,
                "missing_submit": not self.has_submit_button()}


class FormSubmitButton(Button):
    """``st.form_submit_button``: True in the run its click caused, with the form's values."""

    command = "form_submit_button"
    template = "django_reactive/widgets/button.html"

    @classmethod
    def create(cls, label: Any = SUBMIT, help: str | None = None, on_click=None, args=None,
               kwargs=None, *, key: Any = None, type: str = "secondary", icon: str | None = None,
               disabled: bool = False, use_container_width: bool = False) -> FormSubmitButton:
        return super().create(label, key=key, help=help, on_click=on_click, args=args, kwargs=kwargs,
                              type=type, icon=icon, disabled=disabled,
                              use_container_width=use_container_width)

    def bind_form(self, form: Form | None) -> None:
        if form is None:
            raise InvalidLayoutContextError(
                "`st.form_submit_button()` must be used inside an `st.form()`.\n\nFor more "
                f"information, refer to the\n[documentation for forms]({FORMS_DOCS})."
            )
        self.form_key = form.key
        if self.key is None:
            # Streamlit's automatic key, visible in st.session_state.
            self.key = f"FormSubmitter:{form.key}-{self.label}"
