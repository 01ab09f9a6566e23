"""Layout blocks: elements that hold other elements (containers, columns, expanders, tabs, placeholders)."""

from __future__ import annotations

from typing import Any

from ..errors import ReactiveAPIError, ReactiveValueError
from .base import Element
from .sizing import check_width, width_style
from .text import render_markdown


class Block(Element):
    """An element with children; the renderer fills ``children`` with their HTML."""

    template = "django_reactive/layout/block.html"
    is_block = True
    css_class = "rx-container"
    #: The ``st.form`` this block is inside (set by the runtime), or None.
    form: Any = None
    #: The top-level area ("main" or "sidebar") this block is in.
    root: str = "main"

    def __init__(self) -> None:
        self.children: list[Any] = []

    def add(self, child: Element) -> None:
        """Put ``child`` into this block; the runner calls it so a block can decide how."""
        self.children.append(child)

    def context(self) -> dict[str, Any]:
        return {"css_class": self.css_class}


class Root(Block):
    """The top of a view: the callback prefix, the sidebar and the main area."""

    template = "django_reactive/layout/root.html"
    #: ``st.set_page_config(initial_sidebar_state="collapsed")``: the page opens with the sidebar hidden.
    sidebar_collapsed = False

    def context(self) -> dict[str, Any]:
        return {"with_sidebar": any(a.id == "s" and a.children for a in self.children),
                "sidebar_collapsed": self.sidebar_collapsed}


class Area(Block):
    """A top-level area of the page: ``p`` (callback output), ``s`` (sidebar) or ``m`` (main).

    ``root`` is part of the identity of the widgets inside: the same widget in
    the sidebar and in the main area are two widgets, as in Streamlit.
    """

    def __init__(self, css_class: str, area_id: str, root: str = "main") -> None:
        super().__init__()
        self.css_class = css_class
        self.id = area_id
        self.root = root


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


class Expander(Block):
    """``st.expander(label)``: a ``<details>`` block, open when ``expanded``; no JavaScript needed.

    By default (``on_change="ignore"``) whether it is open lives in the
    browser, and ``.open`` is None. With ``on_change="rerun"`` or a callback
    it is a widget (``widgets.expander.TrackedExpander``): the browser sends each opening
    and closing, ``.open`` and ``st.session_state[key]`` tell it, and the view
    can skip the work of a closed expander.
    """

    command = "expander"
    template = "django_reactive/layout/expander.html"
    TYPES = ("default", "compact", "step")
    #: True/False when the expander tracks its state, None when the browser alone knows it.
    open: bool | None = None

    @classmethod
    def create(cls, *args: Any, **kwargs: Any) -> Element:
        on_change = kwargs.get("on_change", "ignore")
        if cls is Expander and (on_change == "rerun" if isinstance(on_change, str) else callable(on_change)):
            from ..widgets.expander import TrackedExpander  # a widget: widgets import elements

            return TrackedExpander(*args, **kwargs)
        return cls(*args, **kwargs)

    def __init__(self, label: str, expanded: bool = False, *, key: Any = None, icon: str | None = None,
                 type: str = "default", width: Any = "stretch", on_change: Any = "ignore",
                 args: Any = None, kwargs: Any = None, bind: str | None = None) -> None:
        super().__init__()
        if label is None:
            raise ReactiveAPIError("The `label` parameter is required.")
        if not (callable(on_change) or (isinstance(on_change, str) and on_change in ("ignore", "rerun"))):
            raise ReactiveValueError(
                "Invalid `on_change` value. Supported values: 'rerun', 'ignore', a callback function.")
        if type not in self.TYPES:
            raise ReactiveValueError("Invalid `type` value. Supported values: 'default', 'compact', 'step'.")
        if bind is not None:
            if bind != "query-params":
                raise ReactiveValueError("Invalid `bind` value. Supported values: 'query-params', None.")
            raise ReactiveAPIError("st.expander(bind='query-params') is not supported; use "
                                   "on_change='rerun' with a key, and st.query_params in the view.")
        self.label = str(label)
        self.expanded = bool(expanded)
        self.icon = icon
        self.type = type
        self.width = check_width(width)
        self.key = None if key is None else str(key)

    def context(self) -> dict[str, Any]:
        styles = ["" if self.width == "stretch" else width_style(self.width),
                  "" if self.type == "default" else "border:0"]  # compact, step: no frame
        return {"label": render_markdown(self.label, inline=True), "expanded": self.expanded,
                "icon": self.icon, "type": self.type, "style": ";".join(s for s in styles if s)}


class Status(Expander):
    """``st.status(label)``: an expander whose icon tells a long task's state.

    ``running`` (a spinner), ``complete`` or ``error``; the handle's
    ``update()`` changes label, state and expansion, and leaving its ``with``
    block completes it (or marks the error), as Streamlit does.
    """

    command = "status"
    template = "django_reactive/layout/status.html"
    STATES = ("running", "complete", "error")

    def __init__(self, label: str = "Running...", *, expanded: bool = False, state: str = "running",
                 width: Any = "stretch") -> None:
        super().__init__(label, expanded)
        self.set_state(state)

    def set_state(self, state: str) -> None:
        if state not in self.STATES:
            raise ReactiveAPIError(
                f"Unknown state ({state}). Must be one of 'running', 'complete', or 'error'.")
        self.state = state

    def context(self) -> dict[str, Any]:
        return {**super().context(), "state": self.state}


class Tab(Block):
    """One panel of :class:`Tabs`; shown while its radio button in the tab list is checked."""

    template = "django_reactive/layout/tab.html"
    css_class = "rx-tab"

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label

    def context(self) -> dict[str, Any]:
        return {"label": self.label}


class Tabs(Block):
    """``st.tabs(labels)``: returns one tab handle per label; the first tab is shown.

    The tab list is a group of radio buttons with CSS showing the checked
    one's panel, so it works without JavaScript and the keyboard moves
    between tabs with the arrow keys. The radios live in this block's markup,
    not in the panels, so a patch to a tab's content keeps the chosen tab.
    """

    command = "tabs"
    template = "django_reactive/layout/tabs.html"

    def __init__(self, tabs: Any) -> None:
        super().__init__()
        if not tabs:
            raise ReactiveAPIError("The input argument to st.tabs must contain at least one tab label.")
        if isinstance(tabs, str) or any(not isinstance(label, str) for label in tabs):
            raise ReactiveAPIError("The tabs input list to st.tabs is only allowed to contain strings.")
        self.labels = list(tabs)
        self.children = [Tab(label) for label in self.labels]

    def context(self) -> dict[str, Any]:
        return {"labels": [render_markdown(label, inline=True) for label in self.labels]}

    @property
    def value(self) -> list[str]:
        return self.labels


class Empty(Block):
    """``st.empty()``: a placeholder holding one element; each new element replaces the last.

    Streamlit's idiom for content that is rewritten, and for clearing it
    (``placeholder.empty()``).
    """

    command = "empty"
    css_class = "rx-empty"

    def add(self, child: Element) -> None:
        self.children = [child]
