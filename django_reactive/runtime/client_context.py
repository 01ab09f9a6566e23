"""``st.context``: who is looking at the page, as Streamlit's read-only ``st.context``.

``headers``, ``cookies`` and ``ip_address`` come from the request of the run
(``st.request``): the page load, the WebSocket handshake (as in Streamlit,
whose values are those of its socket's handshake) or the HTTP fallback's POST.
``timezone``, ``timezone_offset``, ``locale``, ``theme`` and ``url`` are what
the browser reports in its ``hello`` (docs/protocol.md): the first render of a
page, made before the browser has run anything, reads None for them (``url``
is then the page's address), and the page is patched if the runs that follow
show something else, as Streamlit's reads are None until its browser reports.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from django.core.exceptions import DisallowedHost

if TYPE_CHECKING:
    from .runner import ScriptRunner

#: The names ``st.context`` answers to.
KEYS = frozenset({"headers", "cookies", "theme", "timezone", "timezone_offset", "locale", "url",
                  "ip_address", "is_embedded"})
#: Browser-reported fields (what ``hello`` and ``AppTest.context`` set) and their types.
CLIENT_FIELDS: dict[str, type] = {"timezone": str, "timezone_offset": int, "locale": str, "url": str,
                                  "is_embedded": bool, "theme": str}
THEMES = ("light", "dark")
LOCAL_ADDRESSES = frozenset({"::1", "127.0.0.1"})


def _header_name(name: str) -> str:
    """``coNtent-TYPE`` -> ``Content-Type``, as Streamlit's keys."""
    return "-".join(word.capitalize() for word in name.split("-"))


class Headers(Mapping[str, str]):
    """The request's headers, read-only; names are case-insensitive."""

    def __init__(self, headers: Iterable[tuple[str, str]]) -> None:
        self._headers: dict[str, list[str]] = {}
        for name, value in headers:
            self._headers.setdefault(_header_name(name), []).append(value)

    def get_all(self, key: str) -> list[str]:
        """Every value of a header sent more than once (a server may have joined them already)."""
        return list(self._headers.get(_header_name(key), []))

    def __getitem__(self, key: str) -> str:
        try:
            return self._headers[_header_name(key)][0]
        except LookupError:
            raise KeyError(key) from None

    def __len__(self) -> int:
        return len(self._headers)

    def __iter__(self) -> Iterator[str]:
        return iter(self._headers)

    def to_dict(self) -> dict[str, str]:
        return {key: self[key] for key in self}

    def __repr__(self) -> str:
        return repr(self.to_dict())


class Cookies(Mapping[str, str]):
    """The request's cookies, read-only."""

    def __init__(self, cookies: Mapping[str, str]) -> None:
        self._cookies = dict(cookies)

    def __getitem__(self, key: str) -> str:
        return self._cookies[key]

    def __len__(self) -> int:
        return len(self._cookies)

    def __iter__(self) -> Iterator[str]:
        return iter(self._cookies)

    def to_dict(self) -> dict[str, str]:
        return dict(self._cookies)

    def __repr__(self) -> str:
        return repr(self._cookies)


class Theme(dict):
    """``st.context.theme``: ``{"type": "light" | "dark" | None}``, also read as ``theme.type``."""

    def __getattr__(self, key: str) -> Any:
        try:
            return self[key]
        except KeyError:
            raise AttributeError(f"'Theme' object has no attribute '{key}'") from None


class Context:
    """``st.context`` of one page: attribute or key access (``st.context["timezone"]``), read-only.

    Like Streamlit's, it is no dictionary: no ``.get()``, ``.keys()`` or
    iteration; ``"timezone" in st.context`` tells whether the name exists.
    """

    __iter__ = None  # not iterable, although it has __getitem__

    def __init__(self, runner: ScriptRunner) -> None:
        self._runner = runner

    @property
    def _request(self) -> Any:
        return self._runner.request

    @property
    def _client(self) -> dict[str, Any]:
        return self._runner.client_info

    @property
    def headers(self) -> Headers:
        """The headers of the request (the page load's, or the WebSocket handshake's)."""
        request = self._request
        return Headers(request.headers.items() if request is not None else ())

    @property
    def cookies(self) -> Cookies:
        """The cookies the browser sent with the request."""
        request = self._request
        return Cookies(request.COOKIES if request is not None else {})

    @property
    def theme(self) -> Theme:
        """``theme.type``: "dark" or "light", the colour scheme the browser prefers (the page's
        stylesheet follows it); None before the browser reported it."""
        return Theme(type=self._client.get("theme"))

    @property
    def timezone(self) -> str | None:
        """The browser's time zone (``"Europe/Paris"``), or None before it reported it."""
        return self._client.get("timezone")

    @property
    def timezone_offset(self) -> int | None:
        """Minutes the browser's time is behind UTC (``-60`` for UTC+1), as JavaScript's
        ``getTimezoneOffset()``; None before the browser reported it."""
        return self._client.get("timezone_offset")

    @property
    def locale(self) -> str | None:
        """The browser's language (``navigator.language``, ``"fr-FR"``), or None before it reported it."""
        return self._client.get("locale")

    @property
    def url(self) -> str | None:
        """The page's address without its query string or fragment."""
        if "url" in self._client:
            return self._client["url"]
        page = _page_url(self._request)
        return None if page is None else urlunsplit(urlsplit(page)._replace(query="", fragment=""))

    @property
    def ip_address(self) -> str | None:
        """The address of the client (None for a local one, as Streamlit's). Easily spoofed by
        proxies: never a security check."""
        request = self._request
        address = request.META.get("REMOTE_ADDR") if request is not None else None
        return None if not address or address in LOCAL_ADDRESSES else address

    @property
    def is_embedded(self) -> bool | None:
        """Whether the page's URL asks for the embedded look (``?embed=true``), as Streamlit's."""
        if "is_embedded" in self._client:
            return self._client["is_embedded"]
        page = _page_url(self._request)
        return None if page is None else is_embed_query(urlsplit(page).query)

    def __getitem__(self, key: str) -> Any:
        if key not in KEYS:
            raise KeyError(f'st.context has no key "{key}". Valid keys are: {", ".join(sorted(KEYS))}.')
        return getattr(self, key)

    def __contains__(self, key: object) -> bool:
        return key in KEYS

    def __repr__(self) -> str:
        return "<st.context>"


def is_embed_query(query: str) -> bool:
    """Whether a query string has ``embed=true`` (any case), Streamlit's sign of an embedded app."""
    return any(name == "embed" and value.lower() == "true" for name, value in parse_qsl(query))


def _page_url(request: Any) -> str | None:
    """The page's address as the request tells it: the page load's own, or the Referer of the
    HTTP fallback's POST; None for a WebSocket handshake (its browser reports the page in hello)."""
    if request is None or request.headers.get("Upgrade", "").lower() == "websocket":
        return None
    if request.method != "GET":
        return request.headers.get("Referer") or None
    try:
        return request.build_absolute_uri()
    except DisallowedHost:
        return None


def client_info(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The browser-reported fields of ``st.context``, checked (a wrong type or theme is dropped)."""
    info = {}
    for key, value in fields.items():
        kind = CLIENT_FIELDS.get(key)
        if kind is None or not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            continue
        if key == "theme" and value not in THEMES:
            continue
        info[key] = value
    return info
