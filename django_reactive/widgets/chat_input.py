"""``st.chat_input``: a message box whose text is returned once, in the run its submission causes.

It is a trigger, like a button, that carries a value: the browser sends the
text with the widget as the event's trigger, and the value falls back to None
after that run. Called in the main area outside any container, the box is
pinned to the bottom of the page (by its stylesheet); anywhere else it stays
where it is called, as in Streamlit.
"""

from __future__ import annotations

from typing import Any, ClassVar

from ..elements.base import DefaultText, gettext_noop, shown
from ..elements.chat import check_width
from ..errors import InvalidLayoutContextError, ReactiveAPIError, ReactiveValueError
from .base import Widget, check_type

#: ``st.chat_input``'s default placeholder, shown in the visitor's language.
YOUR_MESSAGE = DefaultText(gettext_noop("Your message"))
SUBMIT_MODES = ("submit", "disable", "stop")


class Submitted(str):
    """A text the visitor submitted, as opposed to one assigned to the key by code.

    Streamlit puts a text assigned to ``st.session_state[key]`` in the box,
    unsent; only a submission is returned. The mark survives the trip through
    the event into :meth:`ChatInput.coerce`, which tells the two apart.
    """


class ChatInput(Widget):
    """``st.chat_input``: returns the submitted text in the run after a submission, else None."""

    command = "chat_input"
    template = "django_reactive/widgets/chat_input.html"
    trigger = True
    keyed_identity = ("max_chars",)
    assets: ClassVar[tuple[str, ...]] = ("django_reactive/chat.css", "django_reactive/chat.js")

    @classmethod
    def create(cls, placeholder: str = YOUR_MESSAGE, *, key: Any = None, max_chars: int | None = None,
               max_upload_size: int | None = None, accept_file: bool | str = False,
               file_type: str | list[str] | None = None, accept_audio: bool = False,
               audio_sample_rate: int | None = 16000, disabled: bool = False,
               submit_mode: str = "submit", on_submit=None, args=None, kwargs=None,
               width: int | str = "stretch", height: int | str = "content") -> ChatInput:
        if accept_file not in (True, False, "multiple", "directory"):
            raise ReactiveValueError(
                "Invalid `accept_file` value. Supported values: True, False, 'multiple', 'directory'. "
                f"Got {accept_file!r}.")
        if submit_mode not in SUBMIT_MODES:
            raise ReactiveValueError(
                "Invalid `submit_mode` value. Supported values: 'submit', 'disable', 'stop'.")
        if max_upload_size is not None and (isinstance(max_upload_size, bool) or not isinstance(
                max_upload_size, int) or max_upload_size < 1):
            raise ReactiveValueError(
                "Invalid `max_upload_size` value. Supported values: a positive integer. Set it to None "
                "to fall back to the `server.maxUploadSize` configuration option.")
        if accept_file or accept_audio:
            what = "accept_file" if accept_file else "accept_audio"
            raise ReactiveAPIError(
                f"st.chat_input({what}=...) is not supported: attachments and recordings are not "
                "there yet. Put an st.file_uploader next to the chat input instead.")
        check_width(width, allow_content=False)
        if not (height in ("content", "stretch") or (isinstance(height, int) and not isinstance(
                height, bool) and height > 0)):
            raise ReactiveAPIError(
                f"Invalid height value: {height!r}. Height must be either a positive integer (pixels), "
                "'stretch', or 'content'.")
        widget = cls(placeholder, key=key, callback=on_submit, args=args, kwargs=kwargs,
                     disabled=disabled)
        widget.placeholder = placeholder if isinstance(placeholder, DefaultText) else str(placeholder)
        widget.max_chars = max_chars or None
        widget.submit_mode = submit_mode
        widget.width = width
        widget.height = height
        widget.draft = ""
        return widget

    def bind_form(self, form: Any) -> None:
        if form is not None:
            raise InvalidLayoutContextError("`st.chat_input()` can't be used in a `st.form()`.")

    def identity_params(self) -> tuple[Any, ...]:
        return (self.max_chars, self.submit_mode, self.width, self.height)

    def default(self) -> None:
        return None

    def coerce(self, value: Any) -> Submitted | None:
        """A submission is the value; a text assigned by code waits in the box, unsent."""
        if isinstance(value, Submitted):
            return value
        if isinstance(value, str):
            self.draft = value
        return None

    def from_client(self, raw: Any) -> Submitted:
        """The submitted text, cut to ``max_chars`` as Streamlit's deserializer does."""
        text = check_type(raw, str, "a string")
        return Submitted(text[:self.max_chars] if self.max_chars else text)

    def result(self, value: Any) -> str | None:
        return str(value) if isinstance(value, str) else None

    def context(self) -> dict[str, Any]:
        return {**super().context(), "placeholder": shown(self.placeholder), "max_chars": self.max_chars,
                "submit_mode": self.submit_mode, "draft": self.draft,
                "width": self.width if isinstance(self.width, int) else None,
                "height": self.height if isinstance(self.height, int) else None}
