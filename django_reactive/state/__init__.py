"""Session state: the values a view keeps across runs, and how they are stored."""

from .codec import decode, encode
from .session_state import SessionState
from .store import MISSING, StateStore, normalize_key

__all__ = ["MISSING", "SessionState", "StateStore", "decode", "encode", "normalize_key"]
