"""An ``st.expander`` with ``on_change``: a layout block whose open state is widget state."""

from __future__ import annotations

from typing import Any

from ..elements.layout import Expander
from .base import Widget, check_type


class TrackedExpander(Widget, Expander):
    """An ``st.expander`` whose open state is widget state (``on_change="rerun"`` or a callback).

    Its value is whether it is open; the runtime returns the block itself,
    whose ``open`` is that value. Every parameter is part of its identity, as
    in Streamlit (changing ``expanded`` makes it a new expander).
    """

    kind = "expander"
    keyed_identity = ("label", "expanded", "icon", "type", "width")

    def __init__(self, label: str, expanded: bool = False, *, key: Any = None, icon: str | None = None,
                 type: str = "default", width: Any = "stretch", on_change: Any = "rerun",
                 args: Any = None, kwargs: Any = None, bind: str | None = None) -> None:
        Expander.__init__(self, label, expanded, key=key, icon=icon, type=type, width=width,
                          on_change=on_change, bind=bind)
        Widget.__init__(self, label, key=key, callback=on_change if callable(on_change) else None,
                        args=args, kwargs=kwargs)

    def bind_form(self, form: Any) -> None:
        super().bind_form(form)
        self.form = form  # what is inside belongs to the form too

    def identity_params(self) -> tuple[Any, ...]:
        return (self.expanded, self.icon, self.type, self.width)

    def default(self) -> bool:
        return self.expanded

    def coerce(self, value: Any) -> bool:
        return bool(value)

    def from_client(self, raw: Any) -> bool:
        return check_type(raw, bool, "a boolean")

    def result(self, value: Any) -> TrackedExpander:
        return self

    @property
    def open(self) -> bool:  # type: ignore[override]
        return bool(self.current)

    @property
    def value(self) -> bool:
        """Whether it is open."""
        return bool(self.current)

    def context(self) -> dict[str, Any]:
        return {**Expander.context(self), "expanded": self.open, "wid": self.id, "kind": self.kind}
