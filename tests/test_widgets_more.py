"""toggle, radio, multiselect, select_slider, text_area, date_input, time_input, color_picker.

CONFORMANCE 3.6 (identity), 8.1 (defaults and types), 8.2 (parameter
validation), 8.3 (invalid values in session state) and cases 28, 32-34, 71, 72
and 75 of section 14; plus round trips of user changes and the refusal of
values a browser could not have sent.
"""

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path

import pytest

import django_reactive
from django_reactive.runtime import Event, EventError
from django_reactive.testing import AppTest
from tests.widget_checks import refused, value_of

pytestmark = pytest.mark.django_db

D = dt.date


def run(fn):
    return AppTest.from_function(fn).run()


# -- CONFORMANCE 8.1 and cases 71, 72: defaults and return types ----------------------------------


def test_case_72_selection_defaults():
    def app(st):
        st.session_state.r = (
            st.selectbox("a", ["x", "y"]), st.selectbox("b", ["x", "y"], index=None),
            st.radio("c", ["x", "y"]), st.multiselect("d", ["x", "y"]),
            st.multiselect("e", ["x", "y", "z"], default=["z", "x"]), st.checkbox("f"),
            st.toggle("g"), st.text_input("h"), st.text_area("i"))

    assert run(app).session_state["r"] == ("x", None, "x", [], ["z", "x"], False, False, "", "")


def test_case_71_style_types_of_the_new_widgets():
    def app(st):
        st.session_state.r = (
            st.toggle("a"), st.radio("b", [1, 2]), st.multiselect("c", [1, 2], default=2),
            st.select_slider("d", [0.5, 1.5]), st.select_slider("e", ["lo", "mid", "hi"], ["lo", "hi"]),
            st.text_area("f", value=None), st.date_input("g", D(2024, 5, 1)),
            st.date_input("h", [D(2024, 5, 1), D(2024, 5, 9)]), st.time_input("i", dt.time(8, 45)),
            st.color_picker("j"))

    r = run(app).session_state["r"]
    assert r == (False, 1, [2], 0.5, ("lo", "hi"), None, D(2024, 5, 1),
                 (D(2024, 5, 1), D(2024, 5, 9)), dt.time(8, 45), "#000000")
    assert [type(x) for x in r] == [bool, int, list, float, tuple, type(None), D, tuple, dt.time, str]


@pytest.mark.parametrize(("call", "expected"), [
    (lambda st: st.radio("r", ["x", "y"]), "x"),
    (lambda st: st.radio("r", ["x", "y"], index=None), None),
    (lambda st: st.radio("r", ["x", "y"], index=1), "y"),
    (lambda st: st.radio("r", []), None),
    (lambda st: st.multiselect("m", ["a", "b", "c"]), []),
    (lambda st: st.multiselect("m", ["a", "b", "c"], default=["c", "a"]), ["c", "a"]),
    (lambda st: st.multiselect("m", ["a", "b", "c"], default="b"), ["b"]),
    (lambda st: st.multiselect("m", ["a", "b", "c"], default=("a",)), ["a"]),
    (lambda st: st.toggle("t"), False),
    (lambda st: st.toggle("t", True), True),
    (lambda st: st.text_area("t"), ""),
    (lambda st: st.text_area("t", value=None), None),
    (lambda st: st.text_area("t", value="abcdef", max_chars=3), "abc"),
    (lambda st: st.text_area("t", value=42), "42"),
    (lambda st: st.date_input("d", D(2024, 5, 1)), D(2024, 5, 1)),
    (lambda st: st.date_input("d", dt.datetime(2024, 5, 1, 13, 30)), D(2024, 5, 1)),
    (lambda st: st.date_input("d", "2024-05-01"), D(2024, 5, 1)),
    (lambda st: st.date_input("d", (D(2024, 5, 1), D(2024, 5, 3))), (D(2024, 5, 1), D(2024, 5, 3))),
    (lambda st: st.date_input("d", [D(2024, 5, 1)]), (D(2024, 5, 1),)),
    (lambda st: st.date_input("d", ()), ()),
    (lambda st: st.date_input("d", value=None), None),
    (lambda st: st.time_input("t", dt.time(8, 45)), dt.time(8, 45)),
    (lambda st: st.time_input("t", dt.datetime(2024, 1, 1, 8, 45, 30)), dt.time(8, 45)),
    (lambda st: st.time_input("t", "08:45"), dt.time(8, 45)),
    (lambda st: st.time_input("t", value=None), None),
    (lambda st: st.select_slider("s", ["lo", "mid", "hi"]), "lo"),
    (lambda st: st.select_slider("s", ["lo", "mid", "hi"], value="mid"), "mid"),
    (lambda st: st.select_slider("s", ["lo", "mid", "hi"], value=("lo", "hi")), ("lo", "hi")),
    (lambda st: st.select_slider("s", ["lo", "mid", "hi"], value=["hi", "mid"]), ("mid", "hi")),
    (lambda st: st.color_picker("c"), "#000000"),
    (lambda st: st.color_picker("c", "#0AF"), "#0AF"),
])
def test_section_8_1_defaults(call, expected):
    value = value_of(call)
    assert value == expected and type(value) is type(expected)


def test_today_and_now_defaults():
    before = D.today()
    day, moment = value_of(lambda st: (st.date_input("d"), st.time_input("t")))
    assert before <= day <= D.today()
    assert type(moment) is dt.time and moment.second == moment.microsecond == 0


def test_today_is_kept_within_the_bounds():
    future = D.today() + dt.timedelta(days=400)
    assert value_of(lambda st: st.date_input("d", min_value=future)) == future


def test_date_bounds_default_to_ten_years_around_the_value():
    at = run(lambda st: st.date_input("d", D(2020, 2, 29)))
    widget = at.date_input[0].element
    assert (widget.min_value, widget.max_value) == (D(2010, 2, 28), D(2030, 2, 28))


# -- CONFORMANCE 8.2 and case 75: parameter validation ---------------------------------------------


def test_case_75_multiselect_default_not_in_options():
    at = run(lambda st: st.multiselect("m", ["a", "b"], default=["z"]))
    assert at.exception[0].type == "DefaultNotInOptionsError"
    assert at.exception[0].message == (
        "The default value 'z' is not part of the options. Please make sure that every default "
        "value also exists in the options.")


@pytest.mark.parametrize(("call", "message"), [
    (lambda st: st.multiselect("m", ["a", "b", "c"], default=["a", "b"], max_selections=1),
     "Multiselect has 2 options selected but `max_selections` is set to 1. This happened because "
     "you either gave too many options to `default` or you manipulated the widget's state through "
     "`st.session_state`. Note that the latter can happen before the line indicated in the "
     "traceback. Please select at most 1 option."),
    (lambda st: st.select_slider("s", ["a", "b"], value="z"), "z is not in iterable"),
    (lambda st: st.select_slider("s", ["a", "b"], value=("a", "z")), "z is not in iterable"),
    (lambda st: st.select_slider("s", []), "The `options` argument needs to be non-empty"),
    (lambda st: st.date_input("d", D(2020, 1, 1), min_value=D(2021, 1, 1)),
     "The `value` 2020-01-01 is less than the `min_value` 2021-01-01."),
    (lambda st: st.date_input("d", (D(2020, 1, 1), D(2022, 1, 1)), max_value=D(2021, 1, 1)),
     "The `value` 2022-01-01 is greater than the `max_value` 2021-01-01."),
    (lambda st: st.date_input("d", None, min_value=D(2022, 1, 1), max_value=D(2021, 1, 1)),
     "The `min_value`, set to 2022-01-01, shouldn't be larger than the `max_value`, set to 2021-01-01."),
    (lambda st: st.date_input("d", (D(2020, 1, 1),) * 3),
     "DateInput value should either be an date/datetime or a list/tuple of 0 - 2 date/datetime values"),
    (lambda st: st.date_input("d", "tomorrow"),
     'Date value should either be an date/datetime or an ISO string or "today"'),
    (lambda st: st.date_input("d", min_value=5), "DateInput min should either be a date/datetime or None"),
    (lambda st: st.date_input("d", format="YYYY MM DD"),
     "The provided format (`YYYY MM DD`) is not valid. DateInput format should be one of "
     "`YYYY/MM/DD`, `DD/MM/YYYY`, or `MM/DD/YYYY` and can also use a period (.) or hyphen (-) as "
     "separators."),
    (lambda st: st.radio("r", ["a", "b"], index=5),
     "The `index` parameter, set to 5, is outside the required range [0, 1]."),
    (lambda st: st.radio("r", ["a", "b"], index="a"),
     "Invalid `index` type. Expected one of: int, None. Provided type: str."),
    (lambda st: st.radio("r", ["a", "b"], captions=["x", 1]),
     "Radio captions must be strings. Passed type: int"),
    (lambda st: st.time_input("t", step=30),
     "`step` must be between 60 seconds and 23 hours but is currently set to 30 seconds."),
    (lambda st: st.time_input("t", step=dt.timedelta(days=1)),
     "`step` must be between 60 seconds and 23 hours but is currently set to 0 seconds."),
    (lambda st: st.time_input("t", step="15m"),
     "`step` can only be `int` or `timedelta` but <class 'str'> is provided."),
    (lambda st: st.time_input("t", 5),
     "The type of value should be one of datetime, time, ISO string or None"),
    (lambda st: st.color_picker("c", "red"),
     "'red' is not a valid hex code for colors. Valid ones are like '#00FFAA' or '#000'."),
    (lambda st: st.color_picker("c", 0xFF0000),
     "Color Picker Value has invalid type: int. Expects a hex string like '#00FFAA' or '#000'."),
    (lambda st: st.text_area("t", height=-1),
     "Invalid height value: -1. Height must be either an integer (pixels), 'stretch', or 'content'."),
])
def test_section_8_2_parameter_validation(call, message):
    at = run(call)
    assert at.exception[0].message == message


def test_select_slider_value_not_an_option_is_a_value_error_as_in_streamlit():
    at = run(lambda st: st.select_slider("s", ["a", "b"], value="z"))
    assert at.exception[0].type == "ValueError"


# -- CONFORMANCE 8.3 and 3.6: values from session state, options that change -----------------------


def test_section_8_3_invalid_multiselect_entries_in_session_state_are_filtered():
    def app(st):
        if "k" not in st.session_state:
            st.session_state.k = ["a", "zzz"]
        st.session_state.v = st.multiselect("M", ["a", "b"], key="k")

    at = run(app)
    assert not at.exception
    assert at.session_state["v"] == ["a"]
    assert at.session_state["k"] == ["a"]


def test_section_8_3_multiselect_state_beyond_max_selections_raises():
    def app(st):
        st.session_state.k = ["a", "b"]
        st.multiselect("M", ["a", "b"], key="k", max_selections=1)

    assert "Multiselect has 2 options selected but `max_selections` is set to 1." in (
        run(app).exception[0].message)


@pytest.mark.parametrize(("assigned", "expected"), [("zzz", "a"), (None, None), ("b", "b")])
def test_section_8_3_radio_value_from_session_state(assigned, expected):
    def app(st):
        if "k" not in st.session_state:
            st.session_state.k = assigned
        st.session_state.v = st.radio("R", ["a", "b"], key="k")

    at = run(app)
    assert at.session_state["v"] == expected
    assert at.session_state["k"] == expected


def test_select_slider_value_from_session_state_that_is_no_option_falls_back():
    def app(st):
        if "k" not in st.session_state:
            st.session_state.k = "zzz"
        st.session_state.v = st.select_slider("S", ["lo", "hi"], value="hi", key="k")

    assert run(app).session_state["v"] == "hi"


def test_value_assigned_through_session_state_is_returned_as_is():
    """CONFORMANCE 3.2: a valid assigned tuple stays a tuple on the assigning run."""
    def app(st):
        st.session_state.k = ("b", "a")
        st.session_state.v = st.multiselect("M", ["a", "b"], key="k")

    assert run(app).session_state["v"] == ("b", "a")


def test_case_34_multiselect_options_change_keeps_valid_entries():
    def app(st):
        alt = st.checkbox("alt", key="alt")
        st.session_state.v = st.multiselect("M", ["a", "c", "d"] if alt else ["a", "b", "c"], key="m")

    at = run(app)
    at.multiselect(key="m").set_value(["a", "b"]).run()
    at.checkbox(key="alt").check().run()
    assert at.session_state["v"] == ["a"]
    assert at.session_state["m"] == ["a"]


def test_multiselect_options_change_to_disjoint_options_empties_it():
    """CONFORMANCE 3.6: ['a','c'] selected, options become x, y, z -> []."""
    def app(st):
        alt = st.checkbox("alt", key="alt")
        st.session_state.v = st.multiselect("M", ["x", "y", "z"] if alt else ["a", "b", "c"], key="m")

    at = run(app)
    at.multiselect(key="m").set_value(["a", "c"]).run()
    at.checkbox(key="alt").check().run()
    assert at.session_state["v"] == []


@pytest.mark.parametrize(("alt_options", "expected"), [
    (["x", "y", "z"], "x"),      # case 32, for a radio: no longer an option -> default index
    (["a", "b", "c", "d"], "c"),  # case 33, for a radio: still an option -> kept
])
def test_case_32_33_radio_options_change(alt_options, expected):
    def app(st):
        alt = st.checkbox("alt", key="alt")
        st.session_state.v = st.radio("R", alt_options if alt else ["a", "b", "c"], key="r")

    at = run(app)
    at.radio(key="r").set_value("c").run()
    at.checkbox(key="alt").check().run()
    assert at.session_state["v"] == expected
    assert at.session_state["r"] == expected


def test_case_28_text_area_beside_text_inputs_with_the_same_label():
    def app(st):
        st.text_input("N", help="a")
        st.text_input("N", help="b")
        st.text_area("N")

    at = run(app)
    assert not at.exception
    assert len(at.text_input) == 2 and len(at.text_area) == 1


@pytest.mark.parametrize("command", ["toggle", "radio", "multiselect", "select_slider", "text_area",
                                     "date_input", "time_input", "color_picker"])
def test_duplicate_keyless_widgets_of_the_new_types(command):
    calls = {
        "toggle": lambda st: st.toggle("W"), "radio": lambda st: st.radio("W", ["a"]),
        "multiselect": lambda st: st.multiselect("W", ["a"]),
        "select_slider": lambda st: st.select_slider("W", ["a"]),
        "text_area": lambda st: st.text_area("W"),
        "date_input": lambda st: st.date_input("W", D(2024, 1, 1)),
        "time_input": lambda st: st.time_input("W", dt.time(8)),
        "color_picker": lambda st: st.color_picker("W"),
    }

    def app(st):
        calls[command](st)
        calls[command](st)

    message = run(app).exception[0].message
    assert f"multiple `{command}` elements with the same auto-generated ID" in message


KEYED = {  # command: (widget call with `label` and `param`, a user value, first param, second param)
    "toggle": (lambda st, label, p: st.toggle(label, key="k"), True, None, None),
    "radio": (lambda st, label, p: st.radio(label, ["a", "b"], key="k"), "b", None, None),
    "select_slider": (lambda st, label, p: st.select_slider(label, ["a", "b"], key="k"), "b", None, None),
    "color_picker": (lambda st, label, p: st.color_picker(label, key="k"), "#ff0000", None, None),
    "multiselect": (lambda st, label, p: st.multiselect(label, ["a", "b"], key="k", max_selections=p),
                    ["b"], 2, 1),
    "text_area": (lambda st, label, p: st.text_area(label, key="k", max_chars=p), "typed", 10, 20),
    "time_input": (lambda st, label, p: st.time_input(label, dt.time(8), key="k", step=p),
                   dt.time(9, 30), 900, 1800),
    "date_input": (lambda st, label, p: st.date_input(label, D(2024, 1, 1), key="k", format=p),
                   D(2024, 2, 2), "YYYY/MM/DD", "DD.MM.YYYY"),
}


@pytest.mark.parametrize("command", sorted(KEYED))
def test_keyed_widget_survives_a_label_change(command):
    """CONFORMANCE 3.6 (1.67): a keyed widget's identity is its key (plus a few parameters)."""
    call, user_value, param, _ = KEYED[command]

    def app(st):
        alt = st.checkbox("alt", key="alt")
        st.session_state.v = call(st, "Other label" if alt else "Label", param)

    at = run(app)
    at.get(command)(key="k").set_value(user_value).run()
    at.checkbox(key="alt").check().run()
    assert at.session_state["v"] == user_value


@pytest.mark.parametrize("command", ["multiselect", "text_area", "time_input", "date_input"])
def test_keyed_widget_resets_when_an_identity_parameter_changes(command):
    """CONFORMANCE 3.6: max_selections, max_chars, step and format stay part of a keyed identity."""
    call, user_value, first, second = KEYED[command]

    def app(st):
        alt = st.checkbox("alt", key="alt")
        st.session_state.v = call(st, "Label", second if alt else first)

    at = run(app)
    default = at.session_state["v"]
    at.get(command)(key="k").set_value(user_value).run()
    at.checkbox(key="alt").check().run()
    assert at.session_state["v"] == default != user_value


# -- user changes: round trips through the browser's form of each value ---------------------------


@pytest.mark.parametrize(("call", "user_value"), [
    (lambda st: st.toggle("w"), True),
    (lambda st: st.radio("w", ["x", "y", "z"]), "z"),
    (lambda st: st.radio("w", [1, 2, 3], index=None), 3),
    (lambda st: st.multiselect("w", ["a", "b", "c"]), ["c", "a"]),
    (lambda st: st.multiselect("w", ["a", "b", "c"], default=["a"]), []),
    (lambda st: st.select_slider("w", ["lo", "mid", "hi"]), "hi"),
    (lambda st: st.select_slider("w", ["lo", "mid", "hi"], ("lo", "hi")), ("mid", "hi")),
    (lambda st: st.text_area("w"), "line 1\nline 2"),
    (lambda st: st.date_input("w", D(2024, 5, 1)), D(2025, 2, 3)),
    (lambda st: st.date_input("w", (D(2024, 5, 1), D(2024, 5, 2))), (D(2024, 5, 3), D(2024, 5, 9))),
    (lambda st: st.date_input("w", (D(2024, 5, 1), D(2024, 5, 2))), (D(2024, 5, 3),)),
    (lambda st: st.date_input("w", None), D(2025, 2, 3)),
    (lambda st: st.date_input("w", None), None),
    (lambda st: st.time_input("w", dt.time(8, 45)), dt.time(14, 30)),
    (lambda st: st.time_input("w", dt.time(8, 45)), dt.time(14, 30, 15)),
    (lambda st: st.time_input("w", None), None),
    (lambda st: st.color_picker("w"), "#ff8800"),
])
def test_a_user_change_round_trips(call, user_value):
    def app(st):
        st.session_state.r = call(st)

    at = run(app)
    at.main[0].set_value(user_value).run()
    value = at.session_state["r"]
    assert value == user_value and type(value) is type(user_value)
    assert at.main[0].value == user_value


def test_on_change_gets_its_arguments_once_per_change():
    def changed(name, *, tag):
        st = django_reactive.st
        st.session_state.log = [*st.session_state.get("log", []), (name, tag, st.session_state[name])]

    def app(st):
        st.multiselect("M", ["a", "b"], key="m", on_change=changed, args=("m",), kwargs={"tag": 1})
        st.date_input("D", D(2024, 1, 1), key="d", on_change=changed, args=("d",), kwargs={"tag": 2})
        st.radio("R", ["a", "b"], key="r", on_change=changed, args=("r",), kwargs={"tag": 3})

    at = run(app)
    at.multiselect(key="m").set_value(["b"]).run()
    at.date_input(key="d").set_value(D(2024, 3, 1)).run()
    at.radio(key="r").set_value("a").run()  # unchanged: no callback
    at.radio(key="r").set_value("b").run()
    assert at.session_state["log"] == [("m", 1, ["b"]), ("d", 2, D(2024, 3, 1)), ("r", 3, "b")]


def test_multiselect_keeps_the_order_the_indices_are_sent_in():
    at = run(lambda st: st.multiselect("M", ["a", "b", "c"]))
    at.app.handle_event(Event({at.multiselect[0].id: [2, 0]}))
    at.run()
    assert at.multiselect[0].value == ["c", "a"]


def test_selecting_a_value_that_is_not_an_option_fails_clearly():
    at = run(lambda st: st.multiselect("M", ["a", "b"]))
    at.multiselect[0].set_value(["a", "z"])
    with pytest.raises(ValueError, match="'z' is not one of the options of 'M'"):
        at.run()


# -- values a browser could not have sent are refused, and change nothing -------------------------


@pytest.mark.parametrize(("call", "bad"), [
    (lambda st: st.toggle("w"), "yes"),
    (lambda st: st.toggle("w"), 1),
    (lambda st: st.text_area("w"), 5),
    (lambda st: st.text_area("w", max_chars=3), "abcd"),
    (lambda st: st.date_input("w", D(2024, 5, 1)), "2024-13-01"),
    (lambda st: st.date_input("w", D(2024, 5, 1)), "01/05/2024"),
    (lambda st: st.date_input("w", D(2024, 5, 1)), "2024-05-01T10:00"),
    (lambda st: st.date_input("w", D(2024, 5, 1), min_value=D(2024, 1, 1)), D(2023, 12, 31)),
    (lambda st: st.date_input("w", D(2024, 5, 1)), None),
    (lambda st: st.date_input("w", (D(2024, 5, 1),)), [D(2024, 5, 1)] * 3),
    (lambda st: st.date_input("w", (D(2024, 5, 1),)), "2024-05-01"),
    (lambda st: st.time_input("w", dt.time(8)), "25:00"),
    (lambda st: st.time_input("w", dt.time(8)), "8:45"),
    (lambda st: st.time_input("w", dt.time(8)), "08:45:00.5"),
    (lambda st: st.time_input("w", dt.time(8)), "08:45\n"),
    (lambda st: st.time_input("w", dt.time(8)), None),
    (lambda st: st.time_input("w", dt.time(8)), 845),
    (lambda st: st.color_picker("w"), "red"),
    (lambda st: st.color_picker("w"), "#fff"),
    (lambda st: st.color_picker("w"), "#ffffff\n"),
    (lambda st: st.color_picker("w"), None),
])
def test_invalid_browser_values_are_refused(call, bad):
    def app(st):
        st.session_state.r = call(st)

    at = run(app)
    before = at.session_state["r"]
    at.main[0].set_value(bad)
    with pytest.raises(EventError) as error:
        at.run()
    assert error.value.code == "invalid_value"
    assert at.run().session_state["r"] == before


@pytest.mark.parametrize(("call", "bad"), [
    (lambda st: st.radio("w", ["a", "b"]), 2),
    (lambda st: st.radio("w", ["a", "b"]), -1),
    (lambda st: st.radio("w", ["a", "b"]), "1"),
    (lambda st: st.radio("w", ["a", "b"]), True),
    (lambda st: st.multiselect("w", ["a", "b"]), 0),
    (lambda st: st.multiselect("w", ["a", "b"]), [2]),
    (lambda st: st.multiselect("w", ["a", "b"]), [0, 0]),
    (lambda st: st.multiselect("w", ["a", "b"]), [0.0]),
    (lambda st: st.multiselect("w", ["a", "b"], max_selections=1), [0, 1]),
    (lambda st: st.select_slider("w", ["a", "b"]), 2),
    (lambda st: st.select_slider("w", ["a", "b"]), 0.5),
    (lambda st: st.select_slider("w", ["a", "b"]), None),
    (lambda st: st.select_slider("w", ["a", "b"], ("a", "b")), 1),
    (lambda st: st.select_slider("w", ["a", "b"], ("a", "b")), [0, 1, 1]),
])
def test_invalid_option_indices_are_refused(call, bad):
    at = run(call)
    handle = at.main[0]
    before = handle.value
    error = refused(at, handle, bad)
    assert (error.code, error.widget) == ("invalid_value", handle.id)
    assert at.run().main[0].value == before


# -- markup: accessible controls the client can read -------------------------------------------------


VOID = {"input", "br", "hr", "img", "meta", "link"}


class Markup(HTMLParser):
    """A page's elements: (tag, attributes, enclosing tags), and the text of each."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict, list[str]]] = []
        self.texts: list[str] = []
        self._open: list[tuple[str, int]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs), [t for t, _ in self._open]))
        self.texts.append("")
        if tag not in VOID:
            self._open.append((tag, len(self.elements) - 1))

    def handle_endtag(self, tag):
        while self._open and self._open.pop()[0] != tag:
            pass

    def handle_data(self, data):
        for _, index in self._open:
            self.texts[index] += data

    @property
    def ids(self) -> set[str]:
        return {a["id"] for _, a, _ in self.elements if "id" in a}

    @property
    def controls(self) -> list[tuple[str, dict, list[str]]]:
        return [e for e in self.elements if "data-reactive-widget" in e[1]]

    def labelled(self, text: str) -> dict:
        """The attributes of the control that the ``<label>`` showing ``text`` is for."""
        target = next(a["for"] for (tag, a, _), t in zip(self.elements, self.texts)
                      if tag == "label" and t.strip() == text)
        return next(a for _, a, _ in self.elements if a.get("id") == target)


def gallery(st):
    st.toggle("Toggle", help="switch it")
    st.radio("Radio", ["a", "b"], captions=["first", None], horizontal=True)
    st.multiselect("Multi", ["a", "b"], max_selections=1, help="pick")
    st.select_slider("Select slider", ["lo", "hi"])
    st.select_slider("Range select slider", ["lo", "mid", "hi"], ("lo", "hi"))
    st.text_area("Text area", "a\nb", height=120, max_chars=50, placeholder="type")
    st.date_input("Date", D(2024, 5, 1))
    st.date_input("Date range", (D(2024, 5, 1), D(2024, 5, 2)))
    st.time_input("Time", dt.time(8, 45), step=60)
    st.color_picker("Color", "#0af")


def test_each_new_template_renders_labelled_controls():
    page = Markup(run(gallery).app.rendered.root)
    labels = {a["for"] for tag, a, _ in page.elements if tag == "label"}
    assert labels <= page.ids, "a <label for> names no element"
    kinds = set()
    for tag, attrs, _ in page.controls:
        assert tag in ("input", "select", "textarea")
        assert attrs["id"] in labels or "aria-label" in attrs, attrs
        assert set(attrs.get("aria-describedby", "").split()) <= page.ids, attrs
        kinds.add(attrs["data-reactive-kind"])
    assert kinds == {"checkbox", "radio", "multiselect", "range", "text", "date", "time", "color"}


def test_a_radio_group_is_a_fieldset_with_a_legend():
    page = Markup(run(gallery).app.rendered.root)
    radios = [(a, up) for _, a, up in page.controls if a.get("type") == "radio"]
    assert [a["value"] for a, _ in radios] == ["0", "1"]
    assert len({a["name"] for a, _ in radios}) == 1
    assert all("fieldset" in up for _, up in radios)
    assert [t for (tag, _, _), t in zip(page.elements, page.texts) if tag == "legend"] == ["Radio"]
    assert page.labelled("a")["aria-describedby"].endswith("-0-caption")
    assert "aria-describedby" not in page.labelled("b")


@pytest.mark.parametrize(("label", "expected"), [
    ("Toggle", {"type": "checkbox", "role": "switch", "data-reactive-kind": "checkbox"}),
    ("Multi", {"multiple": None, "size": "2", "data-reactive-kind": "multiselect"}),
    ("Select slider", {"type": "range", "value": "0", "min": "0", "max": "1", "step": "1",
                       "aria-valuetext": "lo", "data-reactive-kind": "range"}),
    ("Text area", {"maxlength": "50", "placeholder": "type", "style": "height: 120px",
                   "data-reactive-kind": "text"}),
    ("Date", {"type": "date", "value": "2024-05-01", "min": "2014-05-01", "max": "2034-05-01",
              "required": None, "data-reactive-kind": "date"}),
    ("Time", {"type": "time", "value": "08:45", "step": "60", "required": None,
              "data-reactive-kind": "time"}),
    ("Color", {"type": "color", "value": "#00aaff", "data-reactive-kind": "color"}),
])
def test_controls_carry_their_values_and_bounds(label, expected):
    attrs = Markup(run(gallery).app.rendered.root).labelled(label)
    assert {k: attrs.get(k, "<absent>") for k in expected} == expected


def test_range_widgets_have_two_named_parts():
    page = Markup(run(gallery).app.rendered.root)
    parts = [a for _, a, _ in page.controls if "data-reactive-part" in a]
    assert [(a["data-reactive-kind"], a["data-reactive-part"], a["aria-label"]) for a in parts] == [
        ("range", "0", "Range select slider (low)"), ("range", "1", "Range select slider (high)"),
        ("date", "0", "Date range (start)"), ("date", "1", "Date range (end)")]
    assert [a["aria-valuetext"] for a in parts[:2]] == ["lo", "hi"]
    assert not any("required" in a for a in parts), "a date range may be empty"


@pytest.mark.parametrize("visibility", ["hidden", "collapsed"])
def test_label_visibility_hides_labels_and_legends(visibility):
    def app(st):
        st.radio("Radio", ["a"], label_visibility=visibility)
        st.date_input("Date", D(2024, 1, 1), label_visibility=visibility)
        st.toggle("Toggle", label_visibility=visibility)

    html = run(app).app.rendered.root
    assert f'<legend class="rx-label rx-label-{visibility}">Radio</legend>' in html
    assert f'rx-label-{visibility}" for=' in html
    assert '<span class="rx-label-hidden">Toggle</span>' in html


def test_text_area_keeps_a_leading_newline():
    html = run(lambda st: st.text_area("T", "\nsecond line")).app.rendered.root
    assert ">\n\nsecond line</textarea>" in html


def test_new_templates_end_without_a_newline():
    folder = Path(django_reactive.__file__).parent / "templates" / "django_reactive" / "widgets"
    for name in ("toggle", "radio", "multiselect", "select_slider", "text_area", "date_input",
                 "time_input", "color_picker"):
        assert not (folder / f"{name}.html").read_text().endswith("\n"), name
