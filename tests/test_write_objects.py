"""st.write of objects that are not text: each is shown by the command Streamlit 1.67 picks.

The rules are Streamlit's (streamlit/elements/write.py), observed there with
AppTest: tables of numpy and pandas, charts and figures, images, st.help for
functions, classes, modules, dataclasses, ``st`` and objects without a
readable ``str()``, and the HTML of ``_repr_html_`` when HTML is allowed.
Magic lines follow the same rules.
"""

import dataclasses
import io
import math
import textwrap

import numpy as np
import pandas as pd
import pytest

from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db


class Rich:
    """An object with an HTML form, as notebooks show it."""

    def _repr_html_(self):
        return "<b>bold</b><script>alert(1)</script>"


class Plain:
    """An object with a readable str()."""

    def __str__(self):
        return "plain text"


@dataclasses.dataclass
class Point:
    x: int
    y: int = 2


class Frameish:
    """Data that converts itself to pandas (as polars and pyarrow data do)."""

    def to_pandas(self):
        return pd.DataFrame({"k": [7, 8]})


def run(app):
    at = AppTest.from_function(app).run()
    assert not at.exception, at.exception[0].message
    return at


def shown(at):
    """(type, value) of every element of the main area, in page order."""
    return [(e.type, e.value) for e in at.main]


def types_of(at):
    return [e.type for e in at.main]


# -- tables -------------------------------------------------------------------------------------------


def test_a_numpy_array_is_a_dataframe_of_its_rows_and_columns():
    at = run(lambda st: st.write(np.arange(4).reshape(2, 2)))
    assert types_of(at) == ["dataframe"]
    assert at.dataframe[0].value.values.tolist() == [[0, 1], [2, 3]]
    assert at.dataframe[0].columns == ["0", "1"]


def test_a_one_dimensional_array_is_a_dataframe_of_one_column():
    at = run(lambda st: st.write(np.array([1.5, 2.5])))
    assert at.dataframe[0].value.values.tolist() == [[1.5], [2.5]]


def test_a_styler_shows_its_data_as_a_dataframe():
    frame = pd.DataFrame({"a": [1, 2]})
    at = run(lambda st: st.write(frame.style.highlight_max()))
    assert types_of(at) == ["dataframe"]
    assert at.dataframe[0].value.equals(frame)


def test_a_pandas_index_and_a_dict_of_series_are_dataframes():
    def app(st):
        st.write(pd.Index([3, 4], name="n"))
        st.write({"a": pd.Series([1, 2]), "b": pd.Series([3, 4])})

    at = run(app)
    assert types_of(at) == ["dataframe", "dataframe"]
    assert at.dataframe[0].value["n"].tolist() == [3, 4]
    assert at.dataframe[1].value.to_dict("list") == {"a": [1, 2], "b": [3, 4]}


def test_an_object_with_to_pandas_is_a_dataframe():
    at = run(lambda st: st.write(Frameish()))
    assert types_of(at) == ["dataframe"]
    assert at.dataframe[0].value["k"].tolist() == [7, 8]


def test_st_dataframe_itself_takes_an_array_and_a_styler():
    def app(st):
        st.dataframe(np.array([[1, 2]]))
        st.table(pd.DataFrame({"x": [5]}).style)

    at = run(app)
    assert at.dataframe[0].value.values.tolist() == [[1, 2]]
    assert at.table[0].value["x"].tolist() == [5]


# -- charts, figures, images, formulas ----------------------------------------------------------------


def test_an_altair_chart_is_an_altair_chart():
    alt = pytest.importorskip("altair")
    chart = alt.Chart(pd.DataFrame({"a": [1, 2], "b": [3, 4]})).mark_bar().encode(x="a", y="b")
    at = run(lambda st: st.write(chart))
    assert types_of(at) == ["altair_chart"]
    assert at.altair_chart[0].value["mark"]["type"] == "bar"


def test_plotly_figures_traces_and_figure_dicts_are_plotly_charts():
    go = pytest.importorskip("plotly.graph_objects")

    def app(st):
        st.write(go.Figure(go.Bar(x=["a"], y=[1])))
        st.write([go.Scatter(y=[3, 1])])
        st.write({"data": [go.Scatter(y=[5])], "layout": {"title": {"text": "T"}}})

    at = run(app)
    assert types_of(at) == ["plotly_chart"] * 3
    assert [c.value["data"][0]["type"] for c in at.plotly_chart] == ["bar", "scatter", "scatter"]
    assert at.plotly_chart[2].value["layout"]["title"]["text"] == "T"


def test_a_plain_dict_with_figure_keys_is_still_json():
    at = run(lambda st: st.write({"data": [1, 2], "layout": {}}))
    assert types_of(at) == ["json"]


def test_a_matplotlib_figure_is_a_pyplot_image():
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    fig = Figure()
    fig.subplots().plot([1, 2], [2, 1])
    at = run(lambda st: st.write(fig))
    assert types_of(at) == ["pyplot"]
    assert at.pyplot[0].value.startswith("data:image/svg+xml;base64,")


def test_a_pillow_image_is_an_image():
    pil = pytest.importorskip("PIL.Image")
    picture = pil.new("RGB", (3, 2), "red")
    at = run(lambda st: st.write(picture))
    assert types_of(at) == ["image"]
    assert at.image[0].value[0].startswith("data:image/png;base64,")
    with_alpha = pil.new("CMYK", (1, 1))
    assert run(lambda st: st.image(with_alpha)).image[0].value[0].startswith("data:image/png;base64,")


def test_a_sympy_expression_is_a_formula():
    sympy = pytest.importorskip("sympy")
    x = sympy.Symbol("x")
    at = run(lambda st: st.write(x**2))
    assert types_of(at) == ["latex"] and "x^{2}" in at.latex[0].value


# -- st.help --------------------------------------------------------------------------------------------


def test_a_builtin_function_is_shown_with_st_help():
    at = run(lambda st: st.write(len))
    assert types_of(at) == ["help_info"]
    assert at.help[0].name == "len" and at.help[0].value == "len"
    assert at.help[0].doc_string.startswith("Return the number of items in a container.")


def test_functions_classes_modules_methods_and_st_write_itself_are_shown_with_st_help():
    def helper():
        """Help me."""

    def app(st):
        st.write(helper)
        st.write(Plain)
        st.write(math)
        st.write(Plain().__str__)
        st.write(st.write)

    at = run(app)
    assert types_of(at) == ["help_info"] * 5
    assert [h.name for h in at.help] == ["helper", "Plain", "math", "Plain().__str__", "st.write"]
    assert [h.object_type for h in at.help] == ["function", "class", "module", "method", "method"]
    assert at.help[0].doc_string == "Help me."
    assert at.help[4].doc_string.startswith("Show each argument as Streamlit 1.67's")


def test_st_itself_is_shown_with_st_help():
    at = run(lambda st: st.write(st))
    assert types_of(at) == ["help_info"]
    assert at.help[0].name == "st" and at.help[0].object_type == "module"


def test_a_dataclass_instance_is_shown_with_st_help_not_json():
    at = run(lambda st: st.write(Point(1)))
    assert types_of(at) == ["help_info"]
    assert at.help[0].value == "Point(x=1, y=2)"
    assert [(m.name, m.value) for m in at.help[0].members] == [("x", "1"), ("y", "2")]


def test_an_object_without_a_readable_str_is_shown_with_st_help_and_one_with_one_as_code():
    def app(st):
        st.write(object())
        st.write(Plain())

    at = run(app)
    assert shown(at) == [("help_info", "object()"), ("markdown", "`plain text`")]


def test_repr_html_is_shown_as_sanitised_html_only_when_html_is_allowed():
    def app(st):
        st.write("before", Rich(), unsafe_allow_html=True)
        st.write(Rich())

    at = run(app)
    assert types_of(at) == ["markdown", "html", "help_info"]
    assert at.html[0].value == "<b>bold</b><script>alert(1)</script>"
    assert "<b>bold</b>" in at.html[0].html and "<script>" not in at.html[0].html
    assert at.help[0].name == "Rich()"


def test_text_around_objects_keeps_the_order_of_the_arguments():
    at = run(lambda st: st.write("**a**", len, 3, io.StringIO("from a buffer")))
    # The help is named after st.write's first argument, a constant here: no name, so its value is
    # the signature (as in Streamlit).
    assert shown(at) == [("markdown", "**a**"), ("help_info", "builtins.len(obj, /)"), ("markdown", "`3`"),
                         ("markdown", "from a buffer")]


def test_a_container_handle_writes_help_into_its_container():
    def app(st):
        box = st.container()
        box.write(len)

    at = run(app)
    assert at.container[0].help[0].name == "len"


# -- magic ----------------------------------------------------------------------------------------------


def magic(tmp_path, source):
    path = tmp_path / "app.py"
    path.write_text("from django_reactive import st\n" + textwrap.dedent(source).lstrip("\n"))
    at = AppTest.from_file(path).run()
    assert not at.exception, at.exception[0].message
    return at


def test_a_bare_function_class_or_instance_name_is_shown_with_st_help(tmp_path):
    at = magic(tmp_path, '''
        import math

        class Dog:
            """A dog."""

            def bark(self):
                """Woof."""

        fido = Dog()
        len
        Dog
        fido
        math
        st
        fido.bark
        ''')
    assert types_of(at) == ["help_info"] * 6
    assert [h.name for h in at.help] == ["len", "Dog", "fido", "math", "st", "fido.bark"]
    assert at.help[2].doc_string == "A dog." and at.help[2].object_type == "Dog"


def test_a_magic_tuple_line_shows_text_then_help_and_is_named_by_its_line(tmp_path):
    at = magic(tmp_path, '''
        "Length:", len
        x = 5
        x
        ''')
    assert types_of(at) == ["markdown", "help_info", "markdown"]
    assert at.markdown[0].value == "Length:" and at.markdown[1].value == "`5`"
    assert at.help[0].name == '"Length:", len'


def test_a_magic_numpy_array_is_a_dataframe(tmp_path):
    at = magic(tmp_path, """
        import numpy as np
        identity = np.eye(2)
        identity
        """)
    assert at.dataframe[0].value.values.tolist() == [[1.0, 0.0], [0.0, 1.0]]
