from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ..errors import ClientValueError, ReactiveValueError
from .base import Widget, decode_number
from .selectbox import options_list


def option_index(options: list[Any], value: Any) -> int:
    """The index of ``value``; Streamlit raises this very ValueError for a missing one."""
    try:
        return options.index(value)
    except ValueError:
        raise ValueError(f"{value} is not in iterable") from None


class SelectSlider(Widget):
    """``st.select_slider``: a slider over option indices; one option or a ``(low, high)`` tuple."""

    command = "select_slider"
    template = "django_reactive/widgets/select_slider.html"
    kind = "range"

    @classmethod
    def create(cls, label: Any, options: Iterable[Any] = (), value: Any = None,
               format_func: Callable[[Any], Any] = str, key: Any = None, help: str | None = None,
               on_change=None, args=None, kwargs=None, *, disabled: bool = False,
               label_visibility: str = "visible") -> SelectSlider:
        widget = cls(label, key=key, help=help, callback=on_change, args=args, kwargs=kwargs,
                     disabled=disabled, label_visibility=label_visibility)
        widget.options = options_list(options)
        if not widget.options:
            raise ReactiveValueError("The `options` argument needs to be non-empty")
        widget.labels = [str(format_func(o)) for o in widget.options]
        widget.is_range = isinstance(value, (list, tuple))
        if widget.is_range:
            if len(value) != 2:
                raise ReactiveValueError("A range select_slider's value must have exactly two items.")
            widget.indices = tuple(sorted(option_index(widget.options, v) for v in value))
        elif value is None and None not in widget.options:
            widget.indices = (0,)
        else:
            widget.indices = (option_index(widget.options, value),)
        return widget

    def identity_params(self) -> tuple[Any, ...]:
        return (tuple(self.labels), self.indices)

    def default(self) -> Any:
        chosen = tuple(self.options[i] for i in self.indices)
        return chosen if self.is_range else chosen[0]

    def coerce(self, value: Any) -> Any:
        # Like the other select-type widgets of Streamlit 1.67: a value that no
        # longer fits the options falls back to the default.
        if self.is_range:
            fits = (isinstance(value, (list, tuple)) and len(value) == 2
                    and all(v in self.options for v in value))
        else:
            fits = value in self.options
        return value if fits else self.default()

    def _index(self, raw: Any) -> int:
        return decode_number(raw, whole=True, low=0, high=len(self.options) - 1)

    def from_client(self, raw: Any) -> Any:
        if self.is_range:
            if not isinstance(raw, list) or len(raw) != 2:
                raise ClientValueError("Expected [low, high].")
            low, high = sorted(self._index(x) for x in raw)
            return (self.options[low], self.options[high])
        return self.options[self._index(raw)]

    def to_client(self, value: Any) -> Any:
        try:
            if self.is_range:
                return [self.options.index(v) for v in value]
            return self.options.index(value)
        except ValueError:
            raise ValueError(f"{value!r} is not one of the options of {self.label!r}.") from None

    def context(self) -> dict[str, Any]:
        current = list(self.current) if self.is_range else [self.current]
        indices = [self.options.index(v) for v in current]
        return {**super().context(), "is_range": self.is_range, "max": len(self.options) - 1,
                "parts": [(i, self.labels[i]) for i in indices],
                "shown": " – ".join(self.labels[i] for i in indices)}
