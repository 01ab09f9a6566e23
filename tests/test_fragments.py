"""CONFORMANCE 7.3 and section 14 F: @st.fragment partial re-runs."""

import datetime

import pytest

from django_reactive import st as st_proxy
from django_reactive.runtime.fragments import seconds
from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db


def fragment_app(st):
    ss = st.session_state
    ss.setdefault("full", 0)
    ss.setdefault("frag", 0)
    ss.full += 1
    st.write(f"main full={ss.full}")

    @st.fragment
    def part():
        ss.frag += 1
        clicked = st.button("FragBtn", key="fb")
        st.write(f"frag runs={ss.frag} full={ss.full} clicked={clicked}")
        if clicked and ss.get("mode") == "app":
            st.rerun()
        if clicked and ss.get("mode") == "fragment" and ss.frag < 4:
            st.rerun(scope="fragment")

    part()
    st.button("MainBtn", key="mb")
    st.write(f"main bottom frag={ss.frag}")


def texts(at):
    return [m.value for m in at.markdown]


def test_a_widget_in_a_fragment_reruns_only_the_fragment():
    at = AppTest.from_function(fragment_app).run()
    assert texts(at) == ["main full=1", "frag runs=1 full=1 clicked=False", "main bottom frag=1"]
    at.button(key="fb").click().run()
    assert at.session_state["full"] == 1
    # The fragment's output is new; the rest of the page keeps its old output.
    assert texts(at) == ["main full=1", "frag runs=2 full=1 clicked=True", "main bottom frag=1"]
    at.button(key="mb").click().run()
    assert texts(at) == ["main full=2", "frag runs=3 full=2 clicked=False", "main bottom frag=3"]


def test_a_fragment_run_patches_only_the_fragment():
    at = AppTest.from_function(fragment_app).run()
    before = at.app.rendered.html_by_id()
    fragment_id = next(eid for eid, html in before.items() if 'class="rx rx-fragment"' in html)
    at.button(key="fb").click()
    at.run()
    changed = {eid for eid, html in at.app.rendered.html_by_id().items() if before.get(eid) != html}
    outside = {eid for eid in changed if not eid.startswith(fragment_id) and eid not in ("r", "m")}
    assert changed and not outside


def test_case_67_rerun_in_a_fragment_reruns_the_whole_view():
    at = AppTest.from_function(fragment_app)
    at.session_state["mode"] = "app"
    at.run()
    at.button(key="fb").click().run()
    assert at.session_state["full"] == 2
    assert texts(at)[-1] == f"main bottom frag={at.session_state['frag']}"


def test_rerun_with_fragment_scope_reruns_only_the_fragment():
    at = AppTest.from_function(fragment_app)
    at.session_state["mode"] = "fragment"
    at.run()
    at.button(key="fb").click().run()
    # The click run (frag=2) asked for one fragment re-run, in which the button is False.
    assert at.session_state["full"] == 1
    assert at.session_state["frag"] == 3
    assert texts(at)[1] == "frag runs=3 full=1 clicked=False"


def test_case_65_fragment_scope_outside_a_fragment_run():
    at = AppTest.from_function(lambda st: st.rerun(scope="fragment")).run()
    assert 'scope="fragment" can only be specified from' in at.exception[0].message


def test_a_fragment_run_collects_only_its_own_widgets():
    def app(st):
        st.text_input("Outside", key="outside")

        @st.fragment
        def part():
            if st.checkbox("Show inner", value=True, key="show"):
                st.text_input("Inner", key="inner")

        part()

    at = AppTest.from_function(app).run()
    at.text_input(key="outside").input("kept").run()
    at.text_input(key="inner").input("typed").run()
    at.checkbox(key="show").uncheck().run()
    assert "inner" not in at.session_state
    assert at.session_state["outside"] == "kept"


def test_fragments_decorated_with_the_module_level_st_at_import_time():
    @st_proxy.fragment
    def counter_part():
        st_proxy.session_state.setdefault("n", 0)
        if st_proxy.button("Add"):
            st_proxy.session_state.n += 1
        st_proxy.text(f"n={st_proxy.session_state.n}")

    def app(st):
        st.session_state.setdefault("full", 0)
        st.session_state.full += 1
        counter_part()

    at = AppTest.from_function(app).run()
    at.button[0].click().run()
    at.button[0].click().run()
    assert at.text[0].value == "n=2"
    assert at.session_state["full"] == 1


@pytest.mark.parametrize(("value", "expected"), [
    (2, 2.0), (0.5, 0.5), ("3s", 3.0), ("1m", 60.0), (datetime.timedelta(seconds=4), 4.0), (None, None),
])
def test_run_every_accepts_seconds_strings_and_timedeltas(value, expected):
    assert seconds(value) == expected


@pytest.mark.parametrize("value", ["soon", 0, -1, True])
def test_run_every_refuses_other_values(value):
    def app(st):
        @st.fragment(run_every=value)
        def part():
            pass

    assert "run_every" in AppTest.from_function(app).run().exception[0].message


@pytest.mark.django_db(transaction=True)
async def test_a_timed_fragment_reruns_and_pushes_its_patch_while_the_page_is_open():
    from tests.sockets import new_session, open_view

    comm, _, html = await open_view("tests.clock", await new_session())
    assert "ticks: 1" in html
    seen = set()
    while len(seen) < 2:
        message = await comm.receive_json_from(timeout=5)
        assert "ack" not in message
        seen |= {h for h in message["ops"].values() if "ticks:" in h}
    await comm.disconnect()


def test_an_exception_in_a_fragment_shows_inside_it_ends_the_run_and_goes_with_its_rerun():
    """As Streamlit 1.67: the error stays in the fragment's block, the rest of the view does not
    run, and the fragment's next run (which does not fail) replaces it."""
    def app(st):
        @st.fragment
        def part():
            if st.checkbox("raise", value=True):
                raise RuntimeError("boom")
            st.write("fragment ok")

        part()
        st.write("after the fragment")

    at = AppTest.from_function(app).run()
    fragment = at.main.children[0]
    assert [e.value for e in fragment.exception] == ["boom"] and at.run_status == "failed"
    assert "after the fragment" not in texts(at)
    at.checkbox[0].uncheck().run()
    assert not at.exception and texts(at) == ["fragment ok"]


def test_an_exception_in_a_dialog_shows_inside_the_dialog():
    def app(st):
        @st.dialog("Outer")
        def outer():
            st.write("in the dialog")
            raise ValueError("boom")

        if st.button("open"):
            outer()
        st.write("below")

    at = AppTest.from_function(app).run()
    at.button[0].click().run()
    assert [e.value for e in at.dialog[0].exception] == ["boom"]
    assert len(at.exception) == 1
