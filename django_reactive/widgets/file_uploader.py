from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any

from django.core.files.storage import default_storage

from ..errors import ClientValueError
from ..uploads import TokenRefused, UploadedFile, accept_token, grant, make_token
from .base import Widget


class FileUploader(Widget):
    """``st.file_uploader``: an UploadedFile (or a list of them), or None."""

    command = "file_uploader"
    template = "django_reactive/widgets/file_uploader.html"
    kind = "file"
    read_only = True
    keyed_identity = ("types", "accept_multiple_files", "max_upload_size")

    @classmethod
    def create(cls, label: Any, type: str | list[str] | None = None,
               accept_multiple_files: bool = False, key: Any = None, help: str | None = None,
               on_change=None, args=None, kwargs=None, *, max_upload_size: int | None = None,
               disabled: bool = False, label_visibility: str = "visible") -> FileUploader:
        widget = cls(label, key=key, help=help, callback=on_change, args=args, kwargs=kwargs,
                     disabled=disabled, label_visibility=label_visibility)
        types = [type] if isinstance(type, str) else list(type or [])
        widget.types = tuple(t.lower() if t.startswith(".") else f".{t.lower()}" for t in types)
        widget.accept_multiple_files = bool(accept_multiple_files)
        widget.max_upload_size = max_upload_size
        return widget

    def identity_params(self) -> tuple[Any, ...]:
        return (self.types, self.accept_multiple_files, self.max_upload_size)

    def default(self) -> Any:
        return [] if self.accept_multiple_files else None

    def from_client(self, raw: Any) -> Any:
        if raw is None:
            return self.default()
        if not isinstance(raw, list) or (len(raw) > 1 and not self.accept_multiple_files):
            raise ClientValueError("Expected a list of upload tokens.")
        files = []
        held = self.current if isinstance(self.current, list) else [self.current]
        for token in raw:
            try:
                info = accept_token(token, self.id, held)
            except TokenRefused as exc:
                raise ClientValueError(str(exc)) from None
            if self.types and PurePath(info["n"]).suffix.lower() not in self.types:
                raise ClientValueError(f"{info['n']} is not one of the allowed types {list(self.types)}.")
            if self.max_upload_size and info["s"] > self.max_upload_size * 1024 * 1024:
                raise ClientValueError(f"{info['n']} is larger than {self.max_upload_size} MB.")
            files.append(info)
        if self.accept_multiple_files:
            return files
        return files[0] if files else None

    def result(self, value: Any) -> Any:
        """UploadedFiles of the files still stored (the files of an ended session are deleted)."""
        if value is None:
            return None
        files = [UploadedFile(info) for info in (value if isinstance(value, list) else [value])
                 if default_storage.exists(info["p"])]
        if isinstance(value, list):
            return files
        return files[0] if files else None

    def to_client(self, value: Any) -> Any:
        """Tokens, as the browser sends them (AppTest passes tokens from ``store_upload``)."""
        if value is None:
            return None
        items = value if isinstance(value, list) else [value]
        return [item if isinstance(item, str) else make_token(item) for item in items]

    def context(self) -> dict[str, Any]:
        current = self.current or []
        files = current if isinstance(current, list) else [current]
        # The tokens of the files shown, sent back as the value when a form is submitted.
        tokens = json.dumps([make_token(info) for info in files]) if files else ""
        return {**super().context(), "accept": ",".join(self.types),
                "multiple": self.accept_multiple_files, "names": [info["n"] for info in files],
                "tokens": tokens, "grant": grant(self.id, self.accept_multiple_files)}
