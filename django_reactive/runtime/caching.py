"""``st.cache_data`` and ``st.cache_resource``: Streamlit's function caches, on Django.

``cache_data`` keeps return values in Django's cache framework (the cache
named by ``REACTIVE["CACHE_DATA_CACHE"]``; on Redis every worker shares it)
and gives each caller a copy, as Streamlit does. ``cache_resource`` keeps the
very object in this process (connections, models): every caller gets the same
one. Arguments are hashed by value; an argument whose name starts with ``_`` is
not hashed, and one that cannot be hashed raises Streamlit's error naming that
escape. ``func.clear()`` empties one function's cache, ``st.cache_data.clear()``
all of them; a clear of ``cache_data`` reaches every worker (a version number
in the shared cache).
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import functools
import hashlib
import inspect
import pickle
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import Any

from .. import conf
from ..errors import ReactiveAPIError
from ..shared_caches import shared_cache
from ..state import codec

_MISSING = object()


class UnhashableParamError(ReactiveAPIError):
    """An argument of a cached function cannot be hashed (Streamlit's message and escape)."""


def _seconds(ttl: float | dt.timedelta | None) -> float | None:
    if ttl is None:
        return None
    if isinstance(ttl, dt.timedelta):
        return ttl.total_seconds()
    if isinstance(ttl, (int, float)) and not isinstance(ttl, bool) and ttl >= 0:
        return float(ttl)
    raise ReactiveAPIError(f"ttl must be a number of seconds, a timedelta or None, not {ttl!r}.")


def _function_key(func: Callable[..., Any]) -> str:
    """The function's identity: where it is defined and its code (a changed body is a new cache)."""
    code = getattr(func, "__code__", None)
    body = code.co_code + repr(code.co_consts).encode() if code is not None else b""
    text = f"{func.__module__}.{func.__qualname__}".encode() + body
    return hashlib.sha256(text).hexdigest()[:24]


def _hash_value(value: Any, hash_funcs: dict[Any, Callable[[Any], Any]]) -> bytes:
    for kind, fn in hash_funcs.items():
        if isinstance(kind, type) and isinstance(value, kind) or (
                kind == f"{type(value).__module__}.{type(value).__qualname__}"):
            return repr(fn(value)).encode()
    if inspect.isfunction(value) or inspect.ismethod(value):
        return _function_key(value).encode()
    try:
        return repr(codec.encode(value)).encode()
    except codec.Unpersistable:
        return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _args_key(func: Callable[..., Any], command: str, args: tuple, kwargs: dict[str, Any],
              hash_funcs: dict[Any, Callable[[Any], Any]]) -> str:
    bound = inspect.signature(func).bind(*args, **kwargs)
    bound.apply_defaults()
    digest = hashlib.sha256()
    for name, value in bound.arguments.items():
        if name.startswith("_"):
            continue
        try:
            digest.update(name.encode() + b"\0" + _hash_value(value, hash_funcs) + b"\0")
        except Exception as exc:  # noqa: BLE001 - any failure to hash is the user's to fix
            raise UnhashableParamError(
                f"Cannot hash argument '{name}' (of type `{type(value).__module__}."
                f"{type(value).__qualname__}`) in '{func.__name__}'.\n\nTo address this, you can "
                "tell Streamlit not to hash this argument by adding a leading underscore to the "
                f"argument's name in the function signature:\n\n```\n@st.{command}\n"
                f"def {func.__name__}(_{name}, ...):\n    ...\n```") from exc
    return digest.hexdigest()[:32]


_IN_CACHED_FUNCTION: contextvars.ContextVar[bool] = contextvars.ContextVar("in_cached_function",
                                                                           default=False)


def in_cached_function() -> bool:
    """Whether a cached function's body is running (a cache miss): widgets there warn, as Streamlit's."""
    return _IN_CACHED_FUNCTION.get()


@contextlib.contextmanager
def _inside() -> Iterator[None]:
    token = _IN_CACHED_FUNCTION.set(True)
    try:
        yield
    finally:
        _IN_CACHED_FUNCTION.reset(token)


def _spinner(show: bool | str, func: Callable[..., Any]) -> Any:
    """The run's ``st.spinner`` while a cached function computes (none outside a run)."""
    from contextlib import nullcontext

    from .context import current_st

    st = current_st.get()
    if not show or st is None:
        return nullcontext()
    return st.spinner(show if isinstance(show, str) else f"Running `{func.__name__}(...)`.")


class _DataCache:
    """``st.cache_data``: values in Django's cache, copies for every caller."""

    command = "cache_data"

    def __call__(self, func: Callable[..., Any] | None = None, *, ttl: float | dt.timedelta | None = None,
                 max_entries: int | None = None, show_spinner: bool | str = True,
                 persist: str | bool | None = None, hash_funcs: dict[Any, Callable] | None = None,
                 scope: str = "global") -> Any:
        if func is None:
            return lambda f: self._wrap(f, ttl, max_entries, show_spinner, hash_funcs or {})
        return self._wrap(func, ttl, max_entries, show_spinner, hash_funcs or {})

    @staticmethod
    def _cache() -> Any:
        return shared_cache(conf.get("CACHE_DATA_CACHE"))

    def _version(self, name: str) -> int:
        """The current version of a key prefix: a clear bumps it, on every worker at once."""
        cache = self._cache()
        version = cache.get(name)
        if version is None:
            cache.add(name, 1, None)
            version = cache.get(name) or 1
        return version

    def _wrap(self, func: Callable[..., Any], ttl: Any, max_entries: int | None, show_spinner: Any,
              hash_funcs: dict[Any, Callable]) -> Callable[..., Any]:
        seconds = _seconds(ttl)
        fkey = _function_key(func)
        recent: OrderedDict[str, None] = OrderedDict()  # this process's keys, for max_entries
        guard = threading.Lock()

        def key_of(args: tuple, kwargs: dict[str, Any]) -> str:
            everything = self._version("django_reactive:cache_data:v")
            mine = self._version(f"django_reactive:cache_data:{fkey}:v")
            return (f"django_reactive:cache_data:{fkey}:{everything}.{mine}:"
                    f"{_args_key(func, self.command, args, kwargs, hash_funcs)}")

        @functools.wraps(func)
        def cached(*args: Any, **kwargs: Any) -> Any:
            key = key_of(args, kwargs)
            cache = self._cache()
            value = cache.get(key, _MISSING)
            if value is _MISSING:
                with _spinner(show_spinner, func), _inside():
                    value = func(*args, **kwargs)
                try:
                    cache.set(key, value, seconds)
                except (pickle.PicklingError, TypeError, AttributeError) as exc:
                    raise ReactiveAPIError(
                        f"Cannot serialize the return value (of type `{type(value).__module__}."
                        f"{type(value).__qualname__}`) in '{func.__name__}()'. st.cache_data uses "
                        "pickle to store the return value; use st.cache_resource for objects "
                        "that cannot be pickled.") from exc
                value = cache.get(key, value)  # a copy, as every later caller gets
                if max_entries is not None:
                    with guard:
                        recent[key] = None
                        while len(recent) > max_entries:
                            cache.delete(recent.popitem(last=False)[0])
            return value

        def clear() -> None:
            cache = self._cache()
            name = f"django_reactive:cache_data:{fkey}:v"
            try:
                cache.incr(name)
            except ValueError:
                cache.set(name, 2, None)

        cached.clear = clear  # type: ignore[attr-defined]
        return cached

    def clear(self) -> None:
        """Empty every ``st.cache_data`` cache (on every worker sharing the cache)."""
        cache = self._cache()
        try:
            cache.incr("django_reactive:cache_data:v")
        except ValueError:
            cache.set("django_reactive:cache_data:v", 2, None)


class _ResourceCache:
    """``st.cache_resource``: one shared object per arguments, in this process."""

    command = "cache_resource"

    def __init__(self) -> None:
        self._clears: list[Callable[[], None]] = []

    def __call__(self, func: Callable[..., Any] | None = None, *, ttl: float | dt.timedelta | None = None,
                 max_entries: int | None = None, show_spinner: bool | str = True,
                 validate: Callable[[Any], bool] | None = None,
                 hash_funcs: dict[Any, Callable] | None = None, scope: str = "global") -> Any:
        if func is None:
            return lambda f: self._wrap(f, ttl, max_entries, show_spinner, validate, hash_funcs or {})
        return self._wrap(func, ttl, max_entries, show_spinner, validate, hash_funcs or {})

    def _wrap(self, func: Callable[..., Any], ttl: Any, max_entries: int | None, show_spinner: Any,
              validate: Callable[[Any], bool] | None, hash_funcs: dict[Any, Callable]) -> Callable[..., Any]:
        seconds = _seconds(ttl)
        entries: OrderedDict[str, tuple[Any, float]] = OrderedDict()
        guard = threading.RLock()

        @functools.wraps(func)
        def cached(*args: Any, **kwargs: Any) -> Any:
            key = _args_key(func, self.command, args, kwargs, hash_funcs)
            with guard:
                entry = entries.get(key)
                fresh = entry is not None and (seconds is None or time.monotonic() - entry[1] < seconds)
                if fresh and (validate is None or validate(entry[0])):
                    entries.move_to_end(key)
                    return entry[0]
                with _spinner(show_spinner, func), _inside():
                    value = func(*args, **kwargs)
                entries[key] = (value, time.monotonic())
                while max_entries is not None and len(entries) > max_entries:
                    entries.popitem(last=False)
                return value

        def clear() -> None:
            with guard:
                entries.clear()

        cached.clear = clear  # type: ignore[attr-defined]
        self._clears.append(clear)
        return cached

    def clear(self) -> None:
        """Empty every ``st.cache_resource`` cache of this process."""
        for clear in self._clears:
            clear()


cache_data = _DataCache()
cache_resource = _ResourceCache()
