"""The value codec: which session-state values persist, and how they are kept in the session.

Django sessions serialise to JSON. Streamlit keeps any Python object in server
memory; we keep a documented superset of JSON in the session so state survives
reloads, restarts and other workers. Anything that is not plain JSON is tagged
as ``{"$t": name, "v": ...}``: tuple, set, frozenset, dicts with non-str keys,
date/time/datetime/timedelta, Decimal, UUID, bytes, non-finite floats, numpy
arrays and scalars, pandas DataFrame/Series, dataclass instances, Enum members,
Django model instances (by reference) and the types a site registers with
:func:`register_type`. :func:`encode` raises :class:`Unpersistable` for
anything else; the state layer keeps such values with the open page only.

Security: decoding never unpickles and never instantiates an arbitrary class.
A class path written by the encoder is resolved and must name a dataclass, an
Enum or an installed model, else the value is dropped with a warning.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import enum
import importlib
import logging
import math
import sys
import uuid
import weakref
from collections.abc import Callable
from decimal import Decimal
from typing import Any, NamedTuple

from django.db.models import Model

from ..errors import UnserializableSessionStateError
from . import frames

TAG = "$t"

logger = logging.getLogger("django_reactive")


class Unpersistable(TypeError):
    """``value`` cannot be kept in the session (it can still live with the open page).

    ``.value`` is the innermost offending object, so a message about a list of
    a thousand items names the one that does not fit.
    """

    def __init__(self, value: Any, reason: str = "") -> None:
        self.value = value
        kind = type(value)
        super().__init__(
            f"values of type `{kind.__module__}.{kind.__qualname__}` cannot be kept in the Django session"
            + (f" ({reason})" if reason else "")
        )


# -- registered types -------------------------------------------------------------------------


class _Registered(NamedTuple):
    cls: type
    name: str
    encode: Callable[[Any], Any]
    decode: Callable[[Any], Any]


_registered: dict[str, _Registered] = {}
_registered_for_type: dict[type, _Registered | None] = {}  # cache of _lookup_registered
_FAST_TYPES = (str, int, float, bool, type(None), list, dict)


def register_type(
    cls: type, *, name: str, encode: Callable[[Any], Any], decode: Callable[[Any], Any]
) -> None:
    """Let instances of ``cls`` (and its subclasses) persist in session state.

    ``encode(obj)`` returns data this codec can store (JSON, or any persistable
    value: tuples, dates... are fine); ``decode(data)`` gets that data back and
    returns the object. ``name`` is the tag written to the session: keep it
    stable across deploys, or values stored under the old name are dropped.
    The most specific registered class of a value wins.
    """
    if not isinstance(cls, type):
        raise TypeError(f"register_type() needs a class, not {cls!r}")
    if not isinstance(name, str) or not name:
        raise ValueError("register_type() needs a non-empty str name")
    if name in _DECODERS:
        raise ValueError(f"{name!r} is a built-in tag of the state codec; choose another name")
    if cls in _FAST_TYPES:
        raise ValueError(f"{cls.__qualname__} is plain JSON and is always stored as such")
    old = _registered.get(name)
    # The same module and name again is a reloaded module (runserver's autoreload, tests).
    if old is not None and (old.cls.__module__, old.cls.__qualname__) != (cls.__module__, cls.__qualname__):
        raise ValueError(f"the state type name {name!r} is already registered for {old.cls!r}")
    _registered[name] = _Registered(cls, name, encode, decode)
    _registered_for_type.clear()


def _lookup_registered(kind: type) -> _Registered | None:
    try:
        return _registered_for_type[kind]
    except KeyError:
        pass
    by_class = {entry.cls: entry for entry in _registered.values()}
    found = next((by_class[k] for k in kind.__mro__ if k in by_class), None)
    if found is None:  # virtual subclasses of a registered ABC
        found = next((e for e in _registered.values() if issubclass(kind, e.cls)), None)
    _registered_for_type[kind] = found
    return found


# -- encoding ---------------------------------------------------------------------------------


def encode(value: Any) -> Any:
    """Turn a persistable value into plain JSON data; raise :class:`Unpersistable` otherwise.

    Called on the whole state after every event, so plain JSON is tested
    first, by exact type (subclasses such as IntEnum or numpy.float64 must
    keep their type, so they go the slow way).
    """
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return value
    if kind is float:
        return value if math.isfinite(value) else {TAG: "float", "v": repr(value)}
    if kind is list:
        return [encode(v) for v in value]
    if kind is dict:
        if TAG not in value and all(type(k) is str for k in value):
            return {k: encode(v) for k, v in value.items()}
        return {TAG: "dict", "v": [[encode(k), encode(v)] for k, v in value.items()]}
    return _encode_other(value, kind)


def _encode_other(value: Any, kind: type) -> Any:
    if _registered:
        entry = _lookup_registered(kind)
        if entry is not None:
            return {TAG: entry.name, "v": encode(entry.encode(value))}
    simple = _SIMPLE.get(kind)
    if simple is not None:
        return {TAG: simple[0], "v": simple[1](value)}
    if isinstance(value, enum.Enum):
        member = value.value if isinstance(value, enum.Flag) else value.name
        return {TAG: "enum", "v": [_class_path(value, kind), member]}
    np = sys.modules.get("numpy")
    if np is not None and (kind is np.ndarray or isinstance(value, np.generic)):
        if kind is np.ndarray:
            return {TAG: "ndarray", "v": frames.encode_ndarray(value)}
        return {TAG: "npscalar", "v": frames.encode_ndarray(np.asarray(value))[::2]}
    pd = sys.modules.get("pandas")
    if pd is not None and (value is pd.NaT or value is pd.NA):  # NaT is a datetime subclass
        return {TAG: "pandas", "v": "NaT" if value is pd.NaT else "NA"}
    if pd is not None and (kind is pd.DataFrame or kind is pd.Series):
        if kind is pd.Series:
            return {TAG: "series", "v": frames.encode_series(pd, value)}
        return {TAG: "dataframe", "v": frames.encode_dataframe(pd, value)}
    if isinstance(value, Model):
        if value.pk is None:
            raise Unpersistable(value, "an unsaved model instance has no primary key to fetch it again by")
        return {TAG: "model", "v": [value._meta.label, encode(value.pk)]}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {}
        for field in dataclasses.fields(value):
            item = getattr(value, field.name, dataclasses.MISSING)  # init=False without a default
            if item is not dataclasses.MISSING:
                fields[field.name] = encode(item)
        return {TAG: "dataclass", "v": [_class_path(value, kind), fields]}
    # Subclasses of the built-in types (SafeString, OrderedDict, namedtuple...) keep their base type.
    for base, to_base in _BASES:
        if isinstance(value, base):
            return encode(to_base(value))
    raise Unpersistable(value)


# Exact types with a one-step tagged form: tag and the function making its "v".
_SIMPLE: dict[type, tuple[str, Callable[[Any], Any]]] = {
    tuple: ("tuple", lambda v: [encode(i) for i in v]),
    set: ("set", lambda v: [encode(i) for i in v]),
    frozenset: ("frozenset", lambda v: [encode(i) for i in v]),
    dt.datetime: ("datetime", dt.datetime.isoformat),
    dt.date: ("date", dt.date.isoformat),
    dt.time: ("time", dt.time.isoformat),
    dt.timedelta: ("timedelta", lambda v: [v.days, v.seconds, v.microseconds]),
    Decimal: ("decimal", str),
    uuid.UUID: ("uuid", str),
    bytes: ("bytes", lambda v: base64.b64encode(v).decode("ascii")),
}
# The base types' own conversions, so an overridden __str__ or __iter__ is not called.
_BASES: list[tuple[type, Callable[[Any], Any]]] = [
    (str, str.__str__), (int, int.__int__), (float, float.__float__),
    (list, list), (dict, dict), (tuple, tuple), (frozenset, frozenset), (set, set),
    (dt.datetime, lambda v: dt.datetime.fromisoformat(dt.datetime.isoformat(v))),
    (dt.date, lambda v: dt.date.fromordinal(v.toordinal())),
    (dt.time, lambda v: dt.time.fromisoformat(dt.time.isoformat(v))),
    (dt.timedelta, lambda v: dt.timedelta(v.days, v.seconds, v.microseconds)),
    (Decimal, lambda v: Decimal(str(v))), (uuid.UUID, lambda v: uuid.UUID(int=v.int)),
    (bytes, bytes),
]

_class_paths: weakref.WeakKeyDictionary[type, str | None] = weakref.WeakKeyDictionary()


def _path_of(cls: type) -> str | None:
    """``module:qualname`` when importing it gives ``cls`` back, else None."""
    try:
        return _class_paths[cls]
    except KeyError:
        pass
    path, obj = None, sys.modules.get(cls.__module__)
    if "<locals>" not in cls.__qualname__:
        for part in cls.__qualname__.split("."):
            obj = getattr(obj, part, None)
        if obj is cls:
            path = f"{cls.__module__}:{cls.__qualname__}"
    _class_paths[cls] = path
    return path


def _class_path(value: Any, cls: type) -> str:
    path = _path_of(cls)
    if path is None:
        raise Unpersistable(value, "its class cannot be imported by name, e.g. it is defined in a function")
    return path


def persistable(value: Any) -> bool:
    """Whether ``value`` can be kept in the session (it is encoded once to find out)."""
    try:
        encode(value)
    except Unpersistable:
        return False
    return True


def check(key: str, value: Any) -> None:
    """Raise :class:`UnserializableSessionStateError` when ``value`` cannot be kept in the session.

    Kept for callers that still want an error at assignment time.
    """
    try:
        encode(value)
    except Unpersistable as exc:
        raise UnserializableSessionStateError(
            f"Cannot store the value of {key!r} in the Django session: {exc}. "
            "See 'What can be stored' in docs/state.md, or register the type with "
            "django_reactive.register_state_type()."
        ) from exc


# -- decoding ---------------------------------------------------------------------------------


def decode(data: Any) -> Any:
    """Inverse of :func:`encode`. Values that cannot be restored any more decode to None."""
    if isinstance(data, list):
        return [decode(v) for v in data]
    if isinstance(data, dict):
        tag = data.get(TAG)
        if tag is not None and len(data) == 2 and "v" in data:
            decoder = _DECODERS.get(tag)
            if decoder is not None:
                return decoder(data["v"])
            entry = _registered.get(tag)
            if entry is None:
                return _gone(tag, "no state type is registered under this name")
            return entry.decode(decode(data["v"]))
        return {k: decode(v) for k, v in data.items()}
    return data


def _gone(what: str, why: str) -> None:
    """A stored value whose class, member or row no longer exists: dropped rather than fatal."""
    logger.warning("A session-state value (%s) could not be restored and is None: %s", what, why)
    return None


def _resolve(path: str) -> Any:
    """The class at a ``module:qualname`` path written by :func:`_path_of`."""
    module_name, _, qualname = path.partition(":")
    if not module_name or not qualname or "<" in qualname:
        raise ValueError(f"not a class path: {path!r}")
    obj = sys.modules.get(module_name) or importlib.import_module(module_name)
    for part in qualname.split("."):
        obj = getattr(obj, part)
    if not isinstance(obj, type):
        raise ValueError(f"{path} is not a class")
    return obj


def _decode_dataclass(v: list[Any]) -> Any:
    path, fields = v
    try:
        cls = _resolve(path)
    except (ImportError, AttributeError, ValueError) as exc:
        return _gone(path, str(exc))
    if not dataclasses.is_dataclass(cls):
        return _gone(path, "no longer a dataclass")
    # Restored field by field without calling __init__, as copy and pickle do.
    obj = cls.__new__(cls)
    for field in dataclasses.fields(cls):
        if field.name in fields:
            item = decode(fields[field.name])
        elif field.default is not dataclasses.MISSING:
            item = field.default
        elif field.default_factory is not dataclasses.MISSING:
            item = field.default_factory()
        else:
            return _gone(path, f"new field {field.name!r} has no default")
        object.__setattr__(obj, field.name, item)
    return obj


def _decode_enum(v: list[Any]) -> Any:
    path, member = v
    try:
        cls = _resolve(path)
        if not issubclass(cls, enum.Enum):
            raise ValueError("no longer an Enum")
        return cls[member] if isinstance(member, str) else cls(member)
    except (ImportError, AttributeError, ValueError, KeyError) as exc:
        return _gone(f"{path} {member}", str(exc))


def _decode_model(v: list[Any]) -> Any:
    from django.apps import apps

    label, pk = v[0], decode(v[1])
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError) as exc:
        return _gone(label, str(exc))
    try:
        return model._default_manager.get(pk=pk)
    except model.DoesNotExist:
        return _gone(f"{label} pk={pk!r}", "the object was deleted")


_DECODERS: dict[str, Callable[[Any], Any]] = {
    "float": float,
    "tuple": lambda v: tuple(decode(i) for i in v),
    "set": lambda v: {decode(i) for i in v},
    "frozenset": lambda v: frozenset(decode(i) for i in v),
    "dict": lambda v: {decode(k): decode(i) for k, i in v},
    "datetime": dt.datetime.fromisoformat,
    "date": dt.date.fromisoformat,
    "time": dt.time.fromisoformat,
    "timedelta": lambda v: dt.timedelta(days=v[0], seconds=v[1], microseconds=v[2]),
    "decimal": Decimal,
    "uuid": uuid.UUID,
    "bytes": base64.b64decode,
    "ndarray": frames.decode_ndarray,
    "npscalar": lambda v: frames.decode_ndarray([v[0], [], v[1]])[()],
    "series": frames.decode_series,
    "dataframe": frames.decode_dataframe,
    "pandas": lambda v: getattr(importlib.import_module("pandas"), "NaT" if v == "NaT" else "NA"),
    "dataclass": _decode_dataclass,
    "enum": _decode_enum,
    "model": _decode_model,
}
