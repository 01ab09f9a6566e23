"""st.audio and st.video: sources (URLs, bytes, files, numpy audio), the size limit of embedded
data, times, flags, subtitles, YouTube, and Streamlit's errors."""

import base64
import datetime as dt
import io
import wave

import pytest

from django_reactive.elements import av
from django_reactive.errors import ReactiveAPIError, ReactiveValueError
from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db

WAV_HEADER = b"RIFF\x24\x00\x00\x00WAVEfmt "
SRT = "1\n00:00:01,000 --> 00:00:02,500\nHello\n"
VTT = "WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nHello"


def run(fn):
    return AppTest.from_function(fn).run()


def failure(fn):
    at = run(fn)
    assert at.run_status == "failed"
    return at.exception[0]


def decoded(uri):
    """The bytes of a base64 data: URI."""
    return base64.b64decode(uri.split(",", 1)[1])


# -- sources ------------------------------------------------------------------------------------


def test_a_url_plays_from_where_it_is():
    def app(st):
        st.audio("https://example.com/a.mp3")
        st.video("/media/clip.mp4")

    at = run(app)
    assert at.get("audio")[0].value == "https://example.com/a.mp3"
    assert '<audio controls preload="metadata" src="https://example.com/a.mp3"' in at.get("audio")[0].html
    assert '<video controls playsinline preload="metadata" src="/media/clip.mp4"' in at.get("video")[0].html


@pytest.mark.parametrize("url", ["javascript:alert(1)", "//evil.example/a.mp3", "ftp://host/a.mp3",
                                 "data:text/html,<script>1</script>"])
def test_unsafe_or_unknown_urls_are_refused(url):
    error = failure(lambda st: st.audio(url))
    assert isinstance(error.element.exception, ReactiveAPIError)
    assert "needs an http(s) URL, a site-relative path starting with '/' or a file that exists" in error.value


def test_bytes_a_file_like_and_a_path_are_embedded_with_the_format_as_type(tmp_path):
    clip = tmp_path / "clip.webm"
    clip.write_bytes(b"webm-bytes")

    def app(st):
        st.audio(b"ogg-bytes", format="audio/ogg")
        st.audio(io.BytesIO(b"mp3-bytes"), format="audio/mpeg")
        st.video(clip, format="video/webm")
        st.video(str(clip), format="video/webm")
        with clip.open("rb") as handle:
            st.video(handle, format="video/webm")

    at = run(app)
    audio, video = at.get("audio"), at.get("video")
    assert audio[0].value == "data:audio/ogg;base64," + base64.b64encode(b"ogg-bytes").decode()
    assert decoded(audio[1].value) == b"mp3-bytes" and audio[1].value.startswith("data:audio/mpeg;")
    assert [decoded(v.value) for v in video] == [b"webm-bytes"] * 3
    assert all(v.value.startswith("data:video/webm;base64,") for v in video)


def test_data_beyond_the_limit_is_refused_with_what_to_do(monkeypatch, tmp_path):
    monkeypatch.setattr(av, "MAX_MEDIA_BYTES", 10)
    big = tmp_path / "big.mp4"
    big.write_bytes(b"x" * 11)
    for fn in (lambda st: st.audio(b"x" * 11), lambda st: st.video(big)):
        error = failure(fn)
        assert isinstance(error.element.exception, ReactiveValueError)
        assert "has 11 bytes; the limit for data embedded in the page is 10" in error.value
        assert "Serve larger files as static or media files and pass their URL." in error.value
    assert run(lambda st: st.audio(b"x" * 10)).get("audio")[0].value.startswith("data:audio/wav")


def test_none_shows_an_empty_player():
    at = run(lambda st: st.audio(None))
    assert at.get("audio")[0].value == "" and " src=" not in at.get("audio")[0].html


def test_other_types_are_refused():
    error = failure(lambda st: st.video(3.5))
    assert "st.video cannot play an object of type `float`" in error.value


# -- numpy audio --------------------------------------------------------------------------------


def test_a_numpy_array_plays_as_16_bit_wav_scaled_to_full_range():
    np = pytest.importorskip("numpy")
    samples = np.array([0.0, 0.5, -1.0, 0.25])
    at = run(lambda st: st.audio(samples, sample_rate=8000))
    uri = at.get("audio")[0].value
    assert uri.startswith("data:audio/wav;base64,")
    with wave.open(io.BytesIO(decoded(uri))) as wav:
        assert (wav.getnchannels(), wav.getframerate(), wav.getsampwidth()) == (1, 8000, 2)
        frames = np.frombuffer(wav.readframes(4), dtype="<i2").tolist()
    assert frames == [0, 16383, -32767, 8191]


def test_a_2d_array_is_one_channel_per_row():
    np = pytest.importorskip("numpy")
    stereo = np.array([[1.0, 0.0, 0.5], [0.0, -1.0, 0.0]])
    at = run(lambda st: st.audio(stereo, sample_rate=44100))
    with wave.open(io.BytesIO(decoded(at.get("audio")[0].value))) as wav:
        assert wav.getnchannels() == 2
        frames = np.frombuffer(wav.readframes(3), dtype="<i2").tolist()
    assert frames == [32767, 0, 0, -32767, 16383, 0]  # left, right, left, right...


def test_numpy_audio_needs_a_sample_rate_and_one_or_two_dimensions():
    np = pytest.importorskip("numpy")
    error = failure(lambda st: st.audio(np.zeros(4)))
    assert error.value == ("The `sample_rate` parameter is required. Must be specified when `data` is a "
                           "numpy array.")
    error = failure(lambda st: st.audio(np.zeros((2, 2, 2)), sample_rate=8000))
    assert error.value == "Numpy array audio input must be a 1D or 2D array."


def test_silence_stays_silent():
    np = pytest.importorskip("numpy")
    at = run(lambda st: st.audio(np.zeros(3), sample_rate=8000))
    with wave.open(io.BytesIO(decoded(at.get("audio")[0].value))) as wav:
        assert wav.readframes(3) == b"\x00" * 6


# -- times and flags ----------------------------------------------------------------------------


@pytest.mark.parametrize(("start", "end", "fragment"), [
    (0, None, ""),
    (5, None, "#t=5"),
    ("1m30s", "2 minutes", "#t=90,120"),
    (dt.timedelta(seconds=3), 10.7, "#t=3,10"),
    ("00:01:05", None, "#t=65"),
    ("1h", None, "#t=3600"),
])
def test_start_and_end_times_are_a_media_fragment(start, end, fragment):
    at = run(lambda st: st.audio("/a.mp3", start_time=start, end_time=end))
    assert f'src="/a.mp3{fragment}"' in at.get("audio")[0].html
    assert at.get("audio")[0].value == "/a.mp3"


def test_an_unreadable_time_raises_streamlits_message():
    error = failure(lambda st: st.video("/v.mp4", start_time="soon"))
    assert error.value.startswith("Failed to convert 'start_time' to a timedelta.")
    assert error.value.endswith("Got: soon")


def test_video_refuses_an_end_before_the_start():
    error = failure(lambda st: st.video("/v.mp4", start_time=10, end_time=5))
    assert error.value == "Invalid start_time and end_time combination."


def test_flags_width_and_alt():
    def app(st):
        st.audio("/a.mp3", loop=True, autoplay=True, alt="Bird song", width=300)
        st.video("/v.mp4", loop=True, autoplay=True, muted=True, alt=" ")

    at = run(app)
    audio, video = at.get("audio")[0].html, at.get("video")[0].html
    assert ' loop autoplay aria-label="Bird song" style="width:300px;max-width:100%"' in audio
    assert " loop autoplay muted " in video and "aria-label" not in video  # a blank alt is none
    assert 'style="width:100%"' in video
    error = failure(lambda st: st.video("/v.mp4", width="content"))
    assert error.value == ("Invalid width value: 'content'. Width must be either a positive integer "
                           "(pixels) or 'stretch'.")


# -- subtitles and YouTube ----------------------------------------------------------------------


def test_subtitles_become_tracks_and_srt_is_converted_to_webvtt(tmp_path):
    path = tmp_path / "fr.vtt"
    path.write_text(VTT)

    def app(st):
        st.video("/v.mp4", subtitles={"English": SRT, "Français": path, "Bytes": io.BytesIO(SRT.encode())})

    at = run(app)
    tracks = at.get("video")[0].subtitles
    assert [label for label, _ in tracks] == ["English", "Français", "Bytes"]
    assert decoded(tracks[0][1]).decode() == "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.500\nHello"
    assert decoded(tracks[1][1]).decode() == VTT
    markup = at.get("video")[0].html
    assert '<track kind="subtitles" label="English" src="data:text/vtt;base64,' in markup
    assert markup.count(" default>") == 1


def test_one_subtitle_text_is_the_default_track_and_bad_ones_are_refused():
    assert run(lambda st: st.video("/v.mp4", subtitles=VTT)).get("video")[0].subtitles[0][0] == "default"
    error = failure(lambda st: st.video("/v.mp4", subtitles={"Bad": "just words"}))
    assert error.value == ("Failed to process the provided subtitle 'Bad': Invalid subtitles: use "
                           "VTT-formatted text or SRT-formatted text.")


def test_a_youtube_link_is_youtubes_embedded_player():
    at = run(lambda st: st.video("https://youtu.be/_T8LGqJtuGc", start_time=10, loop=True, muted=True))
    markup = at.get("video")[0].html
    assert at.get("video")[0].value == "https://www.youtube.com/embed/_T8LGqJtuGc"
    assert ('<iframe src="https://www.youtube.com/embed/_T8LGqJtuGc?start=10&amp;loop=1&amp;'
            'playlist=_T8LGqJtuGc&amp;mute=1"') in markup
    assert "<video" not in markup
    error = failure(lambda st: st.video("https://www.youtube.com/watch?v=_T8LGqJtuGc", subtitles=VTT))
    assert error.value == "Subtitles are not supported for YouTube videos."
