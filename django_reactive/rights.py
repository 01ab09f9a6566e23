"""The user's rights, checked again on every event of an open WebSocket.

A page's socket can stay open for hours, and the rights it was opened with
may be taken away meanwhile: ``is_staff`` revoked, the user deactivated, the
password changed (Django's way to end a user's other sessions: their stored
session auth hash no longer matches). A new page or an HTTP fallback request
goes through Django's ``AuthenticationMiddleware`` and sees that at once; an
open socket must look for itself.

So, before each event, timed re-run and pushed re-run of a logged-in user's
view, :func:`recheck` reads the user again as Django's ``get_user`` would
(one query by primary key: the backend's ``get_user``, which refuses inactive
users, then the session auth hash) and asks the view's rules
(:meth:`~django_reactive.registry.ReactiveView.access`). The rules' answer is
cached per user and view: for ``REACTIVE["RIGHTS_TTL"]`` seconds, until a
field the rules commonly read changes (``is_active``, ``is_staff``,
``is_superuser``, the password), or until a user, group or permission is
saved in this process (signals). Changes made by another process therefore
show within ``RIGHTS_TTL``, or at once for those fields.

Anonymous sockets are not re-checked: an anonymous user has no rights to
lose, and a login (or logout) elsewhere replaces the session, which the
state layer reports as :class:`~django_reactive.state.persistence.SessionGone`.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, load_backend
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils.crypto import constant_time_compare

from . import conf
from .registry import ALLOWED, ReactiveView

#: :func:`recheck` verdict when the session's login no longer holds: the page must reload.
ENDED = "ended"

#: Entries kept before expired ones are swept out.
SWEEP_AT = 1000


class RightsRevoked(Exception):
    """The socket's user may no longer use a view (``verdict``: LOGIN, FORBIDDEN or ENDED)."""

    def __init__(self, verdict: str) -> None:
        super().__init__(verdict)
        self.verdict = verdict


@dataclass
class _Rights:
    """What the rules of views said about one user, as the user was read at ``fingerprint``."""

    user: Any
    fingerprint: tuple[Any, ...]
    expires: float
    generation: int
    verdicts: dict[str, str] = field(default_factory=dict)


_cache: dict[Any, _Rights] = {}
_guard = threading.Lock()
#: Bumped when a group or permission changes: every cached verdict is stale then.
_generation = 0


def session_user(session: Any) -> Any | None:
    """The session's user as Django's ``get_user`` finds it now, or None when the login ended.

    Unlike ``get_user`` it changes nothing: the session is neither flushed nor
    cycled (the page's next request does that).
    """
    try:
        user_id = session[SESSION_KEY]
        backend_path = session[BACKEND_SESSION_KEY]
    except KeyError:
        return None
    if backend_path not in settings.AUTHENTICATION_BACKENDS:
        return None
    backend = load_backend(backend_path)
    from django.contrib.auth import get_user_model

    user = backend.get_user(get_user_model()._meta.pk.to_python(user_id))
    if user is None or not hasattr(user, "get_session_auth_hash"):
        return user
    stored = session.get(HASH_SESSION_KEY)
    if not stored:
        return None
    if constant_time_compare(stored, user.get_session_auth_hash()):
        return user
    fallbacks = getattr(user, "get_session_auth_fallback_hash", lambda: ())()
    return user if any(constant_time_compare(stored, h) for h in fallbacks) else None


def _fingerprint(user: Any) -> tuple[Any, ...]:
    return tuple(getattr(user, name, None) for name in ("is_active", "is_staff", "is_superuser", "password"))


def recheck(view: ReactiveView, session: Any, user: Any) -> tuple[str, Any]:
    """``(verdict, user)`` for a socket opened by ``user`` in ``session``, as of now.

    ``verdict`` is ALLOWED, LOGIN, FORBIDDEN (as :meth:`ReactiveView.access`)
    or :data:`ENDED`; ``user`` is the user as read now (the one the view's
    runs should see), or None when the login ended. Runs in a worker thread.
    """
    if user is None or not user.is_authenticated:
        return view.access(user), user
    current = session_user(session)
    if current is None or current.pk != user.pk:
        return ENDED, None
    fingerprint, now = _fingerprint(current), time.monotonic()
    with _guard:
        entry = _cache.get(current.pk)
        if entry is None or entry.fingerprint != fingerprint or entry.expires <= now \
                or entry.generation != _generation:
            if len(_cache) >= SWEEP_AT:
                for pk in [pk for pk, e in _cache.items() if e.expires <= now]:
                    del _cache[pk]
            # The user object is kept with its answers: Django caches its permissions on it.
            entry = _cache[current.pk] = _Rights(current, fingerprint, now + conf.get("RIGHTS_TTL"),
                                                 _generation)
        verdict = entry.verdicts.get(view.name)
    if verdict is None:
        verdict = entry.verdicts[view.name] = view.access(entry.user)
    return verdict, entry.user


def check(view: ReactiveView, session: Any, user: Any) -> Any:
    """The user a run of ``view`` should see; raises :class:`RightsRevoked` when it may not run."""
    verdict, current = recheck(view, session, user)
    if verdict != ALLOWED:
        raise RightsRevoked(verdict)
    return current


def forget() -> None:
    """Drop every cached verdict (a group or permission changed)."""
    global _generation
    with _guard:
        _generation += 1
        _cache.clear()


def _is_auth_model(model: Any) -> bool:
    meta = getattr(model, "_meta", None)
    return meta is not None and (meta.app_label == "auth" or meta.label == settings.AUTH_USER_MODEL)


@receiver(post_save, dispatch_uid="django_reactive.rights.saved")
@receiver(post_delete, dispatch_uid="django_reactive.rights.deleted")
def _model_changed(sender: Any, instance: Any = None, **kwargs: Any) -> None:
    if getattr(getattr(sender, "_meta", None), "label", None) == settings.AUTH_USER_MODEL:
        with _guard:
            _cache.pop(instance.pk, None)
    elif _is_auth_model(sender):  # a group or a permission
        forget()


@receiver(m2m_changed, dispatch_uid="django_reactive.rights.m2m")
def _membership_changed(sender: Any, **kwargs: Any) -> None:
    """A user's groups or permissions, or a group's permissions, changed."""
    if any(_is_auth_model(model) for model in (kwargs.get("model"), type(kwargs.get("instance")))):
        forget()
