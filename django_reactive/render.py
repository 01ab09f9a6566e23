"""Element tree -> HTML per element, and the patch between two renders.

Each element is rendered once per run from its template. Display elements get
a position id (``m.3``: fourth child of the main area), widgets their widget
id. A patch names only the elements whose HTML changed; a block is sent whole
only when its list of children changed.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.loader import get_template
from django.templatetags.static import static
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .elements import Block, Element
from .elements.layout import Root
from .state.store import EMPTY

ROOT_ID = "r"
#: Stands for a block's children while its own markup is rendered (see ``Renderer._shell``).
CHILDREN = mark_safe("\x00rx-children\x00")
#: The suffix of a ``rev`` whose page shows transient elements, and the area holding them.
TRANSIENT, TRANSIENT_AREA = "t", "p"


@functools.cache
def _template(name: str) -> Any:
    return get_template(name)


@functools.cache
def asset_urls(paths: tuple[str, ...]) -> str:
    """The URLs of an element's assets, space-separated (the client's ``data-rx-assets``)."""
    return " ".join(static(path) for path in paths)


@receiver(setting_changed)
def _reset_templates(*, setting: str, **kwargs: Any) -> None:
    if setting == "TEMPLATES":
        _template.cache_clear()
    if setting in ("STATIC_URL", "STORAGES", "STATICFILES_STORAGE"):
        asset_urls.cache_clear()


@dataclass
class Rendered:
    """One run's HTML: each leaf element's, and each block's own markup around its children.

    A page keeps its last render as long as it is open, so a block's whole HTML
    (its shell around its children's, the root holding the entire page) is not
    kept but rebuilt by :meth:`html_of` when a patch or a page load needs it:
    kept, it would hold the page's HTML once per level of nesting.
    """

    #: Leaf elements' HTML, and that of blocks whose template has no single place for children.
    html: dict[str, str] = field(default_factory=dict)
    children: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: A block's own markup around its children (None when its template has no single place for them).
    shells: dict[str, tuple[str, str] | None] = field(default_factory=dict)
    #: Elements shown once, after the run that made them (Django messages).
    transient: list[str] = field(default_factory=list)
    #: The assets of the elements shown (their URLs, as ``data-rx-assets`` gives them); most
    #: pages have none, and share one empty set (an empty ``set`` costs 216 bytes per page).
    assets: AbstractSet[str] = EMPTY
    #: Set by :meth:`compact`: ``html`` and ``shells`` then hold digests, and this the ``rev``.
    compact_rev: str | None = None

    def compact(self) -> Rendered:
        """This render as digests: all a later render needs to be diffed against it.

        What an idle page keeps (``AppSession.hibernate``): a page's HTML can be
        large (a table's rows), its digests are 16 bytes per element.
        """
        if self.compact_rev is not None:
            return self
        return Rendered(
            html={eid: _digest(html) for eid, html in self.html.items()},
            children=self.children,
            shells={eid: None if shell is None else _digest("\0".join(shell))
                    for eid, shell in self.shells.items()},
            transient=self.transient, assets=self.assets, compact_rev=self.rev)

    def has_html(self, eid: str, html: str) -> bool:
        """Whether element ``eid`` has this HTML here (a leaf, or a block without a shell)."""
        kept = self.html.get(eid)
        if kept is None or self.compact_rev is None:
            return kept == html
        return kept == _digest(html)

    def has_shell(self, eid: str, shell: tuple[str, str]) -> bool:
        """Whether block ``eid`` has this markup around its children here."""
        kept = self.shells.get(eid)
        if kept is None or self.compact_rev is None:
            return kept == shell
        return kept == _digest("\0".join(shell))

    def html_of(self, eid: str) -> str:
        """The outer HTML of element ``eid``, children included."""
        html = self.html.get(eid)
        if html is not None:
            return html
        before, after = self.shells[eid]
        return mark_safe(before + "".join(self.html_of(child) for child in self.children[eid]) + after)

    def html_by_id(self) -> dict[str, str]:
        """Every element's outer HTML by id (built on demand: what a test compares)."""
        return {eid: self.html_of(eid) for eid in (*self.children, *self.html)}

    @property
    def stylesheets(self) -> list[str]:
        """The stylesheets the page needs before its first paint, in a stable order."""
        return sorted({url for urls in self.assets for url in urls.split(" ") if url.endswith(".css")})

    @property
    def root(self) -> str:
        return self.html_of(ROOT_ID)

    @property
    def rev(self) -> str:
        """A short hash of the whole page; the client echoes it to skip a resync.

        Transient elements are left out of the hash, and marked by a ``t``
        suffix instead: a re-run of the page that did not repeat its messages
        still matches what the page shows.
        """
        if self.compact_rev is not None:
            return self.compact_rev
        html = self.root
        for eid in self.transient:
            html = html.replace(self.html_of(eid), "", 1)
        digest = hashlib.blake2b(html.encode(), digest_size=8).hexdigest()
        return digest + TRANSIENT if self.transient else digest

    def shown_as(self, rev: str | None) -> bool:
        """Whether a page showing ``rev`` shows this render (transient elements aside).

        When that page shows transient elements this render lacks, the area
        holding them is forgotten, so the next patch replaces it and they go.
        """
        if rev is None or rev.removesuffix(TRANSIENT) != self.rev.removesuffix(TRANSIENT):
            return False
        if rev.endswith(TRANSIENT) and not self.transient:
            self.html.pop(TRANSIENT_AREA, None)
            self.children.pop(TRANSIENT_AREA, None)
        return True


def _digest(html: str) -> bytes:
    return hashlib.blake2b(html.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def css_class(element: Element) -> str:
    return getattr(element, "css_class", None) or "rx-" + element.command.replace("_", "-")


class Renderer:
    """Renders element trees of one view; ``dom_prefix`` keeps DOM ids unique on a page.

    Templates are pure functions of their context, so an element whose context
    did not change since the previous render reuses its HTML instead of
    rendering its template again: a click re-renders only what it changed.
    """

    def __init__(self, dom_prefix: str = "rx-") -> None:
        self.dom_prefix = dom_prefix
        self._language: str | None = None
        self._memo: dict[bytes, str | tuple[str, str]] = {}
        self._next_memo: dict[bytes, str | tuple[str, str]] = {}

    def render(self, root: Root) -> Rendered:
        out = Rendered()
        self._next_memo = {}
        # Templates translate their own chrome: the same context renders per language.
        self._language = get_language()
        self._render(root, ROOT_ID, out)
        self._memo = self._next_memo
        return out

    def _key(self, element: Element, eid: str, described: str) -> bytes:
        """The memo's key: a digest, as the memo lives as long as the page and a context can be long."""
        return _digest(f"{element.template}\0{eid}\0{self._language}\0{described}")

    def _render(self, element: Element, eid: str, out: Rendered) -> None:
        block = isinstance(element, Block)
        quick = None if block else element.memo_key()
        context = element.context() if quick is None else {}
        if block:
            context["children"] = CHILDREN
        key = self._key(element, eid, repr(sorted(context.items())) if quick is None else quick)
        shell = self._memo.get(key)
        if shell is None:
            shell = self._shell(element, eid, context if quick is None else element.context())
        self._next_memo[key] = shell
        if block:
            ids = []
            for index, child in enumerate(element.children):
                # Widgets and areas have ids of their own; others a position.
                child_id = getattr(child, "id", "") or f"{eid}.{index}"
                ids.append(child_id)
                self._render(child, child_id, out)
            out.children[eid] = tuple(ids)
            # A block's own markup around its children is rendered once and reused
            # while its context is the same: a click re-renders no container.
            out.shells[eid] = shell if isinstance(shell, tuple) else None
            if not isinstance(shell, tuple):
                children = mark_safe("".join(out.html_of(child) for child in ids))
                out.html[eid] = self._render_html(element, eid, {**context, "children": children})
        else:
            out.html[eid] = shell
        if element.assets:
            out.assets = out.assets | {asset_urls(element.assets)}
        if getattr(element, "transient", False):
            out.transient.append(eid)

    def _shell(self, element: Element, eid: str, context: dict[str, Any]) -> str | tuple[str, str]:
        """An element's HTML; for a block, the HTML before and after its children."""
        html = self._render_html(element, eid, dict(context))
        if not isinstance(element, Block):
            return html
        before, marker, after = html.partition(CHILDREN)
        if not marker or CHILDREN in after:
            return html  # the template does not show its children exactly once: no shell
        return before, after

    def _render_html(self, element: Element, eid: str, context: dict[str, Any]) -> str:
        context["eid"] = eid
        context["dom_id"] = self.dom_prefix + eid
        assets = format_html(' data-rx-assets="{}"', asset_urls(element.assets)) if element.assets else ""
        if isinstance(element, Block):
            context["rx_assets"] = assets
            return _template(element.template).render(context)
        inner = _template(element.template).render(context)
        return (f'<div class="rx {css_class(element)}" data-reactive-id="{escape(eid)}"{assets}>'
                f"{inner}</div>")


def diff(old: Rendered | None, new: Rendered) -> dict[str, str]:
    """The patch that turns ``old`` into ``new``: element id -> new outer HTML."""
    if old is None:
        return {ROOT_ID: new.root}
    ops: dict[str, str] = {}
    _diff(old, new, ROOT_ID, ops)
    return ops


def _diff(old: Rendered, new: Rendered, eid: str, ops: dict[str, str]) -> None:
    children = new.children.get(eid)
    if children is None:
        html = new.html[eid]
        if not old.has_html(eid, html):
            ops[eid] = html
        return
    if old.children.get(eid) != children:
        ops[eid] = new.html_of(eid)
        return
    shell = new.shells[eid]
    if shell is None:
        if old.has_html(eid, new.html[eid]):
            return
    elif not old.has_shell(eid, shell):
        ops[eid] = new.html_of(eid)  # its own markup changed (a label, a style): the block goes whole
        return
    before = len(ops)
    for child in children:
        _diff(old, new, child, ops)
    if shell is None and len(ops) == before:
        # Only the block's own markup changed (e.g. its style).
        ops[eid] = new.html[eid]
