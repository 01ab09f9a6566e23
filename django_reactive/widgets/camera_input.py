"""``st.camera_input``: a photo taken with the visitor's camera, returned as an uploaded file.

A small module (``static/django_reactive/camera.js``) shows the camera
(``getUserMedia``) and, on "Take photo", puts a JPEG of the frame into the
widget's file control; from there the photo goes the way of any
``st.file_uploader`` file: posted over HTTP, kept in Django's default storage,
named by a signed token. The view gets an ``UploadedFile`` (``name``,
``type``, ``getvalue()``) or None.
"""

from __future__ import annotations

from typing import Any, ClassVar

from ..elements.sizing import check_width, width_style
from ..errors import ClientValueError, ReactiveValueError
from ..uploads import store_upload
from .button_group import change_handler
from .file_uploader import FileUploader

#: Streamlit's ``resolution`` presets: the height of the picture asked from the camera.
RESOLUTIONS = {"480p": 480, "720p": 720, "1080p": 1080}
PHOTO_TYPES = ("image/jpeg", "image/png")


class CameraInput(FileUploader):
    """``st.camera_input``: the photo taken (an ``UploadedFile``), or None."""

    command = "camera_input"
    template = "django_reactive/widgets/camera_input.html"
    keyed_identity = ()
    assets: ClassVar[tuple[str, ...]] = ("django_reactive/camera.css", "django_reactive/camera.js")

    @classmethod
    def create(cls, label: Any, key: Any = None, help: str | None = None, on_change: Any = "rerun",
               args: Any = None, kwargs: Any = None, *, disabled: bool = False,
               label_visibility: str = "visible", resolution: str | None = None,
               width: Any = "stretch") -> CameraInput:
        if resolution is not None and resolution not in RESOLUTIONS:
            raise ReactiveValueError(
                "Invalid `resolution` value. Supported values: '480p', '720p', '1080p', None.")
        callback, _ = change_handler(on_change)  # "ignore" reruns as "rerun" (see docs/widgets.md)
        check_width(width)
        widget = cls(label, key=key, help=help, callback=callback, args=args, kwargs=kwargs,
                     disabled=disabled, label_visibility=label_visibility)
        widget.types = (".jpg", ".jpeg", ".png")
        widget.accept_multiple_files = False
        widget.max_upload_size = None
        widget.resolution = resolution
        widget.width = width
        return widget

    def identity_params(self) -> tuple[Any, ...]:
        return (self.resolution, self.width)

    def from_client(self, raw: Any) -> Any:
        info = super().from_client(raw)
        if info is not None and info["t"] not in PHOTO_TYPES:
            raise ClientValueError(f"{info['n']} is not a JPEG or PNG photo.")
        return info

    def to_client(self, value: Any) -> Any:
        """Tokens; AppTest may also give Streamlit's ``(filename, content, mime_type)``."""
        if isinstance(value, tuple):
            name, content, mime = value
            return [store_upload(name, content, mime)]
        if isinstance(value, str):
            return [value]
        return super().to_client(value)

    def context(self) -> dict[str, Any]:
        return {**super().context(), "height": RESOLUTIONS.get(self.resolution or ""),
                "style": width_style(self.width) if isinstance(self.width, int) else ""}
