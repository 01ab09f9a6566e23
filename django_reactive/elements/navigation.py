"""The elements of multipage apps: the navigation menu, ``st.page_link`` and a page switch.

Every page of an app is a URL of its own, so these are plain links: following
one loads the other page (whose run selects it from the URL), and reloading it
shows the same page. ``st.switch_page`` leaves a :class:`Navigate` element that
sends the browser to the page it switched to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from .base import Element

#: The styles of the menu and the page links, loaded only by pages that show one.
STYLES = "django_reactive/navigation.css"

#: Streamlit's menu shows this many pages, and collapses the rest only when there
#: are at least this many more (``expanded=False``: 10 shown, more than 12 collapse).
DEFAULT_VISIBLE, COLLAPSE_MARGIN = 10, 3


@dataclass(frozen=True)
class MenuItem:
    """One page in the menu: what it shows and where it leads."""

    title: str
    href: str
    icon: str = ""
    help: str = ""
    current: bool = False
    external: bool = False


class NavigationMenu(Element):
    """The menu of ``st.navigation``: in the sidebar (above its other elements) or on top."""

    template = "django_reactive/elements/navigation.html"
    css_class = "rx-navigation"
    assets: ClassVar[tuple[str, ...]] = (STYLES,)

    def __init__(self, sections: list[tuple[str, list[MenuItem]]], *, position: str = "sidebar",
                 expanded: bool | int = False, area: Any = None) -> None:
        self.sections = sections
        self.position = position
        self.expanded = expanded
        #: The sidebar it is in: the menu only collapses when other elements follow it there.
        self.area = area

    def _visible(self, count: int) -> int:
        """How many pages show while the menu is collapsed (all of them when it is not)."""
        if self.expanded is True or self.position != "sidebar":
            return count
        if self.area is None or len(self.area.children) < 2:
            return count
        limit = self.expanded if self.expanded else DEFAULT_VISIBLE
        return limit if count >= limit + COLLAPSE_MARGIN else count

    def context(self) -> dict[str, Any]:
        count = sum(len(items) for _, items in self.sections)
        visible = self._visible(count)
        sections, shown = [], 0
        for header, items in self.sections:
            rows = []
            for item in items:
                rows.append((item, shown >= visible))
                shown += 1
            sections.append((header, rows))
        return {"sections": sections, "position": self.position, "more": count - visible}

    @property
    def value(self) -> list[str]:
        """The titles of the pages in the menu."""
        return [item.title for _, items in self.sections for item in items]


class PageLink(Element):
    """``st.page_link``: a link to a page of the app, a Django page or an external URL."""

    command = "page_link"  # St.page_link resolves the page, then shows this element
    template = "django_reactive/elements/page_link.html"
    assets: ClassVar[tuple[str, ...]] = (STYLES,)

    def __init__(self, label: str, href: str, *, icon: str = "", icon_position: str = "left",
                 help: str = "", disabled: bool = False, full_width: bool = False,
                 external: bool = False, current: bool = False) -> None:
        self.label = label
        self.href = href
        self.icon = icon
        self.icon_position = icon_position
        self.help = help
        self.disabled = disabled
        self.full_width = full_width
        self.external = external
        self.current = current

    def context(self) -> dict[str, Any]:
        return {"label": self.label, "href": self.href, "icon": self.icon, "help": self.help,
                "icon_right": self.icon_position == "right", "disabled": self.disabled,
                "full_width": self.full_width, "external": self.external, "current": self.current}

    @property
    def value(self) -> str:
        """Where the link leads (its ``href``)."""
        return self.href


class Navigate(Element):
    """Left by ``st.switch_page``: the browser loads ``url`` as soon as it shows this element.

    ``replace`` when the page's first run switched (a guard page): the page that
    switched away is not kept in the browser's history.
    """

    template = "django_reactive/elements/navigate.html"
    css_class = "rx-navigate"
    assets: ClassVar[tuple[str, ...]] = ("django_reactive/navigate.js",)

    def __init__(self, url: str, *, url_path: str | None = None, query: str = "",
                 replace: bool = False) -> None:
        self.url = url
        #: The app page switched to (its ``url_path``), or None for a page outside the app.
        self.url_path = url_path
        self.query = query
        self.replace = replace

    def context(self) -> dict[str, Any]:
        return {"url": self.url, "replace": self.replace}

    @property
    def value(self) -> str:
        return self.url
