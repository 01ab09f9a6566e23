"""The pages of ``django-reactive run``: the script at ``/``, each page of a multipage app below it."""

from django.conf import settings
from django.http import HttpRequest, HttpResponseNotFound
from django.urls import include, path

from ..scripts import script


def no_favicon(request: HttpRequest) -> HttpResponseNotFound:
    """Browsers ask for ``/favicon.ico``: it is no page of the app (``st.set_page_config`` sets an icon)."""
    return HttpResponseNotFound()


urlpatterns = [
    path("reactive/", include("django_reactive.urls")),
    path("favicon.ico", no_favicon),
    *script(settings.REACTIVE_RUN_SCRIPT).urls,
]
