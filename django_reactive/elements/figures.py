"""Figures of plotting libraries: ``st.plotly_chart`` (drawn by plotly.js) and ``st.pyplot`` (an SVG image).

Neither library is a dependency: a figure can only exist if the view imported
its library, and plotly is imported here only to read a figure given as a dict.
A Matplotlib figure is saved as SVG on the server and shown as an ``<img>``
with a ``data:`` URI: an image runs no scripts, whatever the figure's texts.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import logging
from collections.abc import Mapping
from typing import Any, ClassVar

from ..errors import ReactiveAPIError, ReactiveValueError
from .base import Element
from .chart_data import json_value
from .charts import BrowserChart, check_interaction, container_width
from .media import sniff
from .sizing import check_height, check_width

logger = logging.getLogger(__name__)

_FIG_REQUIRED = (
    "The `fig` parameter is required. Passing `None` is not supported because Matplotlib's global "
    "figure object is not thread-safe.\n\nPass a figure explicitly:\n\n```python\n"
    "fig, ax = plt.subplots()\nax.scatter([1, 2, 3], [1, 2, 3])\nst.pyplot(fig)\n```")


def plotly_figure(figure_or_data: Any) -> str:
    """A Plotly figure (or its dict, or a list of traces) as JSON text (``{"data": ..., "layout": ...}``)."""
    if type(figure_or_data).__module__.startswith("matplotlib"):
        raise ReactiveAPIError(
            "st.plotly_chart does not convert Matplotlib figures: show them with st.pyplot.")
    if isinstance(figure_or_data, (Mapping, list, tuple)):
        figure = (dict(figure_or_data) if isinstance(figure_or_data, Mapping)
                  else {"data": list(figure_or_data)})
        try:
            import plotly.io
        except ImportError:
            return json.dumps(figure, default=json_value)
        return plotly.io.to_json(figure, validate=True)  # Plotly's own message for a wrong figure
    to_json = getattr(figure_or_data, "to_json", None)
    if to_json is None:
        raise ReactiveAPIError(
            f"st.plotly_chart needs a Plotly figure, a figure dict or a list of traces, not an object of "
            f"type `{type(figure_or_data).__name__}`.")
    return to_json(validate=False)


class PlotlyChart(BrowserChart):
    """``st.plotly_chart(figure)``: drawn by the vendored plotly.js; ``value`` is the figure sent.

    ``config`` is plotly.js's (``{"scrollZoom": False}``...). Selections
    (``on_select``) are not supported; Streamlit's deprecated Plotly keyword
    arguments are ignored.
    """

    command = "plotly_chart"
    scripts: ClassVar[tuple[str, ...]] = ("django_reactive/vendor/plotly.js-dist-min-4.1.2/plotly.min.js",)
    renderer = "plotly"

    def __init__(self, figure_or_data: Any, use_container_width: bool | None = None, *,
                 width: Any = "stretch", height: Any = "content", theme: str | None = "streamlit",
                 key: Any = None, on_select: Any = "ignore", selection_mode: Any = ("points", "box", "lasso"),
                 config: dict[str, Any] | None = None, alt: str | None = None, **kwargs: Any) -> None:
        self.width = check_width(container_width(width, use_container_width), allow_content=True)
        self.height = check_height(height, allow_content=True)
        check_interaction(self.command, theme, on_select)
        self.key = key
        self.config = dict(config or {})
        sizes = {"width": self.width if isinstance(self.width, int) else None,
                 "height": self.height if isinstance(self.height, int) else None,
                 "stretch": self.width == "stretch", "fill": self.height == "stretch"}
        payload = (f'{{"figure":{plotly_figure(figure_or_data)},"config":{json.dumps(self.config)},'
                   f'"sizes":{json.dumps(sizes)},"alt":{json.dumps(alt)}}}')
        self._keep(payload, theme, alt)

    @property
    def value(self) -> Any:
        """The figure as plotly.js gets it: ``{"data": [...], "layout": {...}}``."""
        return json.loads(self.json)["figure"]


class Pyplot(Element):
    """``st.pyplot(fig)``: a Matplotlib figure as an SVG image (``savefig`` keywords change that).

    ``value`` is the image's ``data:`` URI. ``clear_figure=True`` clears the
    figure once it is saved.
    """

    command = "pyplot"
    template = "django_reactive/elements/pyplot.html"

    def __init__(self, fig: Any = None, clear_figure: bool = False, *, width: Any = "stretch",
                 use_container_width: bool | None = None, alt: str | None = None, **kwargs: Any) -> None:
        if fig is None:
            raise ReactiveValueError(_FIG_REQUIRED)
        if use_container_width is not None:
            logger.warning("The `use_container_width` parameter is deprecated: use `width='stretch'` "
                           "or `width='content'`.")
            width = "stretch" if use_container_width else "content"
        self.width = check_width(width, allow_content=True)
        self.alt = alt
        if kwargs:
            logger.warning("Passing savefig keyword arguments to st.pyplot is deprecated in Streamlit; "
                           "call fig.savefig() with them and show the image with st.image.")
        image = io.BytesIO()
        fig.savefig(image, **{"bbox_inches": "tight", "format": "svg", **kwargs})
        data = image.getvalue()
        if clear_figure:
            fig.clf()
        head = data.lstrip()[:2048]
        mime = "image/svg+xml" if head.startswith(b"<svg") or (
            head.startswith(b"<?xml") and b"<svg" in head) else sniff(data)
        if mime is None:
            raise ReactiveAPIError("st.pyplot shows figures saved as SVG, PNG, JPEG, GIF or WebP.")
        self.src = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"

    @property
    def value(self) -> str:
        return self.src

    def memo_key(self) -> str:
        return hashlib.blake2b(repr((self.src, self.width, self.alt)).encode(), digest_size=16).hexdigest()

    def context(self) -> dict[str, Any]:
        return {"src": self.src, "alt": self.alt or "", "fill": self.width == "stretch",
                "width": self.width if isinstance(self.width, int) else None}
