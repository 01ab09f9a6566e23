"""Files uploaded through ``st.file_uploader``.

The browser posts the chosen files over HTTP (with the page's CSRF token) to
``reactive/upload/<view>/``; each is written to Django's default storage and
answered with a signed token. The widget's value is the list of tokens, so
only files this server stored can be named, and the session holds a few bytes
per file instead of its content.
"""

from __future__ import annotations

import io
import uuid
from typing import Any

from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.text import get_valid_filename

SALT = "django_reactive.upload"
PREFIX = "django_reactive/uploads"


def store_upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> str:
    """Keep one uploaded file; return the signed token the browser sends back."""
    path = default_storage.save(f"{PREFIX}/{uuid.uuid4().hex}/{get_valid_filename(name) or 'file'}",
                                ContentFile(content))
    return make_token({"p": path, "n": name, "s": len(content), "t": content_type})


def make_token(info: dict[str, Any]) -> str:
    """The signed token of a stored file (the same info always gives the same token)."""
    return signing.dumps(info, salt=SALT)


def read_token(token: Any) -> dict[str, Any]:
    """The file a token names; raises ``signing.BadSignature`` for anything else."""
    if not isinstance(token, str):
        raise signing.BadSignature("not a token")
    data = signing.loads(token, salt=SALT)
    if not isinstance(data, dict) or not {"p", "n", "s", "t"} <= data.keys():
        raise signing.BadSignature("not a file token")
    return data


class UploadedFile(io.BytesIO):
    """A file given to ``st.file_uploader``: ``name``, ``size``, ``type``, and the bytes.

    Like Streamlit's UploadedFile, it is a ``BytesIO`` (``read()``,
    ``getvalue()``, ``seek()``), loaded from storage when created.
    """

    def __init__(self, info: dict[str, Any]) -> None:
        with default_storage.open(info["p"], "rb") as stored:
            super().__init__(stored.read())
        self.name: str = info["n"]
        self.size: int = info["s"]
        self.type: str = info["t"]
        self.file_id: str = info["p"]

    def __repr__(self) -> str:
        return f"UploadedFile(name={self.name!r}, size={self.size}, type={self.type!r})"
