"""The value codec: what session state can hold, and how it is kept in the session.

Django sessions serialise to JSON. Streamlit keeps any Python object, so we
keep a documented superset of JSON: tuple, set, frozenset, date, time,
datetime, timedelta, Decimal, UUID and bytes are tagged as ``{"$t": name,
"v": ...}``. Assignments are checked with :func:`check` so an unsupported type
is reported at the line that assigned it, not at save time.
"""

from __future__ import annotations

import base64
import datetime as dt
import math
import uuid
from decimal import Decimal
from typing import Any

from ..errors import UnserializableSessionStateError

TAG = "$t"

_SCALARS = (str, int, float, bool, type(None))


def check(key: str, value: Any) -> None:
    """Raise :class:`UnserializableSessionStateError` when ``value`` cannot be stored."""
    bad = _find_unsupported(value)
    if bad is not None:
        raise UnserializableSessionStateError(
            f"Cannot store the value of {key!r} in st.session_state: values of type "
            f"`{type(bad).__module__}.{type(bad).__qualname__}` cannot be kept in the "
            "Django session. Supported: str, int, float, bool, None, list, dict, tuple, "
            "set, frozenset, date, time, datetime, timedelta, Decimal, UUID and bytes. "
            "Store a model's primary key rather than the instance."
        )


def _find_unsupported(value: Any) -> Any | None:
    if isinstance(value, _SCALARS) or isinstance(
        value, (dt.date, dt.time, dt.timedelta, Decimal, uuid.UUID, bytes)
    ):
        return None
    if isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            bad = _find_unsupported(item)
            if bad is not None:
                return bad
        return None
    if isinstance(value, dict):
        for k, v in value.items():
            bad = _find_unsupported(k)
            if bad is None:
                bad = _find_unsupported(v)
            if bad is not None:
                return bad
        return None
    return value


def encode(value: Any) -> Any:
    """Turn a supported Python value into plain JSON data."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if math.isfinite(value):
            return value
        return {TAG: "float", "v": repr(value)}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        if all(isinstance(k, str) for k in value) and TAG not in value:
            return {k: encode(v) for k, v in value.items()}
        return {TAG: "dict", "v": [[encode(k), encode(v)] for k, v in value.items()]}
    if isinstance(value, tuple):
        return {TAG: "tuple", "v": [encode(v) for v in value]}
    if isinstance(value, frozenset):
        return {TAG: "frozenset", "v": [encode(v) for v in value]}
    if isinstance(value, set):
        return {TAG: "set", "v": [encode(v) for v in value]}
    # datetime is a subclass of date: test it first.
    if isinstance(value, dt.datetime):
        return {TAG: "datetime", "v": value.isoformat()}
    if isinstance(value, dt.date):
        return {TAG: "date", "v": value.isoformat()}
    if isinstance(value, dt.time):
        return {TAG: "time", "v": value.isoformat()}
    if isinstance(value, dt.timedelta):
        return {TAG: "timedelta", "v": [value.days, value.seconds, value.microseconds]}
    if isinstance(value, Decimal):
        return {TAG: "decimal", "v": str(value)}
    if isinstance(value, uuid.UUID):
        return {TAG: "uuid", "v": str(value)}
    if isinstance(value, bytes):
        return {TAG: "bytes", "v": base64.b64encode(value).decode("ascii")}
    check("<value>", value)
    raise AssertionError("unreachable")  # pragma: no cover


_DECODERS = {
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
}


def decode(data: Any) -> Any:
    """Inverse of :func:`encode`."""
    if isinstance(data, list):
        return [decode(v) for v in data]
    if isinstance(data, dict):
        tag = data.get(TAG)
        if tag is not None and len(data) == 2 and "v" in data:
            return _DECODERS[tag](data["v"])
        return {k: decode(v) for k, v in data.items()}
    return data
