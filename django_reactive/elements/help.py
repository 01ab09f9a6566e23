"""``st.help(obj)``: what an object is, as Streamlit 1.67 describes it.

The facts and their order are Streamlit's, so a ported app shows the same
help: the name the caller wrote (``st.help(fido)`` gives ``fido``; a magic
line gives the line), the type (``class`` for a class), a value (the repr,
cut at 300 characters, or for a callable, a class or an object without a
readable repr, ``module.name(signature)``), the docstring (the type's for an
instance without one), and the public members: properties are not evaluated
(their docstring is shown), modules are left out, and the rest are sorted
values first, then callables, then classes.

Members' reprs are shown, as Streamlit shows them; here a member whose name
Django's error reports hide (``SECRET_KEY``, ``password``, ``API_TOKEN``...)
shows Django's mask instead, and ``st.secrets`` shows no value.
"""

from __future__ import annotations

import ast
import inspect
import linecache
import os
import re
import sys
import types
from typing import Any, ClassVar, NamedTuple

from django.views.debug import get_default_exception_reporter_filter

from .base import Element
from .sizing import check_width, width_style

#: Frames of this package are skipped when looking for the line that asked for help.
_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep
#: How Python writes an object that has no readable repr: ``<foo.Bar object at 0x10e6f9a0>``.
_MEM_ADDRESS = re.compile(r"^<[a-zA-Z_]+[a-zA-Z0-9<>._ ]* at 0x[0-9a-fA-F]+>$")
_NEWLINES = re.compile(r"[\n\r]+")
_VALUE_LENGTH = 300


def is_mem_address_str(text: str) -> bool:
    """Whether ``text`` looks like ``<foo.Bar object at 0x10e6f9a0>`` (``st.write`` shows help for it)."""
    return bool(_MEM_ADDRESS.match(text))


class Member(NamedTuple):
    """One public attribute of the object: a value (its repr) or a docstring's first line."""

    name: str
    type: str
    value: str | None
    doc_string: str | None


def caller_expression() -> str | None:
    """The text of what the view asked help for, read from its source line, as Streamlit does.

    ``st.help(fido)`` and ``st.write(fido)`` give ``fido``; a magic line gives
    the line (less a trailing comma); a constant or no argument gives None.
    """
    frame = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename.startswith(_PACKAGE_DIR):
        frame = frame.f_back
    if frame is None:
        return None
    code = _NEWLINES.sub("", linecache.getline(frame.f_code.co_filename, frame.f_lineno).strip())
    return _expression(code) if code else None


def _expression(code: str) -> str | None:
    try:
        tree = ast.parse(code)
    except SyntaxError:  # one line of a statement spread over several
        return None
    call = next((node for node in ast.walk(tree) if isinstance(node, ast.Call) and (
        getattr(node.func, "id", None) in ("help", "write")
        or getattr(node.func, "attr", None) in ("help", "write"))), None)
    if call is None:  # a magic line: the expression itself
        return code.removesuffix(",")
    if not call.args:
        return None
    arg = call.args[0]
    if isinstance(arg, ast.NamedExpr) and isinstance(arg.target, ast.Name):
        return arg.target.id
    if isinstance(arg, ast.Constant):
        return None
    return ast.get_source_segment(code, arg)


def _type_name(obj: Any) -> str:
    return "class" if inspect.isclass(obj) else type(obj).__name__


def _docstring(obj: Any) -> str | None:
    doc = inspect.getdoc(obj)
    # An instance without a docstring gets its type's; a class, a module or a function does not.
    if doc is None and type(obj) not in (type, types.ModuleType) and not (
            inspect.isfunction(obj) or inspect.ismethod(obj)):
        doc = inspect.getdoc(type(obj))
    return (doc.strip() or None) if doc else None


def _is_secrets(obj: Any) -> bool:
    return any(f"{c.__module__}.{c.__qualname__}" == "django_reactive.runtime.secrets.Secrets"
               for c in type(obj).__mro__)


def _shorten(text: str) -> str:
    text = text.strip()
    return text[:_VALUE_LENGTH] + "..." if len(text) > _VALUE_LENGTH else text


def _readable_value(value: Any) -> str | None:
    """The repr of a plain value; None for a callable, a class, a module or a ``<... at 0x...>``."""
    if _is_secrets(value) or inspect.isclass(value) or inspect.ismodule(value) or callable(value):
        return None
    text = repr(value)
    if not isinstance(value, str) and is_mem_address_str(text):
        return None
    return _shorten(text)


def _signature(obj: Any) -> str | None:
    if not inspect.isclass(obj) and not callable(obj):
        return None
    try:
        return str(inspect.signature(obj))
    except (ValueError, NameError):
        return "(...)"
    except TypeError:
        return None


def _summary(obj: Any, name: str | None) -> tuple[str | None, bool]:
    """The value shown, and whether it is a ``module.name(signature)`` rather than a repr."""
    readable = _readable_value(obj)
    if readable is not None:
        return readable, False
    named = obj if (getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None)) else type(obj)
    qualname = getattr(named, "__qualname__", None) or getattr(named, "__name__", None)
    if not qualname:
        return None, False
    module = getattr(named, "__module__", None)
    text = f"{module}.{qualname}" if module else str(qualname)
    text += _signature(named) or ""
    return (None, False) if text == name else (text, True)


def _is_property(obj: Any, name: str) -> bool:
    return any(isinstance(attr, property) or inspect.isgetsetdescriptor(attr)
               for attr in (getattr(cls, name, None) for cls in inspect.getmro(type(obj))))


def _weight(value: Any) -> int:
    if inspect.ismodule(value):
        return 3
    if inspect.isclass(value):
        return 2
    return 1 if callable(value) else 0


def _members(obj: Any) -> list[Member]:
    mask = get_default_exception_reporter_filter()
    found: list[tuple[int, Member]] = []
    try:
        names = dir(obj)
    except Exception:  # noqa: BLE001 - an object whose __dir__ fails has no members to show
        names = []
    for name in names:
        if name.startswith("_"):
            continue
        try:
            if _is_property(obj, name):  # never run a property's code to describe it
                doc = _docstring(getattr(type(obj), name))
                found.append((0, Member(name, "property", None, doc and doc.partition("\n")[0])))
                continue
            value = getattr(obj, name)
        except Exception:  # noqa: BLE001 - an attribute that cannot be read is left out
            continue
        kind = _type_name(value)
        if kind == "module":
            continue
        shown = _readable_value(value)
        if shown is not None:  # a value, not a method: hidden if its name says it is a secret
            shown = _readable_value(mask.cleanse_setting(name, value))
        doc = _docstring(value) if shown is None else None
        found.append((_weight(value), Member(name, kind, shown, doc and doc.partition("\n")[0])))
    return [member for _, member in sorted(found, key=lambda pair: (pair[0], pair[1].name))]


class Help(Element):
    """``st.help(obj)``: the object's name, type, value, docstring and members (``at.help``).

    ``value`` is what Streamlit's AppTest gives: the name the caller wrote when
    the shown value is a signature (or there is none), otherwise the value.
    """

    command = "help"
    template = "django_reactive/elements/help.html"
    css_class: ClassVar[str] = "rx-help-info"
    #: Streamlit's AppTest calls this element ``help_info`` (its list is ``at.help``).
    apptest_type: ClassVar[str] = "help_info"
    assets: ClassVar[tuple[str, ...]] = ("django_reactive/help.css",)

    def __init__(self, obj: Any, *, width: Any = "stretch") -> None:
        self.width = check_width(width)
        name = caller_expression()
        self.name = name or ""
        self.object_type = _type_name(obj)
        self.doc_string = _docstring(obj) or ""
        shown, self.is_signature = _summary(obj, name)
        self.shown_value = shown or ""
        self.members = _members(obj)

    @property
    def value(self) -> str:
        if self.name and (not self.shown_value or self.is_signature):
            return self.name
        return self.shown_value

    def context(self) -> dict[str, Any]:
        return {"name": self.name, "object_type": self.object_type, "value": self.shown_value,
                "doc_string": self.doc_string, "members": self.members,
                "width": "" if self.width == "stretch" else width_style(self.width)}
