"""Who may open the WebSocket, and how many: the Origin as Django's CSRF check reads it,
a readable close code without a session, limits of open sockets per session and address."""

import pytest
from channels.auth import AuthMiddlewareStack
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.test import override_settings

from demo_project.asgi import application
from django_reactive import handshake
from django_reactive.routing import websocket_urlpatterns
from tests.sockets import connect, new_session, open_view

pytestmark = pytest.mark.django_db(transaction=True)

SITE = b"127.0.0.1:8201"


@override_settings(ALLOWED_HOSTS=["127.0.0.1", "localhost"])
@pytest.mark.parametrize(("origin", "allowed"), [
    (b"http://127.0.0.1:8201", True),
    (b"http://localhost:9999", False),   # an allowed host name, another port and site
    (b"http://127.0.0.1:9999", False),   # same host, another port
    (b"https://127.0.0.1:8201", False),  # same host and port, another scheme
    (b"http://localhost:8201", False),   # another host name of the same machine
    (b"null", False),
])
async def test_the_origin_must_be_the_scheme_host_and_port_the_socket_was_opened_on(origin, allowed):
    comm, connected, _ = await connect(await new_session(), origin=origin, headers=[(b"host", SITE)])
    assert connected is allowed
    if connected:
        await comm.disconnect()


async def test_a_handshake_without_an_origin_is_refused():
    comm = WebsocketCommunicator(application, "/ws/reactive/", headers=[
        (b"host", b"localhost"), (b"cookie", f"sessionid={await new_session()}".encode())])
    connected, _ = await comm.connect(timeout=5)
    assert not connected


@override_settings(ALLOWED_HOSTS=["127.0.0.1"],
                   CSRF_TRUSTED_ORIGINS=["https://app.example.com", "https://*.shop.example"])
@pytest.mark.parametrize(("origin", "allowed"), [
    (b"https://app.example.com", True),
    (b"http://app.example.com", False),
    (b"https://eu.shop.example", True),
    (b"http://eu.shop.example", False),
    (b"https://evilshop.example", False),
])
async def test_csrf_trusted_origins_are_trusted_as_by_djangos_csrf_check(origin, allowed):
    """Through the consumer alone: Channels' AllowedHostsOriginValidator knows no trusted origins."""
    comm = WebsocketCommunicator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns)), "/ws/reactive/",
                                 headers=[(b"origin", origin), (b"host", SITE),
                                          (b"cookie", f"sessionid={await new_session()}".encode())])
    connected, _ = await comm.connect(timeout=5)
    assert connected is allowed
    if connected:
        await comm.disconnect()


async def test_without_a_session_the_socket_is_accepted_then_closed_with_4401():
    """Refusing the handshake would reach the page as an HTTP 403 (close 1006): the code is lost."""
    comm, connected, _ = await connect(None)
    assert connected
    assert await comm.receive_output(timeout=5) == {"type": "websocket.close", "code": 4401}


async def socket_from(address: str, session_key: str):
    comm = WebsocketCommunicator(application, "/ws/reactive/", headers=[
        (b"origin", b"http://localhost"), (b"host", b"localhost"),
        (b"cookie", f"sessionid={session_key}".encode())])
    comm.scope["client"] = [address, 40000]
    connected, _ = await comm.connect(timeout=5)
    assert connected
    return comm


async def closed_with(comm) -> int | None:
    """The close code the server sent right after accepting, or None if the socket stays open."""
    if await comm.receive_nothing(timeout=0.2):
        return None
    return (await comm.receive_output(timeout=1))["code"]


@override_settings(REACTIVE={"MAX_CONNECTIONS_PER_SESSION": 2})
async def test_sockets_beyond_the_limit_per_session_are_closed_with_4429():
    key = await new_session()
    first, second = await socket_from("203.0.113.1", key), await socket_from("203.0.113.2", key)
    third = await socket_from("203.0.113.3", key)
    assert await closed_with(third) == 4429
    other_session = await socket_from("203.0.113.3", await new_session())
    assert await closed_with(other_session) is None
    await first.disconnect()  # a closed socket frees its place
    fourth = await socket_from("203.0.113.4", key)
    assert await closed_with(fourth) is None
    for comm in (second, other_session, fourth):
        await comm.disconnect()
    assert key not in handshake.OPEN["MAX_CONNECTIONS_PER_SESSION"]


@override_settings(REACTIVE={"MAX_CONNECTIONS_PER_ADDRESS": 2})
async def test_sockets_beyond_the_limit_per_client_address_are_closed_with_4429():
    opened = [await socket_from("198.51.100.9", await new_session()) for _ in range(2)]
    extra = await socket_from("198.51.100.9", await new_session())
    assert await closed_with(extra) == 4429
    elsewhere = await socket_from("198.51.100.10", await new_session())
    assert await closed_with(elsewhere) is None
    for comm in (*opened, elsewhere):
        await comm.disconnect()
    assert "198.51.100.9" not in handshake.OPEN["MAX_CONNECTIONS_PER_ADDRESS"]


@override_settings(REACTIVE={"MAX_VIEWS": 1})
async def test_max_views_is_a_setting():
    comm, _, _ = await open_view("tests.counter", await new_session())
    await comm.comm.send_json_to({"t": "hello", "v": 1, "id": "2", "view": "tests.counter", "tab": "t"})
    reply = await comm.comm.receive_json_from(timeout=5)
    assert (reply["id"], reply["code"]) == ("2", "too_many_views")
    await comm.disconnect()


@pytest.mark.parametrize(("name", "value"), [
    ("MAX_CONNECTIONS_PER_SESSION", 0), ("MAX_CONNECTIONS_PER_ADDRESS", "9"), ("MAX_VIEWS", None),
    ("MAX_PENDING", 2.5), ("MAX_JSON_DEPTH", True),
])
def test_limits_that_are_not_whole_numbers_are_system_check_errors(name, value):
    from django.core.checks import run_checks

    with override_settings(REACTIVE={name: value}):
        assert "django_reactive.E010" in {m.id for m in run_checks()}
