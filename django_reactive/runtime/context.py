"""The run in progress, for ``from django_reactive import st`` used outside the view's arguments."""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

current_st: ContextVar[Any] = ContextVar("django_reactive_current_st", default=None)


class StProxy:
    """Module-level ``st``: forwards to the ``st`` of the run in progress."""

    def _target(self) -> Any:
        st = current_st.get()
        if st is None:
            from ..errors import ReactiveAPIError

            raise ReactiveAPIError(
                "`st` was used while no reactive view is running. Use it inside a function "
                "decorated with @reactive.view, a script run by reactive.script(), or a "
                "callback of one of their widgets."
            )
        return st

    def __getattr__(self, name: str) -> Any:
        if name == "fragment":
            # @st.fragment decorates at import time, before any run.
            from .fragments import fragment

            return fragment
        if name == "dialog":
            # So does @st.dialog.
            from .dialog import dialog

            return dialog
        if name in ("cache_data", "cache_resource"):
            # So do @st.cache_data and @st.cache_resource.
            from . import caching

            return getattr(caching, name)
        return getattr(self._target(), name)

    def __repr__(self) -> str:
        return "<django_reactive.st proxy>"
