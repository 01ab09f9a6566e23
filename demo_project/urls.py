from django.contrib import admin
from django.urls import path

from .demo import views

urlpatterns = [
    path("", views.home, name="home"),
    path("counter/", views.counter.as_view(), name="counter"),
    path("mirrored/", views.mirrored.as_view(), name="mirrored"),
    path("widgets/", views.widgets.as_view(), name="widgets"),
    path("admin/", admin.site.urls),
]
