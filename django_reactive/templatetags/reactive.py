"""``{% load reactive %}``: the client's CSS and JavaScript, and embedded views."""

from __future__ import annotations

from typing import Any

from django import template
from django.core.exceptions import ImproperlyConfigured
from django.template import TemplateSyntaxError
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString

from .. import registry
from ..registry import ALLOWED, ReactiveView
from ..views import render_view

register = template.Library()

IDIOMORPH = "django_reactive/vendor/idiomorph-0.8.0/idiomorph.min.js"


@register.simple_tag(takes_context=True)
def reactive_head(context: dict[str, Any]) -> SafeString:
    """The stylesheet, the morphing library and the client module, once per page.

    Both scripts are deferred (a module script is) and run in this order after
    the document is parsed. The CSP nonce of the page is added when present.
    The client is served minified (``scripts/build-client`` builds it from
    ``reactive.js`` and ``reactive.css``): it is most of a page's first load.
    """
    nonce = context.get("csp_nonce")
    nonce_attr = format_html(' nonce="{}"', nonce) if nonce else ""
    return format_html(
        '<link rel="stylesheet" href="{}"{}>\n<script defer src="{}"{}></script>\n'
        '<script type="module" src="{}"{}></script>',
        static("django_reactive/reactive.min.css"), nonce_attr,
        static(IDIOMORPH), nonce_attr,
        static("django_reactive/reactive.min.js"), nonce_attr,
    )

@register.simple_tag(takes_context=True)
def reactive_view(context: dict[str, Any], view: str | ReactiveView, **kwargs: Any) -> SafeString:
    """Embed a registered reactive view (its name, or the view itself) in this page.

    Several views can be embedded in one page; they share one WebSocket. A view
    the user may not use (``login_required``, ``permission``) renders as an
    HTML comment, so a page can embed a staff-only view for everyone. Keyword
    arguments (``pk=order.pk``) become the view's ``st.kwargs``.
    """
    request = context.get("request")
    if request is None:
        raise ImproperlyConfigured(
            "{% reactive_view %} needs the request in the template context: render the "
            "template with render(request, ...) and enable "
            "'django.template.context_processors.request' in TEMPLATES."
        )
    found = registry.get(view) if isinstance(view, str) else view
    if not isinstance(found, ReactiveView):
        raise TemplateSyntaxError(
            f"{{% reactive_view %}}: no reactive view named {view!r}. Views register when their "
            "module is imported: define a view used only in templates in <app>/reactive.py "
            "(imported at start-up for every installed app), or import its module there or "
            "from the app's AppConfig.ready().")
    if found.access(getattr(request, "user", None)) != ALLOWED:
        return format_html("<!-- reactive view {} is not shown to this user -->", found.name)
    return render_view(request, found, kwargs)
