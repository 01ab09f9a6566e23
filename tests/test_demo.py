"""The demo views, through AppTest."""

import datetime

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


def test_widget_gallery_demo():
    at = AppTest.from_view(views.widgets).run()
    assert not at.exception
    assert at.markdown.values[:2] == ["Dark mode: `False`", "Size: Medium"]
    at.radio[0].set_value("Large").run()
    at.multiselect[0].set_value(["Ham", "Olives"]).run()
    at.date_input[0].set_value(datetime.date(2025, 7, 14)).run()
    at.color_picker[0].set_value("#ff0000").run()
    shown = at.markdown.values
    assert "Size: Large" in shown
    assert "Toppings: Ham, Olives" in shown
    assert "Delivery date: `2025-07-14`" in shown
    assert "Box color: #ff0000" in shown
