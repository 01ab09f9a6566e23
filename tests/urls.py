from django.urls import include, path

from tests import reactive_views

urlpatterns = [
    path("", include("demo_project.urls")),
    path("t/counter/", reactive_views.counter.as_view()),
    path("t/members/", reactive_views.members.as_view()),
    path("t/staff/", reactive_views.staff_only.as_view()),
    path("t/perm/", reactive_views.can_change_user.as_view()),
    path("t/tab/", reactive_views.tab_counter.as_view()),
    path("t/query/", reactive_views.query.as_view()),
    path("t/kitchen/", reactive_views.kitchen.as_view()),
    path("t/upload/", reactive_views.upload.as_view()),
    path("t/upload-form/", reactive_views.upload_form.as_view()),
]
