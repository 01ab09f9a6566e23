"""``st.feedback``: thumbs, faces or stars; returns the index of the chosen one (0 is the lowest).

Drawn like single-selection pills (clicking the chosen icon again clears it),
with inline SVG icons, so no emoji or icon font is needed.
"""

from __future__ import annotations

import numbers
from typing import Any

from django.utils.translation import gettext

from ..elements.base import gettext_noop
from ..elements.sizing import check_width, width_style
from ..errors import InvalidParameterTypeError, ReactiveValueError, ValueOutOfRangeError
from .base import Widget
from .button_group import PILL_ASSETS, change_handler, check_index

#: How many options each kind of feedback has.
SIZES = {"thumbs": 2, "faces": 5, "stars": 5}
FACES = (gettext_noop("Very dissatisfied"), gettext_noop("Dissatisfied"), gettext_noop("Neutral"),
         gettext_noop("Satisfied"), gettext_noop("Very satisfied"))


class Feedback(Widget):
    """``st.feedback(options)``: None until a choice; an int from 0 to 1 (thumbs) or 4."""

    command = "feedback"
    template = "django_reactive/widgets/feedback.html"
    kind = "pills"
    keyed_identity = ("feedback_type",)
    assets = PILL_ASSETS

    @classmethod
    def create(cls, options: str = "thumbs", *, key: Any = None, default: int | None = None,
               disabled: bool = False, on_change: Any = "rerun", args=None, kwargs=None,
               width: Any = "content") -> Feedback:
        if options not in SIZES:
            raise ReactiveValueError("Invalid `options` value. Supported values: 'thumbs', 'faces', 'stars'.")
        count = SIZES[options]
        if default is not None and (isinstance(default, bool) or not isinstance(default, int)):
            raise InvalidParameterTypeError("Invalid `default` type. Expected one of: int, None. "
                                            f"Provided type: {type(default).__name__}.")
        if default is not None and not 0 <= default < count:
            raise ValueOutOfRangeError(
                f"The `default` parameter, set to {default}, is outside the required range [0, {count - 1}].")
        widget = cls("", key=key, args=args, kwargs=kwargs, disabled=disabled,
                     label_visibility="collapsed")
        widget.callback, widget.ignore = change_handler(on_change)
        widget.feedback_type = options
        widget.count = count
        widget.initial = default
        widget.width = check_width(width, allow_content=True)
        return widget

    def identity_params(self) -> tuple[Any, ...]:
        return (self.feedback_type, self.initial, self.width)

    def default(self) -> int | None:
        return self.initial

    def coerce(self, value: Any) -> Any:
        # Streamlit 1.67: anything but None or an index of an option (a bool is not) is the default.
        if value is None or (isinstance(value, numbers.Integral) and not isinstance(value, bool)
                             and 0 <= int(value) < self.count):
            return value
        return self.initial

    def from_client(self, raw: Any) -> int | None:
        return None if raw is None else check_index(raw, self.count)

    def to_client(self, value: Any) -> int | None:
        return None if value is None else int(value)

    def names(self) -> list[str]:
        """What a screen reader says for each option (Streamlit's words), lowest first."""
        if self.feedback_type == "thumbs":
            return [gettext("Thumbs down"), gettext("Thumbs up")]
        if self.feedback_type == "faces":
            return [gettext(name) for name in FACES]
        return [gettext("%(n)d out of %(total)d stars") % {"n": i + 1, "total": self.count}
                for i in range(self.count)]

    def context(self) -> dict[str, Any]:
        names = self.names()
        # Streamlit shows thumbs up (1) before thumbs down (0); faces and stars go up.
        order = (1, 0) if self.feedback_type == "thumbs" else range(self.count)
        return {**super().context(), "type": self.feedback_type, "ignore": self.ignore,
                "group_label": gettext("Feedback rating"), "style": width_style(self.width),
                "options": [(i, names[i], i == self.current) for i in order]}
