"""st.popover: a container opened by a button, whose content runs on every run (Streamlit 1.67)."""

import re

import pytest

from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db


def run(fn):
    return AppTest.from_function(fn).run()


def test_the_content_runs_and_is_on_the_page_while_the_popover_is_closed():
    def app(st):
        with st.popover("Filters"):
            st.text("inside")
            red = st.checkbox("Red", key="red")
        st.text(f"red={red}")

    at = run(app)
    assert [p.label for p in at.popover] == ["Filters"]
    assert at.popover[0].text[0].value == "inside"
    assert at.text[-1].value == "red=False"
    at.popover[0].checkbox(key="red").check().run()
    assert at.text[-1].value == "red=True"
    assert "inside" in at.popover[0].html


def test_the_handle_writes_into_the_popover():
    def app(st):
        popover = st.popover("Menu")
        popover.button("Go", key="go")
        st.text("after")

    at = run(app)
    assert [b.key for b in at.popover[0].button] == ["go"]
    assert [t.value for t in at.popover[0].text] == []
    assert at.text[0].value == "after"


def test_the_button_and_its_popover_panel_carry_no_position_ids():
    at = run(lambda st: st.popover("**Open** me", help="More options", icon="⚙"))
    html = at.popover[0].html
    assert re.search(r'<button type="button" class="rx-btn rx-popover-btn"[^>]*>', html)
    assert '<div class="rx-popover-panel" popover>' in html
    # A patch replaces an element whose id changed (ids of containers follow their
    # position), which would close an open popover: its module ties button and panel.
    assert "popovertarget" not in html and ' id="' not in html.partition("<small")[0]
    assert "popover.css" in html and "popover.js" in html  # only pages showing one load them
    assert "<strong>Open</strong> me" in html
    assert 'title="More options"' in html and "⚙" in html


def test_type_disabled_and_width_reach_the_button():
    def app(st):
        st.popover("A", type="primary", disabled=True)
        st.popover("B", use_container_width=True)
        st.popover("C", width=200)

    first, second, third = (p.html for p in run(app).popover)
    assert "rx-btn-primary" in first and " disabled" in first
    assert 'style="width:100%"' in second
    assert "width:200px" in third


def test_the_label_is_escaped():
    html = run(lambda st: st.popover("<b>x</b>")).popover[0].html
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html


def test_a_form_inside_a_popover_submits():
    def app(st):
        with st.popover("Edit"), st.form("f"):
            name = st.text_input("Name")
            st.form_submit_button("Save")
        st.text(f"name={name}")

    at = run(app)
    at.text_input[0].input("Ann")
    at.button[0].click().run()
    assert at.text[-1].value == "name=Ann"


@pytest.mark.parametrize(("call", "kind", "message"), [
    (lambda st: st.popover(None), "ReactiveAPIError", "The `label` parameter is required."),
    (lambda st: st.popover("x", type="big"), "ReactiveValueError",
     "Invalid `type` value. Supported values: 'primary', 'secondary', 'tertiary'."),
    (lambda st: st.popover("x", width=0), "ReactiveValueError",
     "Invalid width value: 0. Width must be either a positive integer (pixels), 'stretch', or 'content'."),
    (lambda st: st.popover("x", on_change=None), "ReactiveValueError",
     "Invalid `on_change` value. Supported values: 'rerun', 'ignore', a callback function."),
])
def test_streamlit_errors(call, kind, message):
    at = run(call)
    assert (at.exception[0].type, at.exception[0].message) == (kind, message)


def test_a_popover_tracking_its_open_state_is_refused_clearly():
    at = run(lambda st: st.popover("x", on_change="rerun"))
    assert "not supported" in at.exception[0].message


def test_open_is_none_as_for_a_popover_that_does_not_track_its_state():
    def app(st):
        st.text(repr(st.popover("x").open))

    assert run(app).text[0].value == "None"


def test_a_material_icon_is_drawn_as_a_symbol():
    html = run(lambda st: st.popover("Menu", icon=":material/settings:")).popover[0].html
    assert ":material/settings:" not in html and 'aria-hidden="true"' in html
