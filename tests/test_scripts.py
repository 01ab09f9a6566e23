"""Script files: a Streamlit script ported by changing its import line."""

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

import django_reactive as reactive
from django_reactive import registry
from django_reactive.testing import AppTest

COUNTER = Path(__file__).parent / "scripts" / "counter_app.py"


@pytest.mark.django_db
def test_from_file_runs_the_script_top_to_bottom_each_time():
    at = AppTest.from_file(COUNTER).run()
    assert at.title[0].value == "Counter Example"
    at.button[0].click().run()
    at.button[0].click().run()
    at.button[1].click().run()
    assert at.markdown[0].value == "Count =  `1`"


def test_script_registers_a_view_named_after_the_file():
    view = reactive.script(COUNTER)
    assert view.name == "script.counter_app"
    assert registry.get("script.counter_app") is view


def test_two_script_files_with_the_same_name_conflict_clearly(tmp_path):
    other = tmp_path / "counter_app.py"
    other.write_text("from django_reactive import st\nst.text('x')\n")
    from django.core.checks import run_checks

    first = reactive.script(COUNTER)
    reactive.script(other)
    assert registry.get("script.counter_app") is first
    errors = [m for m in run_checks() if m.id == "django_reactive.E007"]
    assert errors and "Two reactive views are named 'script.counter_app'" in errors[0].msg


def test_a_missing_file_is_reported_when_the_view_is_made(tmp_path):
    with pytest.raises(ImproperlyConfigured, match="does not exist"):
        reactive.script(tmp_path / "nope.py")


@pytest.mark.django_db
def test_an_edited_script_is_recompiled(tmp_path):
    app = tmp_path / "app.py"
    app.write_text("from django_reactive import st\nst.text('one')\n")
    at = AppTest.from_file(app).run()
    assert at.text[0].value == "one"
    app.write_text("from django_reactive import st\nst.text('two')\n")
    import os

    os.utime(app, (app.stat().st_atime, app.stat().st_mtime + 5))
    assert at.run().text[0].value == "two"
