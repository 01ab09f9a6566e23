"""The handles and lists of :class:`~django_reactive.testing.AppTest`, as Streamlit's element tree.

``at.<command>`` is an :class:`ElementList` of handles in page order (the main
area before the sidebar); a handle shows what its element showed in the last
run and, for a widget, records the actions that the next ``run()`` sends.
Layout blocks (``at.columns``, ``at.tabs``, ``at.expander``...) are
:class:`BlockHandle` objects that give the same lists for what is inside them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from django.contrib.messages.storage.base import Message

from .elements import COMMANDS, Block, Element, ExceptionElement
from .elements.layout import Area, Column, Root, Tab, Tabs
from .render import ROOT_ID
from .widgets import Widget

if TYPE_CHECKING:
    from .testing import AppTest

#: ``at.<name>`` lists that cover several commands, as in Streamlit's AppTest.
COMMAND_GROUPS = {"button": ("button", "form_submit_button"),
                  "dataframe": ("dataframe", "data_editor"),
                  "button_group": ("pills", "segmented_control")}
#: Element lists Streamlit's AppTest has: empty here for commands this project lacks.
STREAMLIT_LISTS = frozenset({
    "button", "button_group", "caption", "chat_input", "chat_message", "checkbox", "code", "color_picker",
    "columns",
    "dataframe", "date_input", "divider", "error", "exception", "expander", "header", "info", "json",
    "latex", "markdown", "metric", "multiselect", "number_input", "radio", "select_slider", "selectbox",
    "slider", "status", "subheader", "success", "table", "tabs", "text", "text_area", "text_input",
    "time_input", "title", "toast", "toggle", "warning"})
#: What Streamlit's AppTest shows as a divider's value (its Markdown).
DIVIDER_MARKDOWN = "---"


class AppTestError(Exception):
    """An action a browser user could not perform (on a disabled widget), as Streamlit's."""


def is_list_name(name: str) -> bool:
    """Whether ``at.<name>`` / ``block.<name>`` is a list of elements."""
    return not name.startswith("_") and (name in COMMANDS or name in STREAMLIT_LISTS)


class ElementHandle:
    """An element of the last run, as a test sees it.

    Besides ``value``, ``label``, ``key`` and ``type``, the element's own
    parameters read as attributes (``metric.delta``, ``error.icon``,
    ``code.language``...), as in Streamlit's element tree.
    """

    def __init__(self, at: AppTest, element: Element) -> None:
        self._at = at
        self.element = element

    @property
    def value(self) -> Any:
        if self.element.command == "divider":
            return DIVIDER_MARKDOWN
        return self.element.value

    @property
    def label(self) -> str | None:
        return getattr(self.element, "label", None)

    @property
    def key(self) -> str | None:
        return getattr(self.element, "key", None)

    @property
    def message(self) -> str | None:
        return getattr(self.element, "message", None)

    @property
    def type(self) -> str | None:
        """The command (``"markdown"``, ``"caption"``...), as Streamlit's; an exception's class name;
        an element's ``apptest_type`` where Streamlit's differs (``"help_info"`` for ``st.help``)."""
        if isinstance(self.element, ExceptionElement):
            return self.element.type
        return getattr(self.element, "apptest_type", self.element.command)

    @property
    def tag(self) -> str | None:
        """A heading's HTML tag (``"h1"`` for ``st.title``...), None for other elements."""
        level = getattr(self.element, "level", None)
        return f"h{level}" if isinstance(level, int) and self.element.command in (
            "title", "header", "subheader") else None

    @property
    def is_caption(self) -> bool:
        return self.element.command == "caption"

    @property
    def html(self) -> str:
        """The element's HTML as the page shows it (its wrapper included)."""
        app = self._at.app
        return app.rendered.html_of(element_ids(app.last_result.root)[id(self.element)])

    def __getattr__(self, name: str) -> Any:
        if not name.startswith("_"):
            try:
                return getattr(self.element, name)
            except AttributeError:
                pass
        raise AttributeError(f"{type(self).__name__} of {self.type!r} has no attribute {name!r}")

    def run(self, *, timeout: float | None = None) -> AppTest:
        return self._at.run(timeout=timeout)

    def __repr__(self) -> str:
        return f"<{type(self.element).__name__} value={self.value!r}>"


class WidgetHandle(ElementHandle):
    """A widget: actions record a pending change that the next ``run()`` sends."""

    element: Widget

    @property
    def id(self) -> str:
        return self.element.id

    @property
    def value(self) -> Any:
        pending = self._at._pending
        if self.id in pending:
            return self.element.result(pending[self.id])
        return self.element.value

    @property
    def disabled(self) -> bool:
        return self.element.disabled

    @property
    def options(self) -> list[Any]:
        """The options as shown (``format_func`` applied), as in Streamlit."""
        return list(getattr(self.element, "labels", None) or self.element.options)

    @property
    def index(self) -> int | None:
        """The index of the current choice among the options (selectbox, radio), or None."""
        options = getattr(self.element, "options", None)
        if options is None:
            raise AttributeError(f"{self.type!r} has no index")
        value = self.value
        if value is None:
            return None
        try:
            return options.index(value)
        except ValueError:
            return None

    @property
    def indices(self) -> list[int]:
        """The indices of the current choices among the options (multiselect)."""
        return [self.element.options.index(v) for v in self.value]

    def _assert_can_interact(self) -> None:
        """A disabled widget takes no action, as in the browser (Streamlit's AppTestError)."""
        if self.element.disabled:
            key = f" (key={self.key!r})" if self.key else ""
            raise AppTestError(f"Cannot update a disabled {self.type} widget{key}. "
                               "A browser user cannot interact with a disabled widget.")

    def set_value(self, value: Any) -> WidgetHandle:
        """Record ``value`` for the next run; a trigger's (a chat input's text) is sent as the trigger."""
        self._assert_can_interact()
        self._at._pending[self.id] = value
        if self.element.trigger:
            self._at._trigger = self.id
        return self

    pick = set_value

    def input(self, value: Any) -> WidgetHandle:
        """Type ``value``; as in Streamlit, text longer than ``max_chars`` is ignored."""
        limit = getattr(self.element, "max_chars", None)
        if limit and isinstance(value, str) and len(value) > limit:
            return self
        return self.set_value(value)

    def select(self, value: Any) -> WidgetHandle:
        """Choose ``value``; a multiselect adds it to the selection, as in Streamlit."""
        if self.element.command == "multiselect":
            current = list(self.value)
            return self if value in current else self.set_value([*current, value])
        return self.set_value(value)

    def unselect(self, value: Any) -> WidgetHandle:
        """Remove ``value`` from a multiselect's selection (every time it is there)."""
        current = list(self.value)
        if value not in current:
            return self
        return self.set_value([v for v in current if v != value])

    def select_index(self, index: int | None) -> WidgetHandle:
        """Choose the option at ``index`` (None: no choice); IndexError if there is none."""
        return self.set_value(None if index is None else self.element.options[index])

    def set_range(self, lower: Any, upper: Any) -> WidgetHandle:
        """Set a range slider's (or range select slider's) two ends."""
        return self.set_value([lower, upper])

    def check(self) -> WidgetHandle:
        return self.set_value(True)

    def uncheck(self) -> WidgetHandle:
        return self.set_value(False)

    def click(self) -> WidgetHandle:
        self._assert_can_interact()
        self._at._trigger = self.id
        return self

    def increment(self) -> WidgetHandle:
        """As the "+" of a number input, or the next time of a time input."""
        return self._step(+1)

    def decrement(self) -> WidgetHandle:
        """As the "-" of a number input, or the previous time of a time input."""
        return self._step(-1)

    def _step(self, sign: int) -> WidgetHandle:
        value, element = self.value, self.element
        if value is None:
            return self
        if isinstance(value, dt.time):
            moved = dt.datetime.combine(dt.date.today(), value) + sign * dt.timedelta(seconds=element.step)
            return self.set_value(moved.time())
        moved = value + sign * element.step
        low, high = getattr(element, "min_value", None), getattr(element, "max_value", None)
        if high is not None:
            moved = min(moved, high)
        if low is not None:
            moved = max(moved, low)
        return self.set_value(moved)


class BlockHandle(ElementHandle):
    """A layout block (column, tab, expander, container...): ``block.text`` lists what is inside."""

    element: Block

    def __init__(self, at: AppTest, element: Element, group: Element | None = None) -> None:
        super().__init__(at, element)
        self._group = group

    @property
    def value(self) -> Any:
        # A tab's value is its tab group's labels (what ``at.tabs[0].value`` always gave).
        if isinstance(self.element, Tab) and isinstance(self._group, Tabs):
            return self._group.value
        return self.element.value

    @property
    def type(self) -> str:
        if isinstance(self.element, Column):
            return "column"
        if isinstance(self.element, Tab):
            return "tab"
        return self.element.command

    @property
    def children(self) -> list[ElementHandle]:
        """The handles of the elements directly inside, in order."""
        return [handle(self._at, child, self.element) for child in self.element.children]

    def get(self, name: str) -> ElementList:
        return collect(self._at, descendants(self.element), name)

    def __getattr__(self, name: str) -> Any:
        if is_list_name(name):
            return self.get(name)
        return super().__getattr__(name)

    def __repr__(self) -> str:
        return f"<{type(self.element).__name__} label={self.label!r} children={len(self.element.children)}>"


class ElementList(list):
    """Elements of one type in page order; ``at.text_input(key="k")`` finds one by key."""

    def __call__(self, key: str) -> ElementHandle:
        for item in self:
            if item.key == key:
                return item
        raise KeyError(f"No element with key {key!r}.")

    @property
    def len(self) -> int:
        return len(self)

    @property
    def values(self) -> list[Any]:
        return [item.value for item in self]


class AreaList(ElementList):
    """``at.main`` / ``at.sidebar``: the area's elements in page order, and its lists by type
    (``at.sidebar.radio``), as Streamlit's blocks."""

    def __init__(self, at: AppTest, areas: Iterable[Block], skip: tuple[type, ...] = ()) -> None:
        self._at = at
        self._areas = list(areas)
        self._skip = skip
        super().__init__(handle(at, e) for e in self._nodes() if not isinstance(e, Block))

    def _nodes(self) -> Iterator[Element]:
        for area in self._areas:
            for element in descendants(area):
                if not isinstance(element, self._skip):
                    yield element

    @property
    def children(self) -> list[ElementHandle]:
        """The handles of the elements directly in the area, in order."""
        return [handle(self._at, child) for area in self._areas for child in area.children
                if not isinstance(child, self._skip)]

    def get(self, name: str) -> ElementList:
        return collect(self._at, self._nodes(), name)

    def __getattr__(self, name: str) -> ElementList:
        if is_list_name(name):
            return self.get(name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")


class MessageHandle:
    """A Django message the last run showed (``at.messages``)."""

    def __init__(self, message: Message) -> None:
        self.message = message

    @property
    def value(self) -> str:
        return str(self.message.message)

    @property
    def level(self) -> int:
        return self.message.level

    @property
    def level_tag(self) -> str:
        return self.message.level_tag

    @property
    def extra_tags(self) -> str:
        return self.message.extra_tags or ""

    @property
    def tags(self) -> str:
        """Django's ``message.tags``: the extra tags, then the level tag."""
        return self.message.tags

    def __repr__(self) -> str:
        return f"<Message {self.level_tag or self.level} value={self.value!r}>"


#: Handles with actions of their own, by element class (first match wins); testing_widgets adds them.
SPECIAL_HANDLES: list[tuple[type[Element], type[ElementHandle]]] = []


def handle(at: AppTest, element: Element, parent: Element | None = None) -> ElementHandle:
    """The handle for ``element`` (``parent``: the block holding it, for a tab)."""
    for element_class, handle_class in SPECIAL_HANDLES:
        if isinstance(element, element_class):
            if issubclass(handle_class, BlockHandle):
                return handle_class(at, element, parent)
            return handle_class(at, element)
    if isinstance(element, Widget):
        return WidgetHandle(at, element)
    if isinstance(element, Block):
        return BlockHandle(at, element, parent)
    return ElementHandle(at, element)


def descendants(block: Block) -> Iterator[Element]:
    """Every element inside ``block`` in page order, blocks before their content."""
    for child in block.children:
        yield child
        if isinstance(child, Block):
            yield from descendants(child)


def _matches(element: Element, name: str) -> bool:
    if name == "columns":
        return isinstance(element, Column)
    if name == "tabs":
        return isinstance(element, Tab)
    if isinstance(element, (Root, Area)):
        return False
    return element.command in COMMAND_GROUPS.get(name, (name,))


def collect(at: AppTest, elements: Iterable[Element], name: str) -> ElementList:
    """The handles of ``elements`` listed as ``at.<name>`` (``button`` includes submit buttons)."""
    found = ElementList()
    parents: dict[int, Element] = {}
    for element in elements:
        if isinstance(element, Block):
            for child in element.children:
                parents[id(child)] = element
        if _matches(element, name):
            found.append(handle(at, element, parents.get(id(element))))
    return found


def element_ids(root: Root) -> dict[int, str]:
    """``id(element)`` -> the element id the renderer gives it (``Renderer._render``'s rule)."""
    ids: dict[int, str] = {}

    def walk(element: Element, eid: str) -> None:
        ids[id(element)] = eid
        if isinstance(element, Block):
            for index, child in enumerate(element.children):
                walk(child, getattr(child, "id", "") or f"{eid}.{index}")

    walk(root, ROOT_ID)
    return ids
