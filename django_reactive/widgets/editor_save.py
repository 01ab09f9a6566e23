"""Saving what ``st.data_editor`` edited in a QuerySet: ``edited.save()``.

The editor returns a QuerySet's rows as dicts keyed by field name, primary
key included, in an :class:`EditedRows` list. ``save()`` writes the edit state
the way a Django form would: every touched object is validated with
``full_clean()`` first; nothing is written unless all are valid; then, in one
transaction, edited rows save only their changed fields, new rows are
created and deleted rows deleted. Validation errors are shown in the editor.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, models, router, transaction
from django.utils.translation import gettext

from .editor_columns import EditorColumn
from .editor_data import DELETING

if TYPE_CHECKING:
    from .data_editor import DataEditor


class EditedRows(list):
    """A QuerySet's rows as edited: ``[{"id": 1, "title": ...}, ...]``; ``save()`` stores the edits."""

    def __init__(self, rows: list[dict[str, Any]], *, editor: DataEditor, state: dict[str, Any]) -> None:
        super().__init__(rows)
        self._editor = editor
        #: Streamlit's edit state these rows come from.
        self.edits = copy.deepcopy(state)

    @property
    def errors(self) -> list[str]:
        """The messages of the last ``save()`` that found invalid rows (shown in the editor)."""
        return list(self._editor.errors)

    def save(self) -> bool:
        """Write the edits to the database; False when a row is invalid (nothing is written then).

        Returns True when every row was valid and written (or there was
        nothing to write). The errors are shown in the editor, one per field,
        naming the row; ``errors`` lists them too.
        """
        editor = self._editor
        source = editor.source
        model = source.model
        columns = {c.name: c for c in editor.columns if c.field is not None and c.editable}
        pks = [row[source.names.index(source.pk)] for row in source.rows]
        deleted = [pks[p] for p in self.edits["deleted_rows"]] if editor.num_rows in DELETING else []
        errors: list[str] = []
        changed = self._changed(model, columns, pks, deleted, errors)
        created = []
        for number, new in enumerate(self.edits["added_rows"], 1):
            obj = model()
            for name, value in new.items():
                if name in columns:
                    setattr(obj, columns[name].field.attname, _model_value(columns[name], value))
            if _valid(obj, [], gettext("New row %(row)s") % {"row": number}, editor.columns, errors):
                created.append(obj)
        if not errors:
            try:
                with transaction.atomic(using=router.db_for_write(model)):
                    for obj, fields in changed:
                        obj.save(update_fields=fields)
                    for obj in created:
                        obj.save()
                    if deleted:
                        model._base_manager.filter(pk__in=deleted).delete()
            except IntegrityError as exc:
                errors.append(str(exc))
        editor.errors = errors
        return not errors

    def _changed(self, model: type[models.Model], columns: dict[str, EditorColumn], pks: list[Any],
                 deleted: list[Any], errors: list[str]) -> list[tuple[models.Model, list[str]]]:
        """The edited objects that are valid, with the fields whose value changed."""
        edited = {p: c for p, c in self.edits["edited_rows"].items() if pks[p] not in deleted}
        objs = model._base_manager.in_bulk([pks[p] for p in edited])
        shown = {c.field.name for c in self._editor.columns if c.field is not None}
        exclude = [f.name for f in model._meta.fields if f.name not in shown]
        changed = []
        for position, changes in sorted(edited.items()):
            row = gettext("Row %(row)s") % {"row": position + 1}
            obj = objs.get(pks[position])
            if obj is None:
                errors.append(gettext("%(row)s: this row no longer exists.") % {"row": row})
                continue
            fields = []
            for name, value in changes.items():
                column = columns.get(name)
                if column is None:
                    continue
                new = _model_value(column, value)
                if column.field.value_from_object(obj) != new:
                    setattr(obj, column.field.attname, new)
                    fields.append(column.field.name)
            if fields and _valid(obj, exclude, row, self._editor.columns, errors):
                changed.append((obj, fields))
        return changed


def _model_value(column: EditorColumn, value: Any) -> Any:
    """A kept cell value as the model field takes it: an emptied text is "" unless the field is nullable."""
    python = column.to_python(value)
    text = isinstance(column.field, (models.CharField, models.TextField))
    if python is None and text and not column.field.null:
        return ""
    return python


def _valid(obj: models.Model, exclude: list[str], row: str, columns: list[EditorColumn],
           errors: list[str]) -> bool:
    """``full_clean()`` the object; add its errors, named by row and column label."""
    try:
        obj.full_clean(exclude=exclude)
    except ValidationError as exc:
        labels = {c.field.name: c.label for c in columns if c.field is not None}
        for name, messages in exc.message_dict.items():
            where = row if name == NON_FIELD_ERRORS else f"{row}, {labels.get(name, name)}"
            errors.extend(f"{where}: {message}" for message in messages)
        return False
    return True
