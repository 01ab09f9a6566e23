"""Charts: the Vega-Lite spec each chart command builds from each kind of data, its errors, the
element's markup and assets, patches that leave an unchanged chart alone, Plotly and Matplotlib
figures, and the chart demo."""

import datetime as dt
import json
import re

import pandas as pd
import pytest
from django.db.models import F

import django_reactive as reactive
from demo_project.demo.demos import charts as chart_demo
from demo_project.demo.models import City
from django_reactive.elements.chart_spec import COLOR, INDEX, VALUE
from django_reactive.testing import AppTest
from tests.sockets import new_session, open_view

pytestmark = pytest.mark.django_db

LEGEND = {"titlePadding": 5, "offset": 5, "orient": "bottom",
          "columns": {"expr": "max(1, floor(width / 120))"}}


def spec_of(call, command=None):
    """The spec of the one chart ``call(st)`` shows."""
    at = AppTest.from_function(call).run()
    assert not at.exception, at.exception[0].message
    charts = [e for name in ("line_chart", "area_chart", "bar_chart", "scatter_chart", "vega_lite_chart",
                             "altair_chart") for e in at.get(name)]
    assert len(charts) == 1
    return charts[0].value


def error_of(call):
    at = AppTest.from_function(call).run()
    assert at.run_status == "failed"
    return at.exception[0]


def encoding(spec):
    """The encoding of a chart (a line chart's is its first layer's)."""
    return spec["layer"][0]["encoding"] if "layer" in spec else spec["encoding"]


def values(spec):
    return spec["data"]["values"]


def payload_of(html):
    """The JSON the browser gets in a chart's markup, parsed as strictly as JSON.parse does."""
    text = re.search(r'<script type="application/json">(.*?)</script>', html).group(1)
    return json.loads(text, parse_constant=lambda name: pytest.fail(f"{name} is not JSON"))


FRAME = {"a": [1, 2, 3], "b": [4.5, 5.5, 6.5], "c": ["x", "y", "z"]}


# -- input kinds --------------------------------------------------------------------------------


def test_a_dataframe_without_x_is_melted_over_its_index_one_colour_per_column():
    spec = spec_of(lambda st: st.line_chart(pd.DataFrame({"a": [1, 2], "b": [3.5, 4.5]})))
    assert values(spec) == [
        {INDEX: 0, COLOR: "a", VALUE: 1}, {INDEX: 1, COLOR: "a", VALUE: 2},
        {INDEX: 0, COLOR: "b", VALUE: 3.5}, {INDEX: 1, COLOR: "b", VALUE: 4.5}]
    enc = encoding(spec)
    assert enc["x"] == {"field": INDEX, "title": "", "type": "quantitative", "scale": {},
                        "axis": {"grid": False, "tickMinStep": 1}}
    assert enc["y"]["field"] == VALUE and enc["y"]["title"] == "" and enc["y"]["axis"] == {"grid": True}
    assert enc["color"] == {"field": COLOR, "legend": LEGEND, "type": "nominal", "title": " "}
    assert [(t["title"], t["type"]) for t in enc["tooltip"]] == [
        ("index", "quantitative"), ("value", "quantitative"), ("color", "nominal")]


def test_a_named_dataframe_index_is_the_x_column_under_its_own_name():
    frame = pd.DataFrame({"sales": [3, 4]}, index=pd.Index(["mon", "tue"], name="day"))
    spec = spec_of(lambda st: st.bar_chart(frame))
    assert values(spec) == [{"day": "mon", "sales": 3}, {"day": "tue", "sales": 4}]
    assert encoding(spec)["x"]["field"] == "day" and encoding(spec)["x"]["type"] == "ordinal"


def test_a_list_of_numbers_is_one_value_column_over_positions():
    spec = spec_of(lambda st: st.area_chart([3, 1, 2]))
    assert values(spec) == [{INDEX: 0, "value": 3}, {INDEX: 1, "value": 1}, {INDEX: 2, "value": 2}]
    assert encoding(spec)["y"]["field"] == "value" and "color" not in encoding(spec)


def test_rows_as_dicts_or_lists_name_their_columns_by_key_or_position():
    spec = spec_of(lambda st: st.scatter_chart([{"w": 1, "h": 2}, {"w": 3, "h": 5}], x="w", y="h"))
    assert values(spec) == [{"w": 1, "h": 2}, {"w": 3, "h": 5}]
    spec = spec_of(lambda st: st.scatter_chart([[1, 2], [3, 5]], x="0", y="1"))
    assert values(spec) == [{"0": 1, "1": 2}, {"0": 3, "1": 5}]


def test_a_dict_of_columns_and_a_dict_of_values_keyed_by_label():
    spec = spec_of(lambda st: st.line_chart(FRAME, x="a", y="b"))
    assert values(spec) == [{"a": 1, "b": 4.5}, {"a": 2, "b": 5.5}, {"a": 3, "b": 6.5}]
    spec = spec_of(lambda st: st.bar_chart({"apples": 3, "pears": 5}))
    assert values(spec) == [{INDEX: "apples", "value": 3}, {INDEX: "pears", "value": 5}]


def test_a_queryset_of_models_is_read_by_field_name():
    cities = City.objects.filter(country__name="Japan").order_by("-population")
    spec = spec_of(lambda st: st.bar_chart(cities, x="name", y="population"))
    assert values(spec)[:2] == [{"name": "Tokyo", "population": 14_094_000},
                                {"name": "Yokohama", "population": 3_772_000}]
    assert encoding(spec)["y"]["axis"] == {"grid": True, "tickMinStep": 1}


def test_a_values_queryset_with_an_annotation_and_a_colour_column():
    cities = (City.objects.filter(country__name__in=["Kenya", "Egypt"]).order_by("name")
              .values("name", "population", nation=F("country__name")))
    spec = spec_of(lambda st: st.bar_chart(cities, x="name", y="population", color="nation"))
    assert values(spec)[0] == {"name": "Alexandria", "nation": "Egypt", "population": 5_164_000}
    assert encoding(spec)["color"] == {"field": "nation", "legend": LEGEND, "type": "nominal",
                                       "title": "nation"}
    assert encoding(spec)["tooltip"][-1] == {"field": "nation", "title": "nation", "type": "nominal"}


def test_dates_are_a_time_axis_in_local_time_and_bars_on_dates_keep_it():
    days = {"day": [dt.date(2025, 1, 1), dt.date(2025, 1, 2)], "n": [1, 2]}
    spec = spec_of(lambda st: st.bar_chart(days, x="day", y="n"))
    assert values(spec)[0] == {"day": "2025-01-01T00:00:00", "n": 1}
    assert encoding(spec)["x"]["type"] == "temporal"


def test_a_dataframe_with_blanks_sends_null_and_dotted_names_are_escaped_fields():
    frame = pd.DataFrame({"x.y": [1.0, None], "z": [1, 2]})
    spec = spec_of(lambda st: st.line_chart(frame, x="z", y="x.y"))
    assert values(spec) == [{"z": 1, "x.y": 1.0}, {"z": 2, "x.y": None}]
    assert encoding(spec)["y"]["field"] == "x\\.y" and encoding(spec)["y"]["title"] == "x.y"


# -- parameters ---------------------------------------------------------------------------------


def test_line_charts_mark_the_point_nearest_the_pointer_and_continuous_axes_zoom():
    spec = spec_of(lambda st: st.line_chart(FRAME, x="a", y="b"))
    marks = [layer["mark"] for layer in spec["layer"]]
    assert marks == [{"type": "line"}, {"type": "point", "opacity": 0},
                     {"type": "point", "filled": True, "size": 65}]
    assert spec["layer"][1]["params"][0]["select"]["fields"] == ["a"]
    assert spec["layer"][0]["params"] == [
        {"name": "zoom", "select": {"type": "interval", "encodings": ["x", "y"]}, "bind": "scales"}]
    assert spec_of(lambda st: st.bar_chart(FRAME, x="c", y="b"))["params"][0]["select"]["encodings"] == ["y"]
    assert spec_of(lambda st: st.bar_chart(FRAME, x="c", y="b", horizontal=True))["params"][0]["select"][
        "encodings"] == ["x"]


def test_axis_titles_name_the_columns_given_and_labels_replace_them():
    enc = encoding(spec_of(lambda st: st.area_chart(FRAME, x="a", y="b", x_label="A", y_label="B")))
    assert (enc["x"]["title"], enc["y"]["title"]) == ("A", "B")
    enc = encoding(spec_of(lambda st: st.area_chart(FRAME, x="a", y="b")))
    assert (enc["x"]["title"], enc["y"]["title"]) == ("a", "b")
    assert (enc["x"]["type"], enc["y"]["type"]) == ("quantitative", "quantitative")


def test_several_y_columns_with_x_are_melted_and_other_columns_dropped():
    spec = spec_of(lambda st: st.line_chart(FRAME, x="c", y=["a", "b"]))
    assert values(spec)[0] == {"c": "x", COLOR: "a", VALUE: 1}
    assert values(spec)[3] == {"c": "x", COLOR: "b", VALUE: 4.5}
    assert len(values(spec)) == 6


def test_bars_are_discrete_sorted_by_vega_unless_told_and_horizontal_swaps_the_axes():
    enc = encoding(spec_of(lambda st: st.bar_chart(FRAME, x="c", y="b")))
    assert enc["x"]["type"] == "ordinal" and "sort" not in enc["x"]
    enc = encoding(spec_of(lambda st: st.bar_chart(FRAME, x="c", y="b", sort=False)))
    assert enc["x"]["sort"] is None
    enc = encoding(spec_of(lambda st: st.bar_chart(FRAME, x="c", y="b", sort="-b", horizontal=True)))
    assert enc["y"]["field"] == "c" and enc["y"]["type"] == "ordinal" and enc["y"]["axis"] == {"grid": False}
    assert enc["y"]["sort"] == {"field": "b", "order": "descending"}
    assert enc["x"]["field"] == "b" and enc["x"]["axis"] == {"grid": True}


def test_stack_false_groups_bars_side_by_side_and_layered_overlaps_them():
    enc = encoding(spec_of(lambda st: st.bar_chart(FRAME, x="c", y=["a", "b"], stack=False)))
    assert enc["y"]["stack"] is False and enc["xOffset"] == {"field": COLOR}
    enc = encoding(spec_of(lambda st: st.bar_chart(FRAME, x="c", y=["a", "b"], stack=False, horizontal=True)))
    assert enc["x"]["stack"] is False and enc["yOffset"] == {"field": COLOR}
    enc = encoding(spec_of(lambda st: st.bar_chart(FRAME, x="c", y=["a", "b"], stack="layered")))
    assert enc["y"]["stack"] is False and enc["opacity"] == {"value": 0.7} and "xOffset" not in enc
    enc = encoding(spec_of(lambda st: st.area_chart(FRAME, x="a", y=["a", "b"], stack="normalize")))
    assert enc["y"]["stack"] == "normalize" and enc["opacity"] == {"value": 0.7}


def test_scatter_points_are_sized_by_a_column_or_a_number():
    enc = encoding(spec_of(lambda st: st.scatter_chart(FRAME, x="a", y="b", size="a")))
    assert enc["size"] == {"field": "a", "title": "a", "type": "quantitative",
                           "legend": {"titlePadding": 0.5, "offset": 5, "orient": "bottom"}}
    sized = encoding(spec_of(lambda st: st.scatter_chart(FRAME, x="a", y="b", size=30)))
    assert sized["size"] == {"value": 30}
    assert encoding(spec_of(lambda st: st.scatter_chart(FRAME, x="a", y="b")))["size"] == {"value": 100}
    assert spec_of(lambda st: st.scatter_chart(FRAME, x="a", y="b"))["mark"] == {"type": "circle"}


def test_colours_as_a_value_one_per_column_a_name_or_a_column_of_colours():
    enc = encoding(spec_of(lambda st: st.line_chart(FRAME, x="a", y="b", color="#ff0000")))
    assert enc["color"] == {"value": "#ff0000"}
    enc = encoding(spec_of(lambda st: st.line_chart(FRAME, x="a", y="b", color=(0, 255, 0))))
    assert enc["color"] == {"value": "rgb(0, 255, 0)"}
    colors = ["#f00", (0.0, 0.0, 1.0)]
    enc = encoding(spec_of(lambda st: st.line_chart(FRAME, x="c", y=["a", "b"], color=colors)))
    assert enc["color"]["scale"] == {"domain": ["a", "b"], "range": ["#f00", "rgb(0, 0, 255)"]}
    assert enc["color"]["field"] == COLOR
    enc = encoding(spec_of(lambda st: st.bar_chart(FRAME, x="c", y="b", color="red")))
    assert enc["color"]["value"].startswith("#")
    painted = {"x": [1, 2], "y": [3, 4], "paint": ["#ff0000", "#0000ff"]}
    enc = encoding(spec_of(lambda st: st.scatter_chart(painted, x="x", y="y", color="paint")))
    assert enc["color"]["scale"] == {"range": ["#ff0000", "#0000ff"]} and enc["color"]["legend"] is None
    assert [t["field"] for t in enc["tooltip"]] == ["x", "y"]


def test_sizes_go_into_the_spec_stretch_fills_the_container():
    spec = spec_of(lambda st: st.line_chart(FRAME))
    assert spec["width"] == "container" and "height" not in spec
    assert spec["autosize"] == {"type": "fit", "contains": "padding"}
    spec = spec_of(lambda st: st.bar_chart(FRAME, width=300, height=200))
    assert (spec["width"], spec["height"]) == (300, 200)
    assert "width" not in spec_of(lambda st: st.bar_chart(FRAME, width="content"))
    assert "width" not in spec_of(lambda st: st.bar_chart(FRAME, use_container_width=False))
    assert spec_of(lambda st: st.bar_chart(FRAME, alt="Sales per day"))["description"] == "Sales per day"


# -- errors -------------------------------------------------------------------------------------


def test_a_missing_column_is_refused_with_streamlits_message():
    for call in (lambda st: st.line_chart(FRAME, x="nope"), lambda st: st.bar_chart(FRAME, y=["a", "nope"]),
                 lambda st: st.bar_chart(FRAME, sort="-nope")):
        error = error_of(call)
        assert error.type == "ReactiveAPIError"
        assert error.message == 'Data does not have a column named `"nope"`. Available columns are `a, b, c`'


def test_wrong_parameters_are_refused_with_streamlits_messages():
    assert error_of(lambda st: st.line_chart(FRAME, x=1)).message == (
        "Invalid `x` type. Expected one of: str, None. Provided type: int. Pass a column name or None to "
        "use the dataframe's index.")
    assert error_of(lambda st: st.bar_chart(FRAME, stack="up")).message == (
        "Invalid `stack` value. Supported values: True, False, 'normalize', 'center', 'layered', None.")
    assert error_of(lambda st: st.scatter_chart(FRAME, size="big")).message == (
        "Invalid `size` value. Supported values: a column name, a number. Got 'big'.")
    assert error_of(lambda st: st.line_chart(FRAME, x="a", y=["b", "c"], color=["#f00"])).message == (
        "The list of colors `['#f00']` must have the same length as the list of columns to be colored "
        "`['b', 'c']`.")
    assert "This does not look like a valid color argument: `chartreuse`." in error_of(
        lambda st: st.line_chart(FRAME, x="a", y="b", color="chartreuse")).message
    assert error_of(lambda st: st.line_chart(FRAME, height=-1)).message == (
        "Invalid height value: -1. Height must be either a positive integer (pixels), 'stretch', or "
        "'content'.")
    assert error_of(lambda st: st.line_chart(FRAME, width="wide")).message.startswith(
        "Invalid width value: 'wide'.")


# -- st.vega_lite_chart and st.altair_chart -----------------------------------------------------------


def test_vega_lite_chart_puts_the_data_into_the_spec_as_values():
    frame = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
    mark = {"mark": "bar", "encoding": {"x": {"field": "b"}, "y": {"field": "a", "type": "quantitative"}}}
    spec = spec_of(lambda st: st.vega_lite_chart(frame, mark))
    assert spec["data"] == {"values": [{"a": 1, "b": "x"}, {"a": 2, "b": "y"}]}
    assert spec["mark"] == "bar" and spec["width"] == "container"
    spec = spec_of(lambda st: st.vega_lite_chart({**mark, "data": {"values": frame}}))
    assert spec["data"]["values"][1] == {"a": 2, "b": "y"}
    spec = spec_of(lambda st: st.vega_lite_chart({**mark, "datasets": {"d": frame}, "data": {"name": "d"}}))
    assert spec["datasets"]["d"][0] == {"a": 1, "b": "x"} and spec["data"] == {"name": "d"}


def test_vega_lite_chart_sends_json_a_browser_parses_and_keeps_nested_objects():
    shape = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2]}}
    spec = {"mark": "geoshape", "data": {"values": [shape]}, "config": {"view": {"opacity": float("nan")}}}
    at = AppTest.from_function(lambda st: st.vega_lite_chart(spec)).run()
    sent = payload_of(at.vega_lite_chart[0].html)
    assert sent["config"]["view"]["opacity"] is None and sent["data"]["values"] == [shape]


def test_vega_lite_chart_keeps_the_width_of_facets_and_refuses_what_it_cannot_do():
    facet = {"data": {"values": []}, "mark": "point", "encoding": {"facet": {"field": "a"}}}
    spec = spec_of(lambda st: st.vega_lite_chart(facet))
    assert "width" not in spec and spec["autosize"] == {"type": "pad", "contains": "padding"}
    assert error_of(lambda st: st.vega_lite_chart(None, {})).message == (
        "The `spec` parameter is required. Vega-Lite charts require a non-empty spec dict.")
    assert error_of(lambda st: st.vega_lite_chart(facet, theme="dark")).message == (
        "Invalid `theme` value. Supported values: 'streamlit', None.")
    assert "not supported" in error_of(lambda st: st.vega_lite_chart(facet, on_select="rerun")).message


def test_altair_chart_is_drawn_from_its_spec():
    alt = pytest.importorskip("altair")
    chart = alt.Chart(pd.DataFrame({"a": [1, 2], "b": [3, 4]})).mark_line().encode(x="a", y="b")
    spec = spec_of(lambda st: st.altair_chart(chart))
    assert spec["mark"]["type"] == "line" and spec["encoding"]["x"]["field"] == "a"
    assert spec["width"] == "container"
    rows = spec["datasets"][spec["data"]["name"]]
    assert rows == [{"a": 1, "b": 3}, {"a": 2, "b": 4}]


# -- markup, assets and patches ------------------------------------------------------------------


def test_the_chart_markup_carries_its_spec_as_inert_json_and_names_its_scripts():
    data = {"label": ["</script><b>x"], "n": [1]}
    at = AppTest.from_function(lambda st: st.bar_chart(data, x="label")).run()
    html = at.bar_chart[0].html
    assert 'data-rx-assets="/static/django_reactive/charts.js"' in html
    assert "/static/django_reactive/vendor/vega-6.4.0/vega.min.js" in html
    assert "/static/django_reactive/vendor/vega-embed-7.3.0/vega-embed.min.js" in html
    assert "</script><b>" not in html
    assert payload_of(html) == at.bar_chart[0].value


@reactive.view(name="tests.charts_clicks")
def chart_with_a_counter(st):
    st.line_chart({"n": [1, 3, 2]})
    if st.button("Increment"):
        st.session_state.count = st.session_state.get("count", 0) + 1
    st.write("Count =", st.session_state.get("count", 0))


@pytest.mark.django_db(transaction=True)
async def test_a_click_elsewhere_sends_a_patch_without_the_unchanged_chart(channel_layer):
    comm, ids, html = await open_view("tests.charts_clicks", await new_session())
    assert "rx-line-chart" in html
    await comm.send_json_to({"t": "event", "seq": 1, "trigger": ids["Increment"]})
    message = await comm.receive_json_from(timeout=5)
    assert message["ops"] and "Count =" in "".join(message["ops"].values())
    assert "m.0" not in message["ops"] and "rx-chart" not in json.dumps(message)
    await comm.disconnect()


def test_a_changed_chart_gets_a_new_digest_and_an_unchanged_one_keeps_it():
    def app(st):
        n = st.slider("n", 1, 5, 1, key="n")
        st.bar_chart({"v": list(range(n))})
        st.line_chart({"v": [1, 2]})

    at = AppTest.from_function(app).run()
    bar, line = at.bar_chart[0].digest, at.line_chart[0].digest
    at.slider(key="n").set_value(3).run()
    assert at.bar_chart[0].digest != bar and at.line_chart[0].digest == line


def test_the_counter_page_loads_nothing_of_the_charts(client):
    html = client.get("/counter/").content.decode()
    assert "charts.js" not in html and "vega" not in html and "plotly" not in html


# -- plotly and matplotlib ----------------------------------------------------------------------------


def test_plotly_chart_sends_the_figure_to_plotly_js():
    go = pytest.importorskip("plotly.graph_objects")
    fig = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]))
    at = AppTest.from_function(lambda st: st.plotly_chart(fig, config={"scrollZoom": False})).run()
    chart = at.plotly_chart[0]
    assert chart.value["data"][0]["type"] == "bar" and chart.value["data"][0]["y"] == [1, 2]
    assert "/vendor/plotly.js-dist-min-4.1.2/plotly.min.js" in chart.html and "vega" not in chart.html
    payload = payload_of(chart.html)
    assert payload["config"] == {"scrollZoom": False} and payload["sizes"]["stretch"] is True
    figure = {"data": [{"type": "scatter", "y": [3, 1]}], "layout": {"title": {"text": "T"}}}
    value = AppTest.from_function(lambda st: st.plotly_chart(figure)).run().plotly_chart[0].value
    assert value["data"][0]["y"] == [3, 1] and value["layout"]["title"]["text"] == "T"


def test_pyplot_shows_the_figure_as_an_svg_image():
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    fig = Figure()
    fig.subplots().plot([1, 2, 3], [3, 1, 2])
    at = AppTest.from_function(lambda st: st.pyplot(fig, clear_figure=True, alt="A line")).run()
    image = at.pyplot[0]
    assert image.value.startswith("data:image/svg+xml;base64,")
    assert f'<img src="{image.value}" alt="A line">' in image.html and "data-rx-assets" not in image.html
    assert not fig.axes  # cleared
    assert error_of(lambda st: st.pyplot()).message.startswith("The `fig` parameter is required.")


# -- the demo -----------------------------------------------------------------------------------------


def test_the_chart_demo_is_linked_from_home_and_plots_the_chosen_country(client):
    assert 'href="/charts/"' in client.get("/").content.decode()
    assert "rx-bar-chart" in client.get("/charts/").content.decode()
    at = AppTest.from_view(chart_demo.city_chart).run()
    assert len(values(at.bar_chart[0].value)) == City.objects.count()
    at.selectbox(key="country").select("Japan").run()
    spec = at.bar_chart[0].value
    assert [row["name"] for row in values(spec)] == ["Tokyo", "Yokohama", "Osaka", "Nagoya"]
    assert at.metric[0].value == "22,948,000"
    assert encoding(spec)["x"]["sort"] == {"field": "population", "order": "descending"}
    totals = at.bar_chart[1].value
    at.toggle(key="horizontal").set_value(True).run()
    assert encoding(at.bar_chart[0].value)["y"]["field"] == "name"
    assert at.bar_chart[1].value == totals
    assert {"name": "Japan", "total": 14_094_000 + 3_772_000 + 2_754_000 + 2_328_000} in values(totals)
