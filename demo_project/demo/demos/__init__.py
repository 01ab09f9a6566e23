"""The demos of Streamlit's session-state announcement, one module each.

Every demo ends with :func:`show_source`, so the page shows the code that made it.
"""

import inspect


def show_source(st, *functions):
    """A collapsed "Source" expander with the code of ``functions`` (a view first, then its helpers)."""
    with st.expander("Source"):
        code = "\n\n".join(inspect.getsource(getattr(f, "fn", f)) for f in functions)
        st.code(code, language="python")
