"""Django messages added during a run, kept apart from the site's own.

A view calls ``messages.success(st.request, "Saved")`` as any Django view
would. A run is not a request/response cycle, though: the messages must show
on this page right after the run, not on the next page load, and the messages
the site already queued (for instance after a redirect, for its own templates)
must stay where they are. So for the length of a run ``request._messages`` is
a :class:`RunStorage` that only keeps a list in memory, and the request's own
storage is put back afterwards, untouched.

The storage is ours, so messages work whether or not the site installed
``django.contrib.messages`` and its middleware.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from django.contrib.messages.storage.base import BaseStorage, Message
from django.http import HttpRequest

_MISSING = object()


class RunStorage(BaseStorage):
    """The messages of one run, in memory: nothing is read from or written to cookies or the session."""

    def _get(self, *args: Any, **kwargs: Any) -> tuple[list[Message], bool]:
        return [], True

    def _store(self, messages: list[Message], response: Any, *args: Any, **kwargs: Any) -> list[Message]:
        return []

    def pending(self) -> list[Message]:
        """Messages added and not read by the view.

        Iterating the storage (``for m in messages.get_messages(st.request)``)
        marks what it yields as used, as in Django: a view that shows its
        messages itself does not get them shown twice.
        """
        return list(self._queued_messages)


@contextlib.contextmanager
def run_messages(request: HttpRequest | None) -> Iterator[RunStorage | None]:
    """Swap ``request._messages`` for a fresh :class:`RunStorage` while the block runs.

    Yields None (and changes nothing) without a request: there is nothing to
    add messages to.
    """
    if request is None:
        yield None
        return
    original = getattr(request, "_messages", _MISSING)
    storage = RunStorage(request)
    level = getattr(original, "level", None)
    if level is not None:
        # A level set with messages.set_level() on the request still applies.
        storage.level = level
    request._messages = storage
    try:
        yield storage
    finally:
        if original is _MISSING:
            del request._messages
        else:
            request._messages = original
