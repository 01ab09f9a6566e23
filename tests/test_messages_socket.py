"""Over the WebSocket: st.request, Django messages and the page's language."""

import re

import pytest
from django.contrib import messages
from django.test import override_settings

import django_reactive as reactive
from tests.sockets import ViewSocket, connect, new_session, say_hello, widget_ids

pytestmark = pytest.mark.django_db(transaction=True)


@reactive.view(name="tests.welcome")
def welcome(st):
    if "seen" not in st.session_state:
        messages.info(st.request, "Welcome")  # on the first visit only
        st.session_state.seen = True
    if st.button("Save", on_click=lambda: messages.success(st.request, "Saved")):
        st.text("saved")


@reactive.view(name="tests.handshake")
def handshake(st):
    st.text(f"origin: {st.request.headers.get('Origin')}, path: {st.request.path}")


@reactive.view(name="tests.chooser")
def chooser(st):
    st.selectbox("Fruit", ["apple", "pear"], index=None)


async def open_socket(key, name, rev=None, headers=()):
    comm, connected, _ = await connect(key, headers=headers)
    assert connected
    view = ViewSocket(comm)
    fields = {"rev": rev} if rev else {}
    await say_hello(comm, name, **fields)
    return view


async def test_st_request_is_the_handshake():
    view = await open_socket(await new_session(), "tests.handshake")
    first = await view.receive_json_from()
    assert "origin: http://localhost, path: /ws/reactive/" in first["ops"]["r"]
    await view.disconnect()


async def test_messages_come_with_the_patch():
    view = await open_socket(await new_session(), "tests.welcome")
    first = await view.receive_json_from()
    assert "Welcome" in first["ops"]["r"]  # the session's first run
    assert await view.receive_json_from() == {"t": "ready"}
    save = widget_ids(first["ops"]["r"])["Save"]
    await view.send_json_to({"t": "event", "seq": 1, "trigger": save})
    await view.receive_json_from()  # the first saved run: "seen" is stored now
    for seq in (2, 3):  # the same message twice in a row shows twice
        await view.send_json_to({"t": "event", "seq": seq, "trigger": save})
        reply = await view.receive_json_from()
        shown = "".join(reply["ops"].values())
        assert "Saved" in shown and "Welcome" not in shown, reply
    await view.disconnect()


async def test_messages_of_the_page_load_stay_when_the_socket_opens_and_go_with_the_next_run():
    from asgiref.sync import sync_to_async
    from django.test import RequestFactory

    from django_reactive import registry
    from django_reactive.app_session import AppSession

    key = await new_session()
    request = RequestFactory().get("/")
    app = AppSession(registry.get("tests.welcome"), key, "t1", request=request)
    rendered, _ = await sync_to_async(app.run_page)()
    assert "Welcome" in rendered.root and rendered.rev.endswith("t")

    view = await open_socket(key, "tests.welcome", rev=rendered.rev)
    # The re-run at connect has no message: the page keeps what it shows.
    assert await view.receive_json_from() == {"t": "ready"}
    save = widget_ids(rendered.root)["Save"]
    await view.send_json_to({"t": "event", "seq": 1, "trigger": save})
    reply = await view.receive_json_from()
    assert "Saved" in reply["ops"]["p"] and "Welcome" not in reply["ops"]["p"]
    await view.disconnect()


async def test_a_page_whose_rev_differs_is_resynchronised_messages_or_not():
    key = await new_session()
    view = await open_socket(key, "tests.welcome", rev="0123456789abcdeft")
    assert "r" in (await view.receive_json_from())["ops"]
    await view.disconnect()


@override_settings(MIDDLEWARE=["django.middleware.locale.LocaleMiddleware"],
                   LANGUAGES=[("en", "English"), ("fr", "French")])
async def test_runs_over_the_socket_speak_the_pages_language():
    view = await open_socket(await new_session(), "tests.chooser",
                             headers=[(b"accept-language", b"fr")])
    first = await view.receive_json_from()
    assert "Choisissez une option" in first["ops"]["r"]
    await view.disconnect()
    view = await open_socket(await new_session(), "tests.chooser")
    assert re.search("Choose an option", (await view.receive_json_from())["ops"]["r"])
    await view.disconnect()
