"""st.data_editor: the edited data in the input's kind, Streamlit's edit state, checks, saving a QuerySet."""

import datetime as dt

import pandas as pd
import pytest

from demo_project.demo.models import Book, Country, Shape
from django_reactive import st as current
from django_reactive.errors import ReactiveAPIError
from django_reactive.runtime import EventError
from django_reactive.testing import AppTest, AppTestError
from django_reactive.widgets import column_config

pytestmark = pytest.mark.django_db

ROWS = [{"name": "Ada", "age": 36, "member": True}, {"name": "Alan", "age": 41, "member": False}]


def editor_app(data, **options):
    """A view showing ``data`` in an editor keyed "ed"; the value it got is in session state "out"."""

    def app(st):
        st.session_state.out = st.data_editor(data, key="ed", **options)

    return AppTest.from_function(app).run()


# -- the value, in the input's kind -----------------------------------------------------------------


def test_a_list_of_dicts_comes_back_as_a_list_of_dicts_with_the_edits_applied():
    at = editor_app(ROWS, num_rows="dynamic")
    assert at.session_state.out == ROWS
    at.data_editor[0].edit(0, "age", 37).delete_row(1).add_row({"name": "Grace", "age": 85}).run()
    assert at.session_state.out == [{"name": "Ada", "age": 37, "member": True},
                                    {"name": "Grace", "age": 85, "member": None}]


def test_the_session_state_under_the_key_is_streamlits_edit_state():
    at = editor_app(ROWS, num_rows="dynamic")
    assert at.session_state.ed == {"edited_rows": {}, "added_rows": [], "deleted_rows": []}
    at.data_editor[0].edit(1, "name", "Turing").add_row({"name": "Grace"}).delete_row(0).run()
    assert at.session_state.ed == {"edited_rows": {1: {"name": "Turing"}}, "added_rows": [{"name": "Grace"}],
                                   "deleted_rows": [0]}
    assert at.data_editor[0].edits == at.session_state.ed


def test_a_dataframe_comes_back_as_a_dataframe_of_the_same_dtypes():
    frame = pd.DataFrame({"name": ["Ada", "Alan"], "score": [1.5, 2.5], "n": [1, 2]})
    at = editor_app(frame, num_rows="dynamic")
    at.data_editor[0].edit(1, "score", 3).add_row({"name": "Grace", "score": 4.5, "n": 3}).run()
    out = at.session_state.out
    assert isinstance(out, pd.DataFrame)
    assert out.to_dict("list") == {"name": ["Ada", "Alan", "Grace"], "score": [1.5, 3.0, 4.5], "n": [1, 2, 3]}
    assert out["n"].dtype == frame["n"].dtype
    assert list(out.index) == [0, 1, 2]
    pd.testing.assert_frame_equal(at.data_editor[0].value, out)


def test_a_dataframe_index_labels_new_rows_after_the_highest_one():
    frame = pd.DataFrame({"x": [1, 2, 3]}, index=[10, 20, 30])
    at = editor_app(frame, num_rows="dynamic")
    at.data_editor[0].delete_row(0).add_row({"x": 4}).run()
    assert at.session_state.out.to_dict() == {"x": {20: 2, 30: 3, 31: 4}}


@pytest.mark.parametrize(("data", "edits", "expected"), [
    ({"a": [1, 2], "b": ["x", "y"]}, {"edited_rows": {0: {"b": "z"}}, "added_rows": [{"a": 3}]},
     {"a": [1, 2, 3], "b": ["z", "y", None]}),
    ({"k1": 1, "k2": 2}, {"edited_rows": {0: {"value": 5}}, "added_rows": [{"_index": "k3", "value": 3}],
                          "deleted_rows": [1]}, {"k1": 5, "k3": 3}),
    ([1, 2, 3], {"edited_rows": {0: {"value": 5}}, "added_rows": [{"value": 9}], "deleted_rows": [1]},
     [5, 3, 9]),
    ((1, 2), {"added_rows": [{"value": 9}]}, (1, 2, 9)),
    ({1, 2}, {"added_rows": [{"value": 9}]}, {1, 2, 9}),
    ([[1, "x"], [2, "y"]], {"edited_rows": {0: {"1": "q"}}, "added_rows": [{"0": 9}], "deleted_rows": [1]},
     [[1, "q"], [9, None]]),
])
def test_other_inputs_come_back_in_their_own_kind(data, edits, expected):
    at = editor_app(data, num_rows="dynamic")
    at.data_editor[0].set_value(edits).run()
    assert at.session_state.out == expected
    assert type(at.session_state.out) is type(expected)


def test_dates_times_and_checkboxes_are_edited_as_their_own_types():
    rows = [{"day": dt.date(2024, 1, 1), "at": dt.time(9, 30), "done": False, "price": 1.5}]
    at = editor_app(rows)
    at.data_editor[0].edit(0, "day", dt.date(2024, 2, 3)).edit(0, "at", "10:15").edit(0, "done", True).run()
    assert at.session_state.out == [{"day": dt.date(2024, 2, 3), "at": dt.time(10, 15), "done": True,
                                     "price": 1.5}]
    assert at.session_state.ed["edited_rows"] == {0: {"day": "2024-02-03", "at": "10:15:00", "done": True}}
    html = at.data_editor[0].html
    assert 'type="date" id=' in html and 'value="2024-02-03"' in html
    assert 'type="checkbox"' in html and 'type="time"' in html and 'type="number"' in html


def test_the_edit_state_may_come_as_json_text_as_the_browser_sends_it():
    at = editor_app(ROWS)
    at.data_editor[0].set_value('{"edited_rows": {"1": {"age": 42}}}').run()
    assert at.session_state.out[1]["age"] == 42
    assert at.session_state.ed["edited_rows"] == {1: {"age": 42}}


# -- the table on the page ------------------------------------------------------------------------


def test_each_cell_is_a_labelled_control_and_a_deleted_row_is_gone():
    at = editor_app(ROWS, num_rows="dynamic")
    html = at.data_editor[0].html
    assert 'aria-label="name, row 1"' in html and 'value="Ada"' in html
    assert "Add row" in html and "Delete row 2" in html
    at.data_editor[0].delete_row(0).run()
    html = at.data_editor[0].html
    assert 'value="Ada"' not in html and 'aria-label="name, row 1"' in html
    assert 'data-rx-row="1"' in html


def test_cell_texts_are_escaped():
    at = editor_app([{"a": "<b>x</b>", "n": [1]}])  # a list cell is shown read-only
    html = at.data_editor[0].html
    assert 'value="&lt;b&gt;x&lt;/b&gt;"' in html and "<b>x" not in html and "<td>[1]</td>" in html


def test_an_editor_in_a_form_sends_its_edits_with_the_submit():
    def app(st):
        with st.form("f"):
            st.session_state.out = st.data_editor(ROWS, key="ed")
            st.form_submit_button("Send")

    at = AppTest.from_function(app).run()
    at.data_editor[0].edit(0, "age", 99).run()
    assert at.session_state.out[0]["age"] == 36
    at.button[0].click().run()
    assert at.session_state.out[0]["age"] == 99


def test_without_num_rows_there_is_no_adding_or_deleting():
    html = editor_app(ROWS).data_editor[0].html
    assert "Add row" not in html and "Delete row" not in html


def test_column_config_sets_labels_hides_columns_and_orders_them():
    at = editor_app(ROWS, column_config={"name": "Full name", "member": None,
                                         "age": column_config.Column(help="Years", width="small")},
                    column_order=["age", "name"], height=300)
    html = at.data_editor[0].html
    assert '<th scope="col">Full name</th>' in html
    assert '<th scope="col" title="Years" style="width:75px;min-width:75px">age</th>' in html
    assert html.index(">age</th>") < html.index(">Full name</th>")
    assert 'style="height:300px;max-height:none"' in html
    assert "member" not in html
    assert at.session_state.out == ROWS  # hidden columns stay in the data


def test_disabled_columns_are_shown_as_text_and_refuse_edits():
    at = editor_app(ROWS, disabled=["name"], column_config={"age": column_config.Column(disabled=True)})
    html = at.data_editor[0].html
    assert "<td>Ada</td>" in html and 'data-rx-col="member"' in html and 'data-rx-col="age"' not in html
    at.data_editor[0].edit(0, "name", "Eve")
    with pytest.raises(EventError, match="cannot be edited") as error:
        at.run()
    assert error.value.code == "invalid_value"
    assert at.session_state.out == ROWS


def test_a_disabled_editor_takes_no_edits():
    at = editor_app(ROWS, disabled=True)
    assert "<input" not in at.data_editor[0].html.split('data-reactive-kind="editor"', 1)[1]
    with pytest.raises(AppTestError, match="Cannot update a disabled data_editor widget"):
        at.data_editor[0].edit(0, "age", 1)


# -- checks of what the browser sends ---------------------------------------------------------------


@pytest.mark.parametrize(("edits", "message"), [
    ({"edited_rows": {0: {"age": "old"}}}, "takes numbers"),
    ({"edited_rows": {0: {"age": 1.5}}}, "whole numbers"),
    ({"edited_rows": {0: {"member": "yes"}}}, "true or false"),
    ({"edited_rows": {0: {"nope": 1}}}, "not a column"),
    ({"edited_rows": {5: {"age": 1}}}, "not the position"),
    ({"added_rows": [{"name": "Eve"}]}, "cannot be added"),
    ({"deleted_rows": [0]}, "cannot be deleted"),
    ({"edited": {}}, "Expected an edit state"),
    ("{not json", "not valid JSON"),
])
def test_a_bad_edit_state_is_refused_and_changes_nothing(edits, message):
    at = editor_app(ROWS)
    at.data_editor[0].edit(0, "age", 50).run()
    at.data_editor[0].set_value(edits)
    with pytest.raises(EventError, match=message) as error:
        at.run()
    assert error.value.code == "invalid_value"
    assert at.session_state.ed["edited_rows"] == {0: {"age": 50}}


def test_column_types_check_their_values():
    config = {"name": column_config.TextColumn(max_chars=4, validate=r"^[A-Z]"),
              "age": column_config.NumberColumn(min_value=0, max_value=120),
              "member": column_config.CheckboxColumn(),
              "level": column_config.SelectboxColumn(options=["low", "high"], required=True)}
    at = editor_app([{**row, "level": "low"} for row in ROWS], column_config=config)
    bad = [("name", "Adaline"), ("name", "ada"), ("age", 121), ("level", "mid"), ("level", None)]
    for column, value in bad:
        at.data_editor[0].edit(0, column, value)
        with pytest.raises(EventError):
            at.run()
        at.run()  # a refused event leaves the page as it was: run it again before the next edit
    at.data_editor[0].edit(0, "name", "Bea").edit(0, "age", 120).edit(0, "level", "high").run()
    assert at.session_state.out[0] == {"name": "Bea", "age": 120, "member": True, "level": "high"}
    assert "<select" in at.data_editor[0].html and 'maxlength="4"' in at.data_editor[0].html


def test_new_rows_take_the_columns_defaults_and_need_the_required_ones():
    config = {"member": column_config.CheckboxColumn(default=True),
              "name": column_config.TextColumn(required=True)}
    at = editor_app(ROWS, num_rows="add", column_config=config)
    at.data_editor[0].add_row({"age": 3})
    with pytest.raises(EventError, match="'name' needs a value"):
        at.run()
    at.run()
    at.data_editor[0].set_value({"added_rows": [{"name": "Kid"}]}).run()
    assert at.session_state.ed["added_rows"] == [{"name": "Kid", "member": True}]
    assert at.session_state.out[-1] == {"name": "Kid", "age": None, "member": True}


def test_an_incompatible_column_type_and_bad_data_are_streamlits_errors():
    def app(st):
        st.data_editor(ROWS, column_config={"age": st.column_config.DateColumn()})

    at = AppTest.from_function(app).run()
    assert at.exception[0].message.startswith(
        "The configured column type `date` for column `age` is not compatible for editing")
    at = editor_app(pd.DataFrame([[1, 2]], columns=["a", "a"]))
    assert "The following column names are duplicated: ['a']" in at.exception[0].message
    at = editor_app(object())
    assert "is not supported by the data editor" in at.exception[0].message
    with pytest.raises(AttributeError, match="LinkColumn is not supported yet"):
        column_config.LinkColumn  # noqa: B018


def test_the_key_is_read_only():
    def app(st):
        st.data_editor(ROWS, key="ed")
        st.session_state.ed = {}

    at = AppTest.from_function(app).run()
    assert at.exception[0].type == "WidgetAlreadyInstantiatedError"


# -- callbacks and identity -------------------------------------------------------------------------


def test_on_change_runs_first_with_the_new_edit_state():
    def changed(label):
        current.session_state.seen = (label, current.session_state.ed["edited_rows"])

    def app(st):
        st.data_editor(ROWS, key="ed", on_change=changed, args=("edited",))
        st.text(repr(st.session_state.get("seen")))

    at = AppTest.from_function(app).run()
    at.data_editor[0].edit(1, "member", True).run()
    assert at.text[0].value == "('edited', {1: {'member': True}})"


def test_a_keyed_fixed_editor_keeps_its_edits_when_only_values_change():
    def app(st):
        bump = st.session_state.get("bump", 0)
        rows = [{"name": "Ada", "age": 36 + bump}]
        st.session_state.out = st.data_editor(rows, key="ed")
        keyless = st.data_editor(rows)
        st.text(repr(keyless))

    at = AppTest.from_function(app).run()
    at.data_editor[0].edit(0, "name", "Eve")
    at.data_editor[1].edit(0, "name", "Bob").run()
    assert at.session_state.out[0]["name"] == "Eve" and "Bob" in at.text[0].value
    at.session_state.bump = 1
    at.run()
    assert at.session_state.out == [{"name": "Eve", "age": 37}]
    assert 'value="37"' in at.data_editor[0].html
    assert "Ada" in at.text[0].value  # a keyless editor is another widget once its data changed


# -- QuerySets ---------------------------------------------------------------------------------------


@pytest.fixture
def countries():
    return [Country.objects.create(name=name).pk for name in ("Atlantis", "Lemuria", "Mu")]


def queryset_app(st):
    qs = Country.objects.filter(name__in=["Atlantis", "Lemuria", "Mu", "Hyperborea"])
    edited = st.data_editor(qs, key="ed", num_rows=st.session_state.get("num_rows", "dynamic"))
    st.session_state.out = list(edited)
    if st.button("Save"):
        st.session_state.saved = edited.save()
        if st.session_state.saved and st.session_state.get("rerun"):
            st.rerun()


def test_a_queryset_comes_back_as_dicts_by_field_name_with_the_primary_key(countries):
    at = AppTest.from_function(queryset_app).run()
    assert at.session_state.out == [{"id": pk, "name": name}
                                    for pk, name in zip(countries, ("Atlantis", "Lemuria", "Mu"))]
    html = at.data_editor[0].html
    assert ">Name<" in html and 'data-rx-col="id"' not in html  # the verbose name; the key is not edited
    at.data_editor[0].edit(0, "name", "Atlantis II").add_row({"name": "Hyperborea"}).run()
    assert at.session_state.out[0] == {"id": countries[0], "name": "Atlantis II"}
    assert at.session_state.out[-1] == {"id": None, "name": "Hyperborea"}
    assert Country.objects.filter(name="Atlantis").exists()  # nothing saved yet


def test_save_writes_changed_fields_new_rows_and_deletions_in_one_go(countries):
    at = AppTest.from_function(queryset_app).run()
    at.data_editor[0].edit(1, "name", "Lemuria II").add_row({"name": "Hyperborea"}).delete_row(2).run()
    at.button[0].click().run()
    assert at.session_state.saved is True
    assert set(Country.objects.filter(pk__in=countries).values_list("name", flat=True)) == {
        "Atlantis", "Lemuria II"}
    assert Country.objects.filter(name="Hyperborea").exists()


def test_after_a_save_and_a_rerun_the_editor_shows_the_stored_rows_without_edits(countries):
    at = AppTest.from_function(queryset_app)
    at.session_state.rerun = True
    at.run()
    at.data_editor[0].add_row({"name": "Hyperborea"}).delete_row(0).run()
    at.button[0].click().run()
    new = Country.objects.get(name="Hyperborea").pk
    assert at.session_state.out == [{"id": countries[1], "name": "Lemuria"},
                                    {"id": countries[2], "name": "Mu"}, {"id": new, "name": "Hyperborea"}]
    assert at.session_state.ed == {"edited_rows": {}, "added_rows": [], "deleted_rows": []}


def test_save_changes_only_the_edited_fields():
    book = Book.objects.create(title="Draft", author="Someone", year=2000)

    def app(st):
        edited = st.data_editor(Book.objects.filter(pk=book.pk), key="ed")
        if st.button("Save"):
            edited.save()

    at = AppTest.from_function(app).run()
    at.data_editor[0].edit(0, "title", "Final").run()
    Book.objects.filter(pk=book.pk).update(author="Changed meanwhile")
    at.button[0].click().run()
    book.refresh_from_db()
    assert (book.title, book.author) == ("Final", "Changed meanwhile")


def test_invalid_rows_are_shown_in_the_editor_and_nothing_is_saved(countries):
    at = AppTest.from_function(queryset_app).run()
    at.data_editor[0].edit(0, "name", "Atlantis II").edit(1, "name", "Mu").run()
    at.button[0].click().run()
    assert at.session_state.saved is False
    assert "Row 2, Name: Country with this Name already exists." in at.data_editor[0].html
    assert 'role="alert"' in at.data_editor[0].html
    assert Country.objects.filter(pk=countries[0]).get().name == "Atlantis"


def test_a_required_field_of_a_new_row_is_asked_for_and_choices_are_a_selectbox():
    Shape.objects.create(image="a.png", label="circle")

    def app(st):
        st.session_state.out = st.data_editor(Shape.objects.all(), key="ed", num_rows="dynamic")

    at = AppTest.from_function(app).run()
    html = at.data_editor[0].html
    assert "<select" in html and ">Circle</option>" in html
    at.data_editor[0].add_row({"label": "square"})
    with pytest.raises(EventError, match="'image' needs a value"):
        at.run()


def test_rows_are_deleted_only_where_num_rows_allows(countries):
    at = AppTest.from_function(queryset_app)
    at.session_state.num_rows = "add"
    at.run()
    at.data_editor[0].delete_row(0)
    with pytest.raises(EventError, match="cannot be deleted"):
        at.run()


def test_an_unknown_column_of_a_values_queryset_is_shown_not_edited(countries):
    def app(st):
        st.session_state.out = st.data_editor(Country.objects.filter(pk__in=countries).values("name"))

    at = AppTest.from_function(app).run()
    assert at.session_state.out[0] == {"name": "Atlantis", "id": countries[0]}


def test_a_users_password_hash_is_never_in_the_editor():
    from django.contrib.auth.models import User

    User.objects.create_user("ada", password="secret")

    def app(st):
        st.session_state.out = st.data_editor(User.objects.values(), key="ed")

    at = AppTest.from_function(app).run()
    assert "password" not in at.session_state.out[0] and at.session_state.out[0]["username"] == "ada"
    assert "md5$" not in at.data_editor[0].html


def test_data_editor_is_listed_with_the_dataframes_as_in_streamlit():
    def app(st):
        st.dataframe(ROWS)
        st.data_editor(ROWS, num_rows="delete")

    at = AppTest.from_function(app).run()
    assert len(at.dataframe) == 2 and len(at.data_editor) == 1
    assert at.data_editor[0].editing_mode == "delete"


def test_cannot_edit_more_rows_than_a_table_reads(monkeypatch):
    monkeypatch.setattr("django_reactive.widgets.editor_data.MAX_ROWS", 2)
    monkeypatch.setattr("django_reactive.elements.data.MAX_ROWS", 2)
    at = editor_app([{"x": i} for i in range(3)])
    assert at.exception[0].type == ReactiveAPIError.__name__
    assert "edits at most 2 rows" in at.exception[0].message
