"""st.slider over dates, times and datetimes, with Streamlit 1.67's defaults and return types."""

import datetime as dt

import pytest

from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 12, 1)


def test_a_date_slider_returns_dates_within_two_weeks_of_its_value_by_default():
    def app(st):
        st.session_state.got = st.slider("Day", value=DAY, key="day")

    at = AppTest.from_function(app).run()
    assert at.session_state["got"] == DAY
    slider = at.slider(key="day")
    assert (slider.element.min_value, slider.element.max_value) == (
        DAY - dt.timedelta(days=14), DAY + dt.timedelta(days=14))
    slider.set_value(DAY + dt.timedelta(days=3)).run()
    assert at.session_state["got"] == dt.date(2026, 12, 4)
    assert "2026-12-04" in at.slider(key="day").html


def test_a_time_range_slider_with_a_step():
    def app(st):
        st.session_state.got = st.slider("Hours", value=(dt.time(9), dt.time(17)),
                                         step=dt.timedelta(minutes=30), key="h")

    at = AppTest.from_function(app).run()
    assert at.session_state["got"] == (dt.time(9), dt.time(17))
    at.slider(key="h").set_value((dt.time(10, 30), dt.time(12))).run()
    assert at.session_state["got"] == (dt.time(10, 30), dt.time(12))
    assert "10:30 – 12:00" in at.slider(key="h").html


def test_a_datetime_slider_between_bounds_and_out_of_range_values_refused():
    start = dt.datetime(2026, 1, 1, 8)

    def app(st):
        st.session_state.got = st.slider("When", start, start + dt.timedelta(hours=4), start,
                                         format="HH:mm", key="w")

    at = AppTest.from_function(app).run()
    assert at.slider(key="w").element.step == 15 * 60 * 1_000_000  # 15 minutes under a day
    at.slider(key="w").set_value(start + dt.timedelta(hours=2)).run()
    assert at.session_state["got"] == dt.datetime(2026, 1, 1, 10)
    with pytest.raises(Exception, match="outside the range"):
        at.slider(key="w").set_value(start + dt.timedelta(days=2)).run()


def test_mixing_dates_and_numbers_is_a_type_error():
    at = AppTest.from_function(lambda st: st.slider("Bad", 0, 10, DAY)).run()
    assert at.exception[0].type == "InvalidParameterTypeError"
