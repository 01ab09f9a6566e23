"""Faults injected inside a worker at known points, switched on by the worker's environment.

A fault test must fail for the reason it is about, not pass because the fault
never happened: each fault leaves a marker file in ``REACTIVE_MW_MARKERS`` when
it fires (one line with the worker's pid per firing), which the test checks.

* ``REACTIVE_MW_FAIL_GROUP_SEND=1``: every ``group_send`` of channels_redis in this
  worker raises ``ConnectionError`` (marker ``group_send.failed``): the
  broadcasts after a saved event fail, while the worker's own channel, groups
  and Redis cache keep working. Nothing shared is stopped.
* ``REACTIVE_MW_KILL_AFTER_SAVES=N``: the worker ``kill -9``s itself from the
  ``django_reactive.signals.state_saved`` receiver of the Nth save of the view
  ``REACTIVE_MW_KILL_VIEW`` (default ``mw.counter``) in this worker (marker
  ``killed-after-save``): the state is committed and the event not acknowledged.
"""

from __future__ import annotations

import itertools
import os
import signal
import threading
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured


def fired(name: str) -> None:
    """Record that the fault ``name`` fired in this worker."""
    with (Path(os.environ["REACTIVE_MW_MARKERS"]) / name).open("a") as marker:
        marker.write(f"{os.getpid()}\n")


def install() -> None:
    """Install the faults the environment asks for (once, when the worker starts)."""
    if os.environ.get("REACTIVE_MW_FAIL_GROUP_SEND"):
        _fail_group_send()
    saves = os.environ.get("REACTIVE_MW_KILL_AFTER_SAVES")
    if saves:
        _kill_after_saves(int(saves), os.environ.get("REACTIVE_MW_KILL_VIEW", "mw.counter"))


def _fail_group_send() -> None:
    from channels_redis.core import RedisChannelLayer

    async def group_send(self: RedisChannelLayer, group: str, message: dict[str, Any]) -> None:
        fired("group_send.failed")
        raise ConnectionError(f"injected fault: group_send to {group} fails in this worker")

    RedisChannelLayer.group_send = group_send  # type: ignore[method-assign]


def _kill_after_saves(limit: int, view_name: str) -> None:
    try:
        from django_reactive.signals import state_saved
    except ImportError as exc:
        raise ImproperlyConfigured(
            "REACTIVE_MW_KILL_AFTER_SAVES needs django_reactive.signals.state_saved") from exc
    counter = itertools.count(1)
    guard = threading.Lock()

    def receiver(sender: Any, *, view: Any = None, **kwargs: Any) -> None:
        if getattr(view, "name", view) != view_name:
            return
        with guard:
            saves = next(counter)
        if saves >= limit:
            fired("killed-after-save")
            os.kill(os.getpid(), signal.SIGKILL)

    state_saved.connect(receiver, weak=False, dispatch_uid="multiworker-kill-after-saves")
