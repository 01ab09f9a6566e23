"""The base of every element a view can put on the page.

An element is one class plus one template. The class takes Streamlit's
arguments in :meth:`Element.create`, validates them, and exposes the template
context in :meth:`Element.context`. Subclasses that set ``command`` are
registered, which is what makes ``st.<command>(...)`` exist: nothing else
needs to change to add one.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.utils.translation import gettext


def gettext_noop(message: str) -> str:
    """Mark ``message`` for ``makemessages`` without translating it (usable before settings load).

    Django's own ``gettext_noop`` needs configured settings, and these marks are
    made when the package is imported (``django-reactive run`` imports it first).
    """
    return message


class DefaultText(str):
    """A default text of the library's own (``"Choose an option"``), translated only when shown.

    It stays the English text wherever it identifies something (widget ids,
    Streamlit's automatic keys such as ``FormSubmitter:f-Submit``, ``AppTest``
    labels), so state does not depend on the visitor's language; templates get
    it through :func:`shown`, in the language active at render time. Define
    one as ``DefaultText(gettext_noop("..."))`` so ``makemessages`` finds it.
    """

    def __str__(self) -> str:
        return self  # str() keeps the mark, as with Django's SafeString


def shown(text: Any) -> Any:
    """``text`` as a template shows it: a :class:`DefaultText` in the active language."""
    return gettext(text) if isinstance(text, DefaultText) else text


#: ``st.<command>`` name -> element class.
COMMANDS: dict[str, type[Element]] = {}


class Element:
    """A display element: rendered from ``template`` with :meth:`context`."""

    command: ClassVar[str] = ""
    template: ClassVar[str] = ""
    #: Whether st.<command>() returns a handle to a new container (layout).
    is_block: ClassVar[bool] = False
    #: Static files (``"django_reactive/charts.js"``) that only pages showing this element load:
    #: stylesheets are linked, ES modules imported and their ``mount(element)`` called.
    assets: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.__dict__.get("command"):
            COMMANDS[cls.command] = cls

    @classmethod
    def create(cls, *args: Any, **kwargs: Any) -> Element:
        """Build the element from Streamlit's call signature."""
        return cls(*args, **kwargs)

    def context(self) -> dict[str, Any]:
        """Template context (besides ``eid`` and ``dom_id``, added by the renderer)."""
        return {}

    def memo_key(self) -> str | None:
        """A cheap stand-in for :meth:`context` to find this element's HTML of the last run.

        None (the default) compares the contexts. An element whose context is
        costly to build and depends only on its own attributes (and the active
        language) returns a text that changes whenever they do.
        """
        return None

    #: Value that AppTest exposes as ``.value``.
    @property
    def value(self) -> Any:
        return None
