"""st.expander as Streamlit 1.67 has it: open state kept by the browser by default, widget state
with on_change ("rerun" or a callback), its parameters, errors and HTML."""

import pytest

from django_reactive.errors import InvalidFormCallbackError, ReactiveAPIError, ReactiveValueError
from django_reactive.runtime import EventError
from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db


def run(fn):
    return AppTest.from_function(fn).run()


def test_a_plain_expander_is_open_only_in_the_browser():
    """on_change="ignore": .open is None, the key puts nothing in session state, no widget id on the page."""
    def app(st):
        box = st.expander("More", key="more")
        box.write("inside")
        st.text(f"open={box.open} in_state={'more' in st.session_state}")

    at = run(app)
    assert at.text[0].value == "open=None in_state=False"
    assert at.expander[0].markdown[0].value == "inside"
    markup = at.expander[0].html
    assert markup.startswith('<details class="rx rx-expander"') and "data-reactive-widget" not in markup


def test_on_change_rerun_makes_open_widget_state_that_the_view_reads():
    """Opening it sends True; the view sees .open and session_state[key], and can skip closed work."""
    def app(st):
        summary = st.expander("Summary", on_change="rerun", key="summary")
        if summary.open:
            summary.write("expensive summary")
        st.text(f"open={summary.open} state={st.session_state.summary}")

    at = run(app)
    assert at.text[0].value == "open=False state=False"
    assert at.expander[0].value is False and not at.expander[0].markdown
    at.expander[0].set_value(True).run()
    assert at.text[0].value == "open=True state=True"
    assert at.expander[0].markdown[0].value == "expensive summary"
    assert at.expander[0].html.split("<summary>")[0].endswith(" open>")
    at.expander[0].set_value(False).run()
    assert at.text[0].value == "open=False state=False"


def test_the_tracked_expander_carries_its_widget_id_and_state_for_the_client():
    def app(st):
        st.expander("Details", expanded=True, on_change="rerun")

    at = run(app)
    markup = at.expander[0].html
    wid = at.expander[0].id
    assert f'data-reactive-widget="{wid}"' in markup and 'data-reactive-kind="expander"' in markup
    assert 'data-reactive-open="true"' in markup and markup.split("<summary>")[0].endswith(" open>")


def test_a_callback_runs_when_it_is_toggled_and_reads_the_new_state():
    def app(st):
        def changed(word):
            st.session_state.log = f"{word}: {st.session_state.box}"

        st.expander("Box", key="box", on_change=changed, args=("toggled",))
        st.text(st.session_state.get("log", "nothing"))

    at = run(app)
    assert at.text[0].value == "nothing"
    at.expander[0].set_value(True).run()
    assert at.text[0].value == "toggled: True"
    at.run()
    assert at.text[0].value == "toggled: True"  # no toggle, no callback
    at.expander[0].set_value(False).run()
    assert at.text[0].value == "toggled: False"


def test_session_state_opens_a_tracked_expander_from_a_button():
    """Streamlit's example: a button's callback flips st.session_state[key]; the page shows it open."""
    def app(st):
        def flip():
            st.session_state.summary = not st.session_state.summary

        st.expander("Open expander", key="summary", on_change="rerun").write("body")
        st.button("Toggle expander", on_click=flip)

    at = run(app)
    assert at.expander[0].value is False
    at.button[0].click().run()
    assert at.expander[0].value is True
    assert 'data-reactive-open="true"' in at.expander[0].html


def test_the_expanded_default_is_the_first_state():
    at = run(lambda st: st.text(str(st.expander("E", expanded=True, on_change="rerun").open)))
    assert at.text[0].value == "True"


def test_type_icon_and_width_are_shown():
    def app(st):
        st.expander("Thoughts", type="compact", icon="🧠", width=300)
        st.expander("Step 1", type="step")

    at = run(app)
    first, second = at.expander[0].html, at.expander[1].html
    assert "rx-expander-compact" in first and 'style="width:300px;max-width:100%;border:0"' in first
    assert "🧠" in first and "rx-expander-step" in second
    assert at.expander[0].type == "expander" and at.expander[0].icon == "🧠"


@pytest.mark.parametrize(("kwargs", "error", "message"), [
    ({"on_change": "bogus"}, ReactiveValueError,
     "Invalid `on_change` value. Supported values: 'rerun', 'ignore', a callback function."),
    ({"on_change": None}, ReactiveValueError,
     "Invalid `on_change` value. Supported values: 'rerun', 'ignore', a callback function."),
    ({"type": "big"}, ReactiveValueError,
     "Invalid `type` value. Supported values: 'default', 'compact', 'step'."),
    ({"bind": "url"}, ReactiveValueError, "Invalid `bind` value. Supported values: 'query-params', None."),
    ({"width": "content"}, ReactiveValueError,
     "Invalid width value: 'content'. Width must be either a positive integer (pixels) or 'stretch'."),
    ({"bind": "query-params", "key": "k"}, ReactiveAPIError, "bind='query-params') is not supported"),
])
def test_invalid_arguments_raise_streamlits_errors(kwargs, error, message):
    at = run(lambda st: st.expander("L", **kwargs))
    assert at.run_status == "failed"
    assert isinstance(at.exception[0].element.exception, error)
    assert message in at.exception[0].value


def test_a_label_is_required():
    at = run(lambda st: st.expander(None))
    assert at.exception[0].value == "The `label` parameter is required."


def test_a_callback_inside_a_form_is_refused_but_rerun_is_allowed():
    def with_callback(st):
        with st.form("f"):
            st.expander("In form", on_change=lambda: None)
            st.form_submit_button()

    at = run(with_callback)
    assert isinstance(at.exception[0].element.exception, InvalidFormCallbackError)

    def with_rerun(st):
        with st.form("f"):
            st.text(str(st.expander("In form", on_change="rerun").open))
            st.form_submit_button()

    assert run(with_rerun).text[0].value == "False"


def test_a_tracked_expander_in_the_sidebar_holds_widgets_of_the_sidebar():
    """The same checkbox inside a sidebar expander and in the main area are two widgets."""
    def app(st):
        with st.sidebar.expander("Options", on_change="rerun"):
            st.checkbox("Flag")
        st.checkbox("Flag")

    at = run(app)
    assert at.exception == [] and len(at.checkbox) == 2
    assert at.checkbox[0].id != at.checkbox[1].id


def test_a_value_from_the_browser_that_is_not_a_boolean_is_refused():
    at = run(lambda st: st.expander("E", on_change="rerun"))
    with pytest.raises(EventError, match="Expected a boolean"):
        at.expander[0].set_value("yes").run()
