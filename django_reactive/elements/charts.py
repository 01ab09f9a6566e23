"""Vega-Lite charts: ``st.vega_lite_chart``, ``st.altair_chart`` and the four built-in charts.

The spec is built in Python (the built-in charts by Streamlit's rules, see
:mod:`.chart_spec`) and carried in the element's HTML as JSON; the browser
draws it with the vendored Vega, Vega-Lite and vega-embed, which only pages
showing a chart load (``charts.js`` is the element's asset). The element's
memo key is a digest of the spec, so an unchanged chart is neither rendered
again nor sent in a patch.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from django.templatetags.static import static
from django.utils.safestring import SafeString, mark_safe

from ..errors import ReactiveAPIError, ReactiveValueError
from .base import Element
from .chart_data import json_value, read_frame
from .chart_spec import Kind, built_in_spec, check_stack
from .sizing import check_height, check_width

logger = logging.getLogger(__name__)

VEGA_SCRIPTS = (
    "django_reactive/vendor/vega-6.4.0/vega.min.js",
    "django_reactive/vendor/vega-lite-6.5.0/vega-lite.min.js",
    "django_reactive/vendor/vega-embed-7.3.0/vega-embed.min.js",
)
#: ``<`` ``>`` ``&`` escaped, so a text in the data cannot close the ``<script>`` holding the spec.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
_COMPOSITE = ("facet", "hconcat", "vconcat", "concat", "repeat")


def json_script(text: str) -> SafeString:
    """JSON text as an inert ``<script type="application/json">`` (read by charts.js)."""
    return mark_safe(f'<script type="application/json">{text.translate(_JSON_ESCAPES)}</script>')


def spec_json(spec: Any) -> str:
    """A spec as JSON the browser can parse: NaN and infinities (not JSON) become null."""
    try:
        return json.dumps(spec, default=json_value, ensure_ascii=False, separators=(",", ":"),
                          allow_nan=False)
    except ValueError:
        return spec_json(_finite(spec))


def _finite(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(item) for item in value]
    return json_value(value) if isinstance(value, float) else value


def check_interaction(command: str, theme: Any, on_select: Any) -> None:
    """Streamlit's ``theme`` check; selections (``on_select``) are not supported here."""
    if theme not in ("streamlit", None):
        raise ReactiveValueError("Invalid `theme` value. Supported values: 'streamlit', None.")
    if on_select != "ignore":
        raise ReactiveAPIError(
            f"st.{command}(on_select=...) is not supported by django_reactive: charts do not report "
            "selections. Use a widget (st.selectbox, st.slider...) to choose what the chart shows.")


def container_width(width: Any, use_container_width: bool | None) -> Any:
    """``use_container_width`` (deprecated in Streamlit) mapped to ``width``, as Streamlit does."""
    if use_container_width is None:
        return width
    logger.warning("The `use_container_width` parameter is deprecated: use `width='stretch'` "
                   "or `width='content'`.")
    if use_container_width:
        return "stretch"
    return width if isinstance(width, int) and not isinstance(width, bool) else "content"


def records(data: Any, command: str) -> Any:
    """Chart data as Vega-Lite inline values: a list of row objects (GeoJSON is left as it is)."""
    if isinstance(data, Mapping) and "type" in data:
        return data
    if isinstance(data, list) and all(isinstance(row, Mapping) for row in data):
        # Rows as objects; nested objects (GeoJSON geometries) are kept as they are.
        return [{str(k): v if isinstance(v, (Mapping, list)) else json_value(v) for k, v in row.items()}
                for row in data]
    frame = read_frame(data, command)
    names = frame.names()
    return [{name: json_value(frame.columns[name][i]) for name in names} for i in range(frame.length)]


class BrowserChart(Element):
    """A chart drawn in the browser by charts.js from a JSON payload carried in the element's HTML."""

    template = "django_reactive/elements/chart.html"
    assets: ClassVar[tuple[str, ...]] = ("django_reactive/charts.js",)
    #: The vendored scripts charts.js loads (in this order) before drawing, and how it draws.
    scripts: ClassVar[tuple[str, ...]] = VEGA_SCRIPTS
    renderer: ClassVar[str] = "vega-lite"

    def _keep(self, payload: str, theme: str | None, alt: str | None) -> None:
        """Keep the JSON sent; its digest is the memo key (the sizes are in the payload)."""
        self.json = payload
        self.theme = theme
        self.alt = alt
        self.digest = hashlib.blake2b(f"{payload}\x00{theme}\x00{alt}".encode(), digest_size=16).hexdigest()

    @property
    def value(self) -> Any:
        """The payload as the browser gets it (a Vega-Lite spec, a Plotly figure)."""
        return json.loads(self.json)

    def memo_key(self) -> str:
        return self.digest

    def context(self) -> dict[str, Any]:
        return {
            "payload": json_script(self.json), "digest": self.digest, "renderer": self.renderer,
            "scripts": " ".join(static(path) for path in self.scripts), "theme": self.theme or "",
        }


class VegaLiteChart(BrowserChart):
    """``st.vega_lite_chart(data, spec)``: a Vega-Lite spec drawn in the browser.

    ``value`` (and ``spec``) is the spec as sent, data included. Data given as
    an argument, or as ``spec["data"]`` / ``spec["datasets"]`` values (a
    DataFrame, a QuerySet, rows...), is put in the spec as inline values.
    Selections (``on_select``) are not supported.
    """

    command = "vega_lite_chart"

    def __init__(self, data: Any = None, spec: dict[str, Any] | None = None, *, width: Any = None,
                 height: Any = "content", use_container_width: bool | None = None,
                 theme: str | None = "streamlit", key: Any = None, on_select: Any = "ignore",
                 selection_mode: Any = None, alt: str | None = None) -> None:
        check_interaction(self.command, theme, on_select)
        if isinstance(data, Mapping) and spec is None:
            data, spec = None, dict(data)
        spec = dict(spec or {})
        if not spec:
            raise ReactiveValueError(
                "The `spec` parameter is required. Vega-Lite charts require a non-empty spec dict.")
        if "datasets" in spec:
            spec["datasets"] = {str(name): records(values, self.command)
                                for name, values in spec["datasets"].items()}
        given = spec.get("data")
        if isinstance(given, Mapping) and "values" in given:
            spec["data"] = {**given, "values": records(given["values"], self.command)}
        elif given is not None and not isinstance(given, Mapping):
            spec["data"] = {"values": records(given, self.command)}
        if data is not None:
            spec["data"] = {"values": records(data, self.command)}
        if width is None and use_container_width is None:
            width = "content" if self._composite(spec) else "stretch"
        self.key = key
        self._setup(spec, width, height, use_container_width, theme, alt)

    @staticmethod
    def _composite(spec: Mapping[str, Any]) -> bool:
        """Facets and side-by-side views keep their own width (Streamlit's rule)."""
        encoding = spec.get("encoding") or {}
        return any(name in spec for name in _COMPOSITE if name != "vconcat") or any(
            name in encoding for name in ("row", "column", "facet")) or (
            "vconcat" in spec and any("hconcat" in view for view in spec["vconcat"]
                                      if isinstance(view, Mapping)))

    def _setup(self, spec: dict[str, Any], width: Any, height: Any, use_container_width: bool | None,
               theme: str | None, alt: str | None) -> None:
        """Size the spec as the element is sized, and keep its JSON (and digest) for rendering."""
        self.width = check_width(container_width(width, use_container_width), allow_content=True)
        self.height = check_height(height, allow_content=True)
        composite = self._composite(spec) or "vconcat" in spec
        if "autosize" not in spec:
            fit = "pad" if self._composite(spec) else "fit-x" if "vconcat" in spec else "fit"
            spec["autosize"] = {"type": fit, "contains": "padding"}
        if not composite:
            if self.width == "stretch":
                spec.setdefault("width", "container")
            elif isinstance(self.width, int):
                spec.setdefault("width", self.width)
            if self.height == "stretch":
                spec.setdefault("height", "container")
            elif isinstance(self.height, int):
                spec.setdefault("height", self.height)
        if alt is not None:
            spec["description"] = alt
        self.spec = spec
        self._keep(spec_json(spec), theme, alt)

    @property
    def value(self) -> dict[str, Any]:
        return self.spec


class AltairChart(VegaLiteChart):
    """``st.altair_chart(chart)``: an Altair chart, drawn from its ``to_dict()`` spec."""

    command = "altair_chart"

    def __init__(self, altair_chart: Any, *, width: Any = None, height: Any = "content",
                 use_container_width: bool | None = None, theme: str | None = "streamlit",
                 key: Any = None, on_select: Any = "ignore", selection_mode: Any = None,
                 alt: str | None = None) -> None:
        to_dict = getattr(altair_chart, "to_dict", None)
        if to_dict is None:
            raise ReactiveAPIError("st.altair_chart needs an Altair chart, not an object of type "
                                   f"`{type(altair_chart).__name__}`.")
        super().__init__(None, to_dict(), width=width, height=height, use_container_width=use_container_width,
                         theme=theme, key=key, on_select=on_select, alt=alt)


class _BuiltInChart(VegaLiteChart):
    """The four charts whose spec is made from the data's columns."""

    kind: ClassVar[Kind]

    def _build(self, data: Any, *, x: str | None, y: str | Sequence[str] | None, x_label: str | None,
               y_label: str | None, color: Any, width: Any, height: Any,
               use_container_width: bool | None, alt: str | None, **options: Any) -> None:
        self.x, self.y, self.x_label, self.y_label, self.color = x, y, x_label, y_label, color
        spec = built_in_spec(self.kind, data, command=self.command, x=x, y=y, x_label=x_label,
                             y_label=y_label, color=color, **options)
        self._setup(spec, width, height, use_container_width, "streamlit", alt)


class LineChart(_BuiltInChart):
    """``st.line_chart``: lines of ``y`` over ``x``; the point nearest the pointer is marked."""

    command = "line_chart"
    kind = Kind.LINE

    def __init__(self, data: Any = None, *, x: str | None = None, y: str | Sequence[str] | None = None,
                 x_label: str | None = None, y_label: str | None = None, color: Any = None,
                 width: Any = "stretch", height: Any = "content", use_container_width: bool | None = None,
                 alt: str | None = None) -> None:
        self._build(data, x=x, y=y, x_label=x_label, y_label=y_label, color=color, width=width,
                    height=height, use_container_width=use_container_width, alt=alt)


class AreaChart(_BuiltInChart):
    """``st.area_chart``: areas, stacked as ``stack`` says (True, False, normalize, center, layered)."""

    command = "area_chart"
    kind = Kind.AREA

    def __init__(self, data: Any = None, *, x: str | None = None, y: str | Sequence[str] | None = None,
                 x_label: str | None = None, y_label: str | None = None, color: Any = None,
                 stack: bool | str | None = None, width: Any = "stretch", height: Any = "content",
                 use_container_width: bool | None = None, alt: str | None = None) -> None:
        check_stack(stack)
        self.stack = stack
        self._build(data, x=x, y=y, x_label=x_label, y_label=y_label, color=color, width=width,
                    height=height, use_container_width=use_container_width, alt=alt, stack=stack)


class BarChart(_BuiltInChart):
    """``st.bar_chart``: bars, vertical or ``horizontal``, stacked or not, sorted as asked."""

    command = "bar_chart"
    kind = Kind.BAR

    def __init__(self, data: Any = None, *, x: str | None = None, y: str | Sequence[str] | None = None,
                 x_label: str | None = None, y_label: str | None = None, color: Any = None,
                 horizontal: bool = False, sort: bool | str = True, stack: bool | str | None = None,
                 width: Any = "stretch", height: Any = "content", use_container_width: bool | None = None,
                 alt: str | None = None) -> None:
        check_stack(stack)
        self.horizontal, self.sort, self.stack = horizontal, sort, stack
        self.kind = Kind.HORIZONTAL_BAR if horizontal else Kind.BAR
        self._build(data, x=x, y=y, x_label=x_label, y_label=y_label, color=color, width=width,
                    height=height, use_container_width=use_container_width, alt=alt, stack=stack, sort=sort)


class ScatterChart(_BuiltInChart):
    """``st.scatter_chart``: circles, sized by a column or a number (``size``)."""

    command = "scatter_chart"
    kind = Kind.SCATTER

    def __init__(self, data: Any = None, *, x: str | None = None, y: str | Sequence[str] | None = None,
                 x_label: str | None = None, y_label: str | None = None, color: Any = None,
                 size: Any = None, width: Any = "stretch", height: Any = "content",
                 use_container_width: bool | None = None, alt: str | None = None) -> None:
        self.size = size
        self._build(data, x=x, y=y, x_label=x_label, y_label=y_label, color=color, width=width,
                    height=height, use_container_width=use_container_width, alt=alt, size=size)
