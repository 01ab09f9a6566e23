"""The data behind ``st.data_editor``: read once per run, its edit state checked, edits applied.

Whatever the input, it is read through the tables' own normalisation
(:func:`django_reactive.elements.data.tabulate`) into column names and rows of
Python values, plus what it takes to give the edited data back in the input's
kind: a DataFrame (or Series) for pandas, a list of dicts for a list of dicts
or a QuerySet, a list of lists for rows, a list, tuple or set of values, a
dict of columns, or a dict of key/value pairs.

The edit state is Streamlit's: ``{"edited_rows": {row: {column: value}},
"added_rows": [{column: value}], "deleted_rows": [row]}``, rows numbered by
their position in the input, values in JSON form. It is applied as Streamlit
applies it: cell edits, then deletions, then additions.
"""

from __future__ import annotations

import json
import warnings
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import QuerySet
from django.db.models.query import ModelIterable
from django.utils.text import capfirst

from ..elements.data import MAX_ROWS, _pandas, _secret, tabulate
from ..errors import ClientValueError, ReactiveAPIError
from .editor_columns import DEFAULT_EDITORS, INDEX, EditorColumn, infer_kind, to_json

STATE_KEYS = ("edited_rows", "added_rows", "deleted_rows")
#: ``num_rows`` values that let the user add rows, and delete them.
ADDING = ("dynamic", "add")
DELETING = ("dynamic", "delete")


def empty_state() -> dict[str, Any]:
    return {"edited_rows": {}, "added_rows": [], "deleted_rows": []}


@dataclass
class Source:
    """The editor's input as named columns and rows of Python values."""

    format: str
    names: list[str]
    rows: list[list[Any]]
    #: Row labels (a pandas index that is not 0, 1, 2..., the keys of a key/value dict).
    index: list[Any] | None = None
    index_label: str = ""
    #: The pandas object, or the container of a list/tuple/set of values.
    original: Any = None
    model: Any = None
    #: The column holding a QuerySet's primary key.
    pk: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)

    @property
    def auto_index(self) -> bool:
        """Whether a new row gets its label by itself (no index, or a pandas integer index)."""
        if self.index is None:
            return True
        pd = _pandas()
        return self.format in ("frame", "series") and pd.api.types.is_integer_dtype(self.original.index.dtype)


def load(data: Any) -> Source:
    """Read ``data`` (anything ``st.data_editor`` takes) once."""
    pd = _pandas()
    if pd is not None and isinstance(data, (pd.DataFrame, pd.Series)):
        frame = data.to_frame() if isinstance(data, pd.Series) else data
        table = _read(frame)
        source = Source("series" if isinstance(data, pd.Series) else "frame", [str(c) for c in frame.columns],
                        [list(r) for r in table.rows], table.index, table.index_label, original=data)
    elif isinstance(data, QuerySet):
        source = _load_queryset(data)
    elif isinstance(data, dict):
        table = _read(data)
        if table.index is not None:  # a dict of single values: key/value pairs
            source = Source("pairs", ["value"], [list(r) for r in table.rows], table.index)
        else:
            source = Source("columns", table.columns, [list(r) for r in table.rows])
    elif isinstance(data, (list, tuple, set, frozenset)):
        table = _read(list(data))
        if data and all(isinstance(r, dict) for r in data):
            source = Source("records", table.columns, [list(r) for r in table.rows])
        elif data and all(isinstance(r, (list, tuple)) for r in data):
            source = Source("rows", table.columns, [list(r) for r in table.rows])
        else:
            source = Source("values", ["value"], [list(r) for r in table.rows], original=type(data))
    else:
        raise ReactiveAPIError(
            f"The data type ({type(data).__name__}) or format is not supported by the data editor. Please "
            "convert your data into a Pandas Dataframe or another supported data format.")
    _check_names(source.names)
    return source


def _read(data: Any) -> Any:
    table = tabulate(data, "data_editor")
    if table.truncated:
        raise ReactiveAPIError(f"st.data_editor edits at most {MAX_ROWS:,} rows; filter the data first.")
    return table


def _check_names(names: list[str]) -> None:
    duplicated = [n for i, n in enumerate(names) if n in names[:i]]
    if duplicated:
        raise ReactiveAPIError(
            "All column names are required to be unique for usage with data editor. The following column "
            f"names are duplicated: {duplicated}. Please rename the duplicated columns in the provided data.")
    if INDEX in names:
        raise ReactiveAPIError(
            f"The column name '{INDEX}' is reserved for the index column and can't be used for data columns. "
            "Please rename the column in the provided data.")


def _load_queryset(qs: QuerySet) -> Source:
    """A QuerySet as the rows of ``values()``, with the primary key kept (added if not asked for)."""
    model, pk = qs.model, qs.model._meta.pk
    if not qs.ordered and not qs.query.is_sliced:
        qs = qs.order_by("pk")  # edits name rows by position: the positions must not change between runs
    if issubclass(qs._iterable_class, ModelIterable):
        names = [f.name for f in model._meta.concrete_fields] + list(qs.query.annotation_select)
    else:
        selected = list(qs.query.values_select) or [f.attname for f in model._meta.concrete_fields]
        names = [*qs.query.extra_select, *selected, *qs.query.annotation_select]
    secret = {f.name for f in model._meta.concrete_fields if _secret(model, f)}
    names = [n for n in names if n not in secret]  # a user's password hash is never shown
    key = next((n for n in ("pk", pk.name, pk.attname) if n in names), None)
    if key is None:
        key = pk.name
        names.append(key)
    table = _read(qs.values(*names))
    rows = [[row.get(n) for n in names] for row in (dict(zip(table.columns, r)) for r in table.rows)]
    fields = {}
    for name in names:
        try:
            fields[name] = model._meta.get_field(pk.name if name == "pk" else name)
        except models.FieldDoesNotExist:
            pass  # an annotation, a lookup across a relation: shown, not edited
    return Source("queryset", names, rows, model=model, pk=key, fields=fields)


# -- columns ------------------------------------------------------------------------------------


def build_columns(source: Source, config: dict[str | int, dict[str, Any]],
                  disabled: Any) -> list[EditorColumn]:
    """The index pseudo-column, then one column per data column, with ``column_config`` applied."""
    columns = [_index_column(source)]
    for position, name in enumerate(source.names):
        values = [row[position] for row in source.rows]
        model_field = source.fields.get(name)
        if model_field is not None:
            column = model_column(name, model_field, name == source.pk)
        else:
            column = EditorColumn(name, name, _kind(source, name, values))
            column.editor = "" if column.kind == "other" else _default_editor(source, name, column)
        columns.append(column)
    disabled_names = set() if isinstance(disabled, bool) else set(disabled)
    for position, column in enumerate(columns):
        if column.name in disabled_names or position in disabled_names:
            column.disabled = True
        for ref in (position, column.name):
            if ref in config:
                column.configure(config[ref])
    return columns


def _index_column(source: Source) -> EditorColumn:
    """Row labels: shown when meaningful; edited only in new rows whose label must be given."""
    index = source.index or []
    column = EditorColumn(INDEX, source.index_label, infer_kind(index), hidden=source.index is None)
    if not source.auto_index:
        column.editor = "number" if column.kind in ("integer", "float") else (
            "text" if column.kind in ("string", "empty") else column.kind)
        column.required = True
    return column


def _kind(source: Source, name: str, values: list[Any]) -> str:
    if source.format not in ("frame", "series"):
        return infer_kind(values)
    pd = _pandas()
    frame = source.original.to_frame() if source.format == "series" else source.original
    dtype = frame.iloc[:, source.names.index(name)].dtype
    types = pd.api.types
    if isinstance(dtype, pd.CategoricalDtype):
        return infer_kind(dtype.categories)
    for test, kind in ((types.is_bool_dtype, "boolean"), (types.is_integer_dtype, "integer"),
                       (types.is_float_dtype, "float"), (types.is_datetime64_any_dtype, "datetime"),
                       (types.is_timedelta64_dtype, "other")):
        if test(dtype):
            return kind
    return infer_kind(values)


def _default_editor(source: Source, name: str, column: EditorColumn) -> str:
    if source.format in ("frame", "series"):
        pd = _pandas()
        frame = source.original.to_frame() if source.format == "series" else source.original
        dtype = frame.iloc[:, source.names.index(name)].dtype
        if isinstance(dtype, pd.CategoricalDtype):
            column.options = [(to_json(c), str(c)) for c in dtype.categories]
            return "selectbox"
    return DEFAULT_EDITORS.get(column.kind, "")


#: Model fields edited as text.
TEXT_FIELDS = (models.CharField, models.TextField)
FIELD_KINDS = ((models.BooleanField, "boolean"), (models.IntegerField, "integer"),
               (models.FloatField, "float"), (models.DecimalField, "decimal"),
               (models.DateTimeField, "datetime"), (models.DateField, "date"), (models.TimeField, "time"))


def model_column(name: str, model_field: Any, is_pk: bool) -> EditorColumn:
    """A QuerySet's column from its model field: label, kind, required, default, choices."""
    kind = next((k for cls, k in FIELD_KINDS if isinstance(model_field, cls)), None)
    if kind is None:
        kind = "string" if isinstance(model_field, TEXT_FIELDS) else "other"
    column = EditorColumn(name, capfirst(str(model_field.verbose_name)), kind, field=model_field,
                          aware=kind == "datetime" and settings.USE_TZ)
    if is_pk or model_field.is_relation or not model_field.editable or kind == "other":
        return column
    if model_field.choices:
        column.editor = "selectbox"
        column.options = [(to_json(v), str(label)) for v, label in model_field.flatchoices]
    else:
        column.editor = DEFAULT_EDITORS[kind]
    column.required = kind != "boolean" and not model_field.blank
    if isinstance(model_field, TEXT_FIELDS):
        column.max_chars = model_field.max_length
    if model_field.has_default() and not callable(model_field.default):
        column.default = to_json(model_field.default)
    return column


# -- the edit state -----------------------------------------------------------------------------


def check_state(raw: Any, columns: list[EditorColumn], rows: int, num_rows: str) -> dict[str, Any]:
    """An edit state sent by the browser (a dict, or its JSON text), checked; what to keep.

    New rows get the ``default`` of the columns they leave out; a required
    column without a value refuses the row, as Streamlit's editor does.
    """
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            raise ClientValueError("The edit state is not valid JSON.") from None
    if not isinstance(raw, dict) or not set(raw) <= set(STATE_KEYS):
        raise ClientValueError(f"Expected an edit state with the keys {', '.join(STATE_KEYS)}.")
    by_name = {c.name: c for c in columns}
    edited = raw.get("edited_rows") or {}
    added = raw.get("added_rows") or []
    deleted = raw.get("deleted_rows") or []
    if not isinstance(edited, dict) or not isinstance(added, list) or not isinstance(deleted, list):
        raise ClientValueError("edited_rows must be an object, added_rows and deleted_rows lists.")
    state = empty_state()
    for row, changes in edited.items():
        position = _row(row, rows)
        if not isinstance(changes, dict):
            raise ClientValueError(f"The edits of row {position} must be an object.")
        state["edited_rows"][position] = {name: _column(by_name, name, new=False).check(value)
                                          for name, value in changes.items()}
    if added and num_rows not in ADDING:
        raise ClientValueError(f"Rows cannot be added with num_rows={num_rows!r}.")
    for new in added:
        if not isinstance(new, dict):
            raise ClientValueError("Each added row must be an object.")
        checked = {name: _column(by_name, name, new=True).check(value) for name, value in new.items()}
        for column in columns:
            if column.editable and column.name not in checked and column.default is not None:
                checked[column.name] = column.default
            if column.editable and column.required and checked.get(column.name) is None:
                raise ClientValueError(f"The column {column.name!r} needs a value in a new row.")
        state["added_rows"].append(checked)
    if deleted and num_rows not in DELETING:
        raise ClientValueError(f"Rows cannot be deleted with num_rows={num_rows!r}.")
    for row in deleted:
        position = _row(row, rows)
        if position not in state["deleted_rows"]:
            state["deleted_rows"].append(position)
    return state


def _row(raw: Any, rows: int) -> int:
    """A row position: an int, or its text (JSON object keys are text)."""
    if isinstance(raw, str) and raw.isdigit():
        raw = int(raw)
    if isinstance(raw, bool) or not isinstance(raw, int) or not 0 <= raw < rows:
        raise ClientValueError(f"{raw!r} is not the position of one of the {rows} rows.")
    return raw


def _column(by_name: dict[str, EditorColumn], name: Any, *, new: bool) -> EditorColumn:
    column = by_name.get(name) if isinstance(name, str) else None
    if column is None or (column.name == INDEX and not new):
        raise ClientValueError(f"{name!r} is not a column that can be edited.")
    return column


# -- applying edits -----------------------------------------------------------------------------


def apply(source: Source, columns: list[EditorColumn], state: dict[str, Any]) -> Any:
    """The input with the edits applied, in the input's kind."""
    if source.format in ("frame", "series"):
        return _apply_pandas(source, columns, state)
    data = columns[1:]
    where = {name: i for i, name in enumerate(source.names)}
    rows = [list(row) for row in source.rows]
    labels = list(source.index or [])
    for position, changes in state["edited_rows"].items():
        for name, value in changes.items():
            rows[position][where[name]] = data[where[name]].to_python(value)
    deleted = set(state["deleted_rows"])
    rows = [row for i, row in enumerate(rows) if i not in deleted]
    labels = [label for i, label in enumerate(labels) if i not in deleted]
    for new in state["added_rows"]:
        rows.append([column.to_python(new.get(column.name)) for column in data])
        labels.append(columns[0].to_python(new.get(INDEX)))
    return _rebuild(source, rows, labels)


def _rebuild(source: Source, rows: list[list[Any]], labels: list[Any]) -> Any:
    names = source.names
    if source.format in ("records", "queryset"):
        return [dict(zip(names, row)) for row in rows]
    if source.format == "rows":
        return rows
    if source.format == "values":
        return source.original(row[0] for row in rows)
    if source.format == "pairs":
        return {label: row[0] for label, row in zip(labels, rows)}
    return {name: [row[i] for row in rows] for i, name in enumerate(names)}


def _apply_pandas(source: Source, columns: list[EditorColumn], state: dict[str, Any]) -> Any:
    pd = _pandas()
    original = source.original
    df = (original.to_frame() if source.format == "series" else original).copy()
    for position, changes in state["edited_rows"].items():
        for name, value in changes.items():
            where = source.names.index(name)
            _set_cell(df, position, where, columns[where + 1].to_python(value))
    if state["deleted_rows"]:
        df = df.drop(df.index[state["deleted_rows"]])
    for new in state["added_rows"]:
        if isinstance(df.index, pd.RangeIndex) or pd.api.types.is_integer_dtype(df.index.dtype):
            label = int(df.index.max()) + 1 if len(df.index) else 0
        else:
            label = columns[0].to_python(new.get(INDEX))
        values = {col: columns[i + 1].to_python(new.get(source.names[i])) for i, col in enumerate(df.columns)}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)
            df.loc[label] = values
    return df.iloc[:, 0].rename(original.name) if source.format == "series" else df


def _set_cell(df: Any, row: int, column: int, value: Any) -> None:
    """Set one cell; a value the column's dtype cannot hold (None in integers) widens it to objects."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", FutureWarning)
            df.iat[row, column] = value
    except (TypeError, ValueError, FutureWarning):
        df.isetitem(column, df.iloc[:, column].astype(object))
        df.iat[row, column] = value
