"""How much a session has uploaded, and removing the files nobody can use any more.

A stored upload is kept while a widget of a live session holds it (its path
is in that session's views' states), or while its token may still be used
(``REACTIVE["UPLOAD_TOKEN_SECONDS"]``). Everything else goes:

* **abandoned uploads**: files no widget took before their token expired
  (removed from a session's folder on each of its uploads, and by the sweep);
* **files of ended sessions**: a folder whose session no longer exists
  (removed at logout, and by the sweep).

The sweep (:func:`sweep`) is ``manage.py reactive_cleanup_uploads``, and also
runs on a share (``UPLOAD_CLEANUP_RATE``) of uploads. It lists the live
sessions of Django's database session engines (``db``, ``cached_db``); with
an engine whose sessions cannot be listed (``cache``, ``file``) it removes
files older than ``SESSION_COOKIE_AGE``, the longest an untouched session lives.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_logged_out
from django.core.files.storage import default_storage
from django.dispatch import receiver
from django.utils import timezone

from . import conf
from .uploads import PREFIX, UNBOUND, session_folder

logger = logging.getLogger("django_reactive")


@dataclass(frozen=True)
class Stored:
    """One stored upload: its directory, when it came, its size."""

    directory: str
    uploaded: int
    size: int


def stored(folder: str) -> list[Stored]:
    """The uploads in a session's folder (each in a directory ``<time>-<size>-<id>``)."""
    try:
        directories, _ = default_storage.listdir(folder)
    except FileNotFoundError:
        return []
    found = []
    for name in directories:
        uploaded, _, rest = name.partition("-")
        size = rest.partition("-")[0]
        if uploaded.isdigit() and size.isdigit():
            found.append(Stored(f"{folder}/{name}", int(uploaded), int(size)))
    return found


def claimed(reactive_state: Any, folder: str) -> set[str]:
    """The directories of ``folder`` whose files a view state holds (paths anywhere in it)."""
    found: set[str] = set()
    stack = [reactive_state]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list | tuple):
            stack.extend(value)
        elif isinstance(value, str) and value.startswith(folder + "/"):
            found.add(value.rsplit("/", 1)[0])
    return found


def remove(directory: str) -> None:
    """Delete an upload's directory and what is in it."""
    try:
        directories, files = default_storage.listdir(directory)
        for name in files:
            default_storage.delete(f"{directory}/{name}")
        for name in directories:
            remove(f"{directory}/{name}")
        default_storage.delete(directory)  # the empty directory, where the storage has them
    except (FileNotFoundError, OSError):
        logger.debug("django_reactive: %s was already gone", directory)


def remove_abandoned(folder: str, held: set[str], now: float | None = None) -> list[Stored]:
    """Delete the uploads of ``folder`` that no widget holds and whose token expired; return the rest."""
    deadline = (time.time() if now is None else now) - conf.get("UPLOAD_TOKEN_SECONDS")
    kept = []
    for upload in stored(folder):
        if upload.directory not in held and upload.uploaded < deadline:
            remove(upload.directory)
        else:
            kept.append(upload)
    return kept


def _live_sessions() -> Iterator[tuple[str, dict[str, Any]]] | None:
    """(key, data) of every live session, or None when the session engine cannot list them."""
    engine = import_module(settings.SESSION_ENGINE).SessionStore
    if not hasattr(engine, "get_model_class"):
        return None
    model = engine.get_model_class()
    rows = model.objects.filter(expire_date__gt=timezone.now()).values_list("session_key", "session_data")
    return ((key, engine().decode(data)) for key, data in rows.iterator())


def sweep(now: float | None = None) -> dict[str, int]:
    """Remove abandoned uploads and the files of ended sessions, everywhere; return what went.

    Counts ``{"files": ..., "sessions": ...}`` (sessions whose whole folder went).
    """
    now = time.time() if now is None else now
    try:
        folders = set(default_storage.listdir(PREFIX)[0])
    except FileNotFoundError:
        return {"files": 0, "sessions": 0}
    removed = {"files": 0, "sessions": 0}
    live = _live_sessions()
    if live is None:
        deadline = now - settings.SESSION_COOKIE_AGE
        for folder in folders:
            for upload in stored(f"{PREFIX}/{folder}"):
                if upload.uploaded < deadline:
                    remove(upload.directory)
                    removed["files"] += 1
        return removed
    for key, data in live:
        folder = session_folder(key)
        name = folder.rsplit("/", 1)[1]
        if name in folders:
            folders.discard(name)
            before = len(stored(folder))
            removed["files"] += before - len(
                remove_abandoned(folder, claimed(data.get(conf.get("SESSION_KEY")), folder), now))
    if UNBOUND in folders:  # files stored by the site's own code: kept while their tokens may be used
        folders.discard(UNBOUND)
        before = len(stored(f"{PREFIX}/{UNBOUND}"))
        removed["files"] += before - len(remove_abandoned(f"{PREFIX}/{UNBOUND}", set(), now))
    for name in folders:  # no live session has these: the sessions ended
        removed["files"] += len(stored(f"{PREFIX}/{name}"))
        removed["sessions"] += 1
        remove(f"{PREFIX}/{name}")
    return removed


def maybe_sweep() -> None:
    """Sweep on a share (``UPLOAD_CLEANUP_RATE``) of the calls: cleanup without a scheduled command."""
    import random

    if random.random() < conf.get("UPLOAD_CLEANUP_RATE"):
        try:
            sweep()
        except Exception:  # noqa: BLE001 - the upload that triggered it succeeded anyway
            logger.exception("django_reactive: the sweep of old uploads failed")


@receiver(user_logged_out, dispatch_uid="django_reactive.upload_cleanup.logout")
def _logged_out(sender: Any, request: Any = None, **kwargs: Any) -> None:
    """Logging out ends the session: its files go with it."""
    key = getattr(getattr(request, "session", None), "session_key", None)
    if key:
        remove(session_folder(key))


class QuotaExceeded(Exception):
    """The upload would take the session over ``UPLOAD_SESSION_MAX_FILES`` or ``..._MAX_BYTES``."""


def store_within_quota(session_key: str, reactive_state: Any, view: str, widget: str,
                       files: list[Any]) -> list[str]:
    """Store ``files`` (Django ``UploadedFile`` objects) for a widget; return their tokens.

    First removes the session's abandoned uploads, then refuses the upload
    with :class:`QuotaExceeded` when the session's files would exceed its
    quota. The caller holds the session's upload lease, so two uploads of one
    session cannot both fit into the last free space.
    """
    from .uploads import store_file

    folder = session_folder(session_key)
    kept = remove_abandoned(folder, claimed(reactive_state, folder))
    max_files, max_bytes = conf.get("UPLOAD_SESSION_MAX_FILES"), conf.get("UPLOAD_SESSION_MAX_BYTES")
    if len(kept) + len(files) > max_files:
        raise QuotaExceeded(f"A session may keep at most {max_files} uploaded files; "
                            f"{len(kept)} are kept now.")
    if sum(u.size for u in kept) + sum(f.size for f in files) > max_bytes:
        raise QuotaExceeded(f"A session may keep at most {max_bytes} bytes of uploaded files.")
    return [store_file(f, f.name, f.size, f.content_type or "application/octet-stream",
                       session_key=session_key, view=view, widget=widget) for f in files]
