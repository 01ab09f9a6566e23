"""The state path: live session_state objects between events, and what the session keeps.

CONFORMANCE §2 (and "Where we differ: Stored values"): the next run and the
previous run's callbacks see the same objects, in-place mutations persist
(also of objects a closure captured); codec values persist across pages;
other values live with the open page only and are named in a warning.
"""

import logging
import threading

import numpy as np
import pytest
from django.contrib.auth.models import User
from django.test import override_settings

from django_reactive.app_session import AppSession
from django_reactive.registry import ReactiveView
from django_reactive.runtime import Event
from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db


def another_page(at: AppTest, tab: str = "other") -> AppSession:
    """A second page (tab) of the same session showing the same view, loaded now."""
    app = AppSession(at.view, at.app.session_key, tab)
    app.run_page()
    return app


def button(app: AppSession, label: str) -> str:
    return next(wid for wid, w in app.runner.widgets.items() if w.label == label)


def texts(app: AppSession) -> list[str]:
    return [e.value for e in app.last_result.main.children if e.command == "text"]


# -- §2: the same objects from run to run ------------------------------------------------------


def todo_app(st):
    todos = st.session_state.setdefault("todos", [])

    def add():
        todos.append(st.session_state.new)  # the list captured by the previous run

    st.text_input("New", key="new", on_change=add)
    st.text(f"{len(todos)} todos: {', '.join(todos)}")


def test_a_callback_appending_to_a_list_it_captured_keeps_the_item():
    at = AppTest.from_function(todo_app).run()
    at.text_input(key="new").input("milk").run()
    at.text_input(key="new").input("eggs").run()
    assert at.text[0].value == "2 todos: milk, eggs"
    # ... and it is saved: a reload of the page shows them.
    assert texts(another_page(at)) == ["2 todos: milk, eggs"]


SEEN = []


def identity_app(st):
    lst = st.session_state.setdefault("lst", [])
    box = st.session_state.setdefault("box", {"n": 0})
    SEEN.append((id(lst), id(box)))
    if st.button("Mutate"):
        lst.append(1)
        box["n"] += 1
    st.text(f"{len(lst)} {box['n']}")


def test_session_state_holds_the_same_objects_from_event_to_event():
    SEEN.clear()
    at = AppTest.from_function(identity_app).run()
    for _ in range(3):
        at.button[0].click().run()
    assert at.text[0].value == "3 3"
    assert len(set(SEEN)) == 1, "every run saw the same list and dict"


def board_app(st):
    board = st.session_state.setdefault("board", np.zeros((3, 3), dtype=int))

    def play(row, col):
        board[row, col] = 1  # in place, on the array the previous run created

    for row in range(3):
        for col in range(3):
            st.button(f"{row},{col}", on_click=play, args=(row, col))
    st.text(f"played {int(board.sum())}")


def test_a_numpy_board_mutated_in_place_by_callbacks_persists():
    """Streamlit's Tic Tac Toe keeps its board as a numpy array in session_state."""
    at = AppTest.from_function(board_app).run()
    at.button[0].click().run()
    at.button[4].click().run()
    assert at.text[0].value == "played 2"
    reloaded = another_page(at)
    assert texts(reloaded) == ["played 2"]
    board = reloaded.runner.session_state["board"]
    assert isinstance(board, np.ndarray) and board.dtype == int and board[1, 1] == 1


# -- values outside the codec ----------------------------------------------------------------


def unstorable_app(st):
    st.session_state.setdefault("lock", threading.Lock())
    st.session_state.setdefault("runs", 0)
    st.session_state.runs += 1
    st.button("Again")
    st.text(f"runs={st.session_state.runs} lock={type(st.session_state.lock).__name__}")


def test_a_value_outside_the_codec_lives_with_the_page_and_is_named_once(caplog):
    caplog.set_level(logging.WARNING, logger="django_reactive")
    at = AppTest.from_function(unstorable_app).run()
    lock = at.session_state["lock"]
    at.button[0].click().run()
    at.button[0].click().run()
    assert at.session_state["lock"] is lock
    assert at.text[0].value == "runs=3 lock=lock"
    warnings = [r.getMessage() for r in caplog.records if "'lock'" in r.getMessage()]
    assert len(warnings) == 1 and "lives with this page only" in warnings[0]
    # A reload of the page has the stored values only.
    other = another_page(at)
    assert "lock" not in other.runner.session_state or other.runner.session_state["lock"] is not lock
    assert texts(other)[0].startswith("runs=4")


@override_settings(DEBUG=True)
def test_with_debug_the_page_says_which_values_it_cannot_store():
    at = AppTest.from_function(unstorable_app).run()
    assert any("`lock`" in w.value and "kept with this page only" in w.value for w in at.warning)
    at.button[0].click().run()
    assert not at.warning, "named once"


def test_a_value_kept_with_the_page_survives_another_tabs_write():
    at = AppTest.from_function(unstorable_app).run()
    lock = at.session_state["lock"]
    other = another_page(at)
    other.handle_event(Event({}, button(other, "Again")))
    at.button[0].click().run()  # the snapshot changed: decoded again, the lock carried over
    assert at.session_state["lock"] is lock
    assert at.text[0].value.startswith("runs=4")


# -- model instances by reference ---------------------------------------------------------------


def model_app(st):
    if "user" not in st.session_state:
        st.session_state.user = User.objects.get(username="ann")
    st.text(st.session_state.user.first_name)


def test_a_model_instance_is_stored_by_reference_and_fetched_again():
    user = User.objects.create(username="ann", first_name="Ann")
    at = AppTest.from_function(model_app).run()
    assert at.text[0].value == "Ann"
    User.objects.filter(pk=user.pk).update(first_name="Anna")
    assert texts(another_page(at)) == ["Anna"]


# -- tabs and workers ---------------------------------------------------------------------------


def counter_app(st):
    st.session_state.setdefault("count", 0)
    if st.button("Increment"):
        st.session_state.count += 1
    st.text(f"Count = {st.session_state.count}")


def test_another_tabs_write_is_seen_by_the_next_event():
    at = AppTest.from_function(counter_app).run()
    other = another_page(at)
    for _ in range(2):
        other.handle_event(Event({}, button(other, "Increment")))
    at.button[0].click().run()
    assert at.text[0].value == "Count = 3"


def test_a_replay_on_another_worker_does_not_count_as_a_run():
    """A process without the page's callbacks re-runs the view first; that run changes nothing."""
    at = AppTest.from_function(unstorable_app).run()
    fresh = AppSession(at.view, at.app.session_key, "apptest")  # another worker, same page
    fresh.handle_event(Event({}, at.button[0].id))
    assert texts(fresh)[0].startswith("runs=2")


# -- control flow a view cannot swallow -----------------------------------------------------------


def swallowing_app(st):
    try:
        st.stop()
    except Exception:  # noqa: BLE001 - what a user might write
        st.text("swallowed stop")
    st.text("after")


def test_st_stop_is_not_caught_by_except_exception():
    at = AppTest.from_function(swallowing_app).run()
    assert at.text.values == []


def rerun_swallowing_app(st):
    st.session_state.setdefault("n", 0)
    st.session_state.n += 1
    if st.session_state.n < 3:
        try:
            st.rerun()
        except Exception:  # noqa: BLE001 - what a user might write
            st.text("swallowed rerun")
    st.text(f"n={st.session_state.n}")


def test_st_rerun_is_not_caught_by_except_exception():
    at = AppTest.from_function(rerun_swallowing_app).run()
    assert at.text.values == ["n=3"]


def test_a_site_registered_type_persists():
    import django_reactive as reactive

    class Point:
        def __init__(self, x, y):
            self.x, self.y = x, y

    reactive.register_state_type(Point, name="tests.point", encode=lambda p: [p.x, p.y],
                                 decode=lambda v: Point(*v))

    def app(st):
        point = st.session_state.setdefault("p", Point(1, 2))
        if st.button("Move"):
            point.x += 1
        st.text(f"{point.x},{point.y}")

    at = AppTest.from_function(app).run()
    at.button[0].click().run()
    assert texts(another_page(at)) == ["2,2"]


def test_a_view_without_a_working_copy_starts_from_the_stored_state():
    view = ReactiveView(counter_app, name="tests.state_path_counter")
    at = AppTest.from_view(view).run()
    at.button[0].click().run()
    assert at.session_state["count"] == 1
    at.session_state["count"] = 10  # written through the same path as an event
    at.button[0].click().run()
    assert at.text[0].value == "Count = 11"
