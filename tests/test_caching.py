"""st.cache_data and st.cache_resource, with Streamlit 1.67's semantics."""

import datetime as dt
import threading

import pandas as pd
import pytest

from django_reactive import st as st_proxy
from django_reactive.runtime.caching import UnhashableParamError
from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db

CALLS = []


@pytest.fixture(autouse=True)
def _fresh():
    CALLS.clear()
    st_proxy.cache_data.clear()  # never cache.clear(): the cache may be a shared Redis
    yield


@st_proxy.cache_data  # decorated at import time, outside any run, as in a Streamlit script
def load(n, _connection=None):
    CALLS.append(n)
    return {"rows": list(range(n))}


def test_cache_data_computes_once_per_arguments_and_gives_copies():
    def app(st):
        first = load(3)
        first["rows"].append("mutated")  # a copy: the cache keeps the original
        st.text(str(load(3)["rows"]))
        st.text(str(load(2)["rows"]))

    at = AppTest.from_function(app).run()
    assert at.text.values == ["[0, 1, 2]", "[0, 1]"]
    at.run()
    assert CALLS == [3, 2], "the second run hit the cache for both"


def test_arguments_with_a_leading_underscore_are_not_hashed_and_unhashable_ones_are_refused():
    load(1, _connection=threading.Lock())
    load(1, _connection=object())
    assert CALLS == [1]

    @st_proxy.cache_data
    def by_lock(lock):
        return 1

    with pytest.raises(UnhashableParamError, match="Cannot hash argument 'lock'") as error:
        by_lock(threading.Lock())
    assert "def by_lock(_lock, ...)" in str(error.value)


def test_dataframes_hash_by_value_and_clear_empties_one_function_or_all():
    seen = []

    @st_proxy.cache_data
    def total(frame):
        seen.append(1)
        return int(frame["x"].sum())

    assert total(pd.DataFrame({"x": [1, 2]})) == total(pd.DataFrame({"x": [1, 2]})) == 3
    assert len(seen) == 1
    total.clear()
    total(pd.DataFrame({"x": [1, 2]}))
    assert len(seen) == 2
    st_proxy.cache_data.clear()
    total(pd.DataFrame({"x": [1, 2]}))
    load(5)
    assert len(seen) == 3 and CALLS == [5]


def test_ttl_and_max_entries():
    calls = []

    @st_proxy.cache_data(ttl=dt.timedelta(seconds=0), max_entries=1)
    def now(n):
        calls.append(n)
        return n

    now(1)
    now(1)
    assert calls == [1, 1], "ttl 0: never kept"

    @st_proxy.cache_data(max_entries=1)
    def square(n):
        calls.append(n)
        return n * n

    square(2)
    square(3)
    square(2)  # pushed out by 3
    assert calls[-3:] == [2, 3, 2]


def test_cache_resource_returns_the_same_object_and_can_validate():
    made = []

    @st_proxy.cache_resource(validate=lambda conn: not conn.get("closed"))
    def connect(url):
        made.append(url)
        return {"url": url}

    first = connect("db://a")
    assert connect("db://a") is first and made == ["db://a"]
    first["closed"] = True
    assert connect("db://a") is not first and made == ["db://a", "db://a"]
    connect.clear()
    connect("db://a")
    assert len(made) == 3


def test_a_cached_function_declared_inside_a_run_with_a_spinner_text():
    def app(st):
        @st.cache_data(show_spinner="Loading data...")
        def slow():
            return 1

        st.text(str(slow()))

    at = AppTest.from_function(app).run()
    assert at.text.values == ["1"]
