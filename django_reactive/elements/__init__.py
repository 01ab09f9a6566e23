"""Display elements. Importing this package registers every ``st.<element>`` command."""

from .base import COMMANDS, Element
from .data import DataFrame, Table
from .formatting import Badge, Caption, Code, Divider, Html
from .layout import Block, Column, Columns, Container, Empty, Expander, Status, Tab, Tabs
from .links import LinkButton
from .media import Image
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
    "COMMANDS", "Badge", "Block", "Caption", "Code", "Column", "Columns", "Container", "DataFrame",
    "Divider", "Element", "Empty", "Error", "ExceptionElement", "Expander", "Header", "Html", "Image",
    "Info", "Json", "LinkButton", "Markdown", "Metric", "Progress", "Spinner", "Status", "Subheader",
    "Success", "Tab",
    "Table", "Tabs", "Text", "Title", "Toast", "Warning",
]
