"""st.context: the request's headers, cookies and address; what the browser reports in its hello."""

import pytest
from django.test import RequestFactory

from django_reactive.app_session import AppSession, session_store
from django_reactive.requests import request_from_scope
from django_reactive.testing import AppTest
from tests.context_views import context_view
from tests.sockets import connect, new_session, say_hello
from tests.test_requests import handshake


def shown_for(request) -> str:
    """The view's first render for ``request`` (a page load, or a socket's handshake)."""
    session = session_store(None)
    session.create()
    app = AppSession(context_view, session.session_key, "tab", request=request)
    app.run_page()
    return app.rendered.root


@pytest.mark.django_db
def test_the_page_load_gives_headers_cookies_address_and_url_but_no_browser_fields_yet():
    request = RequestFactory().get("/shop/?embed=true&x=1", HTTP_USER_AGENT="Firefox/128",
                                   HTTP_COOKIE="flavour=vanilla", REMOTE_ADDR="203.0.113.9")
    html = shown_for(request)
    assert "tz=None offset=None locale=None theme=None" in html
    assert "url=http://testserver/shop/ embedded=True ip=203.0.113.9" in html
    assert "agent=Firefox/128 cookie=vanilla" in html


@pytest.mark.django_db
def test_headers_are_read_only_case_insensitive_and_list_repeated_values():
    seen = {}

    def app(st):
        headers = st.context.headers
        seen.update(agent=headers["USER-agent"], keys=list(headers), all=headers.get_all("x-tag"),
                    dict=headers.to_dict(), cookies=st.context.cookies.to_dict())
        with pytest.raises(TypeError):
            headers["X-New"] = "1"

    at = AppTest.from_function(app)
    at.request.META.update(HTTP_USER_AGENT="Tester", HTTP_X_TAG="a", HTTP_COOKIE="k=v")
    at.request.COOKIES = {"k": "v"}
    at.run()
    assert seen["agent"] == "Tester" and "User-Agent" in seen["keys"] and "X-Tag" in seen["keys"]
    assert seen["all"] == ["a"] and seen["dict"]["Cookie"] == "k=v" and seen["cookies"] == {"k": "v"}


@pytest.mark.django_db
def test_st_context_is_read_by_key_or_attribute_and_is_no_dictionary():
    seen = {}

    def app(st):
        c = st.context
        seen.update(same=c["timezone"] == c.timezone, has="locale" in c, lacks="nope" in c)
        with pytest.raises(KeyError, match='st.context has no key "nope". Valid keys are: cookies, headers'):
            c["nope"]
        with pytest.raises(TypeError):
            iter(c)

    AppTest.from_function(app).run()
    assert seen == {"same": True, "has": True, "lacks": False}


@pytest.mark.django_db
def test_a_local_address_reads_as_none():
    def app(st):
        st.text(f"ip={st.context.ip_address}")

    at = AppTest.from_function(app)
    at.request.META["REMOTE_ADDR"] = "127.0.0.1"
    assert at.run().text[0].value == "ip=None"


@pytest.mark.django_db
def test_apptest_context_sets_what_the_browser_reports():
    at = AppTest.from_function(context_view.fn)
    at.context = {"timezone": "Europe/Paris", "timezone_offset": -60, "locale": "fr-FR", "theme": "dark",
                  "url": "https://shop.example.com/app", "is_embedded": False}
    at.run()
    assert at.text[0].value == "tz=Europe/Paris offset=-60 locale=fr-FR theme=dark"
    assert at.text[1].value.startswith("url=https://shop.example.com/app embedded=False")


@pytest.mark.django_db
@pytest.mark.parametrize(("context", "message"), [
    ({"colour": "red"}, "AppTest.context does not support 'colour'"),
    ({"timezone_offset": True}, "AppTest.context['timezone_offset'] must be int, not bool."),
    ({"theme": "blue"}, "AppTest.context['theme'] must be 'light' or 'dark'"),
])
def test_apptest_context_refuses_what_streamlit_refuses(context, message):
    at = AppTest.from_function(context_view.fn)
    at.context = context
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        at.run()


@pytest.mark.django_db(transaction=True)
async def test_over_the_websocket_the_hello_reports_the_browser_and_the_handshake_gives_headers(
        channel_layer):
    key = await new_session()
    comm, connected, _ = await connect(key, headers=[(b"user-agent", b"Chromium/140")])
    assert connected
    await say_hello(comm, "tests.context", qs="embed=TRUE", cx={
        "timezone": "Asia/Tokyo", "timezone_offset": -540, "locale": "ja-JP", "theme": "light",
        "url": "http://localhost/context/", "unknown": "dropped", "locale_typo": 1})
    patch = await comm.receive_json_from(timeout=5)
    html = patch["ops"]["r"]
    assert "tz=Asia/Tokyo offset=-540 locale=ja-JP theme=light" in html
    assert "url=http://localhost/context/ embedded=True" in html
    assert "agent=Chromium/140" in html
    await comm.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_a_hello_without_browser_fields_reads_none(channel_layer):
    key = await new_session()
    comm, _, _ = await connect(key)
    await say_hello(comm, "tests.context")
    html = (await comm.receive_json_from(timeout=5))["ops"]["r"]
    assert "tz=None offset=None locale=None theme=None" in html and "embedded=False" in html
    await comm.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_a_hello_whose_browser_fields_are_not_an_object_is_refused(channel_layer):
    key = await new_session()
    comm, _, _ = await connect(key)
    await say_hello(comm, "tests.context", cx="Europe/Paris")
    error = await comm.receive_json_from(timeout=5)
    assert error["t"] == "error" and error["code"] == "bad_message" and "'cx'" in error["message"]
    await comm.disconnect()


@pytest.mark.django_db
def test_a_websocket_handshake_has_no_page_url():
    """The browser reports the page's URL in its hello; the handshake is the socket's, not the page's."""
    assert "url=None embedded=None ip=203.0.113.7" in shown_for(request_from_scope(handshake()))


@pytest.mark.django_db
def test_the_http_fallback_post_gives_the_url_of_its_referer():
    request = RequestFactory().post("/reactive/event/x/", HTTP_REFERER="https://shop.example.com/a/?embed=true#top")
    assert "url=https://shop.example.com/a/ embedded=True" in shown_for(request)
