"""``st.secrets``: Streamlit's read-only secrets mapping, filled from Django settings.

Streamlit reads ``.streamlit/secrets.toml``; a Django site keeps its secrets in
settings, so ``st.secrets`` shows ``REACTIVE["SECRETS"]`` (a dict, nested
sections allowed), and ``AppTest.secrets`` adds a test's own on top. Item and
attribute access, nested sections as mappings too, and Streamlit's messages
for a missing entry.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from copy import deepcopy
from typing import Any, NoReturn

#: Where a secret comes from here (Streamlit points to secrets.toml).
_HINT = 'Set it in settings.REACTIVE["SECRETS"] (or AppTest.secrets in a test).'


class Secrets(Mapping):
    """A read-only view of a dict of secrets, sections readable as ``st.secrets.db.user``."""

    def __init__(self, values: Mapping[str, Any]) -> None:
        self.__dict__["_values"] = dict(values)

    def _wrap(self, value: Any) -> Any:
        return Secrets(value) if isinstance(value, Mapping) else value

    def __getitem__(self, key: str) -> Any:
        try:
            return self._wrap(self._values[key])
        except KeyError:
            raise KeyError(f'st.secrets has no key "{key}". {_HINT}') from None

    def __getattr__(self, name: str) -> Any:
        try:
            return self._wrap(self._values[name])
        except KeyError:
            raise AttributeError(f'st.secrets has no attribute "{name}". {_HINT}') from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return repr(self._values)

    def __setitem__(self, key: str, value: Any) -> NoReturn:
        raise TypeError("Secrets does not support item assignment.")

    def __setattr__(self, key: str, value: Any) -> NoReturn:
        raise TypeError("Secrets does not support attribute assignment.")

    def __delitem__(self, key: str) -> NoReturn:
        raise TypeError("Secrets does not support item deletion.")

    def to_dict(self) -> dict[str, Any]:
        return deepcopy(self._values)
