"""Files uploaded through ``st.file_uploader`` (and ``st.camera_input``).

The browser posts the chosen files over HTTP (with the page's CSRF token) to
``reactive/upload/<view>/``; each is written to Django's default storage and
answered with a signed token. The widget's value is the list of tokens, so
only files this server stored can be named, and the session holds a few bytes
per file instead of its content.

What keeps an anonymous visitor from filling the disk, or from using a file
of another session (docs/security.md):

* **Grants.** A file uploader's markup carries a grant, signed by the server,
  naming the session, the view's state and the widget. The endpoint stores
  files only for a valid grant of the request's own session, for a widget its
  view's last saved run showed (its id is in the view's state).
* **Bound tokens.** A file's token names the session (the folder the file is
  in), the view and the widget it was uploaded for, and expires after
  ``REACTIVE["UPLOAD_TOKEN_SECONDS"]``. A widget takes a new file only from
  a token bound to it; a token of a file it already holds (sent back with a
  form) is always accepted.
* **Quota.** Each session keeps at most ``UPLOAD_SESSION_MAX_FILES`` files and
  ``UPLOAD_SESSION_MAX_BYTES`` bytes (see ``upload_cleanup``).

Files live at ``django_reactive/uploads/<session folder>/<time>-<size>-<id>/<name>``:
the folder is a keyed hash of the session key (the key itself is never
written), and the directory says when the file came and how large it is, so
quotas and cleanup need only listings.
"""

from __future__ import annotations

import io
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.core import signing
from django.core.files.base import ContentFile, File
from django.core.files.storage import default_storage
from django.utils.crypto import salted_hmac
from django.utils.text import get_valid_filename

from . import conf

SALT = "django_reactive.upload"
GRANT_SALT = "django_reactive.upload-grant"
PREFIX = "django_reactive/uploads"
#: The folder of files stored by the site's own code (tests) rather than by a browser's upload.
UNBOUND = "unbound"


class TokenRefused(Exception):
    """A token a widget may not take (a forged, expired, or another page's token)."""


@dataclass(frozen=True)
class Binding:
    """The page a run belongs to: its session, view and the view's state name (namespace)."""

    session_key: str
    view: str
    namespace: str


_binding: ContextVar[Binding | None] = ContextVar("django_reactive_upload_binding", default=None)


@contextmanager
def bound(session_key: str, view: str, namespace: str) -> Iterator[None]:
    """Runs and renders inside this block belong to that page (``AppSession`` wraps each)."""
    token = _binding.set(Binding(session_key, view, namespace))
    try:
        yield
    finally:
        _binding.reset(token)


def session_folder(session_key: str) -> str:
    """The storage folder of a session's files: a keyed hash, so the folder does not reveal the key."""
    digest = salted_hmac("django_reactive.upload.session", session_key, algorithm="sha256").hexdigest()
    return f"{PREFIX}/{digest[:32]}"


# -- grants: the upload a page's widget may make --------------------------------------------------


def grant(widget_id: str, multiple: bool) -> str:
    """The signed grant a file uploader's markup carries ("" outside a page's run).

    The same for every render of the widget, so it adds nothing to patches.
    """
    binding = _binding.get()
    if binding is None:
        return ""
    return signing.Signer(salt=GRANT_SALT).sign_object({
        "f": session_folder(binding.session_key), "v": binding.view, "ns": binding.namespace,
        "w": widget_id, "m": multiple})


@dataclass(frozen=True)
class Target:
    """Where an upload goes: the view's state name, the widget, and whether it takes several files."""

    namespace: str
    widget: str
    multiple: bool


def read_grant(value: Any, session_key: str, view: str) -> Target:
    """The widget a grant names, if it was made for this session and view; else ``TokenRefused``."""
    try:
        data = signing.Signer(salt=GRANT_SALT).unsign_object(value if isinstance(value, str) else "")
    except signing.BadSignature:
        raise TokenRefused("This page offered no file upload here; reload it.") from None
    if not isinstance(data, dict) or data.get("f") != session_folder(session_key) or data.get("v") != view:
        raise TokenRefused("This upload was offered to another page; reload it.")
    return Target(str(data["ns"]), str(data["w"]), bool(data.get("m")))


# -- storing, and the tokens naming stored files --------------------------------------------------


def store_file(file: File, name: str, size: int, content_type: str, *, session_key: str | None = None,
               view: str | None = None, widget: str | None = None) -> str:
    """Keep one uploaded file; return the signed token the browser sends back as the widget's value.

    With ``session_key``, ``view`` and ``widget`` (the upload endpoint) the
    token is bound to them; without (the site's own code, AppTest) it is not.
    """
    folder = session_folder(session_key) if session_key else f"{PREFIX}/{UNBOUND}"
    entry = f"{int(time.time())}-{size}-{uuid.uuid4().hex}"
    path = default_storage.save(f"{folder}/{entry}/{get_valid_filename(name) or 'file'}", file)
    info: dict[str, Any] = {"p": path, "n": name, "s": size, "t": content_type}
    if view is not None:
        info.update(v=view, w=widget)
    return make_token(info)


def store_upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> str:
    """Keep a file given as bytes, e.g. in a test (``AppTest``): its token is bound to no page."""
    return store_file(ContentFile(content), name, len(content), content_type)


def make_token(info: dict[str, Any]) -> str:
    """The signed token of a stored file (with the time it was signed: see ``accept_token``)."""
    return signing.dumps(info, salt=SALT)


def read_token(token: Any) -> dict[str, Any]:
    """The file a token names; raises ``signing.BadSignature`` for anything else."""
    if not isinstance(token, str):
        raise signing.BadSignature("not a token")
    data = signing.loads(token, salt=SALT)
    if not isinstance(data, dict) or not {"p", "n", "s", "t"} <= data.keys():
        raise signing.BadSignature("not a file token")
    return data


def accept_token(token: Any, widget_id: str, held: list[dict[str, Any]]) -> dict[str, Any]:
    """The file ``token`` names, if the widget ``widget_id`` may take it; else ``TokenRefused``.

    ``held`` are the files the widget holds now: their tokens come back with a
    form's submit, whatever their age. A new file needs a token younger than
    ``UPLOAD_TOKEN_SECONDS``, uploaded for this widget of this view in this
    session (a token bound to no page, from ``store_upload``, fits any).
    """
    try:
        info = read_token(token)
    except signing.BadSignature:
        raise TokenRefused("Not a file uploaded to this site.") from None
    if any(isinstance(h, dict) and h.get("p") == info["p"] for h in held):
        return info
    try:
        signing.loads(token, salt=SALT, max_age=conf.get("UPLOAD_TOKEN_SECONDS"))
    except signing.SignatureExpired:
        raise TokenRefused(f"The upload of {info['n']} has expired; upload it again.") from None
    if "v" in info:
        binding = _binding.get()
        if binding is None or info["v"] != binding.view or info.get("w") != widget_id \
                or not info["p"].startswith(session_folder(binding.session_key) + "/"):
            raise TokenRefused(f"{info['n']} was uploaded for another widget or page.")
    return info


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
