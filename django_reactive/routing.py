"""WebSocket URL patterns; include them in the project's ASGI application."""

from django.urls import re_path

from . import conf
from .consumers import ReactiveConsumer

websocket_urlpatterns = [
    re_path(rf"^{conf.get('WS_PATH')}$", ReactiveConsumer.as_asgi()),
]
