"""Input widgets. Importing this package registers every ``st.<widget>`` command."""

from .base import Widget
from .button import Button
from .checkbox import Checkbox
from .number_input import NumberInput
from .selectbox import Selectbox
from .slider import Slider
from .text_input import TextInput

__all__ = ["Button", "Checkbox", "NumberInput", "Selectbox", "Slider", "TextInput", "Widget"]
