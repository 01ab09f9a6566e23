"""``{% load reactive %}``: the client's CSS and JavaScript for a page."""

from __future__ import annotations

from typing import Any

from django import template
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()

IDIOMORPH = "django_reactive/vendor/idiomorph-0.8.0/idiomorph.min.js"


@register.simple_tag(takes_context=True)
def reactive_head(context: dict[str, Any]) -> SafeString:
    """The stylesheet, the morphing library and the client module, once per page.

    Both scripts are deferred (a module script is) and run in this order after
    the document is parsed. The CSP nonce of the page is added when present.
    """
    nonce = context.get("csp_nonce")
    nonce_attr = format_html(' nonce="{}"', nonce) if nonce else ""
    return format_html(
        '<link rel="stylesheet" href="{}"{}>\n<script defer src="{}"{}></script>\n'
        '<script type="module" src="{}"{}></script>',
        static("django_reactive/reactive.css"), nonce_attr,
        static(IDIOMORPH), nonce_attr,
        static("django_reactive/reactive.js"), nonce_attr,
    )
