"""The value codec: what session state can hold, and that it round-trips through the session."""

import datetime as dt
import json
import uuid
from decimal import Decimal

import pytest

from django_reactive.errors import UnserializableSessionStateError
from django_reactive.state import codec
from django_reactive.testing import AppTest

VALUES = [
    1, 1.5, "text", None, True, [1, [2]], {"a": {"b": 1}},
    (1, 2), {1, 2}, frozenset({"x"}), {1: "int key"}, {"$t": "looks like a tag", "v": 1},
    dt.date(2024, 5, 1), dt.time(8, 45), dt.datetime(2025, 2, 3, 14, 30, tzinfo=dt.UTC),
    dt.timedelta(days=1, seconds=5), Decimal("1.10"), uuid.UUID(int=7), b"\x00bytes",
    float("inf"), [(1, dt.date(2020, 1, 1))],
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_round_trip_through_json(value):
    decoded = codec.decode(json.loads(json.dumps(codec.encode(value))))
    assert decoded == value
    assert type(decoded) is type(value)


@pytest.mark.parametrize("value", [object(), lambda: 1, [1, object()], {"k": {object()}}])
def test_unsupported_values_are_refused_with_the_key_and_type(value):
    with pytest.raises(UnserializableSessionStateError, match="'thing'.*type"):
        codec.check("thing", value)


@pytest.mark.django_db
def test_unsupported_assignment_is_reported_at_the_line_that_assigns():
    class Thing:
        pass

    def app(st):
        st.text("before")
        st.session_state.thing = Thing()
        st.text("after")

    at = AppTest.from_function(app).run()
    assert at.text.values == ["before"]
    assert at.exception[0].type == "UnserializableSessionStateError"
    assert "Thing" in at.exception[0].message


@pytest.mark.django_db
def test_unsupported_value_mutated_in_place_is_reported_and_not_saved():
    def app(st):
        st.session_state.setdefault("items", [])
        if st.button("Add"):
            st.session_state["items"].append(object())

    at = AppTest.from_function(app).run()
    at.button[0].click().run()
    assert "object" in at.exception[0].message
    assert at.session_state["items"] == []


@pytest.mark.django_db
def test_stored_types_survive_between_runs():
    def app(st):
        st.session_state.setdefault("when", dt.date(2024, 5, 1))
        st.session_state.setdefault("tags", {"a", "b"})
        st.text(f"{type(st.session_state.when).__name__} {sorted(st.session_state.tags)}")

    at = AppTest.from_function(app).run().run()
    assert at.text[0].value == "date ['a', 'b']"
