"""Push: ``st.subscribe(topic)`` in a view, ``reactive.broadcast(topic)`` from any Django code.

Every page showing a view that subscribed to ``topic`` re-runs it and receives
a patch, e.g. after a model changed (call ``broadcast`` from a ``post_save``
signal or a management command). Delivery goes through the channel layer, so
with channels_redis it reaches pages on every worker.
"""

from __future__ import annotations

import hashlib

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from . import conf, protocol


def topic_group(topic: str) -> str:
    """The channel-layer group of a topic (group names allow few characters)."""
    return "reactive.topic." + hashlib.sha256(topic.encode()).hexdigest()[:32]


async def abroadcast(topic: str) -> None:
    """Async form of :func:`broadcast`."""
    layer = get_channel_layer(conf.get("CHANNEL_LAYER"))
    if layer is not None:
        group = topic_group(topic)
        await layer.group_send(group, protocol.state_changed(group))


def broadcast(topic: str) -> None:
    """Re-run every connected page whose view subscribed to ``topic``."""
    async_to_sync(abroadcast)(topic)
