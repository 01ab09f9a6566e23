"""The views the multi-worker tests drive (URLconf: ``tests/multiworker/urls.py``).

Each reactive view keeps ``count`` in the session and shows ``Count = N``: the
tests read it back with a fresh page on a surviving worker and compare it with
the clicks that were acknowledged. Views that stop at a known point take a
``tag`` from the URL (``st.kwargs``), one per test, and talk to the test
through files ``<tag>.<what>`` in ``REACTIVE_MW_MARKERS``: the test waits for a
marker rather than sleeping and hoping.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse

import django_reactive as reactive
from django_reactive import conf

#: The topic the topic view subscribes to, and ``publish`` broadcasts.
TOPIC = "mw-news"


def marker(name: str) -> Path:
    return Path(os.environ["REACTIVE_MW_MARKERS"]) / name


def _count(st: Any) -> int:
    if "count" not in st.session_state:
        st.session_state.count = 0
    return st.session_state.count


@contextmanager
def exclusive(tag: str) -> Iterator[None]:
    """Note (marker ``<tag>.overlap``) when two runs of the tag's view are in progress at once.

    The lease must prevent that; a run killed inside leaves ``<tag>.running``
    behind, so only tests without a kill look at the overlap marker.
    """
    running = marker(f"{tag}.running")
    try:
        fd = os.open(running, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        with marker(f"{tag}.overlap").open("a") as overlap:
            overlap.write(f"{os.getpid()}\n")
        yield
        return
    os.close(fd)
    try:
        yield
    finally:
        running.unlink(missing_ok=True)


@reactive.view(name="mw.counter")
def counter(st: Any) -> None:
    _count(st)
    if st.button("Increment"):
        st.session_state.count += 1
    st.text(f"Count = {st.session_state.count}")


@reactive.view(name="mw.slow")
def slow(st: Any) -> None:
    """"Slow" holds the view's lease while it sleeps ``<tag>.seconds`` (a file the test writes).

    It writes ``<tag>.started`` (the worker's pid) once the run is under way:
    from then on the lease is held. "Increment" is a quick event on the same
    lease, from another tab or worker.
    """
    tag = st.kwargs["tag"]
    _count(st)
    if st.button("Slow"):
        with exclusive(tag):
            st.session_state.count += 1
            marker(f"{tag}.started").write_text(str(os.getpid()))
            time.sleep(float(marker(f"{tag}.seconds").read_text()))
    if st.button("Increment"):
        with exclusive(tag):
            st.session_state.count += 1
    st.text(f"Count = {st.session_state.count}")


@reactive.view(name="mw.terminate")
def terminate(st: Any) -> None:
    """The first click kills this run's own PostgreSQL backend, between the session read and write.

    The run asks its connection for its backend pid and terminates it from a
    separate connection (marker ``<tag>.terminated``); later clicks run normally.
    """
    tag = st.kwargs["tag"]
    _count(st)
    if st.button("Increment"):
        st.session_state.count += 1
        once = marker(f"{tag}.terminated")
        if not once.exists():
            import psycopg

            with connection.cursor() as cursor:
                cursor.execute("select pg_backend_pid()")
                pid = cursor.fetchone()[0]
            db = settings.DATABASES["default"]
            with psycopg.connect(host=db["HOST"], port=db["PORT"], user=db["USER"], dbname=db["NAME"],
                                 autocommit=True, connect_timeout=5) as other:
                other.execute("select pg_terminate_backend(%s)", [pid])
            once.write_text(str(pid))
    st.text(f"Count = {st.session_state.count}")


@reactive.view(name="mw.topic")
def topic(st: Any) -> None:
    """Subscribed to ``TOPIC``: shows the news ``publish`` wrote; "Publish" broadcasts itself."""
    st.subscribe(TOPIC)
    news = marker("news").read_text() if marker("news").exists() else "none"
    _count(st)
    if st.button("Publish"):
        st.session_state.count += 1
        reactive.broadcast(TOPIC)
    st.text(f"Count = {st.session_state.count}")
    st.text(f"News = {news}")


def info(request: HttpRequest) -> JsonResponse:
    """Which worker answered, and its lease settings (also the readiness probe)."""
    return JsonResponse({"pid": os.getpid(), "lock_timeout": conf.get("LOCK_TIMEOUT"),
                         "lock_wait": conf.get("LOCK_WAIT")})


def publish(request: HttpRequest) -> JsonResponse:
    """Plain Django code changing what the topic view shows, then broadcasting it."""
    marker("news").write_text(request.GET.get("news", ""))
    reactive.broadcast(TOPIC)
    return JsonResponse({"pid": os.getpid()})
