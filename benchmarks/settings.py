"""The demo's settings, with the benchmarks' URLconf: the demo's pages plus the benchmark pages.

:mod:`benchmarks.asgi` selects it unless ``DJANGO_SETTINGS_MODULE`` says
otherwise, and :mod:`benchmarks.server` starts daphne with it.
"""

from demo_project.settings import *  # noqa: F403 - the demo's settings, unchanged but for the URLconf

ROOT_URLCONF = "benchmarks.urls"

# Every benchmark client connects from 127.0.0.1: the per-address limit of
# open sockets (a defence against one host holding a worker's sockets) would
# close the memory benchmark's 1,000 pages with 4429.
REACTIVE = {**REACTIVE, "MAX_CONNECTIONS_PER_ADDRESS": None}  # noqa: F405
