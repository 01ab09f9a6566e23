"""The demo's settings, with the benchmarks' URLconf: the demo's pages plus the benchmark pages.

:mod:`benchmarks.asgi` selects it unless ``DJANGO_SETTINGS_MODULE`` says
otherwise, and :mod:`benchmarks.server` starts daphne with it.
"""

from demo_project.settings import *  # noqa: F403 - the demo's settings, unchanged but for the URLconf

ROOT_URLCONF = "benchmarks.urls"
