"""A view's keyword arguments (``st.kwargs``), carried by the page and signed.

A view mounted at ``path("orders/<int:pk>/", notes.as_view())``, or embedded
with ``{% reactive_view "shop.notes" pk=order.pk %}``, runs with those
arguments. Later runs happen over the WebSocket or the HTTP fallback, where
only the page knows them: the page carries them signed with the site's
``SECRET_KEY``, so a browser cannot change them (a user must not reach another
order's notes by editing a number).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from django.core import signing
from django.core.exceptions import ImproperlyConfigured

#: What a keyword argument may be: it goes through JSON and into the page.
SCALARS = (str, int, float, bool, type(None))


class BadViewArguments(Exception):
    """The signed arguments a browser sent back were altered, or are not this view's."""


def clean(view_name: str, kwargs: Mapping[str, Any]) -> dict[str, Any]:
    """The arguments as the view sees them: strings, numbers, booleans or None.

    UUIDs (from a ``<uuid:...>`` URL converter) become their text; anything
    else is refused with an error that says what to pass instead.
    """
    cleaned = {}
    for key, value in kwargs.items():
        if isinstance(value, uuid.UUID):
            value = str(value)
        if not isinstance(value, SCALARS):
            raise ImproperlyConfigured(
                f"Reactive view {view_name!r}: argument {key}={value!r} is a "
                f"{type(value).__name__}; pass strings, numbers, booleans or None "
                f"(for a model instance, its primary key: {key}=obj.pk)."
            )
        cleaned[str(key)] = value
    return cleaned


def _salt(view_name: str) -> str:
    return f"django_reactive.kwargs:{view_name}"


def sign(view_name: str, kwargs: Mapping[str, Any]) -> str:
    """The token the page carries for ``kwargs`` ("" for none)."""
    return signing.dumps(dict(kwargs), salt=_salt(view_name), compress=True) if kwargs else ""


def unsign(view_name: str, token: str | None) -> dict[str, Any]:
    """The arguments a page sent back; :class:`BadViewArguments` if they were altered."""
    if not token:
        return {}
    try:
        kwargs = signing.loads(token, salt=_salt(view_name))
    except signing.BadSignature:
        raise BadViewArguments("The view's arguments were altered or belong to another view.") from None
    if not isinstance(kwargs, dict):
        raise BadViewArguments("The view's arguments are not a mapping.")
    return kwargs
