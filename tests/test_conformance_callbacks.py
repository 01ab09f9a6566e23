"""CONFORMANCE section 14 C and F: callbacks, st.rerun, st.stop and exceptions."""

import pytest

from django_reactive import st as st_proxy
from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db


def run(fn):
    return AppTest.from_function(fn).run()


def test_case_35_callback_sees_the_new_value_before_the_body_runs():
    def app(st):
        ss = st.session_state
        ss.setdefault("runs", 0)
        ss.runs += 1

        def cb(tag):
            ss.log = (tag, ss.name, ss.runs)

        st.text_input("Name", key="name", on_change=cb, args=("T",))

    at = run(app)
    at.text_input(key="name").input("Ann").run()
    assert at.session_state["log"] == ("T", "Ann", 1)
    assert at.session_state["runs"] == 2


def test_case_36_args_and_kwargs():
    def app(st):
        ss = st.session_state

        def cb(a, b=None, *, c=None):
            ss.got = (a, b, c, ss.btn)

        st.button("Btn", key="btn", on_click=cb, args=(1,), kwargs={"b": 2, "c": 3})

    at = run(app)
    at.button[0].click().run()
    assert at.session_state["got"] == (1, 2, 3, True)


def test_args_are_fixed_when_the_widget_is_created_in_the_previous_run():
    """CONFORMANCE 4.1: args come from the previous run; read new values from ss."""
    def app(st):
        ss = st.session_state

        def cb(arg):
            ss.seen = (arg, ss.name)

        st.button("Go", on_click=cb, args=(ss.get("name"),))
        st.text_input("Name", key="name")

    at = run(app)
    at.text_input(key="name").input("A").run()
    at.text_input(key="name").input("B")
    at.button[0].click().run()
    assert at.session_state["seen"] == ("A", "B")


def test_case_38_no_callback_without_a_change():
    def app(st):
        def cb():
            st.session_state.log = [*st.session_state.get("log", []), st.session_state.t]

        st.text_input("T", key="t", on_change=cb)

    at = run(app)
    at.text_input(key="t").input("world").run()
    at.text_input(key="t").input("world").run()
    assert at.session_state["log"] == ["world"]


def mirrored(st):
    ss = st.session_state

    def first_cb():
        ss.calls = [*ss.get("calls", []), ("first", ss.first, ss.second)]
        ss.second = ss.first

    def second_cb():
        ss.calls = [*ss.get("calls", []), ("second", ss.first, ss.second)]
        ss.first = ss.second

    st.text_input("First", key="first", on_change=first_cb)
    st.text_input("Second", key="second", on_change=second_cb)


def test_case_40_mirrored_inputs():
    at = run(mirrored)
    assert [at.text_input(key=k).value for k in ("first", "second")] == ["", ""]
    at.text_input(key="first").input("hello").run()
    assert [at.text_input(key=k).value for k in ("first", "second")] == ["hello", "hello"]
    assert at.session_state["calls"] == [("first", "hello", "")]
    at.text_input(key="second").input("world").run()
    assert [at.text_input(key=k).value for k in ("first", "second")] == ["world", "world"]
    assert at.session_state["calls"][-1] == ("second", "hello", "world")
    # Submitting the same value again fires nothing.
    at.text_input(key="second").input("world").run()
    assert len(at.session_state["calls"]) == 2


def test_several_changes_in_one_event_fire_in_page_order():
    def app(st):
        def log(name):
            st.session_state.log = [*st.session_state.get("log", []), name]

        st.text_input("A", key="a", on_change=log, args=("a",))
        st.checkbox("C", key="c", on_change=log, args=("c",))
        st.button("B", on_click=log, args=("b",))

    at = run(app)
    at.button[0].click()
    at.checkbox(key="c").check()
    at.text_input(key="a").input("x")
    at.run()
    assert at.session_state["log"] == ["a", "c", "b"]


def test_case_41_callback_output_is_shown_above_the_page_once():
    def app(st):
        def cb():
            st.write("from callback")

        st.title("T")
        st.button("B", on_click=cb)

    at = run(app)
    at.button[0].click().run()
    assert at.main[0].value == "from callback"
    assert at.main[1].value == "T"
    at.run()
    assert at.main[0].value == "T"


def test_case_42_reset_callback_sets_other_widgets():
    def app(st):
        ss = st.session_state

        def reset():
            ss.name, ss.vol, ss.agree, ss.color = "RESET", 0, False, "red"

        st.text_input("Name", key="name")
        st.slider("Volume", 0, 10, key="vol")
        st.checkbox("Agree", key="agree")
        st.selectbox("Color", ["red", "green"], key="color")
        st.button("Reset", on_click=reset)

    at = run(app)
    at.text_input(key="name").input("Ann")
    at.slider(key="vol").set_value(7)
    at.checkbox(key="agree").check()
    at.selectbox(key="color").select("green")
    at.run()
    at.button[0].click().run()
    assert not at.exception
    assert [at.text_input[0].value, at.slider[0].value, at.checkbox[0].value, at.selectbox[0].value] == [
        "RESET", 0, False, "red"]


def test_changes_made_by_code_never_fire_on_change():
    def app(st):
        ss = st.session_state

        def changed():
            ss.fired = ss.get("fired", 0) + 1

        if st.button("Reset"):
            ss.name = "RESET"
        st.text_input("Name", key="name", on_change=changed)

    at = run(app)
    at.button[0].click().run()
    at.run()
    assert at.text_input[0].value == "RESET"
    assert "fired" not in at.session_state


def test_exception_in_a_callback_shows_only_the_exception():
    """CONFORMANCE 4.4."""
    def app(st):
        ss = st.session_state
        ss.setdefault("runs", 0)
        ss.runs += 1

        def boom():
            ss.before_raise = True
            raise ValueError("boom in callback")

        st.title("T")
        st.button("B", on_click=boom)

    at = run(app)
    at.button[0].click().run()
    assert [e.value for e in at.main] == ["boom in callback"]
    assert at.exception[0].type == "ValueError"
    assert at.session_state["runs"] == 1
    assert at.session_state["before_raise"] is True
    at.run()
    assert at.title[0].value == "T"


def test_case_44_stop_in_a_callback_renders_nothing():
    def app(st):
        st.button("S", on_click=lambda: st.stop())
        st.text("body")

    at = run(app)
    at.button[0].click().run()
    assert at.main == []
    at.run()
    assert [e.value for e in at.main] == [False, "body"]


def test_case_45_rerun_in_a_callback_ends_the_callback():
    """We follow 1.39's state semantics: the callback stops, the event goes on."""
    def app(st):
        ss = st.session_state

        def cb():
            ss.cb = ss.get("cb", 0) + 1
            st.rerun()
            ss.after = True

        c = st.button("R", on_click=cb)
        st.text(str(c))

    at = run(app)
    at.button[0].click().run()
    assert at.session_state["cb"] == 1
    assert "after" not in at.session_state
    assert not at.exception
    assert at.text[0].value == "True"


def test_case_61_rerun_until_a_condition_holds():
    def app(st):
        ss = st.session_state
        ss.setdefault("n", 0)
        ss.n += 1
        if ss.n < 5:
            st.rerun()
        st.text(f"n={ss.n}")

    at = run(app)
    assert at.text.values == ["n=5"]


def test_rerun_discards_the_interrupted_output_and_resets_the_button():
    """CONFORMANCE 7.1."""
    def app(st):
        ss = st.session_state
        ss.setdefault("runs", 0)
        ss.runs += 1
        if st.button("Go", key="go"):
            ss.phase = "b"
            st.text("before rerun")
            st.rerun()
        st.text(f"bottom {ss.get('phase')}")

    at = run(app)
    at.button[0].click().run()
    assert at.text.values == ["bottom b"]
    assert at.session_state["runs"] == 3
    assert at.button[0].value is False


def test_an_endless_rerun_loop_is_stopped():
    at = run(lambda st: st.rerun())
    assert "st.rerun() was called" in at.exception[0].message


def test_case_62_stop_in_the_body():
    def app(st):
        name = st.text_input("Name", key="name")
        if not name:
            st.warning("Please enter a name")
            st.stop()
        st.text(f"Hello {name}")

    at = run(app)
    assert at.warning[0].value == "Please enter a name"
    assert at.text.values == []
    assert not at.exception
    at.text_input(key="name").input("Ann").run()
    assert at.text.values == ["Hello Ann"]
    assert at.warning == []


def test_a_stopped_run_does_not_collect_widgets():
    """CONFORMANCE 7.2: widgets below st.stop() keep their state."""
    def app(st):
        name = st.text_input("Name", key="name")
        if not name:
            st.stop()
        st.slider("later", 0, 5, key="later")

    at = run(app)
    at.text_input(key="name").input("Ann").run()
    at.slider(key="later").set_value(3).run()
    at.text_input(key="name").input("").run()
    assert at.session_state["later"] == 3
    at.text_input(key="name").input("Bob").run()
    assert at.slider(key="later").value == 3


def test_an_exception_in_the_body_keeps_state_and_earlier_output():
    def app(st):
        ss = st.session_state
        st.text("before")
        after = st.text_input("After", key="after")
        if st.checkbox("crash", key="crash"):
            ss.written = True
            raise RuntimeError("crash")
        st.text(after)

    at = run(app)
    at.text_input(key="after").input("kept?").run()
    at.checkbox(key="crash").check().run()
    assert at.text.values == ["before"]
    assert at.exception[0].message == "crash"
    assert at.session_state["written"] is True
    at.checkbox(key="crash").uncheck().run()
    assert at.text.values == ["before", "kept?"]


def test_case_65_fragment_scope_outside_a_fragment():
    at = run(lambda st: st.rerun(scope="fragment"))
    assert 'scope="fragment" can only be specified from' in at.exception[0].message


def test_module_level_st_proxy_follows_the_running_view():
    def helper():
        st_proxy.text("from helper")

    def app(st):
        helper()

    assert run(app).text.values == ["from helper"]


def test_module_level_st_proxy_outside_a_run_explains_itself():
    with pytest.raises(Exception, match="no reactive view is running"):
        st_proxy.text("x")


def test_invalid_value_set_from_a_callback_is_reported_on_that_run_and_never_returned():
    """Checked on a Streamlit 1.67 server: the run after the callback raises
    StreamlitValueAboveMaxError; Streamlit's next run then returns the refused 500 once
    before resetting to 0. Here the refused value is never returned: the next run
    shows the widget's default."""
    def app(st):
        st.button("bad", on_click=lambda: st.session_state.update(v=500))
        st.session_state.seen = st.slider("v", 0, 100, key="v")

    at = AppTest.from_function(app).run()
    at.button[0].click().run()
    assert "The `value` 500 is greater than the `max_value` 100." in at.exception[0].message
    at.run()
    assert not at.exception and at.session_state["seen"] == 0 and at.slider[0].value == 0
