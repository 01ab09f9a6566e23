"""The Django messages a run added, shown after it as notices in a corner of the page.

Not an ``st`` command: the runtime appends this element when a view added
messages with ``django.contrib.messages`` during the run (see
``runtime/messages.py``). Each message looks like an ``st.toast`` in the tone
of its level, with Django's tags (``extra_tags`` and the level tag) as CSS
classes, and its text escaped unless it is a ``SafeString``, as in a Django
template.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.utils.translation import gettext

from .base import Element, gettext_noop

#: Tone (alert colours, icon, spoken name) by the lowest level it covers, highest first.
TONES = (
    (constants.ERROR, ("error", "✖", gettext_noop("Error"))),
    (constants.WARNING, ("warning", "⚠", gettext_noop("Warning"))),
    (constants.SUCCESS, ("success", "✔", gettext_noop("Success"))),
    (constants.INFO, ("info", "ℹ", gettext_noop("Information"))),
)
DEBUG_TONE = ("debug", "⚙", gettext_noop("Debug"))
#: Seconds before a notice fades out; errors and warnings stay until the next run.
FADE_SECONDS = 4


def _tone(level: int) -> tuple[str, str, str]:
    """The tone of a level; custom levels take the tone of the standard level below them."""
    for lowest, tone in TONES:
        if level >= lowest:
            return tone
    return DEBUG_TONE


class Messages(Element):
    """The messages one run added, in the order they were added.

    Every run that has messages renders them with a new ``nonce`` in the DOM
    id, so the same message added by two runs in a row is patched in again
    (and fades in again) instead of being taken for the one already shown.
    """

    template = "django_reactive/elements/messages.html"
    css_class = "rx-messages"
    #: Shown after the run that added them only (see ``Rendered.rev``).
    transient = True

    def __init__(self, messages: list[Message]) -> None:
        self.messages = messages
        self.nonce = secrets.token_hex(4)

    def context(self) -> dict[str, Any]:
        notices = []
        for message in self.messages:
            tone, icon, name = _tone(message.level)
            serious = tone in ("error", "warning")
            notices.append({
                "text": str(message.message),  # a SafeString stays safe; the rest is escaped
                "tone": tone, "icon": icon, "name": gettext(name), "tags": message.tags,
                "role": "alert" if serious else "status", "seconds": 0 if serious else FADE_SECONDS,
            })
        return {"nonce": self.nonce, "notices": notices}

    @property
    def value(self) -> list[str]:
        return [str(message) for message in self.messages]
