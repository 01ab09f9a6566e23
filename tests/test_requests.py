"""st.request over the WebSocket: the handshake's scope as a Django HttpRequest."""

import copy

import pytest
from asgiref.sync import async_to_sync
from channels.auth import AuthMiddlewareStack
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import User
from django.http import HttpRequest
from django.test import override_settings

import django_reactive as reactive
from django_reactive.app_session import AppSession
from django_reactive.requests import request_from_scope

pytestmark = pytest.mark.django_db


def handshake(cookie: str = "", **extra):
    """A websocket scope as daphne builds it for the socket a page opens."""
    headers = [
        (b"host", b"shop.example.com"),
        (b"user-agent", b"Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"),
        (b"accept", b"*/*"),
        (b"accept-language", b"fr-FR,fr;q=0.9,en;q=0.5"),
        (b"sec-websocket-version", b"13"),
        (b"origin", b"https://shop.example.com"),
        (b"sec-websocket-key", b"dGhlIHNhbXBsZSBub25jZQ=="),
        (b"connection", b"keep-alive, Upgrade"),
        (b"upgrade", b"websocket"),
        (b"referer", b"https://shop.example.com/orders/?page=2"),
    ]
    if cookie:
        headers.append((b"cookie", cookie.encode()))
    return {
        "type": "websocket", "path": "/ws/reactive/", "raw_path": b"/ws/reactive/", "root_path": "",
        "scheme": "wss", "query_string": b"v=1", "headers": headers,
        "client": ["203.0.113.7", 51234], "server": ["10.0.0.5", 8000], "subprotocols": [],
        "asgi": {"version": "3.0"}, **extra,
    }


def through_auth_middleware(scope):
    """The scope as the consumer sees it: with Channels' lazy ``user`` and ``session``."""
    seen = {}

    async def socket(scope, receive, send):
        seen.update(scope)

    async_to_sync(AuthMiddlewareStack(socket))(scope, None, None)
    return seen


@override_settings(ALLOWED_HOSTS=["shop.example.com"])
def test_the_handshake_is_a_get_of_the_socket_url_with_the_pages_headers_and_cookies():
    scope = handshake("sessionid=abc123; csrftoken=tok")
    before = copy.deepcopy(scope)
    request = request_from_scope(scope)
    assert isinstance(request, HttpRequest) and scope == before  # the scope is not changed
    assert (request.method, request.path, request.path_info) == ("GET", "/ws/reactive/", "/ws/reactive/")
    assert request.GET.dict() == {"v": "1"} and request.POST.dict() == {} and request.body == b""
    assert request.COOKIES == {"sessionid": "abc123", "csrftoken": "tok"}
    assert request.headers["Referer"] == "https://shop.example.com/orders/?page=2"
    assert request.headers["User-Agent"].startswith("Mozilla/5.0")
    assert request.META["REMOTE_ADDR"] == "203.0.113.7" and request.META["REMOTE_PORT"] == 51234
    assert (request.META["SERVER_NAME"], request.META["SERVER_PORT"]) == ("10.0.0.5", "8000")
    assert request.is_secure() and request.get_host() == "shop.example.com"
    assert request.build_absolute_uri() == "https://shop.example.com/ws/reactive/?v=1"
    assert not hasattr(request, "user") and not hasattr(request, "session")


def test_a_site_under_a_prefix_and_plain_ws():
    request = request_from_scope(handshake(
        root_path="/shop", path="/shop/ws/reactive/", raw_path=b"/shop/ws/reactive/", scheme="ws"))
    assert (request.path, request.path_info, request.META["SCRIPT_NAME"]) == (
        "/shop/ws/reactive/", "/ws/reactive/", "/shop")
    assert not request.is_secure()


@pytest.mark.django_db(transaction=True)  # Channels closes connections around its database work
def test_user_and_session_come_from_channels_auth_middleware(client):
    ann = User.objects.create_user("ann")
    client.force_login(ann)
    key = client.cookies["sessionid"].value
    seen = through_auth_middleware(handshake(f"sessionid={key}"))
    request = request_from_scope(seen)
    assert request.user == ann and request.user is seen["user"]
    assert request.session is seen["session"] and request.session.session_key == key


def test_the_language_is_the_pages():
    assert request_from_scope(handshake("django_language=de")).LANGUAGE_CODE == settings.LANGUAGE_CODE
    locale = [*settings.MIDDLEWARE, "django.middleware.locale.LocaleMiddleware"]
    with override_settings(MIDDLEWARE=locale):
        assert request_from_scope(handshake("django_language=de")).LANGUAGE_CODE == "de"
        assert request_from_scope(handshake()).LANGUAGE_CODE == "fr"  # Accept-Language


@pytest.mark.django_db(transaction=True)
def test_a_run_over_the_socket_gets_the_handshake_as_st_request(client):
    client.force_login(User.objects.create_user("bob"))
    key = client.cookies["sessionid"].value
    request = request_from_scope(through_auth_middleware(handshake(f"sessionid={key}")))

    @reactive.view(name="tests.socket_request")
    def view(st):
        st.text(f"{st.request.user.username} from {st.request.headers['Origin']}")
        messages.info(st.request, "Hello over the socket")

    app = AppSession(view, key, "tab", user=request.user, request=request)
    app.run_page()
    assert "bob from https://shop.example.com" in app.rendered.root
    assert "Hello over the socket" in app.rendered.root
