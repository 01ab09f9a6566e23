"""HTTP endpoints of django_reactive: ``path("reactive/", include("django_reactive.urls"))``."""

from django.urls import path

from . import health, views

app_name = "django_reactive"

urlpatterns = [
    path("upload/<str:name>/", views.upload, name="upload"),
    path("event/<str:name>/", views.event, name="event"),
    path("health/", health.health, name="health"),
]
