"""The handle of a display element: writing to it replaces the element in place.

``st.text("a")`` returns a handle on which ``.text("b")`` replaces "a" where it
stands, as Streamlit's delta generators do; ``bar = st.progress(0)`` followed
by ``bar.progress(50)`` moves the bar.
"""

from __future__ import annotations

from typing import Any

from ..elements import Block, Element


class Slot:
    """Where one display element stands in its block."""

    is_block = False

    def __init__(self, parent: Block, element: Element) -> None:
        self.parent = parent
        self.element = element
        self.form: Any = parent.form
        self.root: str = parent.root

    def _index(self) -> int | None:
        return next((i for i, child in enumerate(self.parent.children) if child is self.element), None)

    def add(self, child: Element) -> None:
        """Put ``child`` where the element stands (or at the end if it was removed)."""
        index = self._index()
        if index is None:
            self.parent.add(child)
        else:
            self.parent.children[index] = child
        self.element = child

    def remove(self) -> None:
        index = self._index()
        if index is not None:
            del self.parent.children[index]
