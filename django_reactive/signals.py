"""Signals of django_reactive.

``state_saved`` is sent after a view's state was written to the session and
before the event is acknowledged to the page, with ``view`` (the
:class:`~django_reactive.registry.ReactiveView`), ``session_key``,
``namespace`` (the view's state name in the session) and ``revision`` (the
new snapshot revision). Receivers run on the worker thread of the event, so
keep them short: an audit log entry, a metric.
"""

from django.dispatch import Signal

state_saved = Signal()
