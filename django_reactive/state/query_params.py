"""``st.query_params``: the page URL's query string as a mapping.

Values are strings; a key may repeat (``?tag=a&tag=b``): item access gives
the last value, :meth:`QueryParams.get_all` every value. Assigning a list
writes a repeated key; a key assigned again keeps its place. ``str()`` gives
the text of a dict, as Streamlit's. The transports put the new query string in the
browser's address bar when a run changed it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from typing import Any
from urllib.parse import parse_qsl, urlencode


class QueryParams(MutableMapping):
    __slots__ = ("_pairs",)

    def __init__(self, query_string: str = "") -> None:
        object.__setattr__(self, "_pairs", parse_qsl(query_string, keep_blank_values=True))

    # -- reading -----------------------------------------------------------------

    def __getitem__(self, key: str) -> str:
        values = self.get_all(key)
        if not values:
            raise KeyError(f'st.query_params has no key "{key}".')
        return values[-1]

    def __getattr__(self, key: str) -> str:
        values = self.get_all(key)
        if not values:
            raise AttributeError(f'st.query_params has no attribute "{key}".')
        return values[-1]

    def get_all(self, key: str) -> list[str]:
        """Every value of ``key``, in URL order (an empty list when absent)."""
        return [v for k, v in self._pairs if k == key]

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys(k for k, _ in self._pairs))

    def __len__(self) -> int:
        return len(dict.fromkeys(k for k, _ in self._pairs))

    def to_dict(self) -> dict[str, str]:
        """Each key with its last value."""
        return {k: v for k, v in self._pairs}

    # -- writing -----------------------------------------------------------------

    def __setitem__(self, key: str, value: Any) -> None:
        values = value if isinstance(value, (list, tuple, set, frozenset)) else [value]
        if any(isinstance(v, (Mapping, list, tuple, set)) for v in values):
            raise ValueError(f"st.query_params['{key}'] takes a string or a list of strings.")
        # Like Streamlit's dict of parameters, a key given a new value keeps its place.
        key = str(key)
        new = [(key, str(v)) for v in values]
        pairs: list[tuple[str, str]] = []
        for k, v in self._pairs:
            if k == key:
                pairs.extend(new)
                new = []
            else:
                pairs.append((k, v))
        object.__setattr__(self, "_pairs", pairs + new)

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value

    def __delitem__(self, key: str) -> None:
        if key not in self:
            raise KeyError(f'st.query_params has no key "{key}".')
        object.__setattr__(self, "_pairs", [(k, v) for k, v in self._pairs if k != key])

    def __delattr__(self, key: str) -> None:
        try:
            del self[key]
        except KeyError:
            raise AttributeError(f'st.query_params has no attribute "{key}".') from None

    def clear(self) -> None:
        object.__setattr__(self, "_pairs", [])

    def from_dict(self, params: Mapping[str, Any] | Iterable[tuple[str, Any]]) -> None:
        """Replace every parameter with ``params``."""
        self.clear()
        items = params.items() if isinstance(params, Mapping) else params
        for key, value in items:
            self[key] = value

    def urlencode(self) -> str:
        """The query string, without the leading ``?``."""
        return urlencode(self._pairs)

    def __str__(self) -> str:
        """The text of a dict, as Streamlit's: a repeated key's values as a list.

        ``str(st.query_params)`` for ``?a=1&tag=x&tag=y`` is
        ``{'a': '1', 'tag': ['x', 'y']}``.
        """
        values: dict[str, list[str]] = {}
        for k, v in self._pairs:
            values.setdefault(k, []).append(v)
        return str({k: vs[0] if len(vs) == 1 else vs for k, vs in values.items()})

    def __repr__(self) -> str:
        return f"<QueryParams {self.urlencode()!r}>"
