from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ..errors import ReactiveValueError
from .base import Widget
from .selectbox import Selectbox


def caption_text(caption: Any) -> str:
    if caption is None:
        return ""
    if not isinstance(caption, str):
        raise ReactiveValueError(f"Radio captions must be strings. Passed type: {type(caption).__name__}")
    return caption


class Radio(Selectbox):
    """``st.radio``: one option of a group, sent by index like the selectbox.

    Values, fallback to the default when the options change (Streamlit 1.67)
    and decoding are the selectbox's; only the parameters and the markup differ.
    """

    command = "radio"
    template = "django_reactive/widgets/radio.html"
    kind = "radio"

    @classmethod
    def create(cls, label: Any, options: Iterable[Any], index: int | None = 0,
               format_func: Callable[[Any], Any] = str, key: Any = None, help: str | None = None,
               on_change=None, args=None, kwargs=None, *, disabled: bool = False,
               horizontal: bool = False, captions: Iterable[Any] | None = None,
               label_visibility: str = "visible") -> Radio:
        widget = cls(label, key=key, help=help, callback=on_change, args=args, kwargs=kwargs,
                     disabled=disabled, label_visibility=label_visibility)
        widget.set_options(options, index, format_func)
        widget.horizontal = bool(horizontal)
        widget.captions = None if captions is None else tuple(caption_text(c) for c in captions)
        return widget

    def identity_params(self) -> tuple[Any, ...]:
        return (tuple(self.labels), self.index, self.horizontal, self.captions)

    def context(self) -> dict[str, Any]:
        selected = self.selected_index()
        captions = self.captions or ()
        # The base context, not the selectbox's: a radio group has no placeholder.
        return {**Widget.context(self), "horizontal": self.horizontal,
                "options": [(i, label, captions[i] if i < len(captions) else "", i == selected)
                            for i, label in enumerate(self.labels)]}
