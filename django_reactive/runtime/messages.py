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


class RunMessages:
    """The messages of one run: a :class:`RunStorage` on the request while the run goes on.

    The request may come into being during the run (the WebSocket's is built
    the first time a view reads ``st.request``): it is attached then.
    """

    def __init__(self) -> None:
        self.storage: RunStorage | None = None
        self._request: HttpRequest | None = None
        self._original: Any = _MISSING

    def attach(self, request: HttpRequest) -> None:
        """Swap ``request._messages`` for this run's storage."""
        self._request, self._original = request, getattr(request, "_messages", _MISSING)
        self.storage = RunStorage(request)
        level = getattr(self._original, "level", None)
        if level is not None:
            # A level set with messages.set_level() on the request still applies.
            self.storage.level = level
        request._messages = self.storage

    def detach(self) -> None:
        """Put the request's own storage back."""
        request, self._request = self._request, None
        if request is None:
            return
        if self._original is _MISSING:
            del request._messages
        else:
            request._messages = self._original

    def pending(self) -> list[Message]:
        return self.storage.pending() if self.storage is not None else []


@contextlib.contextmanager
def run_messages(request: HttpRequest | None) -> Iterator[RunMessages]:
    """This run's messages on ``request`` (if there is one yet) while the block runs."""
    messages = RunMessages()
    if request is not None:
        messages.attach(request)
    try:
        yield messages
    finally:
        messages.detach()
