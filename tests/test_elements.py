"""Display elements, st.write and layout, as a view author uses them."""

import pytest
from django.test import override_settings

from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db


def run(fn):
    return AppTest.from_function(fn).run()


def html(at):
    return at.page_html


def test_headings_text_and_alerts():
    def app(st):
        st.title("T *one*")
        st.header("H")
        st.subheader("S")
        st.text("plain *not markdown*")
        st.error("E")
        st.warning("W")
        st.info("I")
        st.success("OK")

    at = run(app)
    assert [at.title[0].value, at.header[0].value, at.subheader[0].value] == ["T *one*", "H", "S"]
    assert at.text[0].value == "plain *not markdown*"
    assert [at.error[0].value, at.warning[0].value, at.info[0].value, at.success[0].value] == [
        "E", "W", "I", "OK"]
    page = html(at)
    assert "<h1>T <em>one</em></h1>" in page and "<h2>H</h2>" in page and "<h3>S</h3>" in page
    assert "plain *not markdown*" in page
    assert 'class="rx rx-alert rx-error"' in page and 'role="alert"' in page


@pytest.mark.parametrize(("args", "markdown"), [
    (("Count = ", 0), "Count =  `0`"),
    (("a", "b"), "a b"),
    ((1.5,), "`1.5`"),
    (("x`y", None), "x`y `None`"),
    ((True,), "`True`"),
])
def test_write_joins_strings_and_shows_other_values_as_code(args, markdown):
    at = run(lambda st: st.write(*args))
    assert at.markdown[0].value == markdown


def test_write_shows_containers_as_json_and_exceptions_as_exceptions():
    def app(st):
        st.write("before", {"k": [1, 2]}, "after")
        st.write(ValueError("bad"))

    at = run(app)
    assert [m.value for m in at.markdown] == ["before", "after"]
    assert at.json[0].body == {"k": [1, 2]}
    assert at.exception[0].type == "ValueError" and at.exception[0].message == "bad"


def test_write_of_session_state_shows_its_dict():
    def app(st):
        st.session_state.a = 1
        st.text_input("K", key="k")
        st.write(st.session_state)

    assert run(app).json[0].body == {"a": 1, "k": ""}


def test_columns_and_containers_in_both_forms():
    def app(st):
        left, right = st.columns([2, 1])
        with left:
            st.text("in left")
        right.text("in right")
        box = st.container(border=True)
        box.text("in box")
        with box:
            st.button("Inside")
        st.text("below")

    at = run(app)
    assert at.text.values == ["in left", "in right", "in box", "below"]
    page = html(at)
    assert page.index("in left") < page.index("in right") < page.index("in box") < page.index("Inside")
    assert "--rx-weight:2" in page and "rx-border" in page


def test_bad_columns_spec_is_an_error():
    assert "positive integer" in run(lambda st: st.columns(0)).exception[0].message


def test_exception_element_shows_a_traceback_only_in_debug():
    def app(st):
        raise RuntimeError("boom")

    assert "rx-traceback" not in html(run(app))
    with override_settings(DEBUG=True):
        at = run(app)
    assert "rx-traceback" in html(at) and "RuntimeError" in html(at)


def test_st_exception_command():
    at = run(lambda st: st.exception(KeyError("k")))
    assert at.exception[0].type == "KeyError" and at.exception[0].message == "k"


def test_widgets_render_accessible_markup():
    def app(st):
        st.button("Go", help="Starts it")
        st.text_input("Name", key="name", placeholder="Your name")
        st.checkbox("Agree")
        st.number_input("Amount", 0, 10)
        st.slider("Range", 0, 10, (2, 8))
        st.selectbox("Color", ["red", "green"], index=None)
        st.text_input("Hidden label", label_visibility="hidden")

    page = html(run(app))
    assert '<button type="button"' in page and ">Go</button>" in page and 'title="Starts it"' in page
    assert 'for="rx-apptest-app-w' in page and ">Name</label>" in page
    assert 'type="number"' in page and 'min="0"' in page and 'max="10"' in page
    assert page.count('type="range"') == 2 and 'data-reactive-part="1"' in page
    assert "data-reactive-none selected" in page and "Choose an option" in page
    assert "rx-label-hidden" in page
    assert page.count("data-reactive-id=") >= 9


def test_disabled_widgets_render_disabled():
    page = html(run(lambda st: st.button("Nope", disabled=True)))
    assert " disabled" in page

