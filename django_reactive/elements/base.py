"""The base of every element a view can put on the page.

An element is one class plus one template. The class takes Streamlit's
arguments in :meth:`Element.create`, validates them, and exposes the template
context in :meth:`Element.context`. Subclasses that set ``command`` are
registered, which is what makes ``st.<command>(...)`` exist: nothing else
needs to change to add one.
"""

from __future__ import annotations

from typing import Any, ClassVar

#: ``st.<command>`` name -> element class.
COMMANDS: dict[str, type[Element]] = {}


class Element:
    """A display element: rendered from ``template`` with :meth:`context`."""

    command: ClassVar[str] = ""
    template: ClassVar[str] = ""
    #: Whether st.<command>() returns a handle to a new container (layout).
    is_block: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.__dict__.get("command"):
            COMMANDS[cls.command] = cls

    @classmethod
    def create(cls, *args: Any, **kwargs: Any) -> Element:
        """Build the element from Streamlit's call signature."""
        return cls(*args, **kwargs)

    def context(self) -> dict[str, Any]:
        """Template context (besides ``eid`` and ``dom_id``, added by the renderer)."""
        return {}

    #: Value that AppTest exposes as ``.value``.
    @property
    def value(self) -> Any:
        return None
