"""The one page of ``django-reactive run``: the script, at ``/``."""

from django.conf import settings
from django.urls import include, path

from ..scripts import script

urlpatterns = [
    path("", script(settings.REACTIVE_RUN_SCRIPT).as_view(), name="script"),
    path("reactive/", include("django_reactive.urls")),
]
