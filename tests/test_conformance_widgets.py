"""CONFORMANCE section 14 B, D and H: widget keys, buttons, value types and validation."""

import pytest

from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db


def run(fn):
    return AppTest.from_function(fn).run()


def test_case_14_keyed_value_is_readable_at_the_top_of_the_next_run():
    def app(st):
        st.session_state.top = st.session_state.get("w", "<absent>")
        st.text_input("W", key="w")
        st.write(repr(st.session_state.w))

    at = run(app)
    assert at.markdown[0].value == "''"
    at.text_input[0].input("hi").run()
    assert at.markdown[0].value == "'hi'"
    assert at.session_state["top"] == "hi"


def test_case_15_assigning_the_key_before_the_widget_sets_its_value():
    def app(st):
        if "s" not in st.session_state:
            st.session_state.s = 7
        st.write(st.slider("S", 0, 10, key="s"))

    at = run(app)
    assert at.markdown[0].value == "`7`"
    at.slider[0].set_value(3).run()
    assert at.markdown[0].value == "`3`"
    assert at.session_state["s"] == 3


def test_case_17_session_state_beats_value():
    def app(st):
        if "s" not in st.session_state:
            st.session_state.s = 7
        st.session_state.v = st.slider("S", 0, 10, value=5, key="s")

    at = run(app)
    assert not at.exception
    assert at.session_state["v"] == 7


def test_case_18_assigning_after_the_widget_raises():
    def app(st):
        st.slider("S", 0, 10, key="s")
        st.session_state.s = 5
        st.text("after")

    at = run(app)
    assert at.slider[0].value == 0
    assert "cannot be modified after the widget" in at.exception[0].message
    assert "'s'" in at.exception[0].message
    assert at.text.values == []
    assert at.session_state["s"] == 0


def test_case_19_deleting_after_the_widget_does_not_raise():
    def app(st):
        st.text_input("T", key="t")
        del st.session_state["t"]
        st.text(str("t" in st.session_state))

    at = run(app)
    assert not at.exception
    assert at.text[0].value == "False"


def test_case_20_button_keys_are_read_only():
    def app(st):
        st.session_state.b = True
        st.text("before")
        st.button("B", key="b")
        st.text("after")

    at = run(app)
    assert at.text.values == ["before"]
    assert "is read-only" in at.exception[0].message
    assert "'b'" in at.exception[0].message


def test_case_22_hidden_widget_state_is_collected():
    def app(st):
        st.text(repr(st.session_state.get("w", "<absent>")))
        show = st.checkbox("show", value=True, key="show")
        if show:
            st.text_input("W", key="w")
        st.text(repr(st.session_state.get("w", "<absent>")))

    at = run(app)
    at.text_input(key="w").input("typed").run()
    at.checkbox(key="show").uncheck().run()
    assert at.text.values == ["'typed'", "'typed'"]
    assert "w" not in at.session_state
    at.run()
    assert at.text.values == ["'<absent>'", "'<absent>'"]
    at.checkbox(key="show").check().run()
    assert at.text_input(key="w").value == ""
    assert at.text[1].value == "''"


def test_value_assigned_while_hidden_is_adopted_on_the_next_run():
    """CONFORMANCE 3.7: set from a callback while hidden; the widget adopts it when shown."""
    def preset():
        import django_reactive

        django_reactive.st.session_state.w = "preset-offscreen"

    def app(st):
        show = st.checkbox("show", key="show")
        st.button("Preset", on_click=preset)
        if show:
            st.text_input("W", key="w")

    at = run(app)
    at.button[0].click().run()
    at.checkbox(key="show").check().run()
    assert at.text_input(key="w").value == "preset-offscreen"


def test_reassigning_each_run_keeps_a_hidden_value():
    """CONFORMANCE 3.7: the documented workaround `ss.w = ss.w` keeps the value."""
    def app(st):
        if "w" in st.session_state:
            st.session_state.w = st.session_state.w
        if st.checkbox("show", value=True, key="show"):
            st.text_input("W", key="w")

    at = run(app)
    at.text_input(key="w").input("typed").run()
    at.checkbox(key="show").uncheck().run()
    at.run()
    at.run()
    at.checkbox(key="show").check().run()
    assert at.text_input(key="w").value == "typed"


def test_case_25_duplicate_keyless_widgets():
    def app(st):
        st.button("Go")
        st.button("Go")

    at = run(app)
    assert len(at.button) == 1
    assert "multiple `button` elements with the same auto-generated ID" in at.exception[0].message


def test_case_26_columns_do_not_tell_widgets_apart():
    def app(st):
        c1, c2 = st.columns(2)
        c1.button("Same")
        c2.button("Same")

    assert "same auto-generated ID" in run(app).exception[0].message


def test_case_27_duplicate_keys_across_types():
    def app(st):
        st.text_input("A", key="k")
        st.slider("B", key="k")

    assert "multiple elements with the same `key='k'`" in run(app).exception[0].message


def test_case_28_same_label_with_other_parameters_is_allowed():
    def app(st):
        st.text_input("N", help="a")
        st.text_input("N", help="b")
        st.number_input("N")

    at = run(app)
    assert not at.exception
    assert len(at.text_input) == 2


def test_case_30_keyed_widget_survives_a_label_change():
    def app(st):
        alt = st.checkbox("alt", key="alt")
        st.session_state.v = st.text_input("Other label" if alt else "Label", key="t")

    at = run(app)
    at.text_input(key="t").input("typed").run()
    at.checkbox(key="alt").check().run()
    assert at.session_state["v"] == "typed"


def test_keyed_slider_resets_when_its_range_changes():
    def app(st):
        wide = st.checkbox("wide", key="wide")
        st.slider("S", 0, 20 if wide else 10, key="s")

    at = run(app)
    at.slider(key="s").set_value(7).run()
    at.checkbox(key="wide").check().run()
    assert at.slider(key="s").value == 0


def test_keyless_widget_resets_when_its_label_changes():
    def app(st):
        alt = st.checkbox("alt", key="alt")
        st.text_input("B" if alt else "A")

    at = run(app)
    at.text_input[0].input("typed").run()
    at.checkbox(key="alt").check().run()
    assert at.text_input[0].value == ""
    at.checkbox(key="alt").uncheck().run()
    assert at.text_input[0].value == ""


@pytest.mark.parametrize(("alt_options", "expected"), [
    (["x", "y", "z"], "x"),      # case 32: no longer an option -> default index
    (["a", "b", "c", "d"], "c"),  # case 33: still an option -> kept
])
def test_case_32_33_selectbox_options_change(alt_options, expected):
    def app(st):
        alt = st.checkbox("alt", key="alt")
        st.session_state.v = st.selectbox("S", alt_options if alt else ["a", "b", "c"], key="s")

    at = run(app)
    at.selectbox(key="s").select("c").run()
    at.checkbox(key="alt").check().run()
    assert at.session_state["v"] == expected
    assert at.session_state["s"] == expected


def test_case_47_a_button_is_true_only_in_its_click_run():
    def app(st):
        a = st.button("A")
        b = st.button("B")
        st.text_input("N", key="n")
        st.text(f"{a} {b}")

    at = run(app)
    at.button[0].click().run()
    assert at.text[0].value == "True False"
    at.button[1].click().run()
    assert at.text[0].value == "False True"
    at.text_input(key="n").input("x").run()
    assert at.text[0].value == "False False"


def test_case_49_keyed_button_state():
    def app(st):
        st.button("B", key="b")
        st.text(str(st.session_state.b))

    at = run(app)
    assert at.text[0].value == "False"
    at.button[0].click().run()
    assert at.text[0].value == "True"
    at.run()
    assert at.text[0].value == "False"
    assert at.session_state["b"] is False


def test_nested_buttons_do_not_stick():
    """CONFORMANCE 5: clicking Inner makes Outer False, so the inner block never shows."""
    def app(st):
        if st.button("Outer"):
            if st.button("Inner"):
                st.text("inner clicked")

    at = run(app)
    at.button[0].click().run()
    assert len(at.button) == 2
    at.button[1].click().run()
    assert len(at.button) == 1
    assert at.text.values == []


def test_case_71_numeric_defaults_and_types():
    def app(st):
        st.session_state.r = (st.slider("a"), st.slider("b", 0.0, 1.0), st.slider("c", 0, 100, (20, 80)),
                              st.number_input("d"), st.number_input("e", value=0),
                              st.number_input("f", value=None))

    r = run(app).session_state["r"]
    assert r == (0, 0.0, (20, 80), 0.0, 0, None)
    assert [type(x) for x in r] == [int, float, tuple, float, int, type(None)]


def test_case_72_selection_defaults():
    def app(st):
        st.session_state.r = (st.selectbox("a", ["x", "y"]), st.selectbox("b", ["x", "y"], index=None),
                              st.checkbox("f"), st.text_input("h"))

    assert run(app).session_state["r"] == ("x", None, False, "")


@pytest.mark.parametrize(("call", "expected"), [
    (lambda st: st.slider("s", 0.0), 0.0),
    (lambda st: st.slider("s", 50), 50),
    (lambda st: st.slider("s", 0, 10, 4, 2), 4),
    (lambda st: st.slider("s", 0, 10, 20), 20),
    (lambda st: st.slider("s", 10, 0), 10),
    (lambda st: st.number_input("n", min_value=1, max_value=9), 1),
    (lambda st: st.number_input("n", value=0.5, step=0.25), 0.5),
    (lambda st: st.selectbox("s", ["a", "b", "c"], index=2), "c"),
    (lambda st: st.selectbox("s", [1, 2, 3]), 1),
    (lambda st: st.selectbox("s", []), None),
    (lambda st: st.checkbox("c", True), True),
    (lambda st: st.checkbox("c", value="yes"), True),
    (lambda st: st.text_input("t", value=None), None),
    (lambda st: st.text_input("t", value="abcdef", max_chars=3), "abc"),
])
def test_section_8_1_defaults(call, expected):
    def app(st):
        st.session_state.r = call(st)

    value = run(app).session_state["r"]
    assert value == expected and type(value) is type(expected)


def test_slider_default_outside_range_widens_it():
    at = run(lambda st: st.slider("s", 0, 10, 20))
    assert at.slider[0].element.max_value == 20


def test_slider_step_is_not_enforced_on_client_values():
    at = run(lambda st: st.slider("s", 0, 10, 4, 2))
    at.slider[0].set_value(5).run()
    assert at.slider[0].value == 5


@pytest.mark.parametrize(("call", "message"), [
    (lambda st: st.selectbox("s", ["a", "b"], index=5),
     "The `index` parameter, set to 5, is outside the required range [0, 1]."),       # case 73
    (lambda st: st.selectbox("s", ["a", "b"], index=-1),
     "The `index` parameter, set to -1, is outside the required range [0, 1]."),
    (lambda st: st.selectbox("s", ["a", "b"], index="a"),
     "Invalid `index` type. Expected one of: int, None. Provided type: str."),
    (lambda st: st.number_input("n", min_value=0, max_value=10, value=20),
     "The `value` 20 is greater than the `max_value` 10."),                           # case 74
    (lambda st: st.number_input("n", min_value=0, value=-5),
     "The `value` -5 is less than the `min_value` 0."),
    (lambda st: st.number_input("n", min_value=10, max_value=0),
     "The `min_value`, set to 10, cannot be greater than the `max_value`, set to 0."),
    (lambda st: st.number_input("n", value="1", min_value=0, max_value=1.0),
     "All numerical arguments must be of the same type.\n`value` has str type.\n"
     "`min_value` has int type.\n`max_value` has float type."),
    (lambda st: st.slider("s", 0, 10, 5, 0), "Zero is not allowed."),                  # case 78
    (lambda st: st.slider("s", 0, 10.0),
     "Invalid `value` type. Expected one of: matching numeric types, matching date/time types. "
     "Provided type: min_value=int, max_value=float, step=int."),
])
def test_case_73_74_78_parameter_validation(call, message):
    at = run(call)
    assert message in at.exception[0].message


def test_case_76_slider_value_from_session_state_out_of_range():
    def app(st):
        st.session_state.k = 50
        st.slider("S", 0, 10, key="k")

    assert "The `value` 50 is greater than the `max_value` 10." in run(app).exception[0].message


def test_case_77_invalid_selectbox_value_in_session_state_falls_back():
    def app(st):
        if "k" not in st.session_state:
            st.session_state.k = "zzz"
        st.session_state.v = st.selectbox("S", ["a", "b"], key="k")

    at = run(app)
    assert not at.exception
    assert at.session_state["v"] == "a"
    assert at.session_state["k"] == "a"


def test_number_input_value_from_session_state_out_of_range_falls_back():
    def app(st):
        if "k" not in st.session_state:
            st.session_state.k = 50
        st.session_state.v = st.number_input("N", 0, 10, value=3, key="k")

    assert run(app).session_state["v"] == 3


def test_value_assigned_this_event_is_returned_as_is():
    """CONFORMANCE 3.2: on the assigning run the widget returns the object as assigned."""
    def app(st):
        st.session_state.k = [2, 8]
        st.session_state.v = st.slider("S", 0, 10, (0, 10), key="k")

    assert run(app).session_state["v"] == [2, 8]


def test_widget_return_values_are_copies():
    """CONFORMANCE 3.8: mutating a returned list does not change ss[key]."""
    def app(st):
        if "k" not in st.session_state:
            st.session_state.k = [1, 5]
        value = st.slider("S", 0, 10, (0, 10), key="k")
        value.append(99)
        st.session_state.after = list(st.session_state.k)

    assert run(app).session_state["after"] == [1, 5]


def test_a_whole_number_assigned_to_a_float_number_input_comes_back_as_a_float():
    """Checked on Streamlit 1.67: the assigning run returns 0 as assigned, the runs after it 0.0."""
    def app(st):
        st.button("reset", on_click=lambda: st.session_state.update(n=0))
        st.session_state.seen = st.number_input("n", value=1.0, key="n")

    at = run(app)
    at.button[0].click().run()
    assert repr(at.session_state["seen"]) == "0"
    at.run()
    assert repr(at.session_state["seen"]) == "0.0" and repr(at.session_state["n"]) == "0.0"


def test_a_date_outside_the_bounds_in_state_is_shown_once_then_none_as_in_streamlit():
    """Checked on Streamlit 1.67 (AppTest): the first run returns the stored 1970-02-03, the runs
    after it None, as the browser's date field sends nothing for a date outside its bounds."""
    import datetime

    def app(st):
        if "d" not in st.session_state:
            st.session_state.d = datetime.date(1970, 2, 3)
        st.checkbox("other")
        st.session_state.seen = st.date_input("d", value=None, key="d")

    at = run(app)
    assert at.session_state["seen"] == datetime.date(1970, 2, 3)
    at.checkbox[0].check().run()
    assert at.session_state["seen"] is None
