"""CONFORMANCE section 14 A and I: st.session_state as a mapping, and sessions."""

import pytest

from django_reactive.app_session import AppSession, session_store
from django_reactive.registry import ReactiveView
from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db


def counter(st):
    ss = st.session_state
    if "count" not in ss:
        ss.count = 0
    inc = st.button("Increment")
    if inc:
        ss.count += 1
    dec = st.button("Decrement")
    if dec:
        ss.count -= 1
    st.write("Count = ", ss.count)
    ss.last = (inc, dec)


def test_case_1_counter_initial_load():
    at = AppTest.from_function(counter).run()
    assert at.markdown[0].value == "Count =  `0`"
    assert at.session_state["count"] == 0
    assert at.session_state["last"] == (False, False)
    assert [b.value for b in at.button] == [False, False]


def test_case_2_increment_three_times():
    at = AppTest.from_function(counter).run()
    for _ in range(3):
        at.button[0].click().run()
        assert at.session_state["last"] == (True, False)
    assert at.markdown[0].value == "Count =  `3`"


def test_case_3_increment_increment_decrement_rerun():
    at = AppTest.from_function(counter).run()
    shown = []
    for index in (0, 0, 1, None):
        if index is not None:
            at.button[index].click()
        at.run()
        shown.append(at.markdown[0].value)
    assert shown == ["Count =  `1`", "Count =  `2`", "Count =  `1`", "Count =  `1`"]
    assert at.session_state["last"] == (False, False)


def test_case_4_missing_attribute_is_an_exception_element():
    at = AppTest.from_function(lambda st: st.text(st.session_state.missing)).run()
    assert at.exception[0].type == "AttributeError"
    assert at.exception[0].message == (
        'st.session_state has no attribute "missing". Did you forget to initialize it? More info: '
        "https://docs.streamlit.io/develop/concepts/architecture/session-state#initialization"
    )
    assert at.run_status == "failed"


def test_case_5_missing_item_is_a_key_error():
    at = AppTest.from_function(lambda st: st.text(st.session_state["missing"])).run()
    assert at.exception[0].type == "KeyError"
    message = at.exception[0].message
    assert 'st.session_state has no key "missing". Did you forget to initialize it?' in message


def test_case_6_lookups_that_do_not_raise():
    def app(st):
        ss = st.session_state
        st.write(repr((ss.get("m"), ss.get("m", 42), "m" in ss, ss.pop("m", "d"), getattr(ss, "m", "D"))))

    at = AppTest.from_function(app).run()
    assert not at.exception
    assert at.markdown[0].value == "(None, 42, False, 'd', 'D')"


def test_case_7_delete_by_attribute_and_item():
    def app(st):
        ss = st.session_state
        ss.a = 1
        ss["b"] = 2
        del ss.a
        del ss["b"]
        st.write(len(ss))
        del ss.a

    at = AppTest.from_function(app).run()
    assert at.markdown[0].value == "`0`"
    assert at.exception[0].type == "AttributeError"
    assert 'has no attribute "a"' in at.exception[0].message


def test_case_8_setdefault_and_update():
    def app(st):
        st.session_state.setdefault("x", 7)
        st.session_state.update({"y": 1})
        st.write(sorted(st.session_state.keys()))

    at = AppTest.from_function(app).run()
    assert at.json[0].body == ["x", "y"]
    assert at.session_state["x"] == 7


def test_case_9_keys_are_converted_to_str():
    def app(st):
        st.session_state[1] = "v"
        st.write(st.session_state["1"], 1 in st.session_state)

    at = AppTest.from_function(app).run()
    assert at.markdown[0].value == "v `True`"


def test_case_10_empty_key_is_invalid():
    at = AppTest.from_function(lambda st: st.session_state.__setitem__("", 1)).run()
    assert "Invalid `key` value" in at.exception[0].message
    assert "non-empty string" in at.exception[0].message


def test_reserved_id_prefix():
    at = AppTest.from_function(lambda st: st.session_state.__setitem__("$$ID-abc", 1)).run()
    assert "Keys beginning with $$ID are reserved." in at.exception[0].message


def test_case_12_keyless_widgets_are_not_in_session_state():
    def app(st):
        ss = st.session_state
        ss.a = 1
        st.text_input("K", key="k")
        st.text_input("Keyless")
        st.write(dict(ss))
        st.text(str(len(ss)))

    at = AppTest.from_function(app).run()
    assert at.json[0].body == {"a": 1, "k": ""}
    assert at.text[0].value == "2"


def test_mapping_equality_bool_and_to_dict():
    def app(st):
        ss = st.session_state
        st.text(f"{bool(ss)} {ss == {}}")
        ss.a = 1
        st.text(f"{bool(ss)} {ss == {'a': 1}} {ss.to_dict()} {list(ss.items())}")

    at = AppTest.from_function(app).run()
    assert at.text.values == ["False True", "True True {'a': 1} [('a', 1)]"]


def test_keys_named_like_methods_need_item_syntax():
    def app(st):
        st.session_state["items"] = 1
        st.text(f"{callable(st.session_state.items)} {st.session_state['items']}")

    assert AppTest.from_function(app).run().text[0].value == "True 1"


def test_clear_removes_widget_state_too():
    def app(st):
        if st.button("Clear", on_click=lambda: st.session_state.clear()):
            st.text("clicked")
        st.text_input("Name", key="name")
        st.session_state.setdefault("plain", 5)

    at = AppTest.from_function(app).run()
    at.text_input(key="name").input("Ann").run()
    assert at.session_state["name"] == "Ann"
    at.button[0].click().run()
    # clear() also wipes the trigger of the button whose callback called it.
    assert at.text.values == []
    assert at.text_input(key="name").value == ""
    assert at.session_state["plain"] == 5


def test_in_place_mutation_persists():
    def app(st):
        st.session_state.setdefault("log", [])
        st.session_state.log.append(len(st.session_state.log))

    at = AppTest.from_function(app).run().run().run()
    assert at.session_state["log"] == [0, 1, 2]


def test_case_79_sessions_are_separate():
    x = AppTest.from_function(counter).run()
    for _ in range(3):
        x.button[0].click().run()
    y = AppTest.from_function(counter).run()
    assert x.markdown[0].value == "Count =  `3`"
    assert y.markdown[0].value == "Count =  `0`"


def _page(view, session_key, tab):
    app = AppSession(view, session_key, tab)
    app.run_page()
    return app


def _click_increment(app):
    from django_reactive.runtime import Event

    wid = next(w for w, widget in app.runner.widgets.items() if widget.label == "Increment")
    app.handle_event(Event({}, wid))


@pytest.mark.parametrize(("scope", "after_reload"), [("session", "`3`"), ("tab", "`0`")])
def test_case_80_reload(scope, after_reload):
    """A reload keeps the count with scope="session" and starts afresh with scope="tab"."""
    view = ReactiveView(counter, name=f"case80.{scope}", scope=scope)
    session = session_store(None)
    session.create()
    tab = _page(view, session.session_key, "tab-1")
    for _ in range(3):
        _click_increment(tab)
    assert tab.rendered.html["m.2"].count("`") == 0 and "<code>3</code>" in tab.rendered.html["m.2"]
    reloaded = _page(view, session.session_key, "tab-2")
    assert f"<code>{after_reload.strip('`')}</code>" in reloaded.rendered.html["m.2"]
