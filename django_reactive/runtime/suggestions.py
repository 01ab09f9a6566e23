"""The message of an ``AttributeError`` for an ``st.<name>`` that does not exist.

Scripts ported from older Streamlit versions call commands Streamlit has
since removed (``st.experimental_rerun``, ``st.beta_columns``, ``st.cache``);
as Streamlit 1.67 does, the error names the command to use instead, and a
typo gets the close matches.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable

#: Names Streamlit removed, and what replaces them (as Streamlit 1.67 lists them).
REMOVED = {
    "beta_color_picker": ("color_picker",),
    "beta_columns": ("columns",),
    "beta_container": ("container",),
    "beta_expander": ("expander",),
    "beta_secrets": ("secrets",),
    "beta_set_page_config": ("set_page_config",),
    "cache": ("cache_data", "cache_resource"),
    "experimental_audio_input": ("audio_input",),
    "experimental_connection": ("connection",),
    "experimental_data_editor": ("data_editor",),
    "experimental_dialog": ("dialog",),
    "experimental_fragment": ("fragment",),
    "experimental_get_query_params": ("query_params",),
    "experimental_memo": ("cache_data",),
    "experimental_rerun": ("rerun",),
    "experimental_set_query_params": ("query_params",),
    "experimental_show": ("write",),
    "experimental_singleton": ("cache_resource",),
    "experimental_user": ("user",),
}


def _names(names: Collection[str]) -> str:
    labeled = [f"st.{name}" for name in names]
    if len(labeled) < 3:
        return " or ".join(labeled)
    return f"{', '.join(labeled[:-1])}, or {labeled[-1]}"


def missing_attribute_message(name: str, catalog: Iterable[str]) -> str:
    """``st has no attribute 'x'``, with the replacement of a removed command or close matches."""
    prefix = f"st has no attribute {name!r}"
    if name.startswith("_"):
        return prefix
    if name in REMOVED:
        return f"{prefix}. st.{name} has been removed. Use {_names(REMOVED[name])} instead."
    matches = [match for match in difflib.get_close_matches(name, list(catalog), n=3, cutoff=0.8)
               if abs(len(match) - len(name)) <= 1]
    return f"{prefix}. Did you mean {_names(matches)}?" if matches else prefix
