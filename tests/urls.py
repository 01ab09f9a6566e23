from django.shortcuts import render
from django.urls import include, path

from tests import (
    admin_site,
    button_group_views,
    context_views,
    data_editor_views,
    dialog_views,
    expander_views,
    reactive_views,
    sidebar_views,
)


def two_views(request):
    """A plain Django page embedding two reactive views (and one the user may not see).

    With ``?visit=1`` the page also writes to the session itself, as a site's view may.
    """
    if request.GET.get("visit"):
        request.session["visits"] = request.session.get("visits", 0) + 1
    return render(request, "two_views.html", {"view": reactive_views.tab_counter})


urlpatterns = [
    path("", include("demo_project.urls")),
    path("t/counter/", reactive_views.counter.as_view()),
    path("t/two/", two_views),
    path("t/members/", reactive_views.members.as_view()),
    path("t/staff/", reactive_views.staff_only.as_view()),
    path("t/perm/", reactive_views.can_change_user.as_view()),
    path("t/tab/", reactive_views.tab_counter.as_view()),
    path("t/tabs/", reactive_views.tabs.as_view()),
    path("t/notes/<int:pk>/", reactive_views.notes.as_view()),
    path("t/query/", reactive_views.query.as_view()),
    path("t/kitchen/", reactive_views.kitchen.as_view()),
    path("t/upload/", reactive_views.upload.as_view()),
    path("t/upload-form/", reactive_views.upload_form.as_view()),
    path("t/buttons/", button_group_views.button_groups.as_view()),
    path("t/expanders/", expander_views.expanders.as_view()),
    path("t/collapsed-sidebar/", sidebar_views.collapsed_sidebar.as_view()),
    path("t/dialogs/", dialog_views.dialogs.as_view()),
    path("t/context/", context_views.context_view.as_view()),
    path("t/data-editor/", data_editor_views.data_editor.as_view()),
    path("t/camera/", data_editor_views.camera.as_view()),
    path("t/admin/", admin_site.site.urls),
]
