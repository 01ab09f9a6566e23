"""AppTest handles with actions of their own: button groups, the camera, the data editor,
expanders that track their state and dialogs. Importing this module registers them
(``testing_elements.SPECIAL_HANDLES``), which ``django_reactive.testing`` does.
"""

from __future__ import annotations

import copy
from typing import Any

from .elements.dialog import Dialog
from .testing_elements import SPECIAL_HANDLES, BlockHandle, WidgetHandle
from .widgets import ButtonGroup, CameraInput, DataEditor, Widget
from .widgets.expander import TrackedExpander


class ButtonGroupHandle(WidgetHandle):
    """``st.pills`` and ``st.segmented_control``: Streamlit's ``ButtonGroup`` (its ``type``
    is ``"button_group"``); ``select`` and ``unselect`` follow the selection mode."""

    @property
    def type(self) -> str:
        return "button_group"

    @property
    def indices(self) -> list[int]:
        """The indices of the chosen options (one at most in single mode)."""
        return [self.element.options.index(v) for v in self.element.chosen(self.value)]

    def select(self, value: Any) -> WidgetHandle:
        """Choose ``value``: replaces the choice in single mode, adds to the selection in multi mode."""
        if not self.element.multi:
            return self.set_value(value)
        current = list(self.value)
        return self if value in current else self.set_value([*current, value])

    def unselect(self, value: Any) -> WidgetHandle:
        """Clear ``value`` if it is chosen (single mode: the choice becomes None)."""
        if not self.element.multi:
            return self.set_value(None) if self.value == value else self
        return super().unselect(value)


class CameraInputHandle(WidgetHandle):
    """``st.camera_input``, as Streamlit's: ``set_value((filename, content, mime_type))`` (or a token
    from ``store_upload``, or None), ``upload(filename, content)`` and ``clear()``."""

    def upload(self, filename: str, content: bytes, mime_type: str = "image/jpeg") -> CameraInputHandle:
        return self.set_value((filename, content, mime_type))

    def clear(self) -> CameraInputHandle:
        return self.set_value(None)


class DataEditorHandle(WidgetHandle):
    """``st.data_editor``: ``value`` is the edited data the view gets. Actions add to Streamlit's edit
    state (``edits``): ``edit(row, column, value)``, ``add_row(values)``, ``delete_row(row)``, where
    ``row`` counts the input's rows then the added ones; ``set_value(state)`` replaces it."""

    @property
    def edits(self) -> dict[str, Any]:
        """The edit state the next run sends: the current one with the actions recorded since."""
        return copy.deepcopy(self._at._pending.get(self.id, self.element.current))

    @property
    def value(self) -> Any:
        pending = self._at._pending
        if self.id in pending:
            element = self.element
            return element.result(element.from_client(element.to_client(pending[self.id])))
        return self.element.value

    def edit(self, row: int, column: str, value: Any) -> DataEditorHandle:
        state, count = self.edits, len(self.element.source.rows)
        if row >= count:
            state["added_rows"][row - count][column] = value
        else:
            state["edited_rows"].setdefault(row, {})[column] = value
        return self.set_value(state)

    def add_row(self, values: dict[str, Any] | None = None) -> DataEditorHandle:
        state = self.edits
        state["added_rows"].append(dict(values or {}))
        return self.set_value(state)

    def delete_row(self, row: int) -> DataEditorHandle:
        state, count = self.edits, len(self.element.source.rows)
        if row >= count:
            del state["added_rows"][row - count]
        else:
            state["deleted_rows"].append(row)
        return self.set_value(state)


class TrackedBlockHandle(BlockHandle, WidgetHandle):
    """An ``st.expander`` tracking its state: a block, and a widget whose value is whether it is
    open (``set_value(True).run()`` opens it as a click in the browser does)."""

    @property
    def value(self) -> Any:
        pending = self._at._pending
        return pending[self.id] if self.id in pending else self.element.value


class DialogHandle(BlockHandle):
    """An ``@st.dialog``'s modal (``at.dialog``): what is inside is in its lists and in the usual ones.

    ``dismiss()`` is the user closing it (close button, Escape, a click
    outside): with ``on_dismiss="rerun"`` or a callback the next ``run()``
    sends the dismissal (the callback first, then the view); with "ignore"
    the browser tells the server nothing, and the next ``run()`` is a plain re-run.
    """

    element: Dialog

    @property
    def value(self) -> Any:
        return None

    def dismiss(self) -> DialogHandle:
        if not self.element.dismissible:
            raise ValueError(f"The dialog {self.element.title!r} is not dismissible: close it with "
                             "st.rerun() in its function.")
        if isinstance(self.element, Widget):
            self._at._trigger = self.element.id
        return self


SPECIAL_HANDLES.extend([
    (Dialog, DialogHandle),  # before the tracked expander: a dismissible dialog is a widget block too
    (TrackedExpander, TrackedBlockHandle),
    (ButtonGroup, ButtonGroupHandle),
    (DataEditor, DataEditorHandle),
    (CameraInput, CameraInputHandle),
])
