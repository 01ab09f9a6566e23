"""AppTest itself: constructors, users, pending changes and session state access."""

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied

from django_reactive.testing import AppTest
from tests import reactive_views

pytestmark = pytest.mark.django_db


def test_from_view_keeps_the_permission():
    with pytest.raises(PermissionDenied):
        AppTest.from_view(reactive_views.staff_only).run()
    boss = User.objects.create_user("boss", is_staff=True)
    assert AppTest.from_view(reactive_views.staff_only, user=boss).run().text[0].value == "secret"


def test_the_view_sees_the_user():
    ann = User.objects.create_user("ann")
    assert AppTest.from_view(reactive_views.members, user=ann).run().text[0].value == "hello ann"


def test_session_state_assigned_before_the_first_run():
    at = AppTest.from_view(reactive_views.counter)
    at.session_state["count"] = 41
    at.run()
    assert at.markdown[0].value == "Count =  `41`"


def test_pending_changes_show_until_the_run_sends_them():
    def app(st):
        st.text_input("Name", key="name")
        st.text(f"committed={st.session_state.name!r}")

    at = AppTest.from_function(app).run()
    widget = at.text_input(key="name").input("Ann")
    assert widget.value == "Ann"
    assert at.text[0].value == "committed=''"
    widget.run()
    assert at.text[0].value == "committed='Ann'"


def test_lookup_by_missing_key_explains_itself():
    at = AppTest.from_function(lambda st: st.text_input("A", key="a")).run()
    with pytest.raises(KeyError, match="No element with key 'b'"):
        at.text_input(key="b")


def test_selecting_a_value_that_is_not_an_option_fails_clearly():
    at = AppTest.from_function(lambda st: st.selectbox("S", ["a", "b"])).run()
    at.selectbox[0].select("z")
    with pytest.raises(ValueError, match="'z' is not one of the options"):
        at.run()


def test_a_value_outside_the_widget_range_is_refused_as_the_browser_would_be():
    from django_reactive.runtime import EventError

    at = AppTest.from_function(lambda st: st.slider("S", 0, 10)).run()
    at.slider[0].set_value(11)
    with pytest.raises(EventError) as error:
        at.run()
    assert error.value.code == "invalid_value"


# -- Streamlit's AppTest forms ---------------------------------------------------------------


def test_from_string_runs_indented_source_as_a_script():
    at = AppTest.from_string("""
        from django_reactive import st

        st.markdown("**hello**")
        """).run()
    assert at.markdown[0].value == "**hello**" and at.markdown[0].type == "markdown"


def test_from_function_without_parameters_runs_its_body_as_the_script_with_args_and_kwargs():
    def script(greeting="Hi", name="you"):
        from django_reactive import st

        st.text(f"{greeting} {name}")

    assert AppTest.from_function(script, args=("Hello",), kwargs={"name": "Ann"}).run().text[0].value \
        == "Hello Ann"

    def plain():
        from django_reactive import st

        st.text("plain")

    assert AppTest.from_function(plain).run().text[0].value == "plain"


def test_a_run_longer_than_its_timeout_raises():
    at = AppTest.from_string("""
        import time
        from django_reactive import st
        time.sleep(0.3)
        st.text("done")
        """, default_timeout=5)
    with pytest.raises(RuntimeError, match="timed out after 0.1"):
        at.run(timeout=0.1)
    at.run()  # within the default


def test_session_state_by_attribute_and_unknown_lists_raise():
    def script():
        from django_reactive import st

        st.session_state.setdefault("foo", "bar")
        st.text(st.session_state.foo)

    at = AppTest.from_function(script).run()
    at.session_state.foo = "quux"
    assert at.session_state.foo == "quux" and at.run().text[0].value == "quux"
    del at.session_state.foo
    with pytest.raises(AttributeError):
        at.session_state.foo  # noqa: B018
    assert at.chat_input == []  # a Streamlit list this project has no command for: empty
    with pytest.raises(AttributeError, match="no attribute 'no_such_element'"):
        at.no_such_element  # noqa: B018
