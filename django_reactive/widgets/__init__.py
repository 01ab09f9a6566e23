"""Input widgets. Importing this package registers every ``st.<widget>`` command."""

from .base import Widget
from .button import Button
from .checkbox import Checkbox
from .color_picker import ColorPicker
from .date_input import DateInput
from .download_button import DownloadButton
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
    "Button", "Checkbox", "ColorPicker", "DateInput", "DownloadButton", "FileUploader", "Form",
    "FormSubmitButton", "Multiselect", "NumberInput", "Radio", "SelectSlider", "Selectbox",
    "Slider", "TextArea", "TextInput", "TimeInput", "Toggle", "Widget",
]
