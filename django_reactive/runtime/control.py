"""Control flow of a run: ``st.rerun()`` and ``st.stop()`` unwind the view with these."""

from __future__ import annotations


class RerunException(Exception):
    """Raised by ``st.rerun()``: end this run now and start the view again."""

    def __init__(self, scope: str = "app") -> None:
        super().__init__(scope)
        self.scope = scope


class StopException(Exception):
    """Raised by ``st.stop()``: end this run now, keeping what was shown."""
