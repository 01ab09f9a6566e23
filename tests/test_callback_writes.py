"""A callback writing into a container of the previous run (a handle passed in ``args``)."""

import pytest

from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db


def test_a_callback_writes_into_the_container_it_was_given_at_its_top():
    def app(st):
        box = st.container()
        box.markdown("run")
        st.button("go", on_click=lambda c: (c.info("Hi!"), c.markdown("from callback")), args=[box])
        st.text("after")

    at = AppTest.from_function(app).run()
    at.button[0].click().run()
    box = at.main.children[0]
    assert [type(e.element).__name__ for e in box.children] == ["Info", "Markdown", "Markdown"]
    assert at.markdown.values == ["from callback", "run"] and at.info[0].value == "Hi!"
    at.run()  # the next run without a click: the callback's output is gone
    assert at.markdown.values == ["run"] and not at.info


def test_a_callback_writes_into_a_column_and_a_with_block_of_the_previous_run():
    def app(st):
        left, right = st.columns(2)
        right.text("right")

        def note(col):
            with col:
                st.caption("noted")

        st.button("go", on_click=note, args=[right])

    at = AppTest.from_function(app).run()
    at.button[0].click().run()
    assert at.columns[1].caption[0].value == "noted" and not at.columns[0].caption
    assert [type(e.element).__name__ for e in at.columns[1].children] == ["Caption", "Text"]


def test_a_placeholder_written_by_a_callback_is_replaced_by_the_run_as_in_streamlit():
    def app(st):
        slot = st.empty()
        st.button("go", on_click=lambda: slot.text("from callback"))

    at = AppTest.from_function(app).run()
    at.button[0].click().run()
    assert not at.text
