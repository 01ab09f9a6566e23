from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ..errors import ClientValueError, DefaultNotInOptionsError, SelectionCountExceedsMaxError
from .base import Widget
from .selectbox import options_list


def as_list(value: Any) -> list[Any]:
    """A selection as a list: None is empty, a single option (a string too) is one item."""
    if value is None:
        return []
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        return [value]
    return options_list(value)


class Multiselect(Widget):
    """``st.multiselect``: a list of the chosen option objects, in the order chosen."""

    command = "multiselect"
    template = "django_reactive/widgets/multiselect.html"
    kind = "multiselect"
    keyed_identity = ("max_selections",)

    @classmethod
    def create(cls, label: Any, options: Iterable[Any], default: Any = None,
               format_func: Callable[[Any], Any] = str, key: Any = None, help: str | None = None,
               on_change=None, args=None, kwargs=None, *, max_selections: int | None = None,
               placeholder: str | None = None, disabled: bool = False,
               label_visibility: str = "visible") -> Multiselect:
        widget = cls(label, key=key, help=help, callback=on_change, args=args, kwargs=kwargs,
                     disabled=disabled, label_visibility=label_visibility)
        widget.options = options_list(options)
        widget.labels = [str(format_func(o)) for o in widget.options]
        widget.max_selections = max_selections
        widget.placeholder = placeholder
        initial = as_list(default)
        for value in initial:
            if value not in widget.options:
                raise DefaultNotInOptionsError(
                    f"The default value '{value}' is not part of the options. Please make sure "
                    "that every default value also exists in the options."
                )
        widget._check_count(initial)
        widget.initial = initial
        return widget

    def _check_count(self, selection: list[Any]) -> None:
        count, limit = len(selection), self.max_selections
        if limit is None or count <= limit:
            return
        raise SelectionCountExceedsMaxError(
            f"Multiselect has {count} {'option' if count == 1 else 'options'} selected but "
            f"`max_selections` is set to {limit}. This happened because you either gave too many "
            "options to `default` or you manipulated the widget's state through "
            "`st.session_state`. Note that the latter can happen before the line indicated in the "
            f"traceback. Please select at most {limit} {'option' if limit == 1 else 'options'}."
        )

    def identity_params(self) -> tuple[Any, ...]:
        return (tuple(self.labels), tuple(self.options.index(v) for v in self.initial),
                self.max_selections, self.placeholder)

    def default(self) -> list[Any]:
        return list(self.initial)

    def coerce(self, value: Any) -> Any:
        # Streamlit 1.67: entries that are no longer options are dropped; a valid
        # list or tuple is kept as it is (as assigned), anything else becomes a list.
        if isinstance(value, (list, tuple)) and all(v in self.options for v in value):
            selection = value
        else:
            selection = [v for v in as_list(value) if v in self.options]
        self._check_count(list(selection))
        return selection

    def from_client(self, raw: Any) -> list[Any]:
        if not isinstance(raw, list):
            raise ClientValueError(f"Expected a list of option indices, got {type(raw).__name__}.")
        count = len(self.options)
        for index in raw:
            if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < count:
                raise ClientValueError(f"{index!r} is not the index of one of the {count} options.")
        if len(set(raw)) != len(raw):
            raise ClientValueError("An option is selected more than once.")
        if self.max_selections is not None and len(raw) > self.max_selections:
            raise ClientValueError(f"At most {self.max_selections} options can be selected.")
        return [self.options[i] for i in raw]

    def to_client(self, value: Any) -> list[int]:
        indices = []
        for v in as_list(value):
            try:
                indices.append(self.options.index(v))
            except ValueError:
                raise ValueError(f"{v!r} is not one of the options of {self.label!r}.") from None
        return indices

    def context(self) -> dict[str, Any]:
        selected = {self.options.index(v) for v in as_list(self.current) if v in self.options}
        return {**super().context(), "max_selections": self.max_selections,
                "size": max(2, min(len(self.options), 8)),
                "options": [(i, label, i in selected) for i, label in enumerate(self.labels)]}
