"""Layout blocks: elements that hold other elements (containers and columns)."""

from __future__ import annotations

from typing import Any

from ..errors import ReactiveValueError
from .base import Element


class Block(Element):
    """An element with children; the renderer fills ``children`` with their HTML."""

    template = "django_reactive/layout/block.html"
    is_block = True
    css_class = "rx-container"

    def __init__(self) -> None:
        self.children: list[Any] = []

    def context(self) -> dict[str, Any]:
        return {"css_class": self.css_class}


class Root(Block):
    """The top of a view: the callback prefix and the main area."""

    template = "django_reactive/layout/root.html"


class Area(Block):
    """The prefix (callback output) or main area of a page."""

    def __init__(self, css_class: str) -> None:
        super().__init__()
        self.css_class = css_class


class Container(Block):
    command = "container"

    def __init__(self, *, height: int | None = None, border: bool | None = None,
                 key: Any = None) -> None:
        super().__init__()
        self.height = height
        self.border = bool(border) if border is not None else height is not None

    def context(self) -> dict[str, Any]:
        css = "rx-container rx-border" if self.border else "rx-container"
        style = f"height:{int(self.height)}px;overflow:auto" if self.height else ""
        return {"css_class": css, "style": style}


class Column(Block):
    css_class = "rx-column"

    def __init__(self, weight: float) -> None:
        super().__init__()
        self.weight = weight

    def context(self) -> dict[str, Any]:
        return {"css_class": "rx-column", "style": f"--rx-weight:{self.weight:g}"}


GAPS = {"small": "0.5rem", "medium": "1rem", "large": "2rem"}


class Columns(Block):
    """``st.columns(spec)``: returns one column handle per entry of ``spec``."""

    command = "columns"
    css_class = "rx-columns"

    def __init__(self, spec: int | list[float] | tuple[float, ...], *, gap: str | None = "small",
                 vertical_alignment: str = "top", border: bool = False) -> None:
        super().__init__()
        if isinstance(spec, int) and not isinstance(spec, bool):
            if spec < 1:
                raise ReactiveValueError("The input argument to st.columns must be either a "
                                         "positive integer or a list of positive numeric weights.")
            weights = [1] * spec
        else:
            weights = list(spec)
            if not weights or any(not isinstance(w, (int, float)) or w <= 0 for w in weights):
                raise ReactiveValueError("The input argument to st.columns must be either a "
                                         "positive integer or a list of positive numeric weights.")
        if gap not in (None, *GAPS):
            raise ReactiveValueError(f'The gap argument to st.columns must be "small", "medium", '
                                     f'or "large". \nThe argument passed was {gap}.')
        self.children = [Column(w) for w in weights]
        self.gap = GAPS.get(gap or "", "0")
        self.align = {"top": "flex-start", "center": "center", "bottom": "flex-end"}.get(
            vertical_alignment, "flex-start")
        self.border = border

    def context(self) -> dict[str, Any]:
        return {"css_class": "rx-columns",
                "style": f"gap:{self.gap};align-items:{self.align}"}
