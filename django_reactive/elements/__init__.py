"""Display elements. Importing this package registers every ``st.<element>`` command."""

from .base import COMMANDS, Element
from .layout import Block, Column, Columns, Container
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
    "COMMANDS", "Block", "Column", "Columns", "Container", "Element", "Error",
    "ExceptionElement", "Header", "Info", "Json", "Markdown", "Subheader", "Success", "Text",
    "Title", "Warning",
]
