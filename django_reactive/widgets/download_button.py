from __future__ import annotations

import base64
from typing import Any

from ..errors import InvalidLayoutContextError, ReactiveValueError
from .button import Button

#: The file is part of the page (a data: link); larger files belong in a Django view.
MAX_DOWNLOAD_BYTES = 2 * 1024 * 1024


class DownloadButton(Button):
    """``st.download_button``: downloads ``data`` and, like a button, is True in its click run."""

    command = "download_button"
    template = "django_reactive/widgets/download_button.html"

    @classmethod
    def create(cls, label: Any, data: Any, file_name: str | None = None, mime: str | None = None,
               key: Any = None, help: str | None = None, on_click: Any = "rerun", args=None,
               kwargs=None, *, type: str = "secondary", icon: str | None = None,
               disabled: bool = False, use_container_width: bool = False) -> DownloadButton:
        callback = on_click if callable(on_click) else None
        widget = super().create(label, key=key, help=help, on_click=callback, args=args,
                                kwargs=kwargs, type=type, icon=icon, disabled=disabled,
                                use_container_width=use_container_width)
        if hasattr(data, "read"):
            data = data.read()
        if isinstance(data, str):
            data, default_mime = data.encode(), "text/plain"
        elif isinstance(data, (bytes, bytearray)):
            data, default_mime = bytes(data), "application/octet-stream"
        else:
            raise ReactiveValueError(
                f"Invalid binary data format: {data.__class__}. st.download_button takes str, bytes "
                "or a file-like object."
            )
        if len(data) > MAX_DOWNLOAD_BYTES:
            raise ReactiveValueError(
                f"st.download_button's data has {len(data)} bytes; the limit is {MAX_DOWNLOAD_BYTES}. "
                "Serve larger files from a Django view and link to them with st.link_button."
            )
        widget.mime = mime or default_mime
        widget.file_name = file_name or "download"
        widget.href = f"data:{widget.mime};base64,{base64.b64encode(data).decode('ascii')}"
        widget.reruns = on_click != "ignore"
        return widget

    def bind_form(self, form: Any) -> None:
        if form is not None:
            raise InvalidLayoutContextError(
                "`st.download_button()` can't be used in an `st.form()`.\n\nFor more information, "
                "refer to the\n[documentation for forms]"
                "(https://docs.streamlit.io/develop/api-reference/execution-flow/st.form)."
            )

    def context(self) -> dict[str, Any]:
        return {**super().context(), "href": self.href, "file_name": self.file_name,
                "reruns": self.reruns}
