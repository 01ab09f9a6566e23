"""The Vega-Lite spec of ``st.line_chart``, ``st.area_chart``, ``st.bar_chart`` and ``st.scatter_chart``.

Streamlit 1.67's rules, in plain Python: without ``x`` the row labels (the
index) are the x axis; several ``y`` columns are melted into one ``value``
column coloured by column name; bars on anything but dates have a discrete
axis; ``color`` is a column, a colour, or one colour per ``y`` column; line
charts highlight the point nearest the pointer; every chart zooms and pans.
Errors carry Streamlit's messages.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any

from ..errors import InvalidParameterTypeError, ReactiveAPIError, ReactiveValueError
from .chart_data import (
    Frame,
    css_color,
    is_builtin_color,
    is_color,
    is_color_tuple,
    is_date_column,
    is_integer_column,
    json_value,
    read_frame,
    vega_type,
)

#: Names of the columns a chart makes, chosen not to collide with the data's.
_SUFFIX = " -- generated"
INDEX, VALUE, COLOR = "index" + _SUFFIX, "value" + _SUFFIX, "color" + _SUFFIX
#: An axis with no field disappears when the chart has no data: it gets one that does not exist.
NO_COLUMN = "DOES_NOT_EXIST" + _SUFFIX
_TITLES = {INDEX: "index", VALUE: "value", COLOR: "color"}
#: A legend under the chart wraps (a column per 120 pixels) rather than running past its edge.
_COLOR_LEGEND = {"titlePadding": 5, "offset": 5, "orient": "bottom",
                 "columns": {"expr": "max(1, floor(width / 120))"}}
_SIZE_LEGEND = {"titlePadding": 0.5, "offset": 5, "orient": "bottom"}
#: Pointer moves are throttled over this many points.
_MANY_POINTS = 1000
STACK_VALUES = (None, True, False, "normalize", "center", "layered")


class Kind(enum.Enum):
    LINE = "line"
    AREA = "area"
    BAR = "bar"
    HORIZONTAL_BAR = "hbar"
    SCATTER = "circle"

    @property
    def mark(self) -> str:
        return "bar" if self is Kind.HORIZONTAL_BAR else self.value


def field(name: str) -> str:
    """A column name as a Vega-Lite field: dots and brackets would mean nested access."""
    for char in ("\\", ".", "[", "]"):
        name = name.replace(char, "\\" + char)
    return name


def check_stack(stack: Any) -> None:
    if not any(stack is value or (isinstance(stack, str) and stack == value) for value in STACK_VALUES):
        raise ReactiveValueError(
            "Invalid `stack` value. Supported values: True, False, 'normalize', 'center', 'layered', None.")


def _column_not_found(frame: Frame, name: Any) -> ReactiveAPIError:
    return ReactiveAPIError(f'Data does not have a column named `"{name}"`. '
                            f"Available columns are `{', '.join(frame.names())}`")


def built_in_spec(kind: Kind, data: Any, *, command: str, x: str | None = None,
                  y: str | Sequence[str] | None = None, x_label: str | None = None,
                  y_label: str | None = None, color: Any = None, size: Any = None,
                  stack: bool | str | None = None, sort: bool | str = False) -> dict[str, Any]:
    """The spec of one built-in chart (without its size: see ``charts.VegaLiteChart``)."""
    frame = read_frame(data, command)
    x_col = _parse_x(frame, x)
    y_cols = _parse_y(frame, y, x_col)
    color_col, color_value = _column_or_value(frame, color)
    size_col, size_value = _column_or_value(frame, size)
    sort_col = None if isinstance(sort, bool) else sort.removeprefix("-")
    if sort_col is not None and sort_col not in frame.columns:
        raise _column_not_found(frame, sort_col)

    columns = dict(frame.columns)
    if x_col is None and y_cols:
        x_col = frame.index_name or INDEX
        columns[x_col] = frame.index if frame.index is not None else list(range(frame.length))
    if color_col is not None and columns[color_col] and is_color_tuple(columns[color_col][0]):
        columns[color_col] = [css_color(c) for c in columns[color_col]]
    kept = list(dict.fromkeys(c for c in (x_col, color_col, size_col, sort_col, *y_cols) if c is not None))

    y_col = y_cols[0] if len(y_cols) == 1 else None
    if len(y_cols) > 1:
        y_col, color_col = VALUE, COLOR
        fixed = list(dict.fromkeys(c for c in (x_col, size_col, sort_col) if c is not None))
        records = [{**{c: json_value(columns[c][i]) for c in fixed}, COLOR: name,
                    VALUE: json_value(columns[name][i])}
                   for name in y_cols for i in range(frame.length)]
        columns[COLOR] = [name for name in y_cols for _ in range(frame.length)]
        columns[VALUE] = [v for name in y_cols for v in columns[name]]
    else:
        records = [{c: json_value(columns[c][i]) for c in kept} for i in range(frame.length)]

    if kind is Kind.HORIZONTAL_BAR:
        x_enc = _axis(columns, kind, y_col, y, y_label, grid=True, discrete=False)
        y_enc = _axis(columns, kind, x_col, x, x_label, grid=False, discrete=True)
        stacked, sorted_enc = x_enc, y_enc
    else:
        x_enc = _axis(columns, kind, x_col, x, x_label, grid=False, discrete=kind is Kind.BAR)
        y_enc = _axis(columns, kind, y_col, y, y_label, grid=True, discrete=False)
        stacked, sorted_enc = y_enc, x_enc
    if stack is not None:
        stacked["stack"] = False if stack == "layered" else stack
    if kind in (Kind.BAR, Kind.HORIZONTAL_BAR):
        if sort is False:
            sorted_enc["sort"] = None
        elif isinstance(sort, str):
            sorted_enc["sort"] = {"field": field(sort_col or ""),
                                  "order": "descending" if sort.startswith("-") else "ascending"}

    encoding: dict[str, Any] = {"x": x_enc, "y": y_enc}
    if stack is False and color_col is not None and kind in (Kind.BAR, Kind.HORIZONTAL_BAR):
        encoding["xOffset" if kind is Kind.BAR else "yOffset"] = {"field": field(color_col)}
    if color_col is not None and (kind is Kind.AREA or stack == "layered"):
        encoding["opacity"] = {"value": 0.7}
    color_enc = _color(columns, color_col, color_value, color, y_cols)
    if color_enc is not None:
        encoding["color"] = color_enc
    size_enc = _size(columns, kind, size_col, size_value)
    if size_enc is not None:
        encoding["size"] = size_enc
    if x_col is not None and y_col is not None:
        legend = color_enc is None or color_enc.get("legend", True) is not None
        shown = (x_col, y_col, color_col if legend else None, size_col)
        encoding["tooltip"] = [_tooltip(columns, name) for name in shown if name is not None]

    # Zooming and panning act on continuous axes (Vega warns about the others).
    zoomed = [name for name in ("x", "y") if encoding[name]["type"] in ("quantitative", "temporal")]
    zoom = [{"name": "zoom", "select": {"type": "interval", "encodings": zoomed}, "bind": "scales"}]
    spec: dict[str, Any] = {"data": {"values": records}}
    if kind is Kind.LINE and x_col is not None:
        hover = {"name": "hover", "select": {
            "type": "point", "clear": "mouseleave", "fields": [field(x_col)], "nearest": True,
            "on": "mousemove{16}" if len(records) > _MANY_POINTS else "mousemove"}}
        spec["layer"] = [
            {"mark": {"type": "line"}, "encoding": encoding, "params": zoom if zoomed else []},
            {"mark": {"type": "point", "opacity": 0}, "encoding": encoding, "params": [hover]},
            {"mark": {"type": "point", "filled": True, "size": 65}, "encoding": encoding,
             "transform": [{"filter": {"param": "hover", "empty": False}}]},
        ]
        spec["config"] = {"legend": {"symbolType": "stroke"}}
    else:
        spec.update({"mark": {"type": kind.mark}, "encoding": encoding, "params": zoom if zoomed else []})
    return spec


def _parse_x(frame: Frame, x: Any) -> str | None:
    if x is None:
        return None
    if not isinstance(x, str):
        raise InvalidParameterTypeError(
            f"Invalid `x` type. Expected one of: str, None. Provided type: {type(x).__name__}. "
            "Pass a column name or None to use the dataframe's index.")
    if x not in frame.columns:
        raise _column_not_found(frame, x)
    return x


def _parse_y(frame: Frame, y: Any, x_col: str | None) -> list[str]:
    if y is None:
        names = frame.names()
    elif isinstance(y, str):
        names = [y]
    else:
        names = [str(name) for name in y]
    for name in names:
        if name not in frame.columns:
            raise _column_not_found(frame, name)
    # x is plotted against itself only when asked for by name.
    if x_col in names and (not y or x_col not in y):
        names.remove(x_col)
    return names


def _column_or_value(frame: Frame, given: Any) -> tuple[str | None, Any]:
    if isinstance(given, str) and given in frame.columns:
        return given, None
    return None, given


def _axis(columns: dict[str, list[Any]], kind: Kind, name: str | None, given: Any, label: str | None,
          *, grid: bool, discrete: bool) -> dict[str, Any]:
    """An x or y encoding; ``given`` is what the user passed for it (titles only name those)."""
    if name is None:
        enc: dict[str, Any] = {"field": NO_COLUMN, "title": "", "type": "quantitative"}
    else:
        values = columns[name]
        title = "" if given is None or name in _TITLES else name
        kind_of = "ordinal" if discrete and not is_date_column(values) else vega_type(values)
        enc = {"field": field(name), "title": title, "type": kind_of}
    if label is not None:
        enc["title"] = label
    axis: dict[str, Any] = {"grid": grid}
    if name is not None and is_integer_column(columns[name]):
        axis["tickMinStep"] = 1
    enc.update(scale={}, axis=axis)
    return enc


def _color(columns: dict[str, list[Any]], color_col: str | None, value: Any, given: Any,
           y_cols: list[str]) -> dict[str, Any] | None:
    if value is not None and not (isinstance(value, (list, tuple)) and not value):
        if is_color(value) or is_builtin_color(value):
            if len(y_cols) != 1:
                raise _color_mismatch([value], y_cols)
            return {"value": css_color(value)}
        if isinstance(value, (list, tuple)):
            if len(value) != len(y_cols):
                raise _color_mismatch(value, y_cols)
            if len(value) == 1:
                return {"value": css_color(value[0])}
            enc = {"scale": {"domain": y_cols, "range": [css_color(c) for c in value]},
                   "legend": _COLOR_LEGEND, "type": "nominal", "title": " "}
            if color_col is not None:
                enc["field"] = field(color_col)
            return enc
        raise ReactiveAPIError(
            f"\nThis does not look like a valid color argument: `{given}`.\n\nThe color argument can be:\n\n"
            '* A hex string like "#ffaa00" or "#ffaa0088".\n* An RGB or RGBA tuple with the red, green, '
            "blue, and alpha\n  components specified as ints from 0 to 255 or floats from 0.0 to\n  1.0.\n"
            "* The name of a column.\n* Or a list of colors, matching the number of y columns to draw.\n")
    if color_col is None:
        return None
    if color_col == COLOR:
        return {"field": COLOR, "legend": _COLOR_LEGEND, "type": "nominal", "title": " "}
    values = columns[color_col]
    enc = {"field": field(color_col), "legend": _COLOR_LEGEND, "type": vega_type(values),
           "title": color_col}
    if values and is_color(values[0]):
        # A column of colours colours the marks itself: a legend of "#f00" would say nothing.
        enc["scale"] = {"range": list(dict.fromkeys(css_color(c) for c in values))}
        enc["legend"] = None
    return enc


def _color_mismatch(colors: Any, y_cols: list[str]) -> ReactiveAPIError:
    return ReactiveAPIError(f"The list of colors `{list(colors)}` must have the same length as the list "
                            f"of columns to be colored `{y_cols}`.")


def _size(columns: dict[str, list[Any]], kind: Kind, size_col: str | None,
          value: Any) -> dict[str, Any] | None:
    if kind is not Kind.SCATTER:
        return None
    if size_col is not None:
        return {"field": field(size_col), "title": size_col, "legend": _SIZE_LEGEND,
                "type": vega_type(columns[size_col])}
    if value is None:
        return {"value": 100}
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return {"value": value}
    raise ReactiveValueError(
        f"Invalid `size` value. Supported values: a column name, a number. Got {value!r}.")


def _tooltip(columns: dict[str, list[Any]], name: str) -> dict[str, Any]:
    if name in _TITLES:
        kind_of = {COLOR: "nominal", VALUE: "quantitative"}.get(name) or vega_type(columns[name])
        return {"field": name, "title": _TITLES[name], "type": kind_of}
    return {"field": field(name), "title": name, "type": vega_type(columns[name])}
