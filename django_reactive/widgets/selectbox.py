from __future__ import annotations

import enum
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ..elements.base import DefaultText, gettext_noop, shown
from ..errors import ClientValueError, InvalidParameterTypeError, ValueOutOfRangeError
from .base import Widget

#: Streamlit's placeholder, shown in the visitor's language.
CHOOSE_AN_OPTION = DefaultText(gettext_noop("Choose an option"))


def options_list(options: Any) -> list[Any]:
    """Options as a list, as Streamlit 1.67 reads them (``convert_anything_to_list``).

    None gives none; a scalar is one option; a mapping gives its keys; an Enum
    class its members (a str Enum their values); a DataFrame, a 2-D array or
    anything else table-like its first column; a Series, Index or 1-D array its
    values; any other iterable (QuerySets, generators) is read once.
    """
    if options is None:
        return []
    if isinstance(options, (str, int, float, bool)):
        return [options]
    if isinstance(options, enum.EnumMeta):
        return [m.value if isinstance(m, str) else m for m in options]
    if isinstance(options, Mapping):
        return list(options.keys())
    if isinstance(options, (list, tuple, set, frozenset, range)):
        return list(options)
    pd, np = sys.modules.get("pandas"), sys.modules.get("numpy")
    if pd is not None and isinstance(options, pd.DataFrame):
        return [] if options.empty else options.iloc[:, 0].tolist()
    if pd is not None and isinstance(options, (pd.Series, pd.Index)):
        return options.tolist()
    if np is not None and isinstance(options, np.ndarray):
        return (options[:, 0] if options.ndim > 1 else options).tolist()
    return list(options)


def check_index(index: Any, count: int) -> None:
    if index is not None and (not isinstance(index, int) or isinstance(index, bool)):
        raise InvalidParameterTypeError(
            f"Invalid `index` type. Expected one of: int, None. Provided type: {type(index).__name__}."
        )
    if index is not None and count and not 0 <= index < count:
        raise ValueOutOfRangeError(
            f"The `index` parameter, set to {index}, is outside the required range [0, {count - 1}]."
        )


class Selectbox(Widget):
    """``st.selectbox``: returns the chosen option object itself (or None)."""

    command = "selectbox"
    template = "django_reactive/widgets/selectbox.html"
    kind = "select"

    @classmethod
    def create(cls, label: Any, options: Iterable[Any], index: int | None = 0,
               format_func: Callable[[Any], Any] = str, key: Any = None, help: str | None = None,
               on_change=None, args=None, kwargs=None, *, placeholder: str = CHOOSE_AN_OPTION,
               disabled: bool = False, label_visibility: str = "visible") -> Selectbox:
        widget = cls(label, key=key, help=help, callback=on_change, args=args, kwargs=kwargs,
                     disabled=disabled, label_visibility=label_visibility)
        widget.set_options(options, index, format_func)
        widget.placeholder = placeholder
        return widget

    def set_options(self, options: Iterable[Any], index: int | None,
                    format_func: Callable[[Any], Any]) -> None:
        """The options (returned as given), the default index, and the labels shown."""
        self.options = options_list(options)
        check_index(index, len(self.options))
        self.index = index
        self.labels = [str(format_func(o)) for o in self.options]

    def identity_params(self) -> tuple[Any, ...]:
        return (tuple(self.labels), self.index, self.placeholder)

    def default(self) -> Any:
        if self.index is None or not self.options:
            return None
        return self.options[self.index]

    def coerce(self, value: Any) -> Any:
        # Streamlit 1.67: a value that is no longer an option falls back to the default.
        if value is None or value in self.options:
            return value
        return self.default()

    def from_client(self, raw: Any) -> Any:
        if raw is None:
            return None
        if not isinstance(raw, int) or isinstance(raw, bool) or not 0 <= raw < len(self.options):
            raise ClientValueError(f"{raw!r} is not the index of one of the {len(self.options)} options.")
        return self.options[raw]

    def to_client(self, value: Any) -> Any:
        if value is None:
            return None
        try:
            return self.options.index(value)
        except ValueError:
            raise ValueError(f"{value!r} is not one of the options of {self.label!r}.") from None

    def selected_index(self) -> int | None:
        """The index of the current value among the options, or None."""
        try:
            return self.options.index(self.current) if self.current is not None else None
        except ValueError:
            return None

    def context(self) -> dict[str, Any]:
        selected = self.selected_index()
        return {**super().context(), "placeholder": shown(self.placeholder),
                "none_selected": selected is None,
                "options": [(i, label, i == selected) for i, label in enumerate(self.labels)]}
