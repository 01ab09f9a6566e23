"""``st.link_button``: a link that looks like a button (no state, no event)."""

from __future__ import annotations

from typing import Any

from ..errors import ReactiveValueError
from ..url_safety import LINK_SCHEMES, safe_url
from .base import Element


class LinkButton(Element):
    command = "link_button"
    template = "django_reactive/elements/link_button.html"

    def __init__(self, label: Any, url: str, *, help: str | None = None, type: str = "secondary",
                 icon: str | None = None, disabled: bool = False,
                 use_container_width: bool = False) -> None:
        href = safe_url(url, schemes=LINK_SCHEMES - {"tel"}, relative="any")
        if href is None:
            raise ReactiveValueError(
                f"st.link_button only links to http(s), mailto or site URLs, not {url!r}.")
        if type not in ("primary", "secondary", "tertiary"):
            raise ReactiveValueError(
                f'The type argument to st.link_button must be "primary", "secondary", or '
                f'"tertiary". \nThe argument passed was "{type}".'
            )
        self.label = str(label)
        self.url = href
        self.help = help
        self.type = type
        self.icon = icon
        self.disabled = disabled
        self.full_width = use_container_width

    def context(self) -> dict[str, Any]:
        return {"label": self.label, "url": self.url, "help": self.help, "type": self.type,
                "icon": self.icon, "disabled": self.disabled, "full_width": self.full_width}

    @property
    def value(self) -> str:
        return self.url
