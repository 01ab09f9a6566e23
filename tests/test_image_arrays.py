"""st.image with numpy pixel arrays, as Streamlit 1.67 takes them (shown as PNG here)."""

import base64
import struct
import zlib

import numpy as np
import pytest

from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db


def decode_png(src: str) -> tuple[int, int, int, bytes]:
    """(width, height, colour type, raw scanlines) of a data: URI PNG."""
    assert src.startswith("data:image/png;base64,")
    data = base64.b64decode(src.split(",", 1)[1])
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, _, colour = struct.unpack(">IIBB", data[16:26])
    idat = data.index(b"IDAT")
    length = struct.unpack(">I", data[idat - 4:idat])[0]
    return width, height, colour, zlib.decompress(data[idat + 4:idat + 4 + length])


def shown(image, **kwargs):
    at = AppTest.from_function(lambda st: st.image(image, **kwargs)).run()
    return at


def test_rgb_grayscale_rgba_and_float_arrays_are_shown_as_png():
    rgb = np.zeros((2, 3, 3), dtype=np.uint8)
    rgb[0, 0] = [255, 0, 0]
    width, height, colour, raw = decode_png(shown(rgb).get("image")[0].value[0])
    assert (width, height, colour) == (3, 2, 2)
    assert raw[:4] == b"\x00\xff\x00\x00"  # filter byte, then the red pixel
    assert decode_png(shown(np.full((4, 5), 7, dtype=np.uint8)).get("image")[0].value[0])[:3] == (5, 4, 0)
    assert decode_png(shown(np.zeros((1, 1, 4), dtype=np.uint8)).get("image")[0].value[0])[2] == 6
    half = decode_png(shown(np.full((1, 1), 0.5)).get("image")[0].value[0])[3]
    assert half == b"\x00\x7f"


def test_bgr_channels_are_swapped_and_values_out_of_range_refused_unless_clamped():
    bgr = np.array([[[255, 0, 0]]], dtype=np.uint8)  # blue, in OpenCV's order
    assert decode_png(shown(bgr, channels="BGR").get("image")[0].value[0])[3] == b"\x00\x00\x00\xff"
    refused = shown(np.full((1, 1), 300)).exception[0].message
    assert refused == "Data is outside [0, 255] and clamp is not set."
    assert decode_png(shown(np.full((1, 1), 300), clamp=True).get("image")[0].value[0])[3] == b"\x00\xff"
    assert "2D or 3D NumPy array" in shown(np.zeros(3)).exception[0].message


def test_image_width_modes_link_and_alt_as_streamlit_1_67():
    np = pytest.importorskip("numpy")
    pixels = np.zeros((4, 4))

    def app(st):
        st.image(pixels, width="stretch")
        st.image(pixels, width="content", caption="c", alt="a grey square")
        st.image(pixels, width=120, link="https://example.com/")
        st.image(pixels, use_container_width=True)

    at = AppTest.from_function(app).run()
    stretch, content, sized, container = (i.html for i in at.image)
    assert "rx-image-fill" in stretch and "rx-image-fill" not in content and "rx-image-fill" in container
    assert 'alt="a grey square"' in content and "<figcaption>c</figcaption>" in content
    assert 'width="120"' in sized and '<a href="https://example.com/" target="_blank"' in sized


@pytest.mark.parametrize("kwargs, message", [
    ({"width": "wide"}, "Image width must be positive."),
    ({"width": 0}, "Image width must be positive."),
    ({"link": "javascript:alert(1)"}, "must be an http(s) URL or a path on this site"),
])
def test_image_refuses_bad_widths_and_links(kwargs, message):
    np = pytest.importorskip("numpy")
    at = AppTest.from_function(lambda st: st.image(np.zeros((2, 2)), **kwargs)).run()
    assert message in at.exception[0].message
