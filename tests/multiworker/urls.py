"""URLconf of the multi-worker suite's workers (importing it registers the views)."""

from django.urls import path

from tests.multiworker import views

urlpatterns = [
    path("mw/info/", views.info),
    path("mw/publish/", views.publish),
    path("mw/counter/", views.counter.as_view()),
    path("mw/slow/<slug:tag>/", views.slow.as_view()),
    path("mw/terminate/<slug:tag>/", views.terminate.as_view()),
    path("mw/topic/", views.topic.as_view()),
]
