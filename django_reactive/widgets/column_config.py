"""``st.column_config``: how ``st.data_editor`` shows and edits each column.

As in Streamlit 1.67 each constructor returns a plain dict (Streamlit's
``ColumnConfig``), so a view may also pass dicts of its own, or a string (the
label) or None (hide the column) for a column. The editor reads ``label``,
``help``, ``disabled``, ``required``, ``default``, ``hidden``, ``width`` and the
``type_config`` of the column types below; ``pinned``, ``alignment`` and
display formats are accepted and have no effect. Streamlit's other column
types (links, charts, images, lists...) do not exist here yet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from ..errors import InvalidParameterTypeError

__all__ = ["CheckboxColumn", "Column", "DateColumn", "DatetimeColumn", "NumberColumn", "SelectboxColumn",
           "TextColumn", "TimeColumn"]

#: Streamlit's column types that this project does not have.
NOT_SUPPORTED = ("AreaChartColumn", "AudioColumn", "BarChartColumn", "ButtonColumn", "ImageColumn",
                 "JsonColumn", "LineChartColumn", "LinkColumn", "ListColumn", "MarkdownColumn",
                 "MultiselectColumn", "ProgressColumn", "VideoColumn")


def __getattr__(name: str) -> Any:
    if name in NOT_SUPPORTED:
        raise AttributeError(f"st.column_config.{name} is not supported yet; use st.column_config.Column "
                             "or one of " + ", ".join(__all__) + ".")
    raise AttributeError(f"module 'st.column_config' has no attribute {name!r}")


def _iso(value: dt.date | dt.time | None) -> str | None:
    return None if value is None else value.isoformat()


def _config(label: str | None, width: Any, help: str | None, disabled: bool | None, required: bool | None,
            pinned: bool | None, alignment: str | None = None, **extra: Any) -> dict[str, Any]:
    return {"label": label, "width": width, "help": help, "disabled": disabled, "required": required,
            "pinned": pinned, "alignment": alignment, **extra}


def Column(label: str | None = None, *, width: Any = None, help: str | None = None,  # noqa: N802
           disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
           alignment: str | None = None) -> dict[str, Any]:
    """A column whose type follows its data."""
    return _config(label, width, help, disabled, required, pinned, alignment)


def NumberColumn(label: str | None = None, *, width: Any = None, help: str | None = None,  # noqa: N802
                 disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
                 alignment: str | None = None, default: int | float | None = None, format: str | None = None,
                 min_value: int | float | None = None, max_value: int | float | None = None,
                 step: int | float | None = None) -> dict[str, Any]:
    """Numbers, edited in a number box within ``min_value``..``max_value``."""
    return _config(label, width, help, disabled, required, pinned, alignment, default=default,
                   type_config={"type": "number", "min_value": min_value, "max_value": max_value,
                                "format": format, "step": step})


def TextColumn(label: str | None = None, *, width: Any = None, help: str | None = None,  # noqa: N802
               disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
               alignment: str | None = None, default: str | None = None, max_chars: int | None = None,
               validate: str | None = None) -> dict[str, Any]:
    """Texts, at most ``max_chars`` long and matching the regular expression ``validate``."""
    return _config(label, width, help, disabled, required, pinned, alignment, default=default,
                   type_config={"type": "text", "max_chars": max_chars, "validate": validate})


def CheckboxColumn(label: str | None = None, *, width: Any = None, help: str | None = None,  # noqa: N802
                   disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
                   alignment: str | None = None, default: bool | None = None) -> dict[str, Any]:
    """Booleans, edited with a checkbox."""
    return _config(label, width, help, disabled, required, pinned, alignment, default=default,
                   type_config={"type": "checkbox"})


def SelectboxColumn(label: str | None = None, *, width: Any = None, help: str | None = None,  # noqa: N802
                    disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
                    default: Any = None, options: Iterable[Any] | None = None,
                    format_func: Callable[[Any], str] | None = None) -> dict[str, Any]:
    """One of ``options`` (strings, numbers or booleans), shown through ``format_func``."""
    listed: list[Any] | None = None
    if options is not None:
        listed = [{"value": o, "label": format_func(o)} if format_func is not None else o for o in options]
    return _config(label, width, help, disabled, required, pinned, default=default,
                   type_config={"type": "selectbox", "options": listed})


def DateColumn(label: str | None = None, *, width: Any = None, help: str | None = None,  # noqa: N802
               disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
               alignment: str | None = None, default: dt.date | None = None, format: str | None = None,
               min_value: dt.date | None = None, max_value: dt.date | None = None,
               step: int | None = None) -> dict[str, Any]:
    """Dates, edited with a date picker within ``min_value``..``max_value``."""
    return _config(label, width, help, disabled, required, pinned, alignment, default=_iso(default),
                   type_config={"type": "date", "format": format, "min_value": _iso(min_value),
                                "max_value": _iso(max_value), "step": step})


def TimeColumn(label: str | None = None, *, width: Any = None, help: str | None = None,  # noqa: N802
               disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
               alignment: str | None = None, default: dt.time | None = None, format: str | None = None,
               min_value: dt.time | None = None, max_value: dt.time | None = None,
               step: int | float | dt.timedelta | None = None) -> dict[str, Any]:
    """Times of day, edited with a time box."""
    return _config(label, width, help, disabled, required, pinned, alignment, default=_iso(default),
                   type_config={"type": "time", "format": format, "min_value": _iso(min_value),
                                "max_value": _iso(max_value), "step": _seconds(step)})


def DatetimeColumn(label: str | None = None, *, width: Any = None, help: str | None = None,  # noqa: N802
                   disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
                   alignment: str | None = None, default: dt.datetime | None = None,
                   format: str | None = None,
                   min_value: dt.datetime | None = None, max_value: dt.datetime | None = None,
                   step: int | float | dt.timedelta | None = None,
                   timezone: str | None = None) -> dict[str, Any]:
    """Dates with a time, edited with a date-and-time box (``timezone`` has no effect)."""
    return _config(label, width, help, disabled, required, pinned, alignment, default=_iso(default),
                   type_config={"type": "datetime", "format": format, "min_value": _iso(min_value),
                                "max_value": _iso(max_value), "step": _seconds(step), "timezone": timezone})


def _seconds(step: int | float | dt.timedelta | None) -> float | None:
    return step.total_seconds() if isinstance(step, dt.timedelta) else step


def normalize(column_config: Any) -> dict[str | int, dict[str, Any]]:
    """A view's ``column_config`` as one dict per column, as Streamlit's ``process_config_mapping``.

    A column is named by its name or its position (an int); None hides it, a
    string is its label, a dict (what the constructors return) is copied.
    """
    if column_config is None:
        return {}
    if not isinstance(column_config, dict):
        raise InvalidParameterTypeError(
            "Invalid `column_config` type. Expected one of: dict, None. Provided type: "
            f"{type(column_config).__name__}.")
    mapping: dict[str | int, dict[str, Any]] = {}
    for column, config in column_config.items():
        if config is None:
            mapping[column] = {"hidden": True}
        elif isinstance(config, str):
            mapping[column] = {"label": config}
        elif isinstance(config, dict):
            mapping[column] = {k: (dict(v) if isinstance(v, dict) else v) for k, v in config.items()}
        else:
            raise InvalidParameterTypeError(
                "Invalid `column_config` type. Expected one of: None, str, dict. Provided type: "
                f"{type(config).__name__}. Invalid configuration for column `{column}`.")
    return mapping
