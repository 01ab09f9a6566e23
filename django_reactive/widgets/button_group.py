"""``st.pills`` and ``st.segmented_control``: options shown as a row of toggle buttons.

Each option is a checkbox drawn as a pill. With ``selection_mode="single"``
the group returns the chosen option or None (clicking the chosen pill again
clears it, unless ``required``); with ``"multi"`` the list of chosen options
in the order they were chosen. A small module of the widget's keeps a single
selection single in the browser (see ``static/django_reactive/button_group.js``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ..elements.sizing import check_width, width_style
from ..elements.text import render_markdown
from ..errors import ClientValueError, DefaultNotInOptionsError, ReactiveAPIError, ReactiveValueError
from .base import Widget
from .multiselect import as_list
from .selectbox import options_list

SELECTION_MODES = ("single", "multi")
#: The stylesheet and module of the widgets drawn as groups of pills (feedback too).
PILL_ASSETS = ("django_reactive/button_group.css", "django_reactive/button_group.js")


def change_handler(on_change: Any) -> tuple[Callable[..., Any] | None, bool]:
    """Streamlit 1.67's ``on_change``: a callback, ``"rerun"`` (or None), or ``"ignore"``.

    Returns the callback and whether a change waits for the next run instead of
    causing one (``"ignore"``).
    """
    if on_change is None or on_change == "rerun":
        return None, False
    if on_change == "ignore":
        return None, True
    if callable(on_change):
        return on_change, False
    raise ReactiveValueError(
        "Invalid `on_change` value. Supported values: 'rerun', 'ignore', a callback function.")


def check_index(raw: Any, count: int) -> int:
    """An option index sent by the browser."""
    if not isinstance(raw, int) or isinstance(raw, bool) or not 0 <= raw < count:
        raise ClientValueError(f"{raw!r} is not the index of one of the {count} options.")
    return raw


class ButtonGroup(Widget):
    """``st.pills``: the chosen option (single) or the list of them (multi)."""

    command = "pills"
    template = "django_reactive/widgets/button_group.html"
    kind = "pills"
    keyed_identity = ("selection_mode",)
    assets = PILL_ASSETS

    @classmethod
    def create(cls, label: Any, options: Iterable[Any], *, selection_mode: str = "single",
               default: Any = None, required: bool = False,
               format_func: Callable[[Any], Any] | None = None, key: Any = None,
               help: str | None = None, on_change: Any = "rerun", args=None, kwargs=None,
               disabled: bool = False, label_visibility: str = "visible", width: Any = "content",
               wrap: bool | None = None) -> ButtonGroup:
        widget = cls(label, key=key, help=help, args=args, kwargs=kwargs, disabled=disabled,
                     label_visibility=label_visibility)
        if required and selection_mode == "multi":
            raise ReactiveAPIError(
                "`required=True` and `selection_mode='multi'` cannot be used together. "
                "`required` is only supported for single-select mode.")
        widget.options = options_list(options)
        widget.labels = [str((format_func or str)(o)) for o in widget.options]
        initial = as_list(default)
        for value in initial:
            if value not in widget.options:
                raise DefaultNotInOptionsError(
                    f"The default value '{value}' is not part of the options. Please make sure "
                    "that every default value also exists in the options.")
        if selection_mode not in SELECTION_MODES:
            raise ReactiveValueError("Invalid `selection_mode` value. Supported values: 'single', 'multi'.")
        if selection_mode == "single" and len(initial) > 1:
            raise ReactiveAPIError(f"The default argument to `st.{cls.command}` must be a single value "
                                   "when `selection_mode='single'`.")
        widget.callback, widget.ignore = change_handler(on_change)
        widget.selection_mode = selection_mode
        widget.initial = initial
        widget.required = bool(required)
        widget.width = check_width(width, allow_content=True)
        widget.wrap = wrap
        return widget

    @property
    def multi(self) -> bool:
        return self.selection_mode == "multi"

    def chosen(self, value: Any) -> list[Any]:
        """The options ``value`` holds: itself (or none) in single mode, its entries in multi mode."""
        if not self.multi:
            return [] if value is None else [value]
        return as_list(value)

    def identity_params(self) -> tuple[Any, ...]:
        return (tuple(self.labels), tuple(self.options.index(v) for v in self.initial),
                self.selection_mode, self.width)

    def default(self) -> Any:
        if self.multi:
            return list(self.initial)
        return self.initial[0] if self.initial else None

    def coerce(self, value: Any) -> Any:
        # Streamlit 1.67: a single value that is no longer an option falls back to
        # the default; a selection keeps the entries that still are options.
        if not self.multi:
            return value if value is None or value in self.options else self.default()
        if isinstance(value, (list, tuple)) and all(v in self.options for v in value):
            return value
        return [v for v in as_list(value) if v in self.options]

    def from_client(self, raw: Any) -> Any:
        count = len(self.options)
        if not self.multi:
            if raw is None:
                if self.required:
                    raise ClientValueError("A selection is required.")
                return None
            return self.options[check_index(raw, count)]
        if not isinstance(raw, list):
            raise ClientValueError(f"Expected a list of option indices, got {type(raw).__name__}.")
        picked = [check_index(index, count) for index in raw]
        if len(set(picked)) != len(picked):
            raise ClientValueError("An option is selected more than once.")
        # The browser sends the checked pills; as in Streamlit, those chosen before
        # keep their place and the new ones come after, in the order sent.
        before = [self.options.index(v) for v in self.chosen(self.current) if v in self.options]
        order = [i for i in before if i in picked] + [i for i in picked if i not in before]
        return [self.options[i] for i in order]

    def to_client(self, value: Any) -> Any:
        indices = []
        for v in self.chosen(value):
            try:
                indices.append(self.options.index(v))
            except ValueError:
                raise ValueError(f"{v!r} is not one of the options of {self.label!r}.") from None
        if self.multi:
            return indices
        return indices[0] if indices else None

    def context(self) -> dict[str, Any]:
        selected = {self.options.index(v) for v in self.chosen(self.current) if v in self.options}
        return {**super().context(), "multi": self.multi, "required": self.required,
                "ignore": self.ignore, "style": width_style(self.width), "nowrap": self.wrap is False,
                "options": [(i, render_markdown(label, inline=True), i in selected)
                            for i, label in enumerate(self.labels)]}


class SegmentedControl(ButtonGroup):
    """``st.segmented_control``: the same widget as ``st.pills``, drawn as one joined bar."""

    command = "segmented_control"
