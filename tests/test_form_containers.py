"""Forms through container handles (Streamlit 1.67): blocks made inside a form belong to it,
also when their handles are used after the ``with`` block, and so do their widgets."""

import pytest

from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db


def columns_after_the_with_block(st):
    with st.form("f"):
        left, right = st.columns(2)
        name = left.text_input("Name")
    submitted = right.form_submit_button("Go")  # after the with block: still the form's
    st.text(f"name={name!r} submitted={submitted}")


def columns_of_a_form_handle(st):
    form = st.form("f")
    left, right = form.columns(2)
    tab, = form.tabs(["Only"])
    name = left.text_input("Name")
    city = tab.text_input("City")
    submitted = right.form_submit_button("Go")
    st.text(f"name={name!r} city={city!r} submitted={submitted}")


@pytest.mark.parametrize("app", [columns_after_the_with_block, columns_of_a_form_handle])
def test_a_submit_button_and_widgets_in_a_forms_columns_belong_to_the_form(app):
    at = AppTest.from_function(app).run()
    assert not at.exception
    at.text_input[0].input("Ann")
    at.run()  # an edit inside a form waits for its submit
    assert "name=''" in at.text[0].value
    at.button[0].click().run()
    assert "name='Ann'" in at.text[0].value and "submitted=True" in at.text[0].value
