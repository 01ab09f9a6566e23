"""AppTest's handles and lists, as ``streamlit.testing.v1``'s element tree gives them."""

from __future__ import annotations

import datetime as dt

import pytest

from django_reactive.errors import StreamlitAPIException
from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db


def run(app):
    return AppTest.from_function(app).run()


def test_lists_have_len_and_values_and_find_by_key():
    at = run(lambda st: (st.toast("one"), st.text("x"), st.toast("two", icon="🔥")))
    assert at.toast.len == 2
    assert at.toast.values == ["one", "two"]
    assert at.toast[1].icon == "🔥"
    with pytest.raises(KeyError):
        at.toast("nope")


def test_element_parameters_read_as_attributes():
    def app(st):
        st.metric("Sales", 9500, delta=-1000, delta_color="inverse")
        st.error("bad", icon="💥")
        st.code("x = 1", language="sql")
        st.title("T")
        st.subheader("S")
        st.caption("c")
        st.divider()

    at = run(app)
    metric = at.metric[0]
    assert (metric.label, metric.value, metric.delta, metric.delta_color) == (
        "Sales", "9500", "-1000", "inverse")
    assert at.error[0].icon == "💥"
    assert at.code[0].language == "sql"
    assert (at.title[0].tag, at.subheader[0].tag) == ("h1", "h3")
    assert at.caption[0].is_caption and not at.markdown
    assert at.divider[0].value == "---"
    with pytest.raises(AttributeError):
        at.metric[0].no_such_thing  # noqa: B018


def test_selectbox_and_radio_index_options_and_select_index():
    def app(st):
        st.selectbox("s", ["a", "b", "c"], format_func=str.upper, key="s")
        st.radio("r", [10, 20], index=None, key="r")

    at = run(app)
    box = at.selectbox("s")
    assert (box.index, box.options) == (0, ["A", "B", "C"])
    assert at.radio("r").index is None
    box.select_index(2)
    assert (box.index, box.value) == (2, "c")
    at.run()
    assert at.selectbox("s").value == "c"
    at.radio("r").set_value(20)
    assert at.radio("r").index == 1
    with pytest.raises(IndexError):
        at.selectbox("s").select_index(7)


def test_multiselect_select_adds_and_unselect_removes():
    at = run(lambda st: st.multiselect("m", ["x", "y", "z"], default=["z"]))
    at.multiselect[0].select("x").select("y").select("x").run()
    assert at.multiselect[0].value == ["z", "x", "y"]
    assert at.multiselect[0].indices == [2, 0, 1]
    at.multiselect[0].unselect("z").unselect("nothing").run()
    assert at.multiselect[0].value == ["x", "y"]
    at.multiselect[0].set_value(["y"]).run()  # set_value still replaces the selection
    assert at.multiselect[0].value == ["y"]


def test_number_input_increment_and_decrement_stay_in_bounds():
    def app(st):
        st.number_input("i", min_value=0, max_value=2)
        st.number_input("f", value=1.0, step=0.5)

    at = run(app)
    at.number_input[0].increment().increment().increment()
    assert at.number_input[0].value == 2
    at.number_input[1].decrement().run()
    assert at.number_input.values == [2, 0.5]
    at.number_input[0].decrement().decrement().decrement().run()
    assert at.number_input[0].value == 0


def test_time_input_steps_by_its_step():
    def app(st):
        st.time_input("a", dt.time(8, 30))
        st.time_input("b", dt.time(1, 0), step=3600)

    at = run(app)
    at.time_input[0].increment()
    at.time_input[1].decrement()
    at.run()
    assert at.time_input.values == [dt.time(8, 45), dt.time(0, 0)]


def test_set_range_on_sliders():
    def app(st):
        st.slider("n", 0, 100, (10, 20))
        st.select_slider("c", ["r", "g", "b"], value=("r", "g"))

    at = run(app)
    at.slider[0].set_range(30, 40)
    at.select_slider[0].set_range("b", "g").run()
    assert at.slider[0].value == (30, 40)
    assert at.select_slider[0].value == ("g", "b")


def test_input_longer_than_max_chars_is_ignored_but_set_value_is_not():
    at = run(lambda st: st.text_input("t", "start", max_chars=5))
    at.text_input[0].input("far too long").run()
    assert at.text_input[0].value == "start"
    at.text_input[0].input("ok").run()
    assert at.text_input[0].value == "ok"


def test_color_picker_pick():
    at = run(lambda st: st.color_picker("c"))
    at.color_picker[0].pick("#123456").run()
    assert at.color_picker[0].value == "#123456"


def test_main_and_sidebar_are_lists_with_lists_by_type():
    def app(st):
        st.sidebar.radio("side", ["a", "b"])
        st.radio("main", [1, 2])
        with st.expander("E"):
            st.text("inside")

    at = run(app)
    assert at.sidebar.radio[0].value == "a"
    assert at.main.radio[0].value == 1
    assert [e.value for e in at.main] == [1, "inside"]  # still the elements in page order
    assert [c.type for c in at.main.children] == ["radio", "expander"]
    assert at.main.children[1].children[0].value == "inside"


def test_blocks_list_what_is_inside_them():
    def app(st):
        st.text("out")
        left, right = st.columns([1, 2])
        left.text("l")
        right.checkbox("r")
        one, two = st.tabs(["cat", "dog"])
        one.text("meow")
        two.text("woof")
        with st.expander("more"):
            st.text("a")
            st.text("b")

    at = run(app)
    assert [c.weight for c in at.columns] == [1, 2]
    assert at.columns[0].text.values == ["l"]
    assert at.columns[1].checkbox[0].value is False
    assert [t.label for t in at.tabs] == ["cat", "dog"]
    assert at.tabs[1].text.values == ["woof"]
    assert at.tabs[0].value == ["cat", "dog"]  # a tab's value: its group's labels
    assert at.expander[0].label == "more"
    assert at.expander[0].text.len == 2
    assert at.text.len == 6
    repr(at.columns[0])


def test_lists_give_the_main_area_before_the_sidebar():
    def app(st):
        st.sidebar.text("side")
        st.text("main")
        st.sidebar.button("b1")
        st.button("b2")

    at = run(app)
    assert at.text.values == ["main", "side"]
    assert [b.label for b in at.button] == ["b2", "b1"]
    assert [e.value for e in at.sidebar] == ["side", False]


def test_json_value_is_the_json_text_and_body_the_object():
    at = run(lambda st: st.json(["hi", {"foo": "bar"}, {1}]))
    assert at.json[0].value == '["hi", {"foo": "bar"}, [1]]'
    assert at.json[0].body == ["hi", {"foo": "bar"}, {1}]
    assert at.json[0].expanded is True


def test_table_and_dataframe_of_pandas_data_give_the_dataframe_other_data_rows():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}, index=["i1", "i2"])

    def app(st):
        st.table(frame)
        st.dataframe(frame["a"])
        st.table([{"a": 1}])

    at = run(app)
    assert at.table[0].value.equals(frame)
    assert at.dataframe[0].value.equals(frame[["a"]])
    assert at.table[1].value == [{"a": 1}]


def test_markdown_formatted_exceptions_and_api_errors_show_their_message_as_markdown():
    def app(st):
        st.exception(st.errors.MarkdownFormattedException("use `st.rerun`"))
        st.exception(ValueError("use `st.rerun`"))
        st.set_page_config(layout="huge")

    at = run(app)
    first, plain, api_error = at.exception
    assert first.is_markdown and "<code>st.rerun</code>" in first.html
    assert not plain.is_markdown and "`st.rerun`" in plain.html
    assert api_error.is_markdown and isinstance(api_error.element.exception, StreamlitAPIException)


def test_removed_and_misspelt_commands_name_what_to_use():
    def app(st):
        for name in ("experimental_rerun", "cache", "buton", "zzz_nothing"):
            try:
                getattr(st, name)
            except AttributeError as exc:
                st.text(str(exc))

    assert run(app).text.values == [
        "st has no attribute 'experimental_rerun'. st.experimental_rerun has been removed. "
        "Use st.rerun instead.",
        "st has no attribute 'cache'. st.cache has been removed. Use st.cache_data or st.cache_resource "
        "instead.",
        "st has no attribute 'buton'. Did you mean st.button?",
        "st has no attribute 'zzz_nothing'",
    ]


def test_json_collapsed_shows_a_summary_line_that_opens():
    at = run(lambda st: (st.json({"a": 1}, expanded=False), st.json([1])))
    assert at.json[0].expanded is False
    assert "<details><summary>{…}</summary>" in at.json[0].html and "<details>" not in at.json[1].html


def test_from_file_takes_a_relative_path_from_the_calling_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # not from the working directory
    at = AppTest.from_file("scripts/counter_app.py").run()
    assert at.button
    with pytest.raises(FileNotFoundError, match="Relative paths are resolved against the file"):
        AppTest.from_file("scripts/missing.py")


def test_a_disabled_widget_refuses_actions_at_once_and_a_refused_event_keeps_the_tree():
    from django_reactive.testing import AppTestError

    def app(st):
        st.checkbox("off", disabled=True)
        st.button("go", disabled=True, key="go")
        st.slider("s", 0, 10, key="s")

    at = run(app)
    with pytest.raises(AppTestError, match="Cannot update a disabled checkbox widget. A browser user"):
        at.checkbox[0].check()
    with pytest.raises(AppTestError, match=r"disabled button widget \(key='go'\)"):
        at.button[0].click()
    with pytest.raises(Exception, match="outside"):  # a value the browser could not send
        at.slider[0].set_value(99).run()
    assert [e.value for e in at.main if e.type == "checkbox"] == [False] and at.run_status == "completed"


def test_streamlit_error_names_catch_the_same_errors():
    def app(st):
        st.session_state.m = ["a", "b"]
        try:
            st.multiselect("m", ["a", "b", "c"], key="m", max_selections=1)
        except st.errors.StreamlitSelectionCountExceedsMaxError as exc:
            st.text(type(exc).__name__)

    assert run(app).text.values == ["SelectionCountExceedsMaxError"]
