"""The versioned JSON messages between browser and server (see docs/protocol.md).

Parsing is strict: anything that does not match the documented shape raises
:class:`ProtocolError` with the code the client receives, before any state is
touched.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from typing import Any

VERSION = 1


class ProtocolError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        #: The view and event the refused message named, when it could be read.
        self.id: str | None = None
        self.ack: int | None = None


ID_MAX = 32
#: The largest ``seq``: JavaScript counts exactly up to 2**53 - 1.
SEQ_MAX = 2**53 - 1
#: How deep a message may nest by default (``REACTIVE["MAX_JSON_DEPTH"]``).
MAX_DEPTH = 32
#: The digits of the longest integer ``JSON.stringify`` writes (it writes 1e21 and above with an exponent).
INT_DIGITS = 21


@dataclass(frozen=True)
class Hello:
    """Show one view on this connection, under the page's id for it."""

    version: int
    id: str
    view: str
    tab: str
    rev: str | None
    query: str = ""
    #: The view's signed keyword arguments (``data-reactive-kw``), if it has any.
    kwargs: str | None = None
    #: What the browser reports for ``st.context`` (``cx``: timezone, locale, URL...), unchecked.
    client: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class EventMessage:
    seq: int
    values: dict[str, Any]
    trigger: str | None
    #: The view the event is for; None over HTTP, where the URL names the view.
    id: str | None = None


def parse(text: str | bytes | None, max_bytes: int, max_depth: int = MAX_DEPTH) -> Hello | EventMessage:
    """Parse one frame from the browser."""
    data = _load(text, max_bytes, max_depth)
    try:
        kind = data.get("t")
        if kind == "hello":
            return _hello(data)
        if kind == "event":
            return _event(data)
        raise ProtocolError("bad_message", f"Unknown message type {kind!r}; expected 'hello' or 'event'.")
    except ProtocolError as exc:
        _name_refused(exc, data)
        raise


def _name_refused(exc: ProtocolError, data: dict[str, Any]) -> None:
    """Let the client tell which view and event were refused."""
    view_id, seq = data.get("id"), data.get("seq")
    exc.id = view_id if isinstance(view_id, str) and len(view_id) <= ID_MAX and not _SURROGATE.search(
        view_id) else None
    exc.ack = seq if isinstance(seq, int) and not isinstance(seq, bool) and 0 < seq <= SEQ_MAX else None


def _load(text: str | bytes | None, max_bytes: int, max_depth: int) -> dict[str, Any]:
    """The JSON object of one message, refused before it can cost more than its size.

    The nesting is measured before ``json`` sees the text (a deep enough array
    would exhaust the interpreter's stack inside the parser); numbers a browser
    cannot send (NaN, Infinity, overflowing floats, integers longer than
    ``JSON.stringify`` writes) and lone UTF-16 surrogates (``"\\ud800"``, text no
    session, template or UTF-8 frame can hold) are refused with the rest.
    """
    if text is None:
        raise ProtocolError("bad_message", "Send JSON text frames.")
    size = len(text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text)
    if size > max_bytes:
        raise ProtocolError("too_large", f"The message has {size} bytes; the limit is {max_bytes}.")
    try:
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        if deeper_than(text, max_depth):
            raise ProtocolError("too_deep", f"The message nests deeper than {max_depth} levels.")
        data = _DECODER.decode(text)
    except (ValueError, UnicodeError):
        raise ProtocolError("bad_json", "The message is not valid JSON.") from None
    if not isinstance(data, dict):
        raise ProtocolError("bad_json", "The message must be a JSON object.")
    try:
        _check_text(data)
    except ProtocolError as exc:
        _name_refused(exc, data)
        raise
    return data


#: A JSON string (its escapes included), and the brackets that open or close a level.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")
#: A UTF-16 surrogate on its own: JSON's "\\ud800" decodes to one; UTF-8 cannot encode it.
_SURROGATE = re.compile("[\ud800-\udfff]")


def deeper_than(text: str, limit: int) -> bool:
    """Whether arrays and objects nest more than ``limit`` levels in ``text`` (brackets in strings
    do not count); it stops at the first level too many."""
    if text.count("[") + text.count("{") <= limit:
        return False  # no more brackets than levels allowed: every message a page sends
    depth = 0
    for bracket in _BRACKET.finditer(_STRING.sub("", text)):
        if bracket.group() in "[{":
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


def _constant(name: str) -> Any:
    raise ProtocolError("bad_json", f"{name} is not a JSON number.")


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ProtocolError("bad_json", f"The number {text[:20]}... is too large.")
    return value


def _int(text: str) -> int:
    if len(text.lstrip("-")) > INT_DIGITS:
        raise ProtocolError("bad_json", f"An integer has more than {INT_DIGITS} digits.")
    return int(text)


#: One decoder (``json.loads`` with options builds one per call).
_DECODER = json.JSONDecoder(parse_constant=_constant, parse_float=_float, parse_int=_int)


def _check_text(value: Any) -> None:
    """Refuse lone surrogates in any key or string of the (depth-limited) message."""
    if isinstance(value, str):
        if _SURROGATE.search(value):
            raise ProtocolError("bad_text", "The message contains a lone UTF-16 surrogate.")
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_text(key)
            _check_text(item)
    elif isinstance(value, list):
        for item in value:
            _check_text(item)


def _hello(data: dict[str, Any]) -> Hello:
    version = data.get("v")
    if type(version) is not int or version != VERSION:  # true and 1.0 are not version 1
        raise ProtocolError(
            "unsupported_version",
            f"Protocol version {version!r} is not supported; this server speaks {VERSION}.",
        )
    tab = data.get("tab", "")
    rev = data.get("rev")
    if not isinstance(tab, str) or len(tab) > 64:
        raise ProtocolError("bad_message", "'tab' must be a string of at most 64 characters.")
    if rev is not None and not isinstance(rev, str):
        raise ProtocolError("bad_message", "'rev' must be a string.")
    query = data.get("qs", "")
    if not isinstance(query, str):
        raise ProtocolError("bad_message", "'qs' must be the page's query string.")
    view = data.get("view")
    if not isinstance(view, str) or not 0 < len(view) <= 80:
        raise ProtocolError("bad_message", "'view' must be the name of a reactive view.")
    client = data.get("cx", {})
    if not isinstance(client, dict):
        raise ProtocolError("bad_message", "'cx' must be an object of what the browser reports.")
    return Hello(version, _id(data, required=True), view, tab, rev, query, _kwargs(data), client)


def _kwargs(data: dict[str, Any]) -> str | None:
    token = data.get("kw")
    if token is not None and not isinstance(token, str):
        raise ProtocolError("bad_message", "'kw' must be the view's data-reactive-kw.")
    return token


def _id(data: dict[str, Any], *, required: bool) -> str | None:
    """The page's id of the view a message is about: up to 32 characters."""
    value = data.get("id")
    if value is None and not required:
        return None
    if not isinstance(value, str) or not 0 < len(value) <= ID_MAX:
        raise ProtocolError("bad_message", f"'id' must be a string of 1 to {ID_MAX} characters.")
    return value


def _event(data: dict[str, Any]) -> EventMessage:
    seq = data.get("seq")
    if type(seq) is not int or not 0 < seq <= SEQ_MAX:
        raise ProtocolError("bad_message", f"'seq' must be an integer from 1 to {SEQ_MAX}.")
    values = data.get("values", {})
    trigger = data.get("trigger")
    if not isinstance(values, dict):
        raise ProtocolError("bad_message", "'values' must be an object of widget id -> value.")
    if trigger is not None and not isinstance(trigger, str):
        raise ProtocolError("bad_message", "'trigger' must be a widget id (a string).")
    if not values and trigger is None:
        raise ProtocolError("bad_message", "An event needs 'values' or a 'trigger'.")
    return EventMessage(seq, values, trigger, _id(data, required=False))


#: Compact JSON for the wire (one encoder: ``json.dumps`` with options builds one per call).
_ENCODER = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)


def dumps(message: dict[str, Any]) -> str:
    """Compact JSON for the wire."""
    return _ENCODER.encode(message)


def patch(ops: dict[str, str], ack: int | None = None, query: str | None = None,
          id: str | None = None, rev: str | None = None) -> str:
    """Changed elements (id -> HTML); with ``ack``, the event ``seq`` whose state is now saved.

    ``rev`` (HTTP fallback only) names what the page shows after applying it.
    """
    message: dict[str, Any] = {"t": "patch"}
    if id is not None:
        message["id"] = id
    if ack is not None:
        message["ack"] = ack
    message["ops"] = ops
    if query is not None:
        message["qs"] = query
    if rev is not None:
        message["rev"] = rev
    return dumps(message)


def reload(reason: str) -> str:
    """The page must load again: its session ended (``session_expired``) or it has none."""
    return dumps({"t": "reload", "reason": reason})


def state_changed(group: str, origin: str = "") -> dict[str, Any]:
    """The channel-layer message that makes the pages in ``group`` re-run (not sent to browsers).

    ``origin`` names the page that caused it (``channel!view id``), which needs no re-run.
    """
    return {"type": "state.changed", "group": group, "origin": origin}


def ready(id: str) -> str:
    return dumps({"t": "ready", "id": id})


def error(code: str, message: str, *, ack: int | None = None, widget: str | None = None,
          id: str | None = None) -> str:
    out: dict[str, Any] = {"t": "error"}
    if id is not None:
        out["id"] = id
    if ack is not None:
        out["ack"] = ack
    out["code"] = code
    out["message"] = message
    if widget is not None:
        out["widget"] = widget
    return dumps(out)


def uploaded(tokens: list[str]) -> str:
    """The upload endpoint's answer: a signed token per stored file, in the order posted."""
    return dumps({"files": tokens})


def upload_refused(message: str) -> str:
    """The upload endpoint's refusal (with a 4xx status): nothing was stored."""
    return dumps({"error": message})


@dataclass(frozen=True)
class HttpEvent:
    """An event posted over HTTP: the event, plus what a WebSocket would know already."""

    event: EventMessage
    tab: str
    rev: str | None
    query: str
    kwargs: str | None = None


def parse_http_event(body: bytes, max_bytes: int, max_depth: int = MAX_DEPTH) -> HttpEvent:
    """Parse the body of an event posted to the HTTP fallback endpoint."""
    data = _load(body, max_bytes, max_depth)
    try:
        if data.get("t") != "event":
            raise ProtocolError("bad_message", "Post an 'event' message.")
        event = _event(data)
        tab, rev, query = data.get("tab", ""), data.get("rev"), data.get("qs", "")
        if not isinstance(tab, str) or len(tab) > 64 or not isinstance(query, str):
            raise ProtocolError("bad_message", "'tab' and 'qs' must be strings.")
        if rev is not None and not isinstance(rev, str):
            raise ProtocolError("bad_message", "'rev' must be a string.")
        return HttpEvent(event, tab, rev, query, _kwargs(data))
    except ProtocolError as exc:
        _name_refused(exc, data)
        raise
