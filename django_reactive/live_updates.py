"""What a page's socket does besides answering its events: updates it did not ask for.

Another page of the session saved the view's state, ``reactive.broadcast``
named a topic the view subscribed to, or a timed fragment's interval elapsed:
the view re-runs and the page receives a patch with no ``ack``. After each
run the connection follows the channel-layer groups and timers its views now
need, and after a saved change it tells the session's other pages.

:class:`LiveUpdates` is a part of ``consumers.ReactiveConsumer``: it uses the
consumer's mounts, its work queue per view (``_spawn``) and its threads.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from . import fairness, protocol, rights
from .app_session import EventOutcome, LeaseLost, LockTimeout, SessionGone, Unavailable
from .push import has_other_members, topic_group
from .state.store import EMPTY

if TYPE_CHECKING:
    from .consumers import Mount

logger = logging.getLogger("django_reactive")


class LiveUpdates:
    """Re-runs for other pages' changes, topics and timers; groups and timers followed after each run."""

    # -- after a saved change --------------------------------------------------

    async def _announce(self, mount: Mount, outcome: EventOutcome) -> None:
        """Tell the session's other pages showing this view that its state changed.

        The event is saved and answered already: a failing channel layer is
        logged, never reported to the page (the other pages catch up on their
        next event).
        """
        if outcome.changed and mount.group is not None:
            try:
                # Another view of this page in the group, or a page elsewhere.
                if any(m is not mount and m.group == mount.group for m in self.mounts.values()) or \
                        await has_other_members(self.channel_layer, mount.group, self.channel_name):
                    await self.channel_layer.group_send(mount.group, protocol.state_changed(
                        mount.group, f"{self.channel_name}!{mount.id}"))
            except Exception:  # noqa: BLE001 - see above
                logger.warning("django_reactive: could not tell other tabs of view %s",
                               mount.app.view.name, exc_info=True)

    # -- pushes (channel layer) ----------------------------------------------

    async def state_changed(self, message: dict[str, Any]) -> None:
        """Another page (or ``reactive.broadcast``) changed the state: re-run, push the patch."""
        for mount in list(self.mounts.values()):
            if mount.wants(message.get("group")) and not mount.refresh_waiting and \
                    message.get("origin") != f"{self.channel_name}!{mount.id}":
                # One waiting re-run covers every change until it starts.
                mount.refresh_waiting = True
                self._spawn(mount, lambda m=mount: self._refresh(m))

    async def _refresh(self, mount: Mount) -> None:
        mount.refresh_waiting = False
        app = mount.app
        ops = await self._push_run(self._checked(mount, app.refresh), "re-running after a state change")
        if ops or (ops is not None and app.query_update is not None):
            await self.send(protocol.patch(ops, query=app.query_update, id=mount.id))

    def _schedule_tick(self, mount: Mount, fragment: str) -> None:
        """A timed fragment's interval elapsed: re-run it, unless its previous tick is not done."""
        if fragment in mount.ticking or self.mounts.get(mount.id) is not mount:
            return
        mount.ticking = mount.ticking | {fragment}

        async def tick() -> None:
            try:
                await self._tick(mount, fragment)
            finally:
                mount.ticking = mount.ticking - {fragment}

        self._spawn(mount, tick)

    async def _tick(self, mount: Mount, fragment: str) -> None:
        """Re-run a timed fragment, save, push its patch."""
        app = mount.app
        if fragment not in app.runner.fragments:
            return

        outcome = await self._push_run(self._checked(mount, lambda: app.tick(fragment)),
                                       "re-running a timed fragment")
        if outcome is None:
            return
        if outcome.ops or outcome.query is not None:
            await self.send(protocol.patch(outcome.ops, query=outcome.query, id=mount.id))
        await self._announce(mount, outcome)

    async def _push_run(self, fn: Any, what: str) -> Any:
        """Run ``fn`` in a worker thread for a push (no event to answer); None if it could not."""
        try:
            return await self._thread(fn)()
        except rights.RightsRevoked:
            raise  # handled where the work was spawned: the view is refused
        except (LockTimeout, LeaseLost):
            return None  # the view is busy; the next push brings the page up to date
        except Unavailable:
            logger.warning("django_reactive: session store unavailable while %s", what)
        except SessionGone:
            await self._reload()
        except Exception:  # noqa: BLE001 - a bug must not take the worker down
            logger.exception("django_reactive: error while %s", what)
        return None

    # -- after each run: groups and timers ------------------------------------

    async def _after_run(self, mount: Mount) -> None:
        if self.channel_layer is None:
            return
        subscriptions = mount.app.runner.subscriptions
        mount.topics = frozenset(map(topic_group, subscriptions)) if subscriptions else EMPTY
        await self._follow_groups()
        self._follow_timers(mount)

    async def _follow_groups(self) -> None:
        """Be in the groups (session tabs, topics) that some view on the page needs."""
        wanted = set()
        for mount in self.mounts.values():
            wanted |= mount.topics | ({mount.group} if mount.group else set())
        for group in wanted - self.joined:
            await self.channel_layer.group_add(group, self.channel_name)
        for group in self.joined - wanted:
            await self.channel_layer.group_discard(group, self.channel_name)
        self.joined = wanted

    def _follow_timers(self, mount: Mount) -> None:
        """A timer per ``@st.fragment(run_every=...)`` of the view's last run; stop the others."""
        wanted = mount.app.timed_fragments()
        for fid in list(mount.timers):
            if fid not in wanted:
                mount.timers.pop(fid)()
        for fid, interval in wanted.items():
            if fid not in mount.timers:
                # One timer per interval for the whole worker (``fairness.every``); the tick
                # goes through the view's queue, after the event in progress.
                mount.timers[fid] = fairness.every(
                    interval, lambda m=mount, f=fid: self._schedule_tick(m, f))
