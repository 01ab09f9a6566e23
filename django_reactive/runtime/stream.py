"""``st.write_stream``: text chunks shown as they arrive (a language model's reply), other chunks written.

Text is shown in one placeholder whose Markdown grows with each chunk. A long
run already sends the page what it has so far (``ScriptRunner.flush``); a
stream asks for that at most every :data:`STREAM_FLUSH_INTERVAL`, so tokens
reach the browser in small groups, as they come. The first text is sent at
once: the page shows the reply starting, with what the run wrote before it.
"""

from __future__ import annotations

import asyncio
import inspect
import re
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet

from ..errors import ReactiveAPIError

if TYPE_CHECKING:
    from .api import St
    from .runner import ScriptRunner

#: Seconds between two patches of a stream's growing text.
STREAM_FLUSH_INTERVAL = 0.05
#: Chunk classes of OpenAI's and LangChain's streams, by qualified name (as Streamlit detects them).
_OPENAI_CHUNK = re.compile(r"^openai\..+\.ChatCompletionChunk$")
_OPENAI_RESPONSE_EVENT = re.compile(r"^openai\..+\.Response.+Event$")
_OPENAI_TEXT_EVENTS = frozenset({"response.output_text.delta", "response.refusal.delta"})
_LANGCHAIN_CHUNK = "langchain_core.messages.ai.AIMessageChunk"
_OPENAI_STREAMS = frozenset({"openai.Stream", "openai._streaming.Stream"})
_PARSE_ERROR = (
    "Failed to parse the {what}. The most likely cause is a change of the chunk object structure "
    "due to a recent {library} update.")


def _qualified_name(obj: Any) -> str:
    cls = type(obj)
    return f"{cls.__module__}.{cls.__qualname__}"


def chunk_text(chunk: Any) -> Any:
    """The text of an OpenAI or LangChain stream chunk; any other chunk unchanged."""
    name = _qualified_name(chunk)
    try:
        if _OPENAI_CHUNK.match(name):
            if len(chunk.choices) == 0 or chunk.choices[0].delta is None:
                return ""  # Azure's first chunk has no choices
            return chunk.choices[0].delta.content or ""
        if _OPENAI_RESPONSE_EVENT.match(name):
            return (chunk.delta or "") if chunk.type in _OPENAI_TEXT_EVENTS else ""
        if name == _LANGCHAIN_CHUNK:
            return chunk.content or ""
    except AttributeError as exc:
        what, library = (("LangChain AIMessageChunk", "LangChain") if name == _LANGCHAIN_CHUNK
                         else ("OpenAI stream chunk", "OpenAI"))
        raise ReactiveAPIError(_PARSE_ERROR.format(what=what, library=library)) from exc
    return chunk


def _sync_iter(stream: AsyncIterator[Any]) -> Iterator[Any]:
    """Iterate an async iterator from the run's thread, on an event loop of its own (as Streamlit)."""
    loop = asyncio.new_event_loop()
    try:
        while True:
            try:
                yield loop.run_until_complete(anext(stream))
            except StopAsyncIteration:
                return
    finally:
        loop.close()


def is_stream(obj: Any) -> bool:
    """Whether ``st.write(obj)`` streams ``obj``: a generator (function), async too, or OpenAI's stream."""
    return (inspect.isgenerator(obj) or inspect.isgeneratorfunction(obj) or inspect.isasyncgen(obj)
            or inspect.isasyncgenfunction(obj) or _qualified_name(obj) in _OPENAI_STREAMS)


def _is_data_frame(obj: Any) -> bool:
    """A table of data (pandas, polars, pyarrow, numpy, a QuerySet): ``st.write`` shows it whole."""
    module = type(obj).__module__.partition(".")[0]
    return isinstance(obj, QuerySet) or module in ("pandas", "polars", "pyarrow") or (
        module == "numpy" and hasattr(obj, "ndim"))


def _chunks(stream: Any) -> Iterator[Any]:
    """The chunks of a generator (function), an iterable or an async iterator (function)."""
    if isinstance(stream, str) or _is_data_frame(stream):
        raise ReactiveAPIError(
            f"Invalid `stream` type. Expected one of: generator, stream-like object. Provided type: "
            f"{type(stream).__name__}. Please use `st.write` instead for this data type.")
    if inspect.isgeneratorfunction(stream) or inspect.isasyncgenfunction(stream):
        stream = stream()
    if hasattr(stream, "__aiter__"):
        return _sync_iter(aiter(stream))
    try:
        return iter(stream)
    except TypeError as exc:
        raise ReactiveAPIError(
            f"The provided input (type: {type(stream)}) cannot be iterated. Please make sure that it "
            "is a generator, generator function or iterable.") from exc


def write_stream(st: St, runner: ScriptRunner, stream: Any, *, cursor: str | None = None) -> list[Any] | str:
    """Show ``stream``'s chunks as Streamlit 1.67's ``st.write_stream`` does; return what was shown.

    Consecutive text chunks grow one Markdown element (``cursor`` after the
    text from the second chunk on); any other chunk ends that text and is
    shown with ``st.write`` (a callable chunk is called). Returns the whole
    text, or a list of the texts and objects when there were others.
    """
    written: list[Any] = []
    text, slot, flushed = "", None, False
    for chunk in _chunks(stream):
        chunk = chunk_text(chunk)
        if isinstance(chunk, str):
            if not chunk:
                continue
            first = slot is None
            if first:
                slot = st.empty()
            text += chunk
            slot.markdown(text if first or not cursor else text + cursor)
            runner.flush(force=not flushed, interval=STREAM_FLUSH_INTERVAL)
            flushed = True
            continue
        if slot is not None:
            slot.markdown(text)
            written.append(text)
            text, slot = "", None
        if callable(chunk):
            chunk()
        else:
            st.write(chunk)
            written.append(chunk)
    if slot is not None:
        slot.markdown(text)
        written.append(text)
    if not written:
        return ""
    if len(written) == 1 and isinstance(written[0], str):
        return written[0]
    return written
