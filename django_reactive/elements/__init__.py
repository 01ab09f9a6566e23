"""Display elements. Importing this package registers every ``st.<element>`` command."""

from .av import Audio, Video
from .base import COMMANDS, Element
from .celebrations import Balloons, Snow
from .charts import AltairChart, AreaChart, BarChart, LineChart, ScatterChart, VegaLiteChart
from .chat import ChatMessage
from .data import DataFrame, Table
from .dialog import Dialog
from .figures import PlotlyChart, Pyplot
from .formatting import Badge, Caption, Code, Divider, Html
from .help import Help
from .layout import Block, Column, Columns, Container, Empty, Expander, Status, Tab, Tabs
from .links import LinkButton
from .maths import Latex
from .media import Image
from .navigation import Navigate, NavigationMenu, PageLink
from .popover import Popover
from .status import Metric, Progress, Spinner, Toast
from .text import (
    Error,
    ExceptionElement,
    Header,
    Info,
    Json,
    Markdown,
    Subheader,
    Success,
    Text,
    Title,
    Warning,
)

__all__ = [
    "COMMANDS", "Audio", "Badge", "Block", "Caption", "ChatMessage", "Code", "Column", "Columns", "Container",
    "DataFrame", "Dialog",
    "Divider", "Element", "Empty", "Error", "ExceptionElement", "Expander", "Header", "Html", "Image",
    "Info", "Json", "Latex", "LinkButton", "Markdown", "Metric", "Progress", "Spinner", "Status", "Subheader",
    "Popover", "Success", "Tab",
    "Table", "Tabs", "Text", "Title", "Toast", "Video", "Warning",
    "AltairChart", "AreaChart", "BarChart", "LineChart", "PlotlyChart", "Pyplot", "ScatterChart",
    "VegaLiteChart", "Navigate", "NavigationMenu", "PageLink",
    "Balloons", "Help", "Snow",
]
