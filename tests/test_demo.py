"""The demo views, through AppTest."""

import pytest

from demo_project.demo import views
from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db


def test_counter_demo():
    at = AppTest.from_view(views.counter).run()
    assert at.title[0].value == "Counter Example"
    assert [b.label for b in at.button] == ["Increment", "Decrement"]
    at.button[0].click().run()
    at.button[0].click().run()
    at.button[1].click().run()
    assert at.markdown[0].value == "Count =  `1`"


def test_mirrored_demo():
    at = AppTest.from_view(views.mirrored).run()
    at.text_input(key="first").input("hello").run()
    assert at.text_input(key="second").value == "hello"
    at.text_input(key="second").input("world").run()
    assert at.text_input(key="first").value == "world"
