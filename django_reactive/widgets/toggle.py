from __future__ import annotations

from .checkbox import Checkbox


class Toggle(Checkbox):
    """``st.toggle``: a checkbox drawn as a switch.

    Streamlit gives it the checkbox's signature, value and identity, so only
    the command and the markup differ; the browser reads it as a checkbox.
    """

    command = "toggle"
    template = "django_reactive/widgets/toggle.html"
