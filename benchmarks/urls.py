"""The demo's URLs plus the benchmark pages (see :mod:`benchmarks.views`)."""

from django.urls import path

from benchmarks import views
from demo_project.urls import urlpatterns as demo_urlpatterns

#: The counter with a 200-row table under it (``bench.table_counter``).
TABLE_COUNTER_PATH = "/bench/table-counter/"

urlpatterns = [
    path(TABLE_COUNTER_PATH.lstrip("/"), views.table_counter.as_view(), name="bench-table-counter"),
    *demo_urlpatterns,
]
