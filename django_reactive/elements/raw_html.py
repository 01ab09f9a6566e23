"""``st.html`` on a site that allows raw HTML (``REACTIVE["HTML_ALLOW_RAW"]``): its JavaScript removed.

With ``unsafe_allow_javascript=False`` Streamlit shows the HTML with its
JavaScript ignored. Here that is the HTML as given, tags, attributes and
styles included, less ``<script>`` elements, event-handler attributes
(``onclick``...), ``srcdoc`` and ``formaction``, and ``javascript:`` URLs. The
HTML is trusted by the site's choice: this keeps a view's own markup from
running code by accident, it is not a sanitiser for text from visitors (which
``st.html`` cleans fully unless that setting is on).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import nh3

#: Attributes that run code, or load a page that can, besides ``on*`` handlers.
_CODE_ATTRIBUTES = frozenset({"srcdoc", "formaction"})
#: ``data:`` URLs too (inline images), which a browser runs in an origin of their own.
_URL_SCHEMES = frozenset(nh3.ALLOWED_URL_SCHEMES) | {"data"}
_TAG_NAME = re.compile(r"<\s*([^\s/>]+)")
_ATTRIBUTE_NAME = re.compile(r"\s([^\s\"'<>/=]+)")


class _Names(HTMLParser):
    """The tag and attribute names a piece of HTML uses, as written (SVG's ``viewBox`` keeps its case)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Any]]) -> None:
        text = self.get_starttag_text() or ""
        written = _TAG_NAME.match(text)
        self.tags.update({tag, written.group(1)} if written else {tag})
        self.attributes.update(name for name, _ in attrs)
        self.attributes.update(_ATTRIBUTE_NAME.findall(text[written.end() if written else 0:]))

    handle_startendtag = handle_starttag


def without_javascript(body: str) -> str:
    """``body`` as given, less what would run JavaScript."""
    names = _Names()
    names.feed(body)
    names.close()
    tags = {tag for tag in names.tags if tag.lower() != "script"}
    attributes = {name for name in names.attributes
                  if not name.lower().startswith("on") and name.lower() not in _CODE_ATTRIBUTES}
    return nh3.clean(body, tags=tags, clean_content_tags={"script"}, attributes={"*": attributes},
                     link_rel=None, strip_comments=False, url_schemes=set(_URL_SCHEMES))
