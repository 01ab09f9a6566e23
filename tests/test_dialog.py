"""@st.dialog: opening, runs inside it as a fragment, closing by st.rerun() or dismissal, its errors."""

import pytest

from django_reactive import st as st_proxy
from django_reactive.errors import ReactiveAPIError
from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db


def vote_app(st, on_dismiss="ignore", dismissible=True):
    ss = st.session_state
    ss.setdefault("full", 0)
    ss.setdefault("inside", 0)
    ss.setdefault("dismissed", 0)
    ss.full += 1

    def dismissed():
        ss.dismissed += 1

    @st.dialog("Cast your **vote**", on_dismiss=dismissed if on_dismiss == "callback" else on_dismiss,
               dismissible=dismissible)
    def vote(item):
        ss.inside += 1
        reason = st.text_input("Because...")
        st.write(f"item={item} reason={reason} full={ss.full}")
        if st.button("Submit"):
            ss.vote = f"{item}: {reason}"
            st.rerun()

    if st.button("A"):
        vote("A")
    st.write(f"main full={ss.full}")


def texts(at):
    return [m.value for m in at.markdown]


def test_calling_the_function_opens_a_dialog_with_its_output_in_the_usual_lists():
    at = AppTest.from_function(vote_app).run()
    assert not at.dialog and [b.label for b in at.button] == ["A"]
    at.button[0].click().run()
    [dialog] = at.dialog
    assert dialog.label == "Cast your **vote**" and dialog.width == "small" and dialog.dismissible
    assert [b.label for b in at.button] == ["A", "Submit"] and at.text_input[0].label == "Because..."
    assert [b.label for b in dialog.button] == ["Submit"]
    assert "item=A reason= full=2" in texts(at)
    html = dialog.html
    assert html.startswith("<dialog ") and " open" not in html.split(">")[0]
    assert "Cast your <strong>vote</strong>" in html and 'class="rx-dialog-close"' in html
    assert "django_reactive/dialog.js" in html


def test_a_widget_inside_reruns_only_the_dialog():
    at = AppTest.from_function(vote_app).run()
    at.button[0].click().run()
    at.text_input[0].input("tasty").run()
    assert at.session_state["full"] == 2 and at.session_state["inside"] == 2
    assert texts(at) == ["item=A reason=tasty full=2", "main full=2"]
    assert at.dialog  # still open: the opening button's click is not replayed, the page is kept


def test_st_rerun_inside_closes_the_dialog_and_runs_the_view():
    at = AppTest.from_function(vote_app).run()
    at.button[0].click().run()
    at.text_input[0].input("tasty")
    at.button[1].click().run()
    assert not at.dialog and at.session_state["vote"] == "A: tasty"
    assert texts(at) == ["main full=3"]


def test_a_dialog_is_shown_again_on_each_opening():
    """Each opening is numbered: a new run that calls the function gives the page a new dialog body."""
    at = AppTest.from_function(vote_app).run()
    at.button[0].click().run()
    first = at.dialog[0].html
    at.button[0].click().run()
    assert at.dialog and at.dialog[0].html != first
    assert 'data-rx-opening="1"' in first and 'data-rx-opening="2"' in at.dialog[0].html


def test_dismissing_an_ignore_dialog_sends_nothing_and_the_next_run_has_no_dialog():
    at = AppTest.from_function(vote_app).run()
    at.button[0].click().run()
    assert 'data-reactive-kind="button"' not in at.dialog[0].html.split('class="rx rx-dialog-body"')[0]
    at.dialog[0].dismiss().run()
    assert not at.dialog and at.session_state["dismissed"] == 0


@pytest.mark.parametrize("mode", ["rerun", "callback"])
def test_dismissing_with_on_dismiss_reruns_the_view_after_the_callback(mode):
    at = AppTest.from_function(lambda st: vote_app(st, on_dismiss=mode)).run()
    at.button[0].click().run()
    dialog = at.dialog[0]
    assert f'data-reactive-widget="{dialog.id}"' in dialog.html  # the dismissal is a trigger
    dialog.dismiss().run()
    assert not at.dialog and at.session_state["full"] == 3
    assert at.session_state["dismissed"] == (1 if mode == "callback" else 0)


def test_a_dialog_that_is_not_dismissible_has_no_close_button_and_cannot_be_dismissed():
    at = AppTest.from_function(lambda st: vote_app(st, dismissible=False)).run()
    at.button[0].click().run()
    assert "rx-dialog-close" not in at.dialog[0].html and "data-rx-dismissible" not in at.dialog[0].html
    with pytest.raises(ValueError, match="not dismissible"):
        at.dialog[0].dismiss()


def test_only_one_dialog_per_run():
    def app(st):
        @st.dialog("One")
        def one():
            st.write("one")

        @st.dialog("Two")
        def two():
            st.write("two")

        one()
        two()

    at = AppTest.from_function(app).run()
    assert at.exception[0].type == "InvalidLayoutContextError"
    assert at.exception[0].value.startswith("Only one dialog is allowed to be opened at the same time.")
    assert len(at.dialog) == 1


def test_a_dialog_inside_a_dialog_is_refused():
    def app(st):
        @st.dialog("Inner")
        def inner():
            st.write("inner")

        @st.dialog("Outer")
        def outer():
            inner()

        outer()

    at = AppTest.from_function(app).run()
    assert at.exception[0].value == "Dialogs may not be nested inside other dialogs."


def test_a_dialog_opened_from_a_form_or_the_sidebar_is_outside_them():
    def app(st):
        @st.dialog("Details")
        def details():
            st.write("inside")
            st.button("Inner")  # a button, which a form refuses

        with st.form("f"):
            st.text_input("Name")
            if st.form_submit_button("Go"):
                details()
        with st.sidebar:
            st.write("side")

    at = AppTest.from_function(app).run()
    at.button[0].click().run()
    assert not at.exception and at.dialog and not at.sidebar.button
    assert at.main.button[-1].label == "Inner"
    assert 'data-reactive-form' not in at.dialog[0].html


def test_parameters_are_checked_as_streamlit_does():
    with pytest.raises(ReactiveAPIError, match="The `title` parameter is required"):
        st_proxy.dialog("")

    def app_with(**options):
        def app(st):
            @st.dialog("T", **options)
            def show():
                st.write("x")

            show()
        return app

    for options, message in [({"width": "huge"}, "Invalid `width` value"),
                             ({"width": True}, "Invalid `width` value"),
                             ({"position": "top"}, "Invalid `position` value"),
                             ({"on_dismiss": "close"}, "Invalid `on_dismiss` value")]:
        at = AppTest.from_function(app_with(**options)).run()
        assert at.exception and message in at.exception[0].value, options
    at = AppTest.from_function(app_with(width=640, position="right", icon="🗳️")).run()
    html = at.dialog[0].html
    assert "--rx-dialog-width:640px" in html and "rx-dialog-right" in html and "🗳️" in html


def test_the_module_level_st_decorates_before_any_run():
    @st_proxy.dialog("At import time")
    def hello():
        st_proxy.write("hi")

    def app(st):
        hello()

    at = AppTest.from_function(app).run()
    assert at.dialog[0].label == "At import time" and texts(at) == ["hi"]


def test_a_dialog_function_called_outside_a_run_is_refused():
    @st_proxy.dialog("Nowhere")
    def nowhere():
        pass

    with pytest.raises(ReactiveAPIError, match="while a reactive view runs"):
        nowhere()
