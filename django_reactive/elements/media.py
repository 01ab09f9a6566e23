"""``st.image``: images from URLs, bytes, uploaded files or a model's ``ImageField``.

Bytes are embedded as a ``data:`` URI, so the page needs no media endpoint; the
type is read from the magic bytes and only raster formats are embedded (an SVG
can carry scripts and links, so it must be served as a file and shown by URL).
"""

from __future__ import annotations

import base64
import io
from typing import Any

from django.core.files.base import File
from django.db.models.fields.files import FieldFile

from ..errors import ReactiveAPIError
from ..url_safety import safe_url
from .base import Element
from .pixels import array_to_png, is_pixel_array

#: Leading bytes -> MIME type of the formats that are embedded.
MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


def sniff(data: bytes) -> str | None:
    """The MIME type of PNG, JPEG, GIF or WebP image bytes; None for anything else."""
    for magic, mime in MAGIC:
        if data.startswith(magic):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def _data_uri(data: bytes) -> str:
    mime = sniff(data)
    if mime is None:
        raise ReactiveAPIError(
            "st.image got bytes that are not a PNG, JPEG, GIF or WebP image. SVG is not embedded, "
            "for safety: serve it as a static file and pass its URL.")
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def is_page_url(text: str) -> bool:
    """An http(s) URL or a path on this site (``/media/a.png``), as a browser reads it (url_safety)."""
    return safe_url(text) is not None


def image_src(image: Any) -> str:
    """The ``src`` of one image; refuses anything that is not clearly an image or a safe URL."""
    if isinstance(image, str):
        src = safe_url(image)
        if src is not None:
            return src
        raise ReactiveAPIError(
            f"st.image needs an http(s) URL or a site-relative path starting with '/', not {image!r}. "
            "To show a file from disk, pass its bytes: st.image(path.read_bytes()).")
    if isinstance(image, (bytes, bytearray, memoryview)):
        return _data_uri(bytes(image))
    if isinstance(image, io.BytesIO):
        return _data_uri(image.getvalue())
    if isinstance(image, FieldFile):
        if not image:
            raise ReactiveAPIError(f"st.image got the file field {image.field.name!r}, which has no file.")
        return image.url
    if isinstance(image, File):  # an uploaded file
        return _data_uri(b"".join(image.chunks()))
    if type(image).__module__.startswith("PIL.") and callable(getattr(image, "save", None)):
        return _data_uri(_pillow_bytes(image))
    raise ReactiveAPIError(
        f"st.image cannot show an object of type `{type(image).__name__}`; pass an http(s) URL, a "
        "site-relative path, image bytes (PNG, JPEG, GIF or WebP), a numpy array, a Pillow image, an "
        "uploaded file or an ImageField's file, or a list of those.")


def _pillow_bytes(image: Any) -> bytes:
    """A Pillow image as JPEG if it was read from one, else PNG (in RGBA when PNG cannot hold its mode)."""
    out = io.BytesIO()
    if image.format == "JPEG":
        image.save(out, format="JPEG")
    elif image.mode in ("1", "L", "LA", "I", "I;16", "P", "RGB", "RGBA"):
        image.save(out, format="PNG")
    else:  # CMYK, YCbCr, floats...
        image.convert("RGBA").save(out, format="PNG")
    return out.getvalue()


class Image(Element):
    """One image, or several side by side; the caption is also the image's ``alt`` text.

    numpy pixel arrays are shown as PNG (``clamp`` and ``channels`` as in
    Streamlit); ``output_format`` is taken for compatibility and not used.
    """

    command = "image"
    template = "django_reactive/elements/image.html"

    def __init__(self, image: Any, caption: str | list[str] | None = None, width: Any = "content",
                 clamp: bool = False, channels: str = "RGB", output_format: str = "auto", *,
                 use_container_width: bool | None = None, link: str | None = None,
                 use_column_width: Any = None, alt: Any = None) -> None:
        images = list(image) if isinstance(image, (list, tuple, set)) else [image]
        if is_pixel_array(image) and image.ndim == 4:  # a batch of arrays: one image each
            images = list(image)
        if isinstance(caption, list):
            captions = caption
        elif caption is None:
            captions = [None] * len(images)
        else:
            captions = [str(caption)]
        if len(captions) != len(images):
            raise ReactiveAPIError(f"Cannot pair {len(captions)} captions with {len(images)} images.")
        if use_column_width is not None or use_container_width is not None:  # Streamlit's older forms
            width = "stretch" if (use_container_width or use_column_width in (True, "always", "auto")) \
                else width
        if width is None:
            width = "content"
        valid = width in ("content", "stretch") if isinstance(width, str) else (
            isinstance(width, int) and not isinstance(width, bool) and width > 0)
        if not valid:
            raise ReactiveAPIError("Image width must be positive.")
        if link is not None and not is_page_url(str(link)):
            raise ReactiveAPIError(f"st.image's link {link!r} must be an http(s) URL or a path on this site.")
        alts = alt if isinstance(alt, (list, tuple)) else [alt] * len(images)
        self.images = [(image_src(array_to_png(img, clamp=clamp, channels=channels)
                                  if is_pixel_array(img) else img), None if cap is None else str(cap),
                        cap if text is None else text)
                       for img, cap, text in zip(images, captions, alts)]
        self.width = width if isinstance(width, int) else None
        self.fill = width == "stretch"
        self.link = link

    def context(self) -> dict[str, Any]:
        return {"images": self.images, "width": self.width, "fill": self.fill, "link": self.link}

    @property
    def value(self) -> list[str]:
        """The ``src`` of each image (a ``data:`` URI for bytes)."""
        return [src for src, _, _ in self.images]
