"""What a callback writes into a container of the previous run.

A callback runs before the view, so the handles it was given
(``on_click=show, args=[container]``) are the previous run's containers,
which the new run replaces. What it writes there is kept until the new run
creates the container at the same place, and is shown at its top (as a
callback's ``st.*`` output is shown at the top of the page), as Streamlit's
AppTest lists such elements first in the container.
"""

from __future__ import annotations

from ..elements import Block, Element, Empty

#: A block's place in the tree: the indexes of the children lists that lead to it.
Path = tuple[int, ...]


def find(root: Block, block: Block) -> Path | None:
    """The place of ``block`` under ``root``, or None when it is not there."""
    for index, child in enumerate(root.children):
        if child is block:
            return (index,)
        if isinstance(child, Block):
            below = find(child, block)
            if below is not None:
                return (index, *below)
    return None


class CallbackWrites:
    """Elements waiting for their container, by its place; and the places of the run's blocks."""

    def __init__(self) -> None:
        self.pending: dict[Path, list[Element]] = {}
        self._places: dict[int, Path] | None = None

    def stash(self, old_root: Block | None, target: Block, element: Element) -> bool:
        """Keep ``element`` for ``target`` if it is a block of the previous run's tree.

        Not for a placeholder (``st.empty()``): the run's own placeholder replaces what a
        callback wrote there, as in Streamlit.
        """
        path = find(old_root, target) if old_root is not None and not isinstance(target, Empty) else None
        if path is None:
            return False
        self.pending.setdefault(path, []).append(element)
        return True

    def start(self, root: Block) -> None:
        """A run begins with ``root``: follow its blocks only while writes wait for one."""
        if not self.pending:
            self._places = None
            return
        self._places = {id(area): (index,) for index, area in enumerate(root.children)}

    def placed(self, target: Block, block: Block) -> None:
        """``block`` is about to become the next child of ``target``: give it what waits there."""
        if self._places is None or id(target) not in self._places:
            return
        path = (*self._places[id(target)], len(target.children))
        self._places[id(block)] = path
        for index, child in enumerate(block.children):  # columns and tabs come with theirs
            if isinstance(child, Block):
                self._places[id(child)] = (*path, index)
                child.children[:0] = self.pending.pop((*path, index), [])
        block.children[:0] = self.pending.pop(path, [])

    def end(self) -> None:
        """Writes whose container the run did not create again are dropped."""
        self.pending.clear()
        self._places = None
