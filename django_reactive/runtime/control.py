"""Control flow of a run: ``st.rerun()`` and ``st.stop()`` unwind the view with these.

They derive from BaseException, as Streamlit's do, so a view's own
``except Exception:`` cannot swallow them.
"""

from __future__ import annotations


class RerunException(BaseException):
    """Raised by ``st.rerun()``: end this run now and start the view again."""

    def __init__(self, scope: str = "app") -> None:
        super().__init__(scope)
        self.scope = scope


class StopException(BaseException):
    """Raised by ``st.stop()``: end this run now, keeping what was shown."""


class FragmentFailed(BaseException):
    """A fragment's exception, already shown inside the fragment: ends the run as failed.

    As in Streamlit, the error stays with the fragment (so its next re-run
    replaces it) and the rest of the view does not run.
    """
