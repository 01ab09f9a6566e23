"""``st.write``: which command shows each argument, in Streamlit 1.67's order.

Strings, and values shown as text (inline code of their ``str()``), are
joined into one ``st.markdown``; every other kind of value gets the element
Streamlit gives it: an exception, a table, a chart or figure, an image, JSON,
a stream, or ``st.help`` for ``st`` itself, functions, modules, classes,
dataclasses and objects whose ``str()`` is ``<... at 0x...>``. The order of
the checks is Streamlit's (``streamlit/elements/write.py``), so an object
that is several things at once is shown as Streamlit shows it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect
import io
import re
import types
from collections import ChainMap, UserDict, UserList
from collections.abc import Callable, ItemsView, KeysView, ValuesView
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..elements import COMMANDS, Markdown
from ..elements.data import is_tabular
from ..elements.help import is_mem_address_str
from ..errors import ReactiveAPIError
from ..state import QueryParams, SessionState
from .context import StProxy
from .secrets import Secrets
from .stream import is_stream

if TYPE_CHECKING:
    from ..elements import Block
    from .api import St
    from .runner import ScriptRunner

_WRITE_MANY_ERROR = (
    "Cannot replace a single element with multiple elements.\n\n"
    "The `write()` method only supports multiple elements when inserting elements rather "
    "than replacing. That is, only when called as `st.write()` or `st.sidebar.write()`."
)

#: What ``st.write`` shows with ``st.help`` (besides classes, dataclasses and ``st``).
HELP_TYPES = (types.BuiltinFunctionType, types.BuiltinMethodType, types.FunctionType, types.MethodType,
              types.ModuleType)
_NOT_JSON = object()
_ALTAIR_CHART = re.compile(r"^altair\.vegalite\.v\d+\.api\.\w*Chart$")
_GRAPHVIZ = frozenset({"graphviz.dot.Graph", "graphviz.dot.Digraph", "graphviz.graphs.Graph",
                       "graphviz.graphs.Digraph", "graphviz.sources.Source"})


def _type_name(value: Any) -> str:
    cls = type(value)
    return f"{cls.__module__}.{cls.__qualname__}"


def _has_callable(value: Any, name: str) -> bool:
    return callable(getattr(value, name, None))


def _is_plotly_object(value: Any) -> bool:
    return type(value).__module__.startswith("plotly.graph_objs")


def _is_plotly_chart(value: Any) -> bool:
    """A Plotly figure, a list of Plotly traces, or a dict of them (``{"data": [go.Bar(...)]}``)."""
    if _type_name(value) == "plotly.graph_objs._figure.Figure":
        return True
    if isinstance(value, list):
        return bool(value) and all(map(_is_plotly_object, value))
    if not isinstance(value, dict) or not value or any(
            key not in ("config", "data", "frames", "layout") for key in value):
        return False
    return any(_is_plotly_object(item) or (isinstance(item, list) and bool(item) and all(
        map(_is_plotly_object, item))) for item in value.values())


def _is_pydantic_model(value: Any) -> bool:
    return not isinstance(value, type) and any(
        f"{c.__module__}.{c.__qualname__}" == "pydantic.main.BaseModel" for c in type(value).__mro__)


def _is_sympy_expression(value: Any) -> bool:
    return any(f"{c.__module__}.{c.__qualname__}" == "sympy.core.expr.Expr" for c in type(value).__mro__)


def _json_body(value: Any) -> Any:
    """What ``st.json`` shows for ``value`` if ``st.write`` shows it as JSON, else ``_NOT_JSON``."""
    if isinstance(value, (SessionState, QueryParams, Secrets)):  # Streamlit's "custom dicts"
        return value.to_dict()
    if isinstance(value, tuple) and callable(getattr(value, "_asdict", None)):  # a namedtuple
        return value._asdict()
    if isinstance(value, (list, tuple, set, frozenset)) and value and _is_pydantic_model(
            next(iter(value))):
        return [item.model_dump(mode="json") if hasattr(item, "model_dump") else item.dict()
                for item in value]
    if _is_pydantic_model(value) or isinstance(value, (ChainMap, types.MappingProxyType, UserDict)):
        return dict(value)
    if isinstance(value, (map, enumerate, UserList, ItemsView, KeysView, ValuesView)):
        return list(value)
    if isinstance(value, (dict, list)):
        return value
    return _NOT_JSON


def inline_code(text: str) -> str:
    """Streamlit's code span for a value's text: fenced by more backticks than it holds.

    Text of several lines becomes a fenced code block (at least three backticks).
    """
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    if "\n" in text:
        fence = "`" * max(3, longest + 1)
        return f"{fence}\n{text}\n{fence}"
    fence = "`" * (longest + 1)
    return f"{fence}{text}{fence}"


#: Types every check below leaves as text: ``st.write("Count =", n)`` skips them all.
_SCALARS = frozenset({int, float, bool, complex, type(None), Decimal, dt.date, dt.datetime, dt.time})


def _shown_by(arg: Any, unsafe_allow_html: bool) -> tuple[str, Any] | None:
    """The command showing ``arg`` on its own and what it is given; None: ``arg`` is text."""
    if type(arg) in _SCALARS:
        return None
    if isinstance(arg, Exception):
        return "exception", arg
    if is_st(arg):
        return "help", arg
    if is_tabular(arg):  # a QuerySet, pandas, numpy, a list of dicts (a table here, JSON in Streamlit)
        return "dataframe", arg
    name = _type_name(arg)
    if _ALTAIR_CHART.match(name):
        return "altair_chart", arg
    if name == "matplotlib.figure.Figure":
        return "pyplot", arg
    if _is_plotly_chart(arg):
        return "plotly_chart", arg
    if name in _GRAPHVIZ and "graphviz_chart" in COMMANDS:
        return "graphviz_chart", arg
    if _is_sympy_expression(arg):
        return "latex", arg
    if name.startswith("PIL."):
        return "image", arg
    if (body := _json_body(arg)) is not _NOT_JSON:
        return "json", body
    if name == "pydeck.bindings.deck.Deck" and "pydeck_chart" in COMMANDS:
        return "pydeck_chart", arg
    if isinstance(arg, io.StringIO):
        return "markdown", arg.getvalue()
    if is_stream(arg):
        return "write_stream", arg
    if isinstance(arg, HELP_TYPES) or dataclasses.is_dataclass(arg) or inspect.isclass(arg):
        return "help", arg
    if unsafe_allow_html and _has_callable(arg, "_repr_html_"):
        return "html", arg._repr_html_()
    if _has_callable(arg, "to_pandas") or _has_callable(arg, "__dataframe__"):
        return "dataframe", arg
    if is_mem_address_str(str(arg)):
        return "help", arg
    return None


def is_st(value: Any) -> bool:
    """Whether ``value`` is ``st`` (a view's, a container handle, or ``from django_reactive import st``)."""
    from .api import St

    return isinstance(value, (St, StProxy))


def write(st: St, runner: ScriptRunner, block: Block | None, args: tuple[Any, ...], *,
          unsafe_allow_html: bool = False) -> None:
    """``st.write(*args)`` on ``st`` (writing into ``block``): each argument shown by the command
    Streamlit 1.67 picks for it."""
    if len(args) > 1 and block is not None and block is not runner.sidebar:
        raise ReactiveAPIError(_WRITE_MANY_ERROR)
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            runner.add(Markdown, block, st, " ".join(buffer), unsafe_allow_html=unsafe_allow_html)
            buffer.clear()

    for arg in args:
        if isinstance(arg, str):
            buffer.append(arg)
            continue
        shown = _shown_by(arg, unsafe_allow_html)
        if shown is None:
            buffer.append(inline_code(str(arg)))
            continue
        # Streamlit shows the HTML of ``_repr_html_`` before the text written ahead of it; here
        # the arguments keep their order.
        flush()
        command, value = shown
        if command in ("help", "write_stream"):  # methods of st, not elements
            getattr(st, command)(value)
        else:
            runner.add(COMMANDS[command], block, st, value)
    flush()


def help_subject(obj: Any) -> Any:
    """What ``st.help`` describes for ``obj``: for ``st`` itself, a module of its commands."""
    return st_reference() if is_st(obj) else obj


def st_reference() -> types.ModuleType:
    """``st`` as ``st.help`` describes it: a module of its commands, properties and classes.

    Each command is a function that runs it on the current view's ``st``, with
    the docstring of the element or method behind it (no property is read).
    """
    from .api import St

    module = types.ModuleType("django_reactive.st", (
        "Streamlit's commands for a django_reactive view: `from django_reactive import st`, "
        "or the `st` a view function receives."))
    for name in dir(St):
        if name.startswith("_"):
            continue
        attr = inspect.getattr_static(St, name)
        if isinstance(attr, staticmethod):
            attr = attr.__func__
        elif inspect.isfunction(attr):
            attr = _command(name, attr.__doc__)
        setattr(module, name, attr)
    for name, cls in COMMANDS.items():
        if not name.startswith("_") and not hasattr(module, name):
            setattr(module, name, _command(name, cls.__doc__))
    return module


def _command(name: str, doc: str | None) -> Callable[..., Any]:
    def command(*args: Any, **kwargs: Any) -> Any:
        return getattr(StProxy(), name)(*args, **kwargs)

    command.__name__, command.__qualname__, command.__doc__ = name, f"st.{name}", doc
    command.__module__ = "django_reactive"
    return command
