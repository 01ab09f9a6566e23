from django.contrib import admin
from django.urls import include, path

from .demo import views
from .demo.demos import annotation, battleship, charts, chat, cities, pagination, signup, tictactoe

urlpatterns = [
    path("", views.home, name="home"),
    path("counter/", views.counter.as_view(), name="counter"),
    path("mirrored/", views.mirrored.as_view(), name="mirrored"),
    path("widgets/", views.widgets.as_view(), name="widgets"),
    path("pagination/", pagination.pagination.as_view(), name="pagination"),
    path("dependent-selects/", cities.dependent_selects.as_view(), name="dependent-selects"),
    path("charts/", charts.city_chart.as_view(), name="charts"),
    path("tic-tac-toe/", tictactoe.tic_tac_toe.as_view(), name="tic-tac-toe"),
    path("battleship/", battleship.battleship.as_view(), name="battleship"),
    path("annotation/", annotation.image_annotation.as_view(), name="annotation"),
    path("signup/", signup.signup.as_view(), name="signup"),
    path("chat/", chat.chat.as_view(), name="chat"),
    path("embedded/", views.embedded, name="embedded"),
    path("reactive/", include("django_reactive.urls")),
    path("admin/", admin.site.urls),
]
