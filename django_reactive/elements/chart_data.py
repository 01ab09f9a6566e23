"""Chart data: the columns a chart command plots, read as ``st.table`` reads its data.

The input kinds are those of :func:`~django_reactive.elements.data.tabulate`
(rows, a dict of columns, a QuerySet, ``values()``, pandas), at most
:data:`~django_reactive.elements.data.MAX_ROWS` rows. A QuerySet of model
instances is read through ``values()`` so that columns are named by field
(``x="day"`` works for ``Visit.objects.all()`` as for its ``values()``). A
list or dict of single values is one column named ``value``, as in Streamlit.
Cells become JSON values a Vega-Lite spec can carry; a column's Vega-Lite type
is inferred from its Python values (pandas' ``infer_dtype`` rules, without
pandas).
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.db.models.query import ModelIterable

from ..errors import ReactiveAPIError
from .data import _secret, tabulate


@dataclass
class Frame:
    """Named columns of Python values, all of the same length, in order."""

    columns: dict[str, list[Any]]
    length: int
    #: The name of the row labels' column (a pandas index name), "" when unnamed.
    index_name: str = ""
    #: Row labels (pandas index, keys of a dict of values); None: positions 0, 1, 2...
    index: list[Any] | None = None

    def names(self) -> list[str]:
        return list(self.columns)


def read_frame(data: Any, command: str) -> Frame:
    """The columns of anything the chart commands accept."""
    if type(data).__module__ == "numpy" and hasattr(data, "tolist"):
        data = data.tolist()
    if isinstance(data, QuerySet) and issubclass(data._iterable_class, ModelIterable):
        model = data.model
        names = [f.name for f in model._meta.concrete_fields if not _secret(model, f)]
        data = data.values(*names, *data.query.annotation_select)
    table = tabulate(data, command)
    labels = list(table.columns)
    if _single_values(data) and labels == ["0"]:
        labels = ["value"]
    columns: dict[str, list[Any]] = {}
    for position, label in enumerate(labels):
        columns.setdefault(label, [row[position] for row in table.rows])
    return Frame(columns, len(table.rows), table.index_label, table.index)


def _single_values(data: Any) -> bool:
    """A list (or dict) of single values, which Streamlit reads as one ``value`` column."""
    if isinstance(data, Mapping):
        return not any(isinstance(v, (list, tuple)) for v in data.values())
    return isinstance(data, (list, tuple)) and not any(
        isinstance(row, (Mapping, list, tuple)) for row in data)


def _missing(value: Any) -> bool:
    """None, NaN, pandas' NaT and NA (which refuses to be a truth value)."""
    if value is None:
        return True
    try:
        return bool(value != value)
    except (TypeError, ValueError):
        return True


def json_value(value: Any) -> Any:
    """A cell as Vega reads it: numbers, text, booleans, ISO dates (local time when naive)."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, (numbers.Real, Decimal)):
        number = float(value)
        return None if math.isnan(number) or math.isinf(number) else number
    if _missing(value):
        return None  # pandas' NaT and NA
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        # A bare date would be read as midnight UTC, shown as the day before west of Greenwich.
        return f"{value.isoformat()}T00:00:00"
    if isinstance(value, dt.time):
        return f"1970-01-01T{value.isoformat()}"
    if hasattr(value, "item") and type(value).__module__ == "numpy":
        return json_value(value.item())
    return str(value)


def vega_type(values: list[Any]) -> str:
    """``quantitative``, ``temporal`` or ``nominal``, as Streamlit infers them from a column."""
    kinds = set()
    for value in values:
        if isinstance(value, bool):
            kinds.add("bool")
        elif isinstance(value, numbers.Integral):
            kinds.add("int")
        elif isinstance(value, (numbers.Real, Decimal)):
            kinds.add("float" if not math.isnan(value) else "nan")
        elif value is None or _missing(value):
            continue
        elif isinstance(value, (dt.date, dt.time, dt.timedelta)):
            kinds.add("temporal")
        else:
            kinds.add("other")
    if kinds and kinds <= {"int", "float", "nan"}:
        return "quantitative"
    if "int" in kinds and kinds <= {"int", "float", "nan", "other"}:
        return "quantitative"  # pandas calls numbers mixed with text "mixed-integer"
    if kinds == {"temporal"}:
        return "temporal"
    return "nominal"


def is_integer_column(values: list[Any]) -> bool:
    """A column of integers without blanks (an integer dtype): its axis has whole ticks only."""
    return bool(values) and all(
        isinstance(v, numbers.Integral) and not isinstance(v, bool) for v in values)


def is_date_column(values: list[Any]) -> bool:
    """Whether the first value is a date or datetime (bars on dates keep a time axis)."""
    return bool(values) and isinstance(values[0], dt.date)


#: Streamlit's colour names, as its light theme shows them.
BUILTIN_COLORS = {
    "red": "#ff4b4b", "orange": "#ffa421", "yellow": "#faca2b", "green": "#21c354", "blue": "#1c83e1",
    "violet": "#803df5", "gray": "#808495", "grey": "#808495", "primary": "#ff4b4b",
}


def is_hex_color(value: Any) -> bool:
    return (isinstance(value, str) and value.startswith("#") and value[1:].isalnum()
            and len(value) in (4, 5, 7, 9))


def is_color_tuple(value: Any) -> bool:
    return (isinstance(value, (tuple, list)) and len(value) in (3, 4)
            and all(isinstance(c, (int, float)) and not isinstance(c, bool) for c in value))


def is_color(value: Any) -> bool:
    """A hex string, a CSS ``rgb()``/``rgba()`` string or an RGB(A) tuple (not a colour name)."""
    return (is_hex_color(value) or is_color_tuple(value)
            or (isinstance(value, str) and value.startswith(("rgb(", "rgba("))))


def is_builtin_color(value: Any) -> bool:
    return isinstance(value, str) and value.lower() in BUILTIN_COLORS


def css_color(value: Any) -> str:
    """A colour as CSS: strings as they are, tuples as ``rgb()``/``rgba()`` (floats are 0 to 1)."""
    if is_builtin_color(value):
        return BUILTIN_COLORS[value.lower()]
    if isinstance(value, str) and is_color(value):
        return value
    if is_color_tuple(value):
        rgb = [min(255, max(0, int(c * 255) if isinstance(c, float) else c)) for c in value[:3]]
        if len(value) == 3:
            return f"rgb({rgb[0]}, {rgb[1]}, {rgb[2]})"
        alpha = value[3] / 255.0 if isinstance(value[3], int) else value[3]
        return f"rgba({rgb[0]}, {rgb[1]}, {rgb[2]}, {min(1.0, max(0.0, alpha))})"
    raise ReactiveAPIError(
        f"This does not look like a valid color: {value!r}.\n\nColors must be in one of the following "
        "formats:\n\n* Hex string with 3, 4, 6, or 8 digits. Example: `'#00ff00'`\n"
        "* List or tuple with 3 or 4 components. Example: `[1.0, 0.5, 0, 0.2]`")
