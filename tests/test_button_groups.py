"""st.pills, st.segmented_control and st.feedback through AppTest, as Streamlit 1.67 behaves.

Values and defaults in both selection modes, option kinds, format_func,
session state, callbacks, forms, the values a browser may send, the markup
the client reads, and Streamlit's errors.
"""

import enum
from html.parser import HTMLParser

import numpy as np
import pandas as pd
import pytest

from django_reactive.runtime import Event
from django_reactive.testing import AppTest
from tests.widget_checks import refused, value_of

pytestmark = pytest.mark.django_db


def run(fn):
    return AppTest.from_function(fn).run()


def sent(at, handle, raw):
    """Send ``raw`` as the browser would (indices), then run; return ``at``."""
    at.app.handle_event(Event({handle.id: raw}))
    return at.run()


class Inputs(HTMLParser):
    """The checkboxes of a widget's markup, as attribute dicts."""

    def __init__(self, html):
        super().__init__()
        self.inputs = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "input":
            self.inputs.append(dict(attrs))


# -- values and defaults ---------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["pills", "segmented_control"])
def test_single_mode_returns_none_or_the_default_option(command):
    assert value_of(lambda st: getattr(st, command)("P", ["a", "b"])) is None
    assert value_of(lambda st: getattr(st, command)("P", ["a", "b"], default="b")) == "b"
    # A one-item list (or an empty one) is a single default too, as in Streamlit.
    assert value_of(lambda st: getattr(st, command)("P", [1, 2], default=[2])) == 2
    assert value_of(lambda st: getattr(st, command)("P", ["a"], default=[])) is None


@pytest.mark.parametrize("command", ["pills", "segmented_control"])
def test_multi_mode_returns_a_list_from_a_single_default_or_several(command):
    def call(default):
        return lambda st: getattr(st, command)("P", ["a", "b", "c"], selection_mode="multi", default=default)

    assert value_of(call(None)) == []
    assert value_of(call("b")) == ["b"]
    assert value_of(call(("c", "a"))) == ["c", "a"]


def test_choosing_and_clearing_a_single_pill():
    at = run(lambda st: st.text(repr(st.pills("Size", ["S", "M", "L"], key="size"))))
    at.pills(key="size").select("M").run()
    assert at.text[0].value == "'M'"
    assert at.pills[0].indices == [1]
    # Streamlit's unselect clears only the chosen option.
    at.pills[0].unselect("L").run()
    assert at.text[0].value == "'M'"
    at.pills[0].unselect("M").run()
    assert at.text[0].value == "None"
    assert at.pills[0].indices == []


def test_multi_select_adds_in_the_order_chosen_and_unselect_removes():
    at = run(lambda st: st.text(repr(st.pills("Tags", ["a", "b", "c"], selection_mode="multi"))))
    at.pills[0].select("c").run()
    at.pills[0].select("a").run()
    at.pills[0].select("a").run()  # already chosen: unchanged
    assert at.text[0].value == "['c', 'a']"
    assert at.pills[0].indices == [2, 0]
    at.pills[0].unselect("c").run()
    assert at.text[0].value == "['a']"


def test_the_browser_sends_checked_indices_and_earlier_choices_keep_their_place():
    at = run(lambda st: st.text(repr(st.pills("Tags", ["a", "b", "c"], selection_mode="multi"))))
    pills = at.pills[0]
    assert sent(at, pills, [2]).text[0].value == "['c']"
    # The browser lists checked boxes in option order: "a" was chosen after "c".
    assert sent(at, at.pills[0], [0, 2]).text[0].value == "['c', 'a']"
    assert sent(at, at.pills[0], [0, 1, 2]).text[0].value == "['c', 'a', 'b']"
    assert sent(at, at.pills[0], [1]).text[0].value == "['b']"


def test_segmented_control_set_value_and_clear():
    at = run(lambda st: st.text(repr(st.segmented_control("View", ["Day", "Week"], default="Day"))))
    at.segmented_control[0].set_value("Week").run()
    assert at.text[0].value == "'Week'"
    at.segmented_control[0].set_value(None).run()
    assert at.text[0].value == "None"


def test_pills_and_segmented_controls_are_button_groups_as_in_streamlit():
    def app(st):
        st.pills("P", ["a"])
        st.segmented_control("S", ["a"])
        st.pills("Q", ["a"])

    at = run(app)
    assert [p.label for p in at.pills] == ["P", "Q"]
    assert [s.label for s in at.segmented_control] == ["S"]
    assert [g.label for g in at.button_group] == ["P", "S", "Q"]
    assert {g.type for g in at.button_group} == {"button_group"}
    assert at.get("pills")[1].label == "Q"


# -- options and labels ------------------------------------------------------------------------------


class Fruit(enum.Enum):
    APPLE = 1
    PEAR = 2


@pytest.mark.parametrize(("options", "expected"), [
    (pd.DataFrame({"first": ["a", "b"], "second": ["x", "y"]}), ["a", "b"]),
    (pd.Series(["a", "b"]), ["a", "b"]),
    (np.array([10, 20]), [10, 20]),
    ({"a": 1, "b": 2}, ["a", "b"]),
    (Fruit, [Fruit.APPLE, Fruit.PEAR]),
    (range(10, 12), [10, 11]),
])
def test_options_of_every_kind_streamlit_takes(options, expected):
    def app(st):
        st.session_state.r = (st.pills("One", options, key="one"),
                              st.segmented_control("Many", options, selection_mode="multi", key="many"))

    at = AppTest.from_function(app).run()
    assert at.pills(key="one").options == [str(o) for o in expected]
    at.pills(key="one").set_value(expected[-1])
    at.segmented_control(key="many").set_value(expected)
    at.run()
    assert at.session_state["r"] == (expected[-1], expected)


def test_format_func_changes_the_labels_only():
    at = run(lambda st: st.text(repr(st.pills("Tool", [0, 1], format_func=["Add", "Zoom"].__getitem__))))
    assert at.pills[0].options == ["Add", "Zoom"]
    assert "Zoom</span>" in at.pills[0].html
    at.pills[0].set_value(1).run()
    assert at.text[0].value == "1"


def test_option_labels_are_markdown_and_escaped():
    at = run(lambda st: st.pills("P", ["**bold**", "<script>x</script>"]))
    html = at.pills[0].html
    assert "<strong>bold</strong>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html


# -- the markup the client reads ---------------------------------------------------------------------


def test_markup_marks_checked_pills_and_the_selection_mode():
    def app(st):
        st.pills("One", ["a", "b"], default="b", required=True)
        st.pills("Many", ["a", "b", "c"], selection_mode="multi", default=["a", "c"], on_change="ignore")

    at = run(app)
    one, many = (Inputs(p.html).inputs for p in at.pills)
    assert [(i["value"], "checked" in i) for i in one] == [("0", False), ("1", True)]
    assert all(i["data-reactive-kind"] == "pills" and "data-reactive-multi" not in i for i in one)
    assert all("data-reactive-required" in i and "data-reactive-ignore" not in i for i in one)
    assert [("checked" in i) for i in many] == [True, False, True]
    assert all("data-reactive-multi" in i and "data-reactive-ignore" in i for i in many)
    # The page loads the group's stylesheet and module only where one is shown.
    assert "button_group.css" in at.pills[0].html and "button_group.js" in at.pills[0].html


def test_width_and_disabled_reach_the_markup():
    def app(st):
        st.pills("A", ["a"], width="stretch", disabled=True)
        st.segmented_control("B", ["a"], width=240)

    at = run(app)
    assert 'style="width:100%"' in at.pills[0].html and " disabled" in at.pills[0].html
    assert "width:240px" in at.segmented_control[0].html


def test_a_disabled_group_refuses_browser_values():
    at = run(lambda st: st.pills("P", ["a"], disabled=True))
    assert refused(at, at.pills[0], 0).code == "disabled_widget"


@pytest.mark.parametrize(("kwargs", "raw"), [
    ({}, 2),
    ({}, True),
    ({}, "0"),
    ({}, [0]),
    ({"required": True, "default": "a"}, None),
    ({"selection_mode": "multi"}, 0),
    ({"selection_mode": "multi"}, [0, 0]),
    ({"selection_mode": "multi"}, [5]),
])
def test_values_a_browser_could_not_send_are_refused(kwargs, raw):
    at = run(lambda st: st.pills("P", ["a", "b"], **kwargs))
    assert refused(at, at.pills[0], raw).code == "invalid_value"


# -- session state, callbacks and forms ----------------------------------------------------------------


def test_session_state_sets_the_value_and_invalid_values_fall_back():
    def app(st):
        st.session_state.r = (st.pills("One", ["a", "b"], default="b", key="one"),
                              st.pills("Many", ["a", "b"], selection_mode="multi", key="many"))

    at = AppTest.from_function(app)
    at.session_state["one"] = "z"
    at.session_state["many"] = ["a", "z"]
    at.run()
    assert at.session_state["r"] == ("b", ["a"])
    at.session_state["one"] = "a"
    at.run()
    assert at.session_state["r"] == ("a", ["a"])


def test_on_change_gets_args_and_kwargs_and_sees_the_new_value():
    log = []

    def app(st):
        st.pills("P", ["a", "b"], key="p", on_change=lambda *a, **k: log.append((a, k, st.session_state.p)),
                 args=(1,), kwargs={"x": 2})
        st.segmented_control("S", ["a", "b"], selection_mode="multi", key="s",
                             on_change=lambda: log.append(("s", st.session_state.s)))

    at = run(app)
    at.pills(key="p").set_value("b").run()
    at.pills(key="p").set_value("b").run()  # unchanged: no callback
    at.segmented_control(key="s").select("a").run()
    assert log == [((1,), {"x": 2}, "b"), ("s", ["a"])]


def test_on_change_rerun_and_ignore_are_accepted_and_other_strings_refused():
    assert value_of(lambda st: st.pills("P", ["a"], on_change="rerun")) is None
    assert value_of(lambda st: st.feedback(on_change="ignore")) is None
    at = run(lambda st: st.pills("P", ["a"], on_change="bogus"))
    assert at.exception[0].message == (
        "Invalid `on_change` value. Supported values: 'rerun', 'ignore', a callback function.")


def test_inside_a_form_the_choice_waits_for_the_submit():
    def app(st):
        with st.form("f"):
            size = st.pills("Size", ["S", "M"])
            stars = st.feedback("stars")
            st.form_submit_button("Send")
        st.text(f"{size} {stars}")

    at = run(app)
    at.pills[0].set_value("M")
    at.feedback[0].set_value(3)
    at.run()
    assert at.text[0].value == "None None"
    at.button[0].click().run()
    assert at.text[0].value == "M 3"


def test_callbacks_are_refused_inside_a_form():
    def app(st):
        with st.form("f"):
            st.pills("P", ["a"], on_change=lambda: None)
            st.form_submit_button()

    at = run(app)
    assert at.exception[0].type == "InvalidFormCallbackError"


def test_a_keyed_group_restarts_when_its_selection_mode_changes():
    def app(st):
        mode = st.session_state.get("mode", "single")
        st.session_state.r = st.pills("P", ["a", "b"], selection_mode=mode, key="p")

    at = run(app)
    at.pills(key="p").set_value("b").run()
    assert at.session_state["r"] == "b"
    at.session_state["mode"] = "multi"
    at.run()
    assert at.session_state["r"] == []


# -- feedback ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "count"), [("thumbs", 2), ("faces", 5), ("stars", 5)])
def test_feedback_returns_the_index_chosen_and_clears(kind, count):
    at = run(lambda st: st.text(repr(st.feedback(kind))))
    assert at.text[0].value == "None"
    assert len(Inputs(at.feedback[0].html).inputs) == count
    at.feedback[0].set_value(count - 1).run()
    assert at.text[0].value == repr(count - 1)
    at.feedback[0].set_value(None).run()
    assert at.text[0].value == "None"


def test_feedback_default_and_the_browser_choosing_again_clears_it():
    at = run(lambda st: st.text(repr(st.feedback("faces", default=2))))
    assert at.text[0].value == "2"
    assert sent(at, at.feedback[0], 4).text[0].value == "4"
    assert sent(at, at.feedback[0], None).text[0].value == "None"
    assert refused(at, at.feedback[0], 5).code == "invalid_value"
    assert refused(at, at.feedback[0], True).code == "invalid_value"


def test_feedback_icons_are_inline_svg_with_streamlit_names():
    at = run(lambda st: (st.feedback(), st.feedback("faces"), st.feedback("stars", default=1)))
    thumbs, faces, stars = (Inputs(f.html).inputs for f in at.feedback)
    # Thumbs up (1) comes first, as in Streamlit.
    assert [(i["value"], i["aria-label"]) for i in thumbs] == [("1", "Thumbs up"), ("0", "Thumbs down")]
    assert [i["aria-label"] for i in faces] == [
        "Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"]
    assert [i["aria-label"] for i in stars][:2] == ["1 out of 5 stars", "2 out of 5 stars"]
    assert ["checked" in i for i in stars] == [False, True, False, False, False]
    assert at.feedback[0].html.count("<svg") == 2 and 'aria-label="Feedback rating"' in at.feedback[0].html


def test_feedback_in_session_state_out_of_range_falls_back_to_the_default():
    def app(st):
        st.session_state.r = st.feedback(key="f", default=1)

    at = AppTest.from_function(app)
    at.session_state["f"] = 7
    at.run()
    assert at.session_state["r"] == 1
    at.session_state["f"] = True  # a bool is not an index, as in Streamlit
    at.run()
    assert at.session_state["r"] == 1
    at.session_state["f"] = 0
    at.run()
    assert at.session_state["r"] == 0


def test_feedback_callback_gets_its_arguments():
    log = []

    def app(st):
        st.feedback("stars", key="f", on_change=lambda *a: log.append((a, st.session_state.f)), args=("x",))

    run(app).feedback[0].set_value(4).run()
    assert log == [(("x",), 4)]


# -- errors --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("call", "kind", "message"), [
    (lambda st: st.pills("P", ["a"], selection_mode="foo"), "ReactiveValueError",
     "Invalid `selection_mode` value. Supported values: 'single', 'multi'."),
    (lambda st: st.pills("P", ["a"], default="z"), "DefaultNotInOptionsError",
     "The default value 'z' is not part of the options. Please make sure that every default value "
     "also exists in the options."),
    (lambda st: st.pills("P", ["a", "b"], default=["a", "b"]), "ReactiveAPIError",
     "The default argument to `st.pills` must be a single value when `selection_mode='single'`."),
    (lambda st: st.segmented_control("P", ["a", "b"], default=["a", "b"]), "ReactiveAPIError",
     "The default argument to `st.segmented_control` must be a single value when "
     "`selection_mode='single'`."),
    (lambda st: st.pills("P", ["a"], selection_mode="multi", required=True), "ReactiveAPIError",
     "`required=True` and `selection_mode='multi'` cannot be used together. `required` is only "
     "supported for single-select mode."),
    (lambda st: st.pills("P", ["a"], width="big"), "ReactiveValueError",
     "Invalid width value: 'big'. Width must be either a positive integer (pixels), 'stretch', or "
     "'content'."),
    (lambda st: st.feedback("hearts"), "ReactiveValueError",
     "Invalid `options` value. Supported values: 'thumbs', 'faces', 'stars'."),
    (lambda st: st.feedback("thumbs", default=2), "ValueOutOfRangeError",
     "The `default` parameter, set to 2, is outside the required range [0, 1]."),
    (lambda st: st.feedback("faces", default=-1), "ValueOutOfRangeError",
     "The `default` parameter, set to -1, is outside the required range [0, 4]."),
    (lambda st: st.feedback(default=1.0), "InvalidParameterTypeError",
     "Invalid `default` type. Expected one of: int, None. Provided type: float."),
    (lambda st: st.feedback(width=0), "ReactiveValueError",
     "Invalid width value: 0. Width must be either a positive integer (pixels), 'stretch', or "
     "'content'."),
])
def test_streamlit_errors(call, kind, message):
    at = run(call)
    assert (at.exception[0].type, at.exception[0].message) == (kind, message)


def test_two_identical_keyless_groups_are_duplicates_but_pills_and_segmented_differ():
    def same(st):
        st.pills("P", ["a"])
        st.pills("P", ["a"])

    def different(st):
        st.pills("P", ["a"])
        st.segmented_control("P", ["a"])
        st.feedback()
        st.feedback("stars")

    assert run(same).exception[0].type == "DuplicateElementId"
    assert not run(different).exception
