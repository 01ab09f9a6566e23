"""A second admin site for the admin-tool tests, mounted at /t/admin/ by tests/urls.py.

Its tools are test views of their own (tests/reactive_views.py): the admin adds
its rules to the views it mounts, for the whole process.
"""

from django.contrib import admin
from django.contrib.auth.models import Group, User

from django_reactive.admin import ReactiveAdminMixin

from . import reactive_views

site = admin.AdminSite(name="tests_admin")


@admin.register(User, site=site)
class UserToolAdmin(ReactiveAdminMixin, admin.ModelAdmin):
    # A view, and a view by its registered name.
    reactive_tools = [reactive_views.user_tool, "tests.user_count"]
    reactive_tools_max_ids = 3
    ordering = ["username"]


@admin.register(Group, site=site)
class GroupToolAdmin(ReactiveAdminMixin, admin.ModelAdmin):
    reactive_tools = [reactive_views.group_tool]
    reactive_tools_permission = "view"
