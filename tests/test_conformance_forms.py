"""CONFORMANCE section 14 E (forms) and the form rules of sections 3.4 and 6."""

import pytest

from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db


def run(fn):
    return AppTest.from_function(fn).run()


def test_case_21_form_submit_and_form_keys_are_read_only():
    def submit_key(st):
        st.session_state.fs = True
        with st.form("f"):
            st.text_input("x")
            st.form_submit_button("Go", key="fs")

    def form_key(st):
        st.session_state.f = 1
        st.form("f")

    assert "is read-only" in run(submit_key).exception[0].message
    at = run(form_key)
    assert "is read-only" in at.exception[0].message and "'f'" in at.exception[0].message


def test_case_50_unsubmitted_form_values_are_not_sent():
    def app(st):
        with st.form("f"):
            n = st.text_input("Name", key="name")
            sub = st.form_submit_button("Send")
        st.checkbox("out", key="out")
        st.text(f"{sub} {n!r}")

    at = run(app)
    at.text_input(key="name").input("Ann")
    at.checkbox(key="out").check().run()
    assert at.text[0].value == "False ''"
    at.button[0].click().run()
    assert at.text[0].value == "True 'Ann'"


def form_51(st):
    ss = st.session_state

    def cb():
        ss.log = [*ss.get("log", []), (ss.a, ss.s, ss.c)]

    with st.form("f"):
        a = st.text_input("A", key="a")
        s = st.slider("S", 0, 10, key="s")
        c = st.checkbox("C", key="c")
        sub = st.form_submit_button("Submit", on_click=cb)
    ss.seen = (sub, a, s, c)


def test_case_51_submit_commits_every_value_in_one_event():
    at = run(form_51)
    at.text_input(key="a").input("hello")
    at.slider(key="s").set_value(5)
    at.checkbox(key="c").check()
    at.button[0].click().run()
    assert at.session_state["log"] == [("hello", 5, True)]
    assert at.session_state["seen"] == (True, "hello", 5, True)
    at.run()
    assert at.session_state["seen"] == (False, "hello", 5, True)


def test_case_52_submit_without_edits_fires_again():
    at = run(form_51)
    at.button[0].click().run()
    at.button[0].click().run()
    assert at.session_state["seen"][0] is True
    assert len(at.session_state["log"]) == 2


def test_case_53_callbacks_only_on_submit_buttons():
    def app(st):
        with st.form("f"):
            st.text_input("A", on_change=lambda: None)
            st.form_submit_button()

    assert "Within a form, callbacks can only be defined on" in run(app).exception[0].message


def test_case_54_no_plain_button_in_a_form():
    def app(st):
        with st.form("f"):
            st.button("B")
            st.form_submit_button()

    assert "`st.button()` can't be used in an `st.form()`" in run(app).exception[0].message


def test_case_55_forms_cannot_be_nested():
    def app(st):
        with st.form("f"):
            with st.form("g"):
                pass

    assert run(app).exception[0].message == "Forms cannot be nested in other forms."


def test_case_56_submit_button_outside_a_form():
    at = run(lambda st: st.form_submit_button("Go"))
    assert "must be used inside an `st.form()`" in at.exception[0].message


def test_case_57_form_without_submit_button_renders_with_a_notice():
    def app(st):
        with st.form("f"):
            st.text_input("A")
        st.text("after form")

    at = run(app)
    assert not at.exception
    assert at.text.values == ["after form"]
    assert "Missing Submit Button" in at.page_html


def test_case_59_automatic_submit_key_is_visible_in_session_state():
    def app(st):
        with st.form("f"):
            st.text_input("A", key="a")
            st.form_submit_button("Go")
        st.text(str(sorted(st.session_state.keys())))

    assert run(app).text[0].value == "['FormSubmitter:f-Go', 'a']"


def test_two_forms_with_one_key():
    def app(st):
        st.form("f")
        st.form("f")

    assert "multiple elements with the same `key='f'`" in run(app).exception[0].message


def test_a_widget_key_may_equal_a_form_key():
    def app(st):
        st.text_input("T", key="f")
        with st.form("f"):
            st.form_submit_button()

    assert not run(app).exception


def test_method_style_form_and_columns_inside():
    def app(st):
        form = st.form("f")
        left, right = form.columns(2)
        left.text_input("A", key="a")
        right.text_input("B", key="b")
        if form.form_submit_button("Go"):
            st.text(f"{st.session_state.a}{st.session_state.b}")

    at = run(app)
    at.text_input(key="a").input("x")
    at.text_input(key="b").input("y")
    at.run()
    assert at.text.values == []
    at.button[0].click().run()
    assert at.text.values == ["xy"]


def test_several_submit_buttons_each_true_only_when_clicked():
    def app(st):
        with st.form("f"):
            st.session_state.r = (st.form_submit_button("One"), st.form_submit_button("Two"))

    at = run(app)
    at.button[1].click().run()
    assert at.session_state["r"] == (False, True)


def test_clear_on_submit_shows_defaults_but_keeps_the_submitted_values():
    """CONFORMANCE 6.3."""
    def app(st):
        with st.form("f", clear_on_submit=True):
            name = st.text_input("Name", key="name")
            st.form_submit_button("Send")
        st.text(repr(name))

    at = run(app)
    at.text_input(key="name").input("Ann")
    at.button[0].click().run()
    assert at.text[0].value == "'Ann'"
    assert 'value=""' in at.text_input(key="name").html   # the form shows its default again
    assert at.text_input(key="name").value == "Ann"       # AppTest: what the run got, as Streamlit's
    at.run()
    assert at.text[0].value == "'Ann'"                     # the value is still the submitted one
    assert at.session_state["name"] == "Ann"
    at.button[0].click().run()                             # submitting the shown default commits it
    assert at.text[0].value == "''"


def test_identical_keyless_widgets_in_two_forms_are_distinct():
    def app(st):
        for key in ("f", "g"):
            with st.form(key):
                st.text_input("Name")
                st.form_submit_button()

    assert not run(app).exception


def test_apptest_shows_what_a_cleared_form_returned_on_its_submit_run_then_the_defaults():
    """As Streamlit 1.67's AppTest: Name = 'abc' and Submit = True after the submit, '' after."""
    def app(st):
        with st.form("f", clear_on_submit=True):
            name = st.text_input("Name")
            sent = st.form_submit_button("Submit")
        st.write(f"value={name} submitted={sent}")

    at = AppTest.from_function(app).run()
    at.text_input[0].input("abc")
    at.button[0].click().run()
    assert at.text_input[0].value == "abc" and at.button[0].value is True
    assert 'value=""' in at.text_input[0].html  # the page shows the cleared form
    at.run()
    assert at.text_input[0].value == "" and at.button[0].value is False
