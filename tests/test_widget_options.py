"""Options of selectbox, radio, multiselect and select_slider in every form Streamlit 1.67 takes.

Streamlit reads them with ``convert_anything_to_list``: a DataFrame (or a 2-D
array) gives its first column's values, a Series, Index or 1-D array its
values, a mapping its keys, an Enum class its members, a scalar one option.
"""

import enum

import numpy as np
import pandas as pd
import pytest

from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db


class Color(enum.Enum):
    RED = 1
    BLUE = 2


class Size(enum.StrEnum):
    S = "s"
    M = "m"


FORMS = [
    (pd.DataFrame({"first": ["a", "b"], "second": ["x", "y"]}), ["a", "b"]),
    (pd.Series(["a", "b"]), ["a", "b"]),
    (pd.Index(["a", "b"]), ["a", "b"]),
    (np.array([10, 20]), [10, 20]),
    (np.array([[10, 1], [20, 2]]), [10, 20]),
    ({"a": 1, "b": 2}, ["a", "b"]),
    (Color, [Color.RED, Color.BLUE]),
    (Size, ["s", "m"]),
    (range(2), [0, 1]),
    ("abc", ["abc"]),
]


@pytest.mark.parametrize(("options", "expected"), FORMS)
def test_selectbox_radio_and_select_slider_take_the_values_streamlit_takes(options, expected):
    def app(st):
        st.session_state.picked = [
            st.selectbox("Box", options, key="box"),
            st.radio("Radio", options, key="radio"),
            st.select_slider("Slide", options, key="slide"),
        ]

    at = AppTest.from_function(app).run()
    assert not at.exception
    assert at.session_state["picked"] == [expected[0]] * 3
    at.selectbox(key="box").select(expected[-1])
    at.radio(key="radio").set_value(expected[-1])
    at.select_slider(key="slide").set_value(expected[-1])
    at.run()
    assert not at.exception
    assert at.session_state["picked"] == [expected[-1]] * 3


@pytest.mark.parametrize(("options", "expected"), FORMS)
def test_multiselect_takes_the_values_streamlit_takes(options, expected):
    def app(st):
        st.session_state.picked = st.multiselect("Many", options, key="many")

    at = AppTest.from_function(app).run()
    at.multiselect(key="many").set_value(list(expected)).run()
    assert not at.exception
    assert at.session_state["picked"] == expected


def test_numpy_values_come_back_as_python_values():
    def app(st):
        st.session_state.picked = st.selectbox("Box", np.array([1, 2]))

    at = AppTest.from_function(app).run()
    assert type(at.session_state["picked"]) is int
