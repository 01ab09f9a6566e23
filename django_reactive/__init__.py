"""django_reactive: Streamlit's programming model as a Django app.

::

    import django_reactive as reactive

    @reactive.view
    def counter(st):
        if "count" not in st.session_state:
            st.session_state.count = 0
        if st.button("Increment"):
            st.session_state.count += 1
        st.write("Count = ", st.session_state.count)
"""

from . import elements as _elements  # noqa: F401 - registers st.<element> commands
from . import widgets as _widgets  # noqa: F401 - registers st.<widget> commands
from .errors import ReactiveAPIError, StreamlitAPIException
from .push import abroadcast, broadcast
from .registry import ReactiveView, view
from .runtime.context import StProxy
from .scripts import script
from .state.codec import register_type as register_state_type

#: ``from django_reactive import st``: the ``st`` of the run in progress.
st = StProxy()

__version__ = "0.1.0"

__all__ = [
    "ReactiveAPIError", "ReactiveView", "StreamlitAPIException", "abroadcast", "broadcast",
    "register_state_type", "script", "st", "view",
]
