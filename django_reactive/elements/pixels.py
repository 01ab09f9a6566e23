"""numpy pixel arrays for ``st.image``, as Streamlit 1.67 takes them, encoded as PNG.

Streamlit encodes arrays with Pillow; a PNG needs only ``zlib``, so no imaging
library is required: a 2-D array is grayscale, a 3-D one has 1, 3 (RGB) or 4
(RGBA) channels; floats are in [0.0, 1.0] and integers in [0, 255] unless
``clamp`` clips them; ``channels="BGR"`` swaps OpenCV's order.
"""

from __future__ import annotations

import struct
import sys
import zlib
from typing import Any

from ..errors import ReactiveAPIError

#: PNG colour types by channel count: grayscale, RGB, RGBA.
_COLOUR_TYPES = {1: 0, 3: 2, 4: 6}


def is_pixel_array(value: Any) -> bool:
    numpy = sys.modules.get("numpy")
    return numpy is not None and isinstance(value, numpy.ndarray)


def array_to_png(array: Any, *, clamp: bool = False, channels: str = "RGB") -> bytes:
    """The PNG of a pixel array, with Streamlit's checks and messages."""
    import numpy as np

    if array.ndim not in (2, 3):
        raise ReactiveAPIError("Invalid `image` value. Supported values: a 2D or 3D NumPy array.")
    if array.ndim == 3 and array.shape[-1] not in (1, 3, 4):
        raise ReactiveAPIError(
            f"Channel can only be 1, 3, or 4 got {array.shape[-1]}. Shape is {array.shape}")
    if array.ndim == 3 and array.shape[-1] == 1:
        array = array[:, :, 0]
    if np.issubdtype(array.dtype, np.floating):
        if clamp:
            array = np.clip(array, 0, 1.0)
        elif array.size and (np.amin(array) < 0.0 or np.amax(array) > 1.0):
            raise ReactiveAPIError("Data is outside [0.0, 1.0] and clamp is not set.")
        array = array * 255
    elif clamp:
        array = np.clip(array, 0, 255)
    elif array.size and (np.amin(array) < 0 or np.amax(array) > 255):
        raise ReactiveAPIError("Data is outside [0, 255] and clamp is not set.")
    if channels.upper() == "BGR":
        if array.ndim != 3 or array.shape[-1] != 3:
            raise ReactiveAPIError(
                'When using `channels="BGR"`, the input image should have exactly 3 color channels')
        array = array[:, :, [2, 1, 0]]
    pixels = np.ascontiguousarray(array.astype(np.uint8))
    height, width = pixels.shape[:2]
    count = 1 if pixels.ndim == 2 else pixels.shape[-1]
    rows = pixels.reshape(height, width * count)
    raw = np.hstack([np.zeros((height, 1), dtype=np.uint8), rows]).tobytes()  # filter 0 per row
    header = struct.pack(">IIBBBBB", width, height, 8, _COLOUR_TYPES[count], 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(raw)) + \
        _chunk(b"IEND", b"")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
