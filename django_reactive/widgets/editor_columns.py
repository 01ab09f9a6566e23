"""The columns of ``st.data_editor``: what each holds, how it is edited, and its values checked.

A column has a *kind* (what its data holds, as Streamlit's ``ColumnDataKind``:
``"string"``, ``"integer"``, ``"float"``, ``"decimal"``, ``"boolean"``,
``"date"``, ``"datetime"``, ``"time"``, ``"empty"`` or ``"other"``) and an
*editor* (the control of its cells: ``"text"``, ``"number"``, ``"checkbox"``,
``"selectbox"``, ``"date"``, ``"time"``, ``"datetime"``, or ``""`` for a
read-only column). The kind comes from the data (a DataFrame's dtypes, a
model field, the values themselves); ``column_config`` may pick another editor.
Edited values travel and are kept in session state in their JSON form (dates
as ISO text), as in Streamlit's edit state; :meth:`EditorColumn.to_python`
turns them into the column's Python values.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils import timezone

from ..errors import ClientValueError, ReactiveAPIError
from .base import is_number, timelike

#: The pseudo-column of the row labels (an index, the keys of a key/value dict), as in Streamlit.
INDEX = "_index"
#: The editor a kind gets by default.
DEFAULT_EDITORS = {"string": "text", "empty": "text", "integer": "number", "float": "number",
                   "decimal": "number", "boolean": "checkbox", "date": "date", "datetime": "datetime",
                   "time": "time"}
#: The kinds each editor can edit (Streamlit's compatibility of column types and data).
COMPATIBLE = {
    "text": {"string", "empty"},
    "number": {"integer", "float", "decimal", "string", "empty"},
    "checkbox": {"boolean", "string", "integer", "empty"},
    "selectbox": {"string", "boolean", "integer", "float", "empty"},
    "date": {"date", "datetime", "empty"},
    "time": {"time", "datetime", "empty"},
    "datetime": {"datetime", "date", "time", "empty"},
}
TEMPORAL = ("date", "time", "datetime")
#: Streamlit's named column widths, in pixels.
WIDTHS = {"small": 75, "medium": 200, "large": 400}


def is_missing(value: Any) -> bool:
    """None, NaN, pandas' NaT/NA: an empty cell."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    return type(value).__name__ in ("NaTType", "NAType")


def kind_of(value: Any) -> str:
    if isinstance(value, bool) or type(value).__name__ in ("bool_", "bool"):
        return "boolean"
    if isinstance(value, numbers.Integral):
        return "integer"
    if isinstance(value, Decimal):
        return "decimal"
    if isinstance(value, numbers.Real):
        return "float"
    if isinstance(value, str):
        return "string"
    return timelike(value) or "other"


def infer_kind(values: Any) -> str:
    """The kind of a column from its values; mixed values make it ``"other"`` (read-only)."""
    kinds = {kind_of(v) for v in values if not is_missing(v)}
    if not kinds:
        return "empty"
    if kinds == {"integer", "float"}:
        return "float"
    return kinds.pop() if len(kinds) == 1 else "other"


def to_json(value: Any) -> Any:
    """A cell's Python value in the JSON form the edit state keeps (dates as ISO text)."""
    if is_missing(value):
        return None
    kind = kind_of(value)
    if kind == "boolean":
        return bool(value)
    if kind == "integer":
        return int(value)
    if kind in ("float", "decimal"):
        return float(value)
    if kind in TEMPORAL:
        return value.isoformat()
    return value if isinstance(value, str) else str(value)


@dataclass
class EditorColumn:
    """One column of the editor (``name`` is its key in the edit state)."""

    name: str
    label: str
    kind: str
    editor: str = ""
    disabled: bool = False
    required: bool = False
    #: The value of this column in a new row, in JSON form.
    default: Any = None
    hidden: bool = False
    help: str | None = None
    width: Any = None
    #: A selectbox's ``(value, label)`` pairs.
    options: list[tuple[Any, str]] | None = None
    min_value: Any = None
    max_value: Any = None
    step: Any = None
    max_chars: int | None = None
    validate: str | None = None
    #: Datetimes are made timezone-aware (a model's DateTimeField with USE_TZ).
    aware: bool = False
    #: The model field a QuerySet's column shows (None otherwise).
    field: Any = None

    @property
    def editable(self) -> bool:
        return bool(self.editor) and not self.disabled

    @property
    def pixels(self) -> int | None:
        """The column's ``width`` in pixels (Streamlit's "small", "medium", "large" or a number)."""
        if isinstance(self.width, int) and not isinstance(self.width, bool):
            return self.width
        return WIDTHS.get(self.width)

    def configure(self, config: dict[str, Any]) -> None:
        """Apply one column's ``column_config`` (see :mod:`.column_config`)."""
        for attr in ("label", "help"):
            if config.get(attr) is not None:
                setattr(self, attr, str(config[attr]))
        if config.get("width") is not None:
            self.width = config["width"]
        for attr in ("disabled", "required", "hidden"):
            if config.get(attr) is not None:
                setattr(self, attr, bool(config[attr]))
        if config.get("default") is not None:
            self.default = to_json(config["default"])
        type_config = config.get("type_config") or {}
        editor = type_config.get("type")
        if editor is None:
            return
        if editor not in COMPATIBLE:
            self.editor = ""  # a column type of Streamlit's that only displays
            return
        if not self.disabled and self.kind not in COMPATIBLE[editor]:
            raise ReactiveAPIError(
                f"The configured column type `{editor}` for column `{self.name}` is not compatible for "
                f"editing the underlying data type `{self.kind}`.\n\nYou have following options to fix "
                "this: 1) choose a compatible type 2) disable the column 3) convert the column into a "
                "compatible data type.")
        self.editor = editor
        for attr in ("min_value", "max_value", "step", "max_chars", "validate"):
            if type_config.get(attr) is not None:
                setattr(self, attr, type_config[attr])
        if editor == "selectbox" and type_config.get("options") is not None:
            self.options = [(o["value"], str(o.get("label") or o["value"])) if isinstance(o, dict)
                            else (o, str(o)) for o in type_config["options"]]

    # -- values from the browser ----------------------------------------------------

    def check(self, raw: Any) -> Any:
        """A cell value sent by the browser, checked against the column; its JSON form to keep."""
        if not self.editable:
            raise ClientValueError(f"The column {self.name!r} cannot be edited.")
        if raw is None:
            if self.required:
                raise ClientValueError(f"The column {self.name!r} needs a value.")
            return None
        editor = self.editor
        if editor == "text":
            return self._check_text(raw)
        if editor == "number":
            return self._check_number(raw)
        if editor == "checkbox":
            if not isinstance(raw, bool):
                raise ClientValueError(f"The column {self.name!r} takes true or false.")
            return raw
        if editor == "selectbox":
            options = [v for v, _ in self.options or []]
            if not any(raw == v and isinstance(raw, bool) == isinstance(v, bool) for v in options):
                raise ClientValueError(f"{raw!r} is not one of the options of the column {self.name!r}.")
            return raw
        return self._check_temporal(raw)

    def _check_text(self, raw: Any) -> str:
        if not isinstance(raw, str):
            raise ClientValueError(f"The column {self.name!r} takes text.")
        if self.max_chars and len(raw) > self.max_chars:
            raise ClientValueError(f"The text is longer than the {self.max_chars} characters the column "
                                   f"{self.name!r} takes.")
        if self.validate and not re.search(self.validate, raw):
            raise ClientValueError(f"{raw!r} does not match the pattern of the column {self.name!r}.")
        return raw

    def _check_number(self, raw: Any) -> int | float:
        if not is_number(raw) or not math.isfinite(raw):
            raise ClientValueError(f"The column {self.name!r} takes numbers.")
        if self.kind == "integer":
            if raw != int(raw):
                raise ClientValueError(f"The column {self.name!r} takes whole numbers.")
            raw = int(raw)
        self._check_range(raw)
        return raw

    def _check_temporal(self, raw: Any) -> str:
        if not isinstance(raw, str):
            raise ClientValueError(f"The column {self.name!r} takes an ISO {self.editor} text.")
        try:
            value = parse_temporal(self.editor, raw)
        except ValueError:
            raise ClientValueError(f"{raw!r} is not a {self.editor} for the column {self.name!r}.") from None
        bounds = [None if b is None else parse_temporal(self.editor, b)
                  for b in (self.min_value, self.max_value)]
        if isinstance(value, dt.datetime):
            value, bounds = value.replace(tzinfo=None), [b and b.replace(tzinfo=None) for b in bounds]
        self._check_range(value, *bounds)
        return value.isoformat()

    def _check_range(self, value: Any, low: Any = None, high: Any = None) -> None:
        low = self.min_value if low is None and self.editor == "number" else low
        high = self.max_value if high is None and self.editor == "number" else high
        if (low is not None and value < low) or (high is not None and value > high):
            raise ClientValueError(
                f"{value} is outside the range [{low}, {high}] of the column {self.name!r}.")

    # -- values for the view ----------------------------------------------------------

    def to_python(self, value: Any) -> Any:
        """A kept JSON value as the column's data holds it (Streamlit's parsing by kind)."""
        if value is None:
            return None
        kind = self.kind
        if kind == "string":
            return str(value)
        if kind == "integer":
            return int(value)
        if kind == "float":
            return float(value)
        if kind == "decimal":
            try:
                return Decimal(str(value))
            except InvalidOperation:
                return None
        if kind == "boolean":
            return bool(value)
        if kind in TEMPORAL and isinstance(value, str):
            parsed = parse_temporal("time" if kind == "time" else "datetime", value)
            if kind == "date":
                return parsed.date()
            if kind == "datetime" and self.aware and timezone.is_naive(parsed):
                return timezone.make_aware(parsed)
            return parsed
        return value

    def input_value(self, value: Any) -> Any:
        """What a cell's control shows for a Python value (the text of its ``value`` attribute)."""
        if is_missing(value):
            return False if self.editor == "checkbox" else ""
        if self.editor == "checkbox":
            return bool(value)
        if self.editor == "selectbox":
            json_value = to_json(value)
            return next((i for i, (v, _) in enumerate(self.options or []) if v == json_value), "")
        if self.editor == "date" and isinstance(value, (dt.date, str)):
            return (value if isinstance(value, str) else value.isoformat())[:10]
        if self.editor == "datetime" and isinstance(value, dt.datetime):
            if timezone.is_aware(value):
                value = timezone.localtime(value)
            return value.replace(tzinfo=None, microsecond=0).isoformat()
        if self.editor == "time" and isinstance(value, (dt.time, dt.datetime)):
            return (value.time() if isinstance(value, dt.datetime) else value).isoformat(timespec="seconds")
        json_value = to_json(value)
        return "" if json_value is None else str(json_value)


def parse_temporal(editor: str, text: str) -> Any:
    """A date, datetime or time from ISO text (``"2024-05-01"``, ``"2024-05-01T10:30"``, ``"10:30"``)."""
    if editor == "time":
        return dt.time.fromisoformat(text)
    parsed = dt.datetime.fromisoformat(text)
    return parsed.date() if editor == "date" else parsed
