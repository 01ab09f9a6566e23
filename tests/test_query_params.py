"""CONFORMANCE section 14 G and 7.4: st.query_params, bound to the page URL."""

import json

import pytest

from django_reactive.state import QueryParams
from django_reactive.testing import AppTest
from tests.sockets import ViewSocket, connect, new_session, say_hello

pytestmark = pytest.mark.django_db


def test_case_68_reading():
    def app(st):
        qp = st.query_params
        st.write(qp.to_dict(), qp.get_all("tag"), qp.get("zzz"))
        st.text(f"{qp['a']} {qp.a} {qp['tag']} {len(qp)} {'a' in qp}")

    at = AppTest.from_function(app, query_params=[("a", "1"), ("tag", "p"), ("tag", "q")]).run()
    assert [j.body for j in at.json] == [{"a": "1", "tag": "q"}, ["p", "q"]]
    assert at.markdown[0].value == "`None`"
    assert at.text[0].value == "1 1 q 2 True"


def test_case_69_writing_strings_and_lists():
    def app(st):
        if st.button("set"):
            st.query_params["page"] = 2
            st.query_params.tags = ["x", "y"]
            st.text(repr(st.query_params["page"]))

    at = AppTest.from_function(app).run()
    at.button[0].click().run()
    assert at.query_params.urlencode() == "page=2&tags=x&tags=y"
    assert at.text[0].value == "'2'"
    assert at.query_params.to_dict() == {"page": "2", "tags": "y"}


def test_case_70_missing_key_and_attribute():
    at = AppTest.from_function(lambda st: st.query_params["zzz"]).run()
    assert at.exception[0].message == 'st.query_params has no key "zzz".'
    at = AppTest.from_function(lambda st: st.query_params.zzz).run()
    assert at.exception[0].message == 'st.query_params has no attribute "zzz".'


def test_delete_clear_and_from_dict():
    qp = QueryParams("a=1&b=2&b=3")
    del qp["a"]
    assert qp.urlencode() == "b=2&b=3"
    qp.from_dict({"only": "this"})
    assert qp.to_dict() == {"only": "this"}
    qp.clear()
    assert len(qp) == 0 and qp.urlencode() == ""


def test_the_page_reads_the_request_query(client):
    from django_reactive import registry

    html = client.get("/t/query/?who=Ann").content.decode()
    assert registry.get("tests.query") is not None
    assert "hello Ann" in html
    assert "data-reactive-qs" not in html


@pytest.mark.django_db(transaction=True)
async def test_a_change_over_the_websocket_updates_the_address_bar():
    comm, connected, _ = await connect(await new_session())
    assert connected
    comm = ViewSocket(comm)
    await say_hello(comm, "tests.query", "t", qs="who=Bo")
    first = await comm.receive_json_from(timeout=5)
    assert "hello Bo" in first["ops"]["r"] and "qs" not in first
    assert await comm.receive_json_from(timeout=5) == {"t": "ready"}
    wid = json.dumps(first)
    import re

    button = re.search(r'data-reactive-widget=\\"(w\w+)\\" data-reactive-kind=\\"button\\"', wid).group(1)
    await comm.send_json_to({"t": "event", "seq": 1, "trigger": button})
    reply = await comm.receive_json_from(timeout=5)
    assert reply["qs"] == "who=Cy"
    assert any("hello Cy" in html for html in reply["ops"].values())
    await comm.disconnect()
