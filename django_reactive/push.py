"""Push: ``st.subscribe(topic)`` in a view, ``reactive.broadcast(topic)`` from any Django code.

Every page showing a view that subscribed to ``topic`` re-runs it and receives
a patch, e.g. after a model changed (call ``broadcast`` from a ``post_save``
signal or a management command). Delivery goes through the channel layer, so
with channels_redis it reaches pages on every worker.
"""

from __future__ import annotations

import hashlib
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import InMemoryChannelLayer, get_channel_layer

from . import conf, protocol

try:
    from channels_redis.core import RedisChannelLayer
except ImportError:  # channels_redis is optional
    RedisChannelLayer = None


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


async def has_other_members(layer: Any, group: str, channel: str) -> bool:
    """Whether channel-layer ``group`` has members besides ``channel`` (a page's own socket).

    A page tells its session's other pages of each change it saved, and most
    pages are alone in their group: with channels_redis the message costs four
    round trips and comes back to the page itself, more CPU than the rest of
    the event (docs/performance.md). Asking first is one round trip. Layers
    not known here answer True, and members that left without a word (a
    killed worker) count until the layer expires them: then the message goes.
    """
    if isinstance(layer, InMemoryChannelLayer):
        return any(name != channel for name in layer.groups.get(group, {}))
    if RedisChannelLayer is not None and isinstance(layer, RedisChannelLayer):
        connection = layer.connection(layer.consistent_hash(group))
        members = await connection.zrange(layer._group_key(group), 0, 1)
        return any(member.decode() != channel for member in members)
    return True
