"""``{{ icon|icon }}`` in element templates: an ``icon=`` as Streamlit shows it (see elements/icons.py)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString

from ..elements.icons import icon_html

register = template.Library()


@register.filter(name="icon")
def icon(value: Any) -> SafeString:
    """A Material symbol for ``:material/name:``, else the text (an emoji), hidden from screen readers."""
    return icon_html(value)
