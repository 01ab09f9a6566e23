"""``with st.echo():`` shows the block's code (Streamlit 1.67: above its output by default)."""

import pytest

from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db


def test_echo_shows_the_blocks_code_above_its_output():
    at = AppTest.from_string("""
        from django_reactive import st

        st.text("before")
        with st.echo():
            greeting = "Hello"
            st.write(greeting)
        st.text("after")
        """).run()
    assert at.code[0].value == 'greeting = "Hello"\nst.write(greeting)'
    assert at.code[0].language == "python"
    kinds = [handle.type for handle in at.main]
    assert kinds[kinds.index("code") + 1] == "markdown"  # the code first, then what it showed


def test_echo_below_and_inside_a_function():
    at = AppTest.from_string("""
        from django_reactive import st

        def show():
            with st.echo(code_location="below"):
                st.text("shown")

        show()
        """).run()
    kinds = [handle.type for handle in at.main]
    assert kinds.index("text") < kinds.index("code")
    assert at.code[0].value == 'st.text("shown")'
