"""Input widgets. Importing this package registers every ``st.<widget>`` command."""

from .base import Widget
from .button import Button
from .button_group import ButtonGroup, SegmentedControl
from .camera_input import CameraInput
from .chat_input import ChatInput
from .checkbox import Checkbox
from .color_picker import ColorPicker
from .data_editor import DataEditor
from .date_input import DateInput
from .download_button import DownloadButton
from .feedback import Feedback
from .file_uploader import FileUploader
from .form import Form, FormSubmitButton
from .multiselect import Multiselect
from .number_input import NumberInput
from .radio import Radio
from .select_slider import SelectSlider
from .selectbox import Selectbox
from .slider import Slider
from .text_area import TextArea
from .text_input import TextInput
from .time_input import TimeInput
from .toggle import Toggle

__all__ = [
    "Button", "ButtonGroup", "ChatInput", "Checkbox", "ColorPicker", "DateInput", "DownloadButton",
    "CameraInput", "DataEditor", "Feedback", "FileUploader", "Form", "SegmentedControl",
    "FormSubmitButton", "Multiselect", "NumberInput", "Radio", "SelectSlider", "Selectbox",
    "Slider", "TextArea", "TextInput", "TimeInput", "Toggle", "Widget",
]
