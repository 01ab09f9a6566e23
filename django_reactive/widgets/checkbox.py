from __future__ import annotations

from typing import Any

from .base import Widget, check_type


class Checkbox(Widget):
    command = "checkbox"
    template = "django_reactive/widgets/checkbox.html"
    kind = "checkbox"

    @classmethod
    def create(cls, label: Any, value: Any = False, key: Any = None, help: str | None = None,
               on_change=None, args=None, kwargs=None, *, disabled: bool = False,
               label_visibility: str = "visible") -> Checkbox:
        widget = cls(label, key=key, help=help, callback=on_change, args=args, kwargs=kwargs,
                     disabled=disabled, label_visibility=label_visibility)
        widget.initial = bool(value)
        return widget

    def identity_params(self) -> tuple[Any, ...]:
        return (self.initial,)

    def default(self) -> bool:
        return self.initial

    def from_client(self, raw: Any) -> bool:
        return check_type(raw, bool, "true or false")

    def context(self) -> dict[str, Any]:
        return {**super().context(), "checked": bool(self.current)}
