"""``{% load reactive %}``: the client's CSS and JavaScript for a page."""

from __future__ import annotations

from typing import Any

from django import template
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag(takes_context=True)
def reactive_head(context: dict[str, Any]) -> SafeString:
    """The stylesheet and the client module, once per page (CSP nonce aware)."""
    nonce = context.get("csp_nonce")
    nonce_attr = format_html(' nonce="{}"', nonce) if nonce else ""
    return format_html(
        '<link rel="stylesheet" href="{}"{}>\n<script type="module" src="{}"{}></script>',
        static("django_reactive/reactive.css"), nonce_attr,
        static("django_reactive/reactive.js"), nonce_attr,
    )
