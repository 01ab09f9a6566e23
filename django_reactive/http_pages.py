"""Pages served over the HTTP fallback, kept in this process between their events.

A WebSocket keeps its page's :class:`AppSession` for the life of the
connection: the working copy of the state and the previous run's callbacks.
HTTP requests have no connection, so the fallback keeps the page here, per
(session, view, tab, arguments), for its next event on the same worker: that
event then runs the view once, on the same objects as a socket would. An
event that reaches another worker, or a page evicted meanwhile, replays the
view first (see ``AppSession.handle_event``), so nothing depends on this cache
but speed and object identity.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from .app_session import AppSession

#: Pages kept per process, and seconds an unused one is kept.
MAX_PAGES = 256
IDLE_SECONDS = 600

_pages: OrderedDict[tuple, tuple[AppSession, float]] = OrderedDict()
_busy: set[tuple] = set()
_guard = threading.Lock()


@contextmanager
def page(key: tuple, make: Callable[[], AppSession]) -> Iterator[AppSession]:
    """The page kept under ``key`` (or a new one from ``make``), used by one request at a time.

    A page that fails an event is not kept: its next event starts afresh.
    """
    now = time.monotonic()
    with _guard:
        for old in [k for k, (_, used) in _pages.items() if now - used > IDLE_SECONDS]:
            del _pages[old]
        owned = key not in _busy  # a second request for one page at once gets a page of its own
        entry = _pages.pop(key, None) if owned else None
        if owned:
            _busy.add(key)
    app = entry[0] if entry is not None else make()
    try:
        yield app
    except BaseException:
        if owned:
            with _guard:
                _busy.discard(key)
        raise
    if owned:
        with _guard:
            _busy.discard(key)
            _pages[key] = (app, time.monotonic())
            while len(_pages) > MAX_PAGES:
                _pages.popitem(last=False)


def clear() -> None:
    """Forget every kept page (tests; a changed view module)."""
    with _guard:
        _pages.clear()
