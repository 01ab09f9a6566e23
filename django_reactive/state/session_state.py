"""``st.session_state``: the mapping view code reads and writes."""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import Any

from ..errors import ReactiveValueError
from .store import _DOCS, MISSING, StateStore, normalize_key


def _missing(what: str, key: str) -> str:
    """Streamlit's message for a key that was never set."""
    return f'st.session_state has no {what} "{key}". Did you forget to initialize it? More info: {_DOCS}'


class SessionState(MutableMapping):
    """Streamlit's ``st.session_state``, backed by a :class:`StateStore`.

    Item and attribute access, ``in``, ``get``, ``del``, iteration and the rest
    of the mapping protocol cover user keys and keyed widgets. Keys named like
    mapping methods (``items``, ``get``...) are readable with item syntax only.
    """

    __slots__ = ("_store",)

    def __init__(self, store: StateStore) -> None:
        object.__setattr__(self, "_store", store)

    def __getitem__(self, key: Any) -> Any:
        key = normalize_key(key)
        value = self._store.get(key)
        if value is MISSING:
            raise KeyError(_missing("key", key))
        return value

    def __setitem__(self, key: Any, value: Any) -> None:
        self._store.set(normalize_key(key), value)

    def __delitem__(self, key: Any) -> None:
        key = normalize_key(key)
        if not self._store.delete(key):
            raise KeyError(_missing("key", key))

    def __getattr__(self, key: str) -> Any:
        value = self._store.get(key)
        if value is MISSING:
            raise AttributeError(_missing("attribute", key))
        return value

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value

    def __delattr__(self, key: str) -> None:
        if not self._store.delete(normalize_key(key)):
            raise AttributeError(_missing("attribute", key))

    def __contains__(self, key: object) -> bool:
        try:
            return self._store.get(normalize_key(key)) is not MISSING
        except ReactiveValueError:
            return False

    def __iter__(self) -> Iterator[str]:
        return iter(self._store.keys())

    def __len__(self) -> int:
        return len(self._store.keys())

    def get(self, key: Any, default: Any = None) -> Any:
        value = self._store.get(normalize_key(key))
        return default if value is MISSING else value

    def clear(self) -> None:
        self._store.clear()

    def to_dict(self) -> dict[str, Any]:
        return {key: self._store.get(key) for key in self._store.keys()}

    def __str__(self) -> str:
        return str(self.to_dict())

    def __repr__(self) -> str:
        return f"<SessionState keys={self._store.keys()!r}>"
