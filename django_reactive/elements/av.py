"""``st.audio`` and ``st.video``: the browser's own players, with no script.

A URL (http(s), a path on this site, or a ``data:`` URL) is played from
where it is; a ``FileField``'s file by its URL. Bytes, a file-like object, a
file path or (for audio) a numpy array are embedded in the page as a
``data:`` URI, as ``st.download_button`` embeds its file, up to the same size
(:data:`MAX_MEDIA_BYTES`): the page needs no media endpoint, and larger
files belong in Django's static or media files. ``start_time``/``end_time``
are a media fragment (``#t=start,end``); YouTube links become YouTube's
embedded player, as in Streamlit.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import logging
import os
import re
from pathlib import Path
from typing import Any

from django.db.models.fields.files import FieldFile

from ..errors import ReactiveAPIError, ReactiveValueError
from .base import Element
from .media import is_page_url
from .pixels import is_pixel_array
from .sizing import check_width, width_style

logger = logging.getLogger(__name__)

#: Bytes embedded in the page as a ``data:`` URI, at most (``st.download_button``'s limit).
MAX_MEDIA_BYTES = 2 * 1024 * 1024

_TIME_ERROR = ("Failed to convert '{name}' to a timedelta. Please use a string in a format supported by "
               "[Pandas Timedelta constructor](https://pandas.pydata.org/docs/reference/api/pandas.Timedelta"
               '.html), e.g. `"10s"`, `"15 seconds"`, or `"1h23s"`. Got: {value}')
_UNITS = {"h": 3600, "hr": 3600, "hour": 3600, "m": 60, "min": 60, "minute": 60, "s": 1, "sec": 1,
          "second": 1, "ms": 0.001, "millisecond": 0.001}
_PART = re.compile(r"\s*(\d+(?:\.\d*)?|\.\d+)\s*([a-z]+)")
_CLOCK = re.compile(r"(\d+):(\d{1,2}):(\d{1,2}(?:\.\d*)?)")
_YOUTUBE = re.compile(
    r"^(?:https?:)?(?://)?(?:www\.|m\.)?(?:youtube(?:-nocookie)?\.com/(?:(?:watch)?\?(?:app=desktop&)?"
    r"(?:feature=\w*&)?v=|embed/|v/|e/)|youtu\.be/)([\w-]{10,20})")
_SRT_TIME = re.compile(r"(\d{2}:\d{2}:\d{2}),(\d{3})")
_SRT_START = re.compile(r"\d+\s*\n\d{2}:\d{2}:\d{2},\d{3} --> \d{2}:\d{2}:\d{2},\d{3}")


def parse_time(value: Any, name: str) -> int | None:
    """Whole seconds from an int, a float, a ``timedelta`` or a string such as ``"1m30s"``."""
    if value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)):
        return None if value is None else int(value)
    if isinstance(value, dt.timedelta):
        return int(value.total_seconds())
    if isinstance(value, str):
        text = value.strip().lower()
        if clock := _CLOCK.fullmatch(text):
            hours, minutes, seconds = clock.groups()
            return int(int(hours) * 3600 + int(minutes) * 60 + float(seconds))
        parts = _PART.findall(text)
        units = [_UNITS.get(unit.removesuffix("s") if len(unit) > 2 else unit) for _, unit in parts]
        if parts and None not in units and _PART.sub("", text).strip() == "":
            return int(sum(float(number) * unit for (number, _), unit in zip(parts, units)))
    raise ReactiveAPIError(_TIME_ERROR.format(name=name, value=value))


def _read(data: Any, command: str) -> bytes | None:
    """The bytes of a file path, bytes or a file-like object; None for an empty player."""
    if isinstance(data, (str, Path)):
        path = Path(data)
        if not path.is_file():
            raise ReactiveAPIError(f"st.{command} cannot read {str(path)!r}: no such file.")
        size = path.stat().st_size
        if size > MAX_MEDIA_BYTES:
            _too_large(command, size)
        return path.read_bytes()
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    if isinstance(data, io.BytesIO):
        return data.getvalue()
    if hasattr(data, "read"):  # a file opened in binary mode, an uploaded file
        if hasattr(data, "seek"):
            data.seek(0)
        return data.read()
    raise ReactiveValueError(
        f"st.{command} cannot play an object of type `{type(data).__name__}`; pass a URL, a file path, "
        "bytes, a file-like object" + (", a numpy array" if command == "audio" else "") + " or a "
        "FileField's file.")


def _too_large(command: str, size: int) -> None:
    raise ReactiveValueError(
        f"st.{command}'s data has {size} bytes; the limit for data embedded in the page is "
        f"{MAX_MEDIA_BYTES}. Serve larger files as static or media files and pass their URL.")


def media_src(data: Any, mime: str, command: str) -> str:
    """The player's ``src``: a safe URL as given, anything else as a ``data:`` URI ("" for None)."""
    if data is None:
        return ""
    if isinstance(data, FieldFile):
        if not data:
            raise ReactiveAPIError(f"st.{command} got the file field {data.field.name!r}, which has no file.")
        return data.url
    if isinstance(data, str) and not os.path.isfile(data):
        if is_page_url(data) or data.startswith(("data:audio/", "data:video/")):
            return data
        raise ReactiveAPIError(
            f"st.{command} needs an http(s) URL, a site-relative path starting with '/' or a file that "
            f"exists, not {data!r}.")
    raw = _read(data, command)
    if raw is None:
        return ""
    if len(raw) > MAX_MEDIA_BYTES:
        _too_large(command, len(raw))
    return f"data:{mime};base64,{base64.b64encode(raw).decode('ascii')}"


def make_wav(data: Any, sample_rate: int) -> bytes:
    """16-bit PCM WAV of a 1-D (mono) or 2-D (one row per channel) array, scaled to full range.

    Streamlit's encoding: the samples are divided by their largest magnitude.
    """
    import wave

    import numpy as np

    samples = np.array(data, dtype=float)
    if samples.ndim == 1:
        channels = 1
    elif samples.ndim == 2:
        channels = samples.shape[0]
        samples = samples.T.ravel()  # WAV interleaves the channels: L1 R1 L2 R2...
    else:
        raise ReactiveAPIError("Numpy array audio input must be a 1D or 2D array.")
    peak = np.max(np.abs(samples)) if samples.size else 0
    scaled = (samples / peak * 32767 if peak else samples * 0).astype(np.int16)
    with io.BytesIO() as out:
        with wave.open(out, mode="wb") as wav:
            wav.setnchannels(channels)
            wav.setframerate(sample_rate)
            wav.setsampwidth(2)
            wav.writeframes(scaled.tobytes())
        return out.getvalue()


def _subtitle_text(data: Any) -> bytes:
    """WebVTT bytes of one subtitle track (SubRip is converted, as Streamlit does)."""
    if isinstance(data, (str, Path)) and os.path.isfile(data):
        path = Path(data)
        if path.suffix.lower() not in (".srt", ".vtt"):
            raise ReactiveValueError(
                f"Invalid subtitles: use a .srt or .vtt file. Got {path.suffix.lower()}.")
        data = path.read_bytes()
    elif isinstance(data, Path):
        raise ReactiveAPIError(f"File {data} does not exist.")
    elif isinstance(data, io.BytesIO):
        data = data.getvalue()
    elif not isinstance(data, (str, bytes)):
        raise ReactiveValueError(f"Invalid subtitles of type `{type(data).__name__}`: use str, bytes, "
                                 "BytesIO, Path or a dict of those.")
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
    except UnicodeDecodeError:
        raise ReactiveAPIError("Could not decode the input stream as UTF-8.") from None
    text = text.strip()
    if _SRT_START.match(text):
        return ("WEBVTT\n\n" + _SRT_TIME.sub(r"\1.\2", text)).encode("utf-8")
    if text.startswith("WEBVTT") or text == "":
        return text.encode("utf-8")
    raise ReactiveValueError("Invalid subtitles: use VTT-formatted text or SRT-formatted text.")


def subtitle_tracks(subtitles: Any) -> list[tuple[str, str]]:
    """``(label, data: URI)`` of each track; the first is shown by default."""
    if not subtitles:
        return []
    items = subtitles.items() if isinstance(subtitles, dict) else [("default", subtitles)]
    tracks = []
    for label, data in items:
        try:
            vtt = _subtitle_text(data)
        except ReactiveAPIError as exc:
            raise ReactiveAPIError(f"Failed to process the provided subtitle {label!r}: {exc}") from None
        tracks.append((str(label or ""), f"data:text/vtt;base64,{base64.b64encode(vtt).decode('ascii')}"))
    return tracks


class _Player(Element):
    """What audio and video share: source, times, flags, width and the accessible name."""

    def _setup(self, src: str, mime: str, start_time: Any, end_time: Any, loop: bool, autoplay: bool,
               alt: str | None, width: Any) -> None:
        self.width = check_width(width)
        self.start_time = parse_time(start_time, "start_time")
        if self.start_time is None:
            raise ReactiveAPIError(_TIME_ERROR.format(name="start_time", value=start_time))
        self.end_time = parse_time(end_time, "end_time")
        self.src, self.format = src, mime
        self.loop, self.autoplay = bool(loop), bool(autoplay)
        #: The accessible name (Streamlit's ``alt``); blank is none.
        self.alt = (str(alt).strip() or None) if alt is not None else None

    def fragment(self) -> str:
        """The media fragment of the start and end times (none when the whole file plays)."""
        if self.end_time is not None:
            return f"#t={self.start_time},{self.end_time}"
        return f"#t={self.start_time}" if self.start_time else ""

    def context(self) -> dict[str, Any]:
        return {"src": self.src + self.fragment() if self.src else "", "loop": self.loop,
                "autoplay": self.autoplay, "alt": self.alt, "style": width_style(self.width)}

    @property
    def value(self) -> str:
        """The player's source: its URL or ``data:`` URI ("" for an empty player)."""
        return self.src


class Audio(_Player):
    """``st.audio``: an ``<audio controls>`` player; a numpy array needs ``sample_rate`` and plays as WAV."""

    command = "audio"
    template = "django_reactive/elements/audio.html"

    def __init__(self, data: Any, format: str = "audio/wav", start_time: Any = 0, *,
                 sample_rate: int | None = None, end_time: Any = None, loop: bool = False,
                 autoplay: bool = False, alt: str | None = None, width: Any = "stretch") -> None:
        if is_pixel_array(data):
            if sample_rate is None:
                raise ReactiveAPIError("The `sample_rate` parameter is required. Must be specified when "
                                       "`data` is a numpy array.")
            data = make_wav(data, sample_rate)
        elif sample_rate is not None:
            logger.warning("`sample_rate` will be ignored since data is not a numpy array.")
        self._setup(media_src(data, format, "audio"), format, start_time, end_time, loop, autoplay, alt,
                    width)


class Video(_Player):
    """``st.video``: a ``<video controls>`` player with subtitle tracks, or YouTube's player."""

    command = "video"
    template = "django_reactive/elements/video.html"

    def __init__(self, data: Any, format: str = "video/mp4", start_time: Any = 0, *,
                 subtitles: Any = None, end_time: Any = None, loop: bool = False, autoplay: bool = False,
                 muted: bool = False, alt: str | None = None, width: Any = "stretch") -> None:
        youtube = _YOUTUBE.match(data) if isinstance(data, str) else None
        if is_pixel_array(data):
            data = data.tobytes()
        src = f"https://www.youtube.com/embed/{youtube.group(1)}" if youtube else media_src(data, format,
                                                                                              "video")
        self._setup(src, format, start_time, end_time, loop, autoplay, alt, width)
        if self.start_time < 0 or (self.end_time is not None and self.end_time <= self.start_time):
            raise ReactiveAPIError("Invalid start_time and end_time combination.")
        if youtube and subtitles:
            raise ReactiveAPIError("Subtitles are not supported for YouTube videos.")
        self.youtube = youtube.group(1) if youtube else None
        self.muted = bool(muted)
        self.subtitles = subtitle_tracks(subtitles)

    def youtube_src(self) -> str:
        """YouTube's embed URL with its player parameters for the times and flags."""
        params = [f"start={self.start_time}"] if self.start_time else []
        if self.end_time is not None:
            params.append(f"end={self.end_time}")
        if self.loop:
            params.append(f"loop=1&playlist={self.youtube}")
        params += ["autoplay=1"] * self.autoplay + ["mute=1"] * self.muted
        return self.src + ("?" + "&".join(params) if params else "")

    def context(self) -> dict[str, Any]:
        return {**super().context(), "muted": self.muted, "subtitles": self.subtitles,
                "youtube": self.youtube_src() if self.youtube else None}
