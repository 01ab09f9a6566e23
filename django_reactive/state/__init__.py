"""Session state: the values a view keeps across runs, and how they are stored."""

from .codec import decode, encode
from .query_params import QueryParams
from .session_state import SessionState
from .store import MISSING, StateStore, normalize_key

__all__ = ["MISSING", "QueryParams", "SessionState", "StateStore", "decode", "encode", "normalize_key"]
