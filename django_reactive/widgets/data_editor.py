"""``st.data_editor``: an editable table whose value is the data with the visitor's edits.

Its widget value (what ``st.session_state[key]`` holds) is Streamlit's edit
state, ``{"edited_rows": {row: {column: value}}, "added_rows": [...],
"deleted_rows": [...]}``; the view gets the input with those edits applied, in
the input's kind (:mod:`.editor_data`). In the browser each cell is a control
of its column's type; a small module (``static/django_reactive/data_editor.js``)
keeps the edit state in a hidden control and sends it, as JSON, like any
widget value, and the server checks it cell by cell against the columns.

A QuerySet's rows come back as dicts keyed by field name with the primary
key kept, in a list whose ``save()`` writes the edits to the database
(:mod:`.editor_save`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any, ClassVar

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from ..elements.sizing import check_height, check_width, width_style
from ..errors import ClientValueError, ReactiveValueError
from .base import Widget
from .button_group import change_handler
from .column_config import normalize
from .editor_columns import INDEX, EditorColumn, is_missing, to_json
from .editor_data import ADDING, DELETING, apply, build_columns, check_state, empty_state, load
from .editor_save import EditedRows

NUM_ROWS = ("fixed", "dynamic", "add", "delete")
#: The ``<input type>`` of an editor, where it is not the editor's name.
INPUT_TYPES = {"datetime": "datetime-local"}


class DataEditor(Widget):
    """``st.data_editor``: returns the edited data; ``st.session_state[key]`` is the edit state."""

    command = "data_editor"
    template = "django_reactive/widgets/data_editor.html"
    kind = "editor"
    read_only = True
    keyed_identity = ("signature",)
    assets: ClassVar[tuple[str, ...]] = ("django_reactive/data_editor.css", "django_reactive/data_editor.js")

    @classmethod
    def create(cls, data: Any, *, width: Any = "stretch", height: Any = "auto",
               use_container_width: bool | None = None, hide_index: bool | None = None,
               column_order: Iterable[str] | None = None, column_config: Any = None, num_rows: str = "fixed",
               disabled: bool | Iterable[str | int] = False, key: Any = None, on_change: Any = "rerun",
               args: Any = None, kwargs: Any = None, row_height: int | None = None,
               placeholder: str | None = None, alt: str | None = None) -> DataEditor:
        callback, ignore = change_handler(on_change)
        if num_rows not in NUM_ROWS:
            raise ReactiveValueError(f"Invalid `num_rows` value: {num_rows!r}. Supported values: 'fixed', "
                                     "'dynamic', 'add', 'delete'.")
        if use_container_width is not None:
            width = "stretch" if use_container_width else (width if isinstance(width, int) else "content")
        check_width(width, allow_content=True)
        if height != "auto":
            check_height(height, allow_content=True)
        widget = cls("", key=key, callback=callback, args=args, kwargs=kwargs, disabled=disabled is True)
        widget.ignore = ignore
        widget.num_rows = num_rows
        widget.width, widget.height, widget.row_height = width, height, row_height
        widget.placeholder = placeholder
        widget.alt = (alt or "").strip() or None
        widget.column_order = None if column_order is None else [str(c) for c in column_order]
        widget.source = load(data)
        widget.columns = build_columns(widget.source, normalize(column_config), disabled)
        widget._hide_index(hide_index)
        widget.errors = []
        source = widget.source
        widget.digest = hashlib.sha256(repr((source.names, source.rows, source.index)).encode()).hexdigest()
        widget.signature = widget._signature(values=key is None or num_rows != "fixed")
        return widget

    def _hide_index(self, hide_index: bool | None) -> None:
        """Row labels show when they mean something; they cannot be hidden while new rows need one."""
        index = self.columns[0]
        if hide_index is not None and (index.editor == "" or self.num_rows not in ADDING):
            index.hidden = hide_index

    def _signature(self, *, values: bool) -> str:
        """What makes the editor another widget: its data's shape (and values, unless keyed and fixed).

        A keyed ``num_rows="fixed"`` editor keeps its edits while only values
        change, as in Streamlit. A QuerySet's primary keys are always part of
        it: edits follow row positions, so other rows mean other edits.
        """
        source = self.source
        shape = [source.format, source.names, [(c.kind, c.editable) for c in self.columns], len(source.rows),
                 source.index, self.num_rows]
        if source.pk is not None:
            shape.append([row[source.names.index(source.pk)] for row in source.rows])
        if values:
            shape.append(self.digest)
        return hashlib.sha256(repr(shape).encode()).hexdigest()

    def identity_params(self) -> tuple[Any, ...]:
        return (self.signature, self.width, self.height, self.row_height, self.placeholder, self.alt,
                repr(self.column_order), repr([vars(c) for c in self.columns]))

    @property
    def editing_mode(self) -> str:
        """``num_rows``, as Streamlit's AppTest names it."""
        return self.num_rows

    # -- values --------------------------------------------------------------------------

    def default(self) -> dict[str, Any]:
        return empty_state()

    def coerce(self, value: Any) -> dict[str, Any]:
        """An edit state kept from an earlier run; one that no longer fits the data is dropped."""
        try:
            return self.from_client(value)
        except ClientValueError:
            return empty_state()

    def from_client(self, raw: Any) -> dict[str, Any]:
        return check_state(raw, self.columns, len(self.source.rows), self.num_rows)

    def to_client(self, value: Any) -> Any:
        """The JSON form the browser sends (dates as ISO text): AppTest passes edit states as they are."""
        def cells(row: Any) -> Any:
            if not isinstance(row, dict):
                return row  # refused by from_client
            return {column: v if v is None or isinstance(v, (str, int, float)) else to_json(v)
                    for column, v in row.items()}

        if not isinstance(value, dict):
            return value
        json_form = dict(value)
        if isinstance(value.get("edited_rows"), dict):
            json_form["edited_rows"] = {row: cells(changes) for row, changes in value["edited_rows"].items()}
        if isinstance(value.get("added_rows"), list):
            json_form["added_rows"] = [cells(row) for row in value["added_rows"]]
        return json_form

    def result(self, value: Any) -> Any:
        data = apply(self.source, self.columns, value)
        if self.source.format == "queryset":
            return EditedRows(data, editor=self, state=value)
        return data

    # -- rendering -----------------------------------------------------------------------

    def memo_key(self) -> str:
        # Building every cell costs more than comparing what they are made of.
        return repr((self.digest, self.signature, self.current, self.errors, self.disabled, self.id,
                     self.identity_params(), self.ignore))

    def context(self) -> dict[str, Any]:
        state = self.current
        source, index = self.source, self.columns[0]
        where = {name: i for i, name in enumerate(source.names)}
        shown = self._shown()
        rows = []
        deleted = set(state["deleted_rows"])
        for position, values in enumerate(source.rows):
            if position in deleted:
                continue
            values = list(values)
            for name, value in state["edited_rows"].get(position, {}).items():
                values[where[name]] = self.columns[where[name] + 1].to_python(value)
            label = source.index[position] if source.index is not None else position
            rows.append(self._row("row", position, label, values, shown, len(rows) + 1))
        for number, new in enumerate(state["added_rows"]):
            values = [column.to_python(new.get(column.name)) for column in self.columns[1:]]
            label = index.to_python(new.get(INDEX))
            rows.append(self._row("added", number, label, values, shown, len(rows) + 1))
        can_add = self.num_rows in ADDING and not self.disabled
        if can_add:  # the row "Add row" copies (in a <template>)
            defaults = [column.to_python(column.default) for column in self.columns[1:]]
            rows.append(self._row("draft", 0, None, defaults, shown))
        return {
            **super().context(), "alt": self.alt or gettext("Data editor"), "ignore": self.ignore,
            "state": json.dumps(state), "style": width_style(self.width),
            "height": {"content": "max-height:none"}.get(self.height, "") if not isinstance(self.height, int)
            else f"height:{self.height}px;max-height:none",
            "show_index": not index.hidden, "index_label": index.label,
            "columns": [self.columns[i] for i in shown], "rows": rows, "can_add": can_add,
            "can_delete": self.num_rows in DELETING, "errors": self.errors, "row_height": self.row_height,
        }

    def _shown(self) -> list[int]:
        """Positions (in ``columns``) of the data columns shown, in order."""
        positions = {column.name: i for i, column in enumerate(self.columns) if i}
        if self.column_order is not None:
            return [positions[name] for name in self.column_order if name in positions]
        return [i for i in positions.values() if not self.columns[i].hidden]

    def _row(self, kind: str, position: int, label: Any, values: list[Any], shown: list[int],
             number: int = 0) -> dict[str, Any]:
        """One row: ``kind`` is "row" (of the data), "added" or "draft" (the template of a new row).

        ``number`` counts the rows shown from 1, for the names of the cells' controls.
        """
        index = self.columns[0]
        cells = [self._cell(self.columns[i], values[i - 1], number) for i in shown]
        if not index.hidden:
            if kind != "row" and index.editable:
                cells.insert(0, self._cell(index, label, number))
            else:
                cells.insert(0, {"head": True, "text": self._text(label) if kind == "row" else ""})
        key = f"{kind[0]}{position}"
        for i, cell in enumerate(cells):
            cell["id"] = f"{key}-{i}"  # stable DOM ids: a patch morphs a focused cell in place
        return {"kind": kind, "pos": position, "number": number, "cells": cells}

    def _cell(self, column: EditorColumn, value: Any, number: int) -> dict[str, Any]:
        if not column.editable or self.disabled:
            return {"text": self._text(value), "num": column.kind in ("integer", "float", "decimal")}
        label = column.label or column.name
        name = (gettext("%(column)s, row %(row)s") % {"column": label, "row": number} if number
                else gettext("%(column)s, new row") % {"column": label})
        cell = {"editor": column.editor, "name": column.name, "value": column.input_value(value),
                "label": name, "required": column.required}
        if column.editor == "selectbox":
            cell["options"] = [(json.dumps(v), text) for v, text in column.options or []]
            return cell
        attrs: dict[str, Any] = {"required": column.required}
        if column.editor == "number":
            attrs.update(step=column.step or (1 if column.kind == "integer" else "any"),
                         min=column.min_value, max=column.max_value)
        elif column.editor in ("date", "datetime", "time"):
            attrs.update(min=column.min_value, max=column.max_value,
                         step=column.step or (1 if column.editor != "date" else None))
        else:
            attrs["maxlength"] = column.max_chars
        cell["type"] = INPUT_TYPES.get(column.editor, column.editor)
        cell["attrs"] = html_attributes(attrs)
        return cell

    def _text(self, value: Any) -> str:
        """A read-only cell text; missing value shows ``placeholder`` ("None" by default, as Streamlit)."""
        if is_missing(value):
            return "None" if self.placeholder is None else self.placeholder
        return str(value)


def html_attributes(attrs: dict[str, Any]) -> SafeString:
    """`` name="value"`` for each attribute that is set; True gives a bare one (`` required``)."""
    parts = [format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value)
             for name, value in attrs.items() if value is not None and value is not False]
    return mark_safe("".join(parts))  # noqa: S308 - each part is escaped by format_html
