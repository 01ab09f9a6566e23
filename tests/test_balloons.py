"""st.balloons and st.snow: a CSS-only celebration, shown once per call.

Each is an element of the run that called it, carrying its stylesheet as an
asset (only pages that show one load it); a later run that leaves it as it was
sends no patch for it, so the animation does not play again.
"""

import pytest

from django_reactive.render import diff
from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db

ASSET = 'data-rx-assets="/static/django_reactive/celebrations.css"'


def test_balloons_and_snow_are_elements_that_return_a_handle():
    def app(st):
        handle = st.balloons()
        st.text(type(handle).__name__)
        st.snow()

    at = AppTest.from_function(app).run()
    assert not at.exception
    assert at.balloons.len == 1 and at.snow.len == 1
    assert at.balloons[0].value is None and at.snow[0].value is None
    assert at.text[0].value == "St"


@pytest.mark.parametrize(("command", "shapes"), [("balloons", 20), ("snow", 50)])
def test_the_celebration_carries_its_stylesheet_and_is_hidden_from_screen_readers(command, shapes):
    at = AppTest.from_function(lambda st: getattr(st, command)()).run()
    html = at.get(command)[0].html
    assert f'<div class="rx rx-{command}" data-reactive-id="m.0" {ASSET}>' in html
    assert f'<div class="rx-celebration rx-celebration-{command}" aria-hidden="true">' in html
    assert html.count("<span style=") == shapes
    assert "/static/django_reactive/celebrations.css" in at.page_html


def test_a_page_without_a_celebration_does_not_load_its_stylesheet():
    at = AppTest.from_function(lambda st: st.text("hi")).run()
    assert "celebrations.css" not in at.page_html


def test_a_celebration_is_sent_with_the_run_that_made_it_and_not_again():
    def app(st):
        st.balloons()  # on every run
        if st.button("Celebrate", key="go"):
            st.snow()
        st.text_input("Name", key="name")

    at = AppTest.from_function(app).run()
    balloons = at.balloons[0].html
    before = at.app.rendered
    at.button(key="go").click().run()
    patch = diff(before, at.app.rendered)
    assert any("rx-celebration-snow" in html for html in patch.values())
    # The balloons are not sent on their own; the container that gained the snow is sent whole,
    # with the balloons' markup unchanged, so the page keeps their element (morphed in place).
    assert "m.0" not in patch and at.balloons[0].html == balloons and balloons in patch["m"]

    at.text_input(key="name").input("Ada").run()  # the next run has no snow
    assert at.snow.len == 0 and at.balloons.len == 1
    before = at.app.rendered
    at.text_input(key="name").input("Ada Lovelace").run()
    patch = diff(before, at.app.rendered)
    assert patch and not any("rx-celebration" in html for html in patch.values())
