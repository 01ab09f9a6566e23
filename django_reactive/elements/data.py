"""Tables: ``st.table`` and ``st.dataframe`` from rows, columns, QuerySets or pandas.

Whatever the input, it is turned into column labels and rows of Python values
once per run (:func:`tabulate`), and the template renders them in one loop.
At most :data:`MAX_ROWS` rows are read: a QuerySet is sliced, so the database
returns no more, and a caption says how many of how many rows are shown.
pandas is optional and never imported here: a DataFrame can only exist if the
view imported pandas itself.
"""

from __future__ import annotations

import math
import numbers
import sys
from collections.abc import Iterable, Mapping, Sized
from dataclasses import dataclass
from itertools import chain, islice
from typing import Any

from django.db.models import Model, QuerySet
from django.db.models.query import ModelIterable, NamedValuesListIterable, ValuesIterable
from django.utils.formats import number_format
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext

from ..errors import ReactiveAPIError, ReactiveValueError
from .base import Element, gettext_noop
from .sizing import check_height, check_width, width_style

#: Rows read and shown at most; a caption tells how many were left out.
MAX_ROWS = 10_000

ACCEPTED = ("a list of dicts, a list of lists or tuples, a dict of columns, a QuerySet or a "
            "pandas DataFrame")


@dataclass
class Tabular:
    """Data as a table: column labels, rows of values, optional row labels (the index)."""

    columns: list[str]
    rows: list[tuple[Any, ...]]
    #: Row labels worth showing (a pandas index, the keys of a key/value dict); None otherwise.
    index: list[Any] | None = None
    index_label: str = ""
    #: Rows in the data, for the caption of a truncated table; None when unknown (a generator).
    total: int | None = None
    truncated: bool = False


def _pandas() -> Any:
    """The pandas module if the process already imported it; a DataFrame cannot exist otherwise."""
    return sys.modules.get("pandas")


def _is_styler(data: Any) -> bool:
    return f"{type(data).__module__}.{type(data).__qualname__}" == "pandas.io.formats.style.Styler"


def _is_array(data: Any) -> bool:
    """A numpy array of one or two dimensions (a column, or rows), as numpy is imported if one exists."""
    numpy = sys.modules.get("numpy")
    return numpy is not None and isinstance(data, numpy.ndarray) and 1 <= data.ndim <= 2


def _is_series_mapping(pd: Any, data: Any) -> bool:
    return isinstance(data, Mapping) and bool(data) and isinstance(next(iter(data.values())), pd.Series)


def is_tabular(data: Any) -> bool:
    """Whether ``st.write(data)`` shows ``data`` as a table: a QuerySet, a list of dicts, pandas
    (a DataFrame, a Series, an Index, an array, a Styler, a dict of Series) or a numpy array."""
    if isinstance(data, QuerySet):
        return True
    if isinstance(data, list):
        return bool(data) and all(isinstance(row, Mapping) for row in data)
    if _is_styler(data) or _is_array(data):
        return True
    pd = _pandas()
    return pd is not None and (isinstance(data, (pd.DataFrame, pd.Series, pd.Index,
                                                 pd.api.extensions.ExtensionArray))
                               or _is_series_mapping(pd, data))


def as_table_data(data: Any) -> Any:
    """The other shapes of a table as :func:`tabulate` reads them: a Styler's data, a numpy array,
    a pandas Index or array, a dict of Series, and polars or pyarrow data (``to_pandas()``, or the
    dataframe interchange protocol) as a pandas DataFrame; anything else as given."""
    if _is_styler(data):
        return data.data
    pd = _pandas()
    if _is_array(data):
        return data.tolist() if pd is None else pd.DataFrame(data)
    if pd is not None:
        if isinstance(data, pd.Index):
            return data.to_frame(index=False)
        if isinstance(data, pd.api.extensions.ExtensionArray):
            return pd.Series(data)
        if _is_series_mapping(pd, data):
            return pd.DataFrame(data)
    if isinstance(data, (QuerySet, Model, Mapping, str, type)):
        return data
    if callable(getattr(data, "to_pandas", None)):
        return data.to_pandas()
    if callable(getattr(data, "__dataframe__", None)):
        import pandas

        return pandas.api.interchange.from_dataframe(data)
    return data


def tabulate(data: Any, command: str = "table") -> Tabular:
    """Normalise anything ``st.table``/``st.dataframe`` accepts; refuse the rest."""
    if data is None:
        return Tabular([], [])
    pd = _pandas()
    if pd is not None and isinstance(data, (pd.DataFrame, pd.Series)):
        return _from_pandas(pd, data)
    if isinstance(data, QuerySet):
        return _from_queryset(data, command)
    if isinstance(data, Mapping):
        return _from_columns(data)
    if isinstance(data, Iterable) and not isinstance(data, (str, bytes, bytearray, Model)):
        rows = list(islice(data, MAX_ROWS + 1))
        table = _from_rows(rows[:MAX_ROWS], command)
        table.truncated = len(rows) > MAX_ROWS
        if table.truncated and isinstance(data, Sized):
            table.total = len(data)
        return table
    raise ReactiveValueError(
        f"st.{command} cannot show an object of type `{type(data).__name__}`; it accepts {ACCEPTED}.")


def _from_rows(rows: list[Any], command: str) -> Tabular:
    if all(isinstance(row, Mapping) for row in rows):
        # C-level loops: a view typically builds its rows again on every run.
        keys = list(dict.fromkeys(chain.from_iterable(rows)))
        return Tabular([str(k) for k in keys], [tuple(map(row.get, keys)) for row in rows])
    if all(isinstance(row, (list, tuple)) for row in rows):
        width = max(len(row) for row in rows)
        fields = getattr(rows[0], "_fields", None)  # named tuples, values_list(named=True)
        columns = list(fields) if fields and len(fields) == width else [str(i) for i in range(width)]
        return Tabular(columns, [(*row, *(None,) * (width - len(row))) for row in rows])
    if not any(isinstance(row, (Mapping, list, tuple)) for row in rows):
        return Tabular(["0"], [(value,) for value in rows])
    raise ReactiveValueError(
        f"st.{command} needs rows of one kind: all dicts, all lists or tuples, or all single values.")


def _from_columns(data: Mapping[Any, Any]) -> Tabular:
    """A dict of columns; a dict of single values becomes a key/value table, as in Streamlit."""
    columns = [str(key) for key in data]
    values = list(data.values())
    lengths = {len(v) for v in values if isinstance(v, (list, tuple))}
    if not lengths:
        rows = [(value,) for value in values[:MAX_ROWS]]
        return Tabular(["0"], rows, index=columns[:MAX_ROWS], total=len(values),
                       truncated=len(values) > MAX_ROWS)
    if len(lengths) > 1:
        raise ReactiveValueError("All arrays must be of the same length")
    length = lengths.pop()
    cells = [v if isinstance(v, (list, tuple)) else [v] * length for v in values]
    rows = list(islice(zip(*cells), MAX_ROWS))
    return Tabular(columns, rows, total=length, truncated=length > MAX_ROWS)


def _from_queryset(qs: QuerySet, command: str) -> Tabular:
    iterable = qs._iterable_class
    if not issubclass(iterable, (ModelIterable, ValuesIterable)):
        # values_list(), flat or not: read named tuples to learn the column names.
        qs = qs._chain()
        qs._iterable_class = NamedValuesListIterable
    items = list(qs[:MAX_ROWS + 1])
    truncated = len(items) > MAX_ROWS
    items = items[:MAX_ROWS]
    if issubclass(iterable, ModelIterable):
        table = _from_instances(qs, items)
    else:
        table = _from_rows(items, command)
    table.truncated = truncated
    table.total = qs.count() if truncated else None
    return table


def _from_instances(qs: QuerySet, objs: list[Model]) -> Tabular:
    """Model instances: the concrete fields (not deferred ones), then annotations.

    A foreign key shows the related object when ``select_related`` loaded it
    and its primary key otherwise, so a table never costs a query per row. A
    user model's password hash is never shown: ``st.table(User.objects.all())``
    must not put it on a page.
    """
    fields = [f for f in qs.model._meta.concrete_fields if not _secret(qs.model, f)]
    if objs:
        deferred = objs[0].get_deferred_fields()
        fields = [f for f in fields if f.attname not in deferred]
    annotations = list(qs.query.annotation_select)
    columns = [capfirst(str(f.verbose_name)) for f in fields] + annotations

    def cell(obj: Model, field: Any) -> Any:
        if field.is_relation and field.is_cached(obj):
            related = field.get_cached_value(obj)
            return None if related is None else str(related)
        if field.choices and not field.is_relation:
            return getattr(obj, f"get_{field.name}_display")()
        return field.value_from_object(obj)

    rows = [tuple(cell(obj, f) for f in fields) + tuple(getattr(obj, a) for a in annotations)
            for obj in objs]
    return Tabular(columns, rows)


def _secret(model: type[Model], field: Any) -> bool:
    # Imported here: this module is imported before the app registry is ready.
    from django.contrib.auth.base_user import AbstractBaseUser

    return field.name == "password" and issubclass(model, AbstractBaseUser)


def _from_pandas(pd: Any, data: Any) -> Tabular:
    """A DataFrame (or Series); its index is shown unless it is the default 0, 1, 2, ..."""
    if isinstance(data, pd.Series):
        data = data.to_frame()
    head = data.iloc[:MAX_ROWS]
    index = data.index
    default = (isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1
               and index.name is None)
    return Tabular(
        [str(c) for c in data.columns], list(head.itertuples(index=False, name=None)),
        index=None if default else list(head.index),
        index_label="" if index.name is None else str(index.name),
        total=len(data), truncated=len(data) > MAX_ROWS,
    )


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _numeric(values: Iterable[Any]) -> bool:
    """Whether a column holds numbers (and blanks) only, so it is right-aligned."""
    seen = False
    for value in values:
        if value is None:
            continue
        if not isinstance(value, numbers.Number) or isinstance(value, bool):
            return False
        seen = True
    return seen


class Table(Element):
    """``st.table(data)``: a static, accessible ``<table>``; ``value`` is the rows as dicts.

    ``value`` maps each column label, as shown in the header, to the cell's
    Python value; row labels (a pandas index) are in ``index``.
    """

    command = "table"
    template = "django_reactive/elements/table.html"
    #: The name screen readers give the scrolling region (translated when shown).
    region_label = gettext_noop("Table")

    def __init__(self, data: Any = None, *, border: bool | str = True, width: Any = "stretch",
                 height: Any = "content", hide_index: bool | None = None, hide_header: bool | None = None,
                 alt: str | None = None) -> None:
        data = as_table_data(data)
        self.data = tabulate(data, self.command)
        self.width = check_width(width, allow_content=True)
        self.height = None if check_height(height) in ("content", "stretch") else height
        self.hide_index = hide_index
        self.hide_header = bool(hide_header)
        self.border = border
        self.alt = alt
        pd = _pandas()
        is_pandas = pd is not None and isinstance(data, (pd.DataFrame, pd.Series))
        #: The pandas data shown, as a DataFrame: AppTest's ``value`` then, as Streamlit's.
        self.frame = (data.to_frame() if isinstance(data, pd.Series) else data) if is_pandas else None

    @property
    def columns(self) -> list[str]:
        return self.data.columns

    @property
    def index(self) -> list[Any] | None:
        return self.data.index

    @property
    def value(self) -> Any:
        """The pandas DataFrame given, as Streamlit's AppTest; other data as a list of row dicts."""
        if self.frame is not None:
            return self.frame
        return [dict(zip(self.data.columns, row)) for row in self.data.rows]

    def shown(self) -> tuple[list[int], list[Any] | None]:
        """Positions of the columns to show, and the row labels to show (None: no index column).

        ``hide_index=None`` shows row labels only when the data has meaningful
        ones; ``False`` shows row numbers otherwise.
        """
        index = self.data.index
        if self.hide_index:
            index = None
        elif self.hide_index is False and index is None:
            index = list(range(len(self.data.rows)))
        return list(range(len(self.data.columns))), index

    def note(self) -> str:
        """The caption of a cut or empty table, in the active language."""
        data = self.data
        if not data.rows:
            return gettext("No rows.")
        shown = number_format(len(data.rows), force_grouping=True)
        if data.total is None:
            return ngettext("Showing the first %(shown)s row.", "Showing the first %(shown)s rows.",
                            len(data.rows)) % {"shown": shown}
        return ngettext("Showing the first %(shown)s of %(total)s row.",
                        "Showing the first %(shown)s of %(total)s rows.", data.total) % {
            "shown": shown, "total": number_format(data.total, force_grouping=True)}

    def memo_key(self) -> str:
        # Formatting every cell costs more than comparing the data: an unchanged
        # table is found by its data and options alone.
        return repr(vars(self))

    def context(self) -> dict[str, Any]:
        data = self.data
        positions, index = self.shown()
        numeric = [_numeric(row[i] for row in data.rows) for i in positions]
        heads = [_text(label) for label in index] if index is not None else [""] * len(data.rows)
        rows = [(head, [(_text(row[i]), num) for i, num in zip(positions, numeric)])
                for head, row in zip(heads, data.rows)]
        note = self.note() if data.truncated or not data.rows else ""
        return {
            "columns": [(data.columns[i], num) for i, num in zip(positions, numeric)],
            "rows": rows, "has_index": index is not None, "index_label": data.index_label,
            "note": note, "region_label": self.alt or gettext(self.region_label), "height": self.height,
            "width": "" if self.width == "stretch" else width_style(self.width),
            "hide_header": self.hide_header,
        }


class DataFrame(Table):
    """``st.dataframe(data)``: the same table in a scrolling box with a sticky header.

    ``column_order`` picks and orders the shown columns by label (``value``
    keeps them all).
    """

    command = "dataframe"
    region_label = gettext_noop("Data frame")

    def __init__(self, data: Any = None, width: Any = "stretch", height: Any = "auto", *,
                 use_container_width: bool | None = None, hide_index: bool | None = None,
                 column_order: Iterable[str] | None = None, column_config: Any = None, key: Any = None,
                 on_select: Any = "ignore", selection_mode: Any = "multi-row", selection_default: Any = None,
                 row_height: int | None = None, placeholder: str | None = None, lazy: bool | None = None,
                 alt: str | None = None) -> None:
        if on_select != "ignore":
            raise ReactiveAPIError(
                "st.dataframe(on_select=...) (row and column selections) is not supported.")
        if use_container_width is not None:  # Streamlit's deprecated form of width
            width = "stretch" if use_container_width else "content"
        if height is None or height == "auto":
            height = "content"
        elif isinstance(height, int) and not isinstance(height, bool) and height <= 0:
            raise ReactiveValueError(
                f"The height of st.dataframe must be a positive number of pixels or None, not {height!r}.")
        super().__init__(data, width=width, height=height, hide_index=hide_index, alt=alt)
        self.column_order = None if column_order is None else [str(c) for c in column_order]

    def shown(self) -> tuple[list[int], list[Any] | None]:
        positions, index = super().shown()
        if self.column_order is not None:
            where = {label: i for i, label in enumerate(self.data.columns)}
            positions = [where[label] for label in self.column_order if label in where]
        return positions, index
