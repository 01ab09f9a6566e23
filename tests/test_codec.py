"""The value codec: what session state can persist, and that it round-trips through the session."""

import collections
import dataclasses
import datetime as dt
import enum
import json
import logging
import uuid
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest
from django.contrib.auth.models import User
from pandas.testing import assert_frame_equal, assert_series_equal

from demo_project.demo.models import Shape
from django_reactive.errors import UnserializableSessionStateError
from django_reactive.state import codec
from django_reactive.testing import AppTest


@dataclasses.dataclass
class Point:
    x: int
    y: int = 0
    tags: list = dataclasses.field(default_factory=list)


@dataclasses.dataclass(frozen=True, slots=True)
class Span:
    start: dt.date
    end: dt.date
    length: int = dataclasses.field(init=False, default=0)


class Color(enum.Enum):
    RED = "r"
    BLUE = (0, 0, 255)


class Level(enum.IntEnum):
    LOW = 1
    HIGH = 2


class Mode(enum.StrEnum):
    EDIT = "edit"


class Perm(enum.Flag):
    READ = 1
    WRITE = 2


class Money:
    """A registered type: not a dataclass, so it persists only through register_type."""

    def __init__(self, amount, currency):
        self.amount, self.currency = amount, currency

    def __eq__(self, other):
        return type(other) is type(self) and (self.amount, self.currency) == (other.amount, other.currency)


class Euros(Money):
    pass


def round_trip(value):
    return codec.decode(json.loads(json.dumps(codec.encode(value))))


@pytest.fixture
def registry():
    """register_type() calls made by a test are undone after it."""
    before = dict(codec._registered)
    yield
    codec._registered.clear()
    codec._registered.update(before)
    codec._registered_for_type.clear()


VALUES = [
    1, 1.5, "text", None, True, [1, [2]], {"a": {"b": 1}},
    (1, 2), {1, 2}, frozenset({"x"}), {1: "int key"}, {"$t": "looks like a tag", "v": 1},
    dt.date(2024, 5, 1), dt.time(8, 45), dt.datetime(2025, 2, 3, 14, 30, tzinfo=dt.UTC),
    dt.timedelta(days=1, seconds=5), Decimal("1.10"), uuid.UUID(int=7), b"\x00bytes",
    float("inf"), [(1, dt.date(2020, 1, 1))],
    np.int64(3), np.float64(1.5), np.bool_(True), np.float32(0.1), np.str_("hi"), np.datetime64("2020-01-01"),
    Point(1, 2, ["a", (1, 2)]), Span(dt.date(2020, 1, 1), dt.date(2020, 2, 1)),
    Color.RED, Color.BLUE, Level.HIGH, Mode.EDIT, Perm.READ | Perm.WRITE, Perm(0),
    {Color.RED: Point(1)}, (Level.LOW, [Point(2, tags=[Color.BLUE])]),
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_round_trip_through_json(value):
    decoded = round_trip(value)
    assert decoded == value
    assert type(decoded) is type(value)


def test_old_tagged_data_still_decodes():
    stored = [
        {"$t": "tuple", "v": [1, {"$t": "date", "v": "2020-01-01"}]},
        {"$t": "dict", "v": [[1, "a"]]},
        {"$t": "float", "v": "nan"},
        {"$t": "bytes", "v": "AGI="},
        {"$t": "timedelta", "v": [1, 2, 3]},
    ]
    tup, d, nan, raw, delta = codec.decode(stored)
    assert tup == (1, dt.date(2020, 1, 1)) and d == {1: "a"} and nan != nan and raw == b"\x00b"
    assert delta == dt.timedelta(1, 2, 3)


def test_plain_json_is_left_as_is():
    value = {"a": [1, 2.5, "x", None, True, {"b": []}]}
    assert codec.encode(value) == value
    assert codec.decode(value) == value


def test_subclasses_of_builtin_types_keep_their_base_type():
    class Name(str):
        def __str__(self):
            return "overridden"

    decoded = round_trip([Name("ann"), collections.OrderedDict(a=1), collections.namedtuple("P", "x")(1)])
    assert decoded == ["ann", {"a": 1}, (1,)]
    assert [type(v) for v in decoded] == [str, dict, tuple]


# -- numpy --------------------------------------------------------------------------------------

ARRAYS = [
    np.arange(6, dtype=np.int32).reshape(2, 3), np.array([1.5, np.nan, -np.inf]), np.array([True, False]),
    np.array(["ab", "c"]), np.zeros((0, 3)), np.array(["2020-01-01", "NaT"], dtype="M8[ns]"),
    np.asfortranarray(np.arange(6, dtype=np.uint8).reshape(2, 3)), np.array([1 + 2j]), np.array(7),
]


@pytest.mark.parametrize("array", ARRAYS, ids=lambda a: f"{a.dtype}{a.shape}")
def test_numpy_arrays_keep_dtype_shape_and_values(array):
    decoded = round_trip({"nested": [(array,)]})["nested"][0][0]
    assert type(decoded) is np.ndarray
    assert decoded.dtype == array.dtype and decoded.shape == array.shape
    np.testing.assert_array_equal(decoded, array)
    decoded[...] = array  # writable, not a view of the decoded buffer


# -- pandas -------------------------------------------------------------------------------------


def test_dataframe_round_trip_keeps_columns_index_and_dtypes():
    frame = pd.DataFrame(
        {
            "int": [1, 2, 3],
            "float": [1.5, np.nan, 3.0],
            "bool": [True, False, True],
            "str": ["a", None, "c"],
            "object": pd.Series(["x", 1, dt.date(2020, 1, 1)], dtype=object),
            "when": pd.to_datetime(["2020-01-01", None, "2021-05-05"]).astype("datetime64[ns]"),
            "category": pd.Categorical(["a", "b", "a"], categories=["b", "a"], ordered=True),
            "nullable": pd.array([1, None, 3], dtype="Int64"),
            "aware": pd.to_datetime(["2020-01-01", None, "2021-05-05"]).tz_localize("Europe/Paris"),
            "delta": pd.to_timedelta([1, 2, None], unit="s"),
            3: ["int", "column", "label"],
        },
        index=pd.Index(["x", "y", "z"], name="key"),
    )
    decoded = round_trip([frame])[0]
    assert_frame_equal(decoded, frame)
    assert list(decoded.dtypes) == list(frame.dtypes)


@pytest.mark.parametrize(
    "frame",
    [
        pd.DataFrame(
            [[1, 2], [3, 4]],
            columns=pd.MultiIndex.from_tuples([("a", 1), ("a", 2)], names=["l", "n"]),
            index=pd.date_range("2020-01-01", periods=2, freq="D", name="day"),
        ),
        pd.DataFrame([[1, 2.5]], columns=["same", "same"], index=[7]),
        pd.DataFrame(index=[1, 2]),
        pd.DataFrame(),
        pd.DataFrame({"empty": []}),
        pd.DataFrame({"v": [1]}, index=pd.CategoricalIndex(["q"])),
    ],
    ids=["multiindex-and-freq", "duplicate-columns", "no-columns", "empty", "no-rows", "category-index"],
)
def test_dataframe_shapes_round_trip(frame):
    assert_frame_equal(round_trip(frame), frame)


def test_series_round_trip():
    series = pd.Series([1.0, None], name=("a", 1), index=pd.MultiIndex.from_arrays([[1, 2], ["a", "b"]]))
    assert_series_equal(round_trip({"s": series})["s"], series)
    objects = pd.Series([pd.NaT, pd.NA, None], dtype=object)
    assert_series_equal(round_trip(objects), objects)


# -- Django models ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_model_instances_are_stored_by_reference_and_fetched_again():
    shape = Shape.objects.create(image="a.png", label="circle")
    encoded = codec.encode({"shape": shape})
    assert encoded == {"shape": {"$t": "model", "v": ["demo.Shape", shape.pk]}}
    Shape.objects.filter(pk=shape.pk).update(label="square")
    decoded = codec.decode(json.loads(json.dumps(encoded)))["shape"]
    assert type(decoded) is Shape and decoded.pk == shape.pk and decoded.label == "square"
    user = User.objects.create(username="ann")
    assert round_trip([(user,)]) == [(user,)]


def test_model_primary_key_goes_through_the_codec():
    key = uuid.UUID(int=5)
    assert codec.encode(User(pk=key))["v"] == ["auth.User", {"$t": "uuid", "v": str(key)}]


@pytest.mark.django_db
def test_deleted_model_instance_decodes_to_none_with_a_warning(caplog):
    shape = Shape.objects.create(image="a.png")
    encoded = codec.encode([shape, 1])
    shape.delete()
    with caplog.at_level(logging.WARNING, logger="django_reactive"):
        assert codec.decode(encoded) == [None, 1]
    assert "deleted" in caplog.text


# -- what does not persist ----------------------------------------------------------------------


def _local_dataclass():
    @dataclasses.dataclass
    class Local:
        x: int

    return Local(1)


def _unpersistable():
    thing = object()
    return [
        (lambda: 1, "function"),
        (thing, "object"),
        ([1, {"k": (2, thing)}], "object"),
        (_local_dataclass(), "Local"),
        (Point(1, tags=[thing]), "object"),
        (np.array([1, "a"], dtype=object), "ndarray"),
        (pd.DataFrame({"p": pd.period_range("2020", periods=1, freq="Y")}), "Period"),
        (Shape(image="unsaved.png"), "Shape"),
    ]


@pytest.mark.parametrize("value,type_name", _unpersistable(), ids=lambda v: type(v).__name__)
def test_unpersistable_values_name_the_innermost_offender(value, type_name):
    with pytest.raises(codec.Unpersistable, match=type_name) as caught:
        codec.encode(value)
    assert isinstance(caught.value, TypeError)
    assert type_name in type(caught.value.value).__name__
    assert not codec.persistable(value)
    with pytest.raises(UnserializableSessionStateError, match="'thing'.*type"):
        codec.check("thing", value)


def test_persistable_and_check_accept_persistable_values():
    value = [Point(1), np.arange(3), Color.RED, {1: dt.date.today()}]
    assert codec.persistable(value)
    codec.check("thing", value)


def test_decoding_refuses_class_paths_that_are_not_dataclasses_or_enums(caplog):
    with caplog.at_level(logging.WARNING, logger="django_reactive"):
        assert codec.decode({"$t": "dataclass", "v": ["subprocess:Popen", {"args": "ls"}]}) is None
        assert codec.decode({"$t": "enum", "v": ["tests.test_codec:Money", "x"]}) is None
        assert codec.decode({"$t": "dataclass", "v": ["tests.test_codec:gone", {}]}) is None
        assert codec.decode({"$t": "enum", "v": ["tests.test_codec:Color", "GREEN"]}) is None
        assert codec.decode({"$t": "model", "v": ["nope.Nothing", 1]}) is None
    assert caplog.text.count("could not be restored") == 5
    with pytest.raises(ValueError):
        codec.decode({"$t": "ndarray", "v": ["|O", [1], ""]})


def test_dataclass_gains_defaults_for_fields_it_did_not_have_when_stored():
    decoded = codec.decode({"$t": "dataclass", "v": ["tests.test_codec:Point", {"x": 4}]})
    assert decoded == Point(4, 0, [])


# -- registered types ---------------------------------------------------------------------------


def test_registered_types_round_trip_including_subclasses(registry):
    codec.register_type(
        Money, name="money", encode=lambda m: (m.amount, m.currency), decode=lambda v: Money(*v)
    )
    value = {"price": Money(Decimal("9.99"), "EUR"), "list": [Money(1, "USD")]}
    encoded = codec.encode(value)
    price = {"$t": "tuple", "v": [{"$t": "decimal", "v": "9.99"}, "EUR"]}
    assert encoded["price"] == {"$t": "money", "v": price}
    assert round_trip(value) == value
    assert round_trip(Euros(2, "EUR")) == Money(2, "EUR")  # the registered class decides how it decodes
    assert codec.persistable(Euros(2, "EUR"))


def test_the_most_specific_registered_class_wins(registry):
    codec.register_type(Money, name="money", encode=lambda m: m.amount, decode=lambda v: Money(v, "?"))
    codec.register_type(Euros, name="euros", encode=lambda m: m.amount, decode=lambda v: Euros(v, "EUR"))
    assert round_trip([Money(1, "X"), Euros(2, "EUR")]) == [Money(1, "?"), Euros(2, "EUR")]


def test_register_type_refuses_clashing_names(registry):
    for name in ["tuple", "model", "dataclass", "ndarray"]:
        with pytest.raises(ValueError, match="built-in"):
            codec.register_type(Money, name=name, encode=repr, decode=str)
    codec.register_type(Money, name="money", encode=repr, decode=str)
    codec.register_type(Money, name="money", encode=repr, decode=str)  # again, e.g. an autoreload
    with pytest.raises(ValueError, match="already registered"):
        codec.register_type(Euros, name="money", encode=repr, decode=str)
    with pytest.raises(ValueError):
        codec.register_type(dict, name="mapping", encode=repr, decode=str)


def test_unknown_tag_decodes_to_none_with_a_warning(caplog):
    with caplog.at_level(logging.WARNING, logger="django_reactive"):
        assert codec.decode({"$t": "unregistered-since", "v": 1}) is None
    assert "unregistered-since" in caplog.text


# -- through a view -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_stored_types_survive_between_runs():
    def app(st):
        st.session_state.setdefault("when", dt.date(2024, 5, 1))
        st.session_state.setdefault("tags", {"a", "b"})
        st.session_state.setdefault("point", Point(1, 2))
        st.text(f"{type(st.session_state.when).__name__} {sorted(st.session_state.tags)} "
                f"{st.session_state.point}")

    at = AppTest.from_function(app).run().run()
    assert at.text[0].value == "date ['a', 'b'] Point(x=1, y=2, tags=[])"
