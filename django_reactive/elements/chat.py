"""``st.chat_message``: a container for one message of a conversation, with its author's avatar.

The preset names (``"user"``/``"human"``, ``"assistant"``/``"ai"``) get drawn
icons (inline SVG: no emoji font is needed on the visitor's machine); any other
name shows its initial. An avatar can be an emoji, or an image as ``st.image``
takes it (a URL, image bytes, a pixel array, an uploaded file).
"""

from __future__ import annotations

import unicodedata
from typing import Any, ClassVar

from ..errors import ReactiveAPIError
from .icons import MATERIAL
from .layout import Block
from .media import image_src
from .pixels import array_to_png, is_pixel_array

#: Names (and avatars) with a preset icon, as Streamlit's ``PresetNames``.
PRESETS = {"user": "user", "human": "user", "assistant": "assistant", "ai": "assistant"}
#: Unicode categories an emoji sequence is made of (symbols, modifiers, joiners, selectors).
EMOJI_CATEGORIES = frozenset({"So", "Sk", "Cf", "Mn", "Me"})
#: The combining keycap (``1️⃣``): digits, ``#`` and ``*`` before it are emoji too.
KEYCAP = "\u20e3"
#: Longest emoji sequence, in code points (a family with skin tones).
MAX_EMOJI_LENGTH = 16


def is_emoji(text: str) -> bool:
    """Whether ``text`` is a single emoji (sequence), as Streamlit tells avatars from image paths.

    Streamlit checks a catalogue of emoji; the Unicode categories of the code
    points tell the same apart for avatars without shipping one.
    """
    if not text or text.isascii() or len(text) > MAX_EMOJI_LENGTH:
        return False
    return all(unicodedata.category(char) in EMOJI_CATEGORIES
               or (KEYCAP in text and char in "0123456789#*") for char in text)


def check_width(width: Any, *, allow_content: bool) -> None:
    """Streamlit's width rule: a positive number of pixels, ``"stretch"`` (or ``"content"``)."""
    words = ("stretch", "content") if allow_content else ("stretch",)
    if isinstance(width, str) and width in words:
        return
    if isinstance(width, int) and not isinstance(width, bool) and width > 0:
        return
    valid = ("a positive integer (pixels), 'stretch', or 'content'" if allow_content
             else "a positive integer (pixels) or 'stretch'")
    raise ReactiveAPIError(f"Invalid width value: {width!r}. Width must be either {valid}.")


def avatar_for(name: str, avatar: Any) -> tuple[str, str]:
    """``(kind, avatar)`` as Streamlit's ``_process_avatar_input`` gives them.

    ``kind`` is ``"icon"`` (``avatar`` is ``"user"``, ``"assistant"``, or ``""``
    for the name's initial), ``"emoji"`` or ``"image"`` (``avatar`` is the
    image's ``src``) or ``"material"`` (``avatar`` is ``:material/name:``).
    """
    if avatar is None and (name.lower() in PRESETS or is_emoji(name)):
        avatar = name.lower()
    if avatar is None:
        return "icon", ""
    if isinstance(avatar, str) and avatar in PRESETS:
        return "icon", PRESETS[avatar]
    if isinstance(avatar, str) and is_emoji(avatar):
        return "emoji", avatar
    if isinstance(avatar, str) and MATERIAL.fullmatch(avatar):
        return "material", avatar
    try:
        return "image", image_src(array_to_png(avatar) if is_pixel_array(avatar) else avatar)
    except (ReactiveAPIError, TypeError, ValueError) as exc:
        raise ReactiveAPIError("Failed to load the provided avatar value as an image.") from exc


class ChatMessage(Block):
    """``st.chat_message(name)``: a block whose children are the message, beside its avatar."""

    command = "chat_message"
    template = "django_reactive/layout/chat_message.html"
    assets: ClassVar[tuple[str, ...]] = ("django_reactive/chat.css",)

    def __init__(self, name: str, *, avatar: Any = None, width: int | str = "stretch") -> None:
        super().__init__()
        if name is None:
            raise ReactiveAPIError("The `name` parameter is required.")
        self.name = str(name)
        self.avatar_kind, self.avatar = avatar_for(self.name, avatar)
        check_width(width, allow_content=True)
        self.width = width

    def context(self) -> dict[str, Any]:
        style = {"content": "width:fit-content;max-width:100%", "stretch": ""}.get(
            self.width, f"width:{self.width}px;max-width:100%")
        role = self.avatar if self.avatar in ("user", "assistant") else ""
        return {"name": self.name, "kind": self.avatar_kind, "avatar": self.avatar,
                "initial": self.name[:1].upper(), "role": role, "style": style}
