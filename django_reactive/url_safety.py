"""Which URLs a page may load or link to, read as a browser reads them.

A prefix test is not enough: browsers drop tabs and newlines anywhere in a URL,
strip control characters and spaces at its ends and read ``\\`` as ``/``, so
``/\\evil.example/x.png`` and ``/\t/evil.example/x.png`` load from
``evil.example`` although they start with one ``/``. Every URL an element puts
in ``src`` or ``href`` (``st.image``, ``st.link_button``, ``st.page_link``,
``st.set_page_config(page_icon=...)``, Markdown links and images) goes through
:func:`safe_url`, which parses it with :mod:`urllib.parse` after refusing what
a browser would rewrite:

* a control character (U+0000-U+001F, U+007F) or a backslash anywhere;
* a network-path reference (``//host/...``): write the scheme;
* a scheme not in the caller's list (``javascript:``, ``vbscript:``, ``file:``...);
* an http(s) URL without ``//`` and a host, or with whitespace or a bad port
  in its authority.

What is left is either a URL of an allowed scheme or a reference to this site.
"""

from __future__ import annotations

import re
from typing import Any, Literal
from urllib.parse import urlsplit

__all__ = ["LINK_SCHEMES", "WEB_SCHEMES", "is_site_path", "safe_url"]

#: Schemes of pages and images on the web.
WEB_SCHEMES = frozenset({"http", "https"})
#: Schemes a link may use besides those.
LINK_SCHEMES = WEB_SCHEMES | {"mailto", "tel"}
#: Schemes whose URLs must name a host.
_HOST_SCHEMES = WEB_SCHEMES
#: Characters a browser removes or rewrites: controls and the backslash.
_REWRITTEN = re.compile(r"[\x00-\x1f\x7f\\]")
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")
#: The embedded images Markdown allows (raster formats only: an SVG can carry script).
_DATA_IMAGE = re.compile(r"data:image/(?:gif|png|jpeg|webp);", re.IGNORECASE)

Relative = Literal["none", "path", "any"]


def safe_url(url: Any, *, schemes: frozenset[str] = WEB_SCHEMES, relative: Relative = "path",
             data_images: bool = False) -> str | None:
    """``url`` without its surrounding spaces when a browser loads it as it reads; else None.

    ``relative`` says which references to this site are accepted: ``"path"``,
    only paths from the site's root (``/media/a.png``); ``"any"``, also
    relative paths, queries and fragments (``page2``, ``?tab=1``, ``#top``);
    ``"none"``, none. ``data_images`` accepts ``data:`` URLs of PNG, JPEG, GIF
    and WebP images.
    """
    text = str(url).strip(" ")
    if not text or _REWRITTEN.search(text):
        return None
    if _SCHEME.match(text):
        if data_images and _DATA_IMAGE.match(text):
            return text
        return text if _absolute_ok(text, schemes) else None
    if text.startswith("//"):
        return None  # another host, in the page's scheme
    if relative == "any" or (relative == "path" and text.startswith("/")):
        return text
    return None


def is_site_path(url: Any) -> bool:
    """Whether ``url`` is a path of this site from its root (``/shop/``), as a browser reads it."""
    return safe_url(url, schemes=frozenset(), relative="path") is not None


def _absolute_ok(text: str, schemes: frozenset[str]) -> bool:
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - reading it checks the port
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    if scheme not in schemes:
        return False
    if scheme not in _HOST_SCHEMES:
        return True
    # "http:/evil.example" and "http:evil.example" name a host too, for a browser: refused.
    return (text[len(parts.scheme) + 1:].startswith("//") and bool(parts.hostname)
            and not any(c.isspace() for c in parts.netloc))
