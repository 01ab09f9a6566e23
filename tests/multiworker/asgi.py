"""The ASGI application of the multi-worker suite's workers: the demo project's, plus fault hooks.

Importing ``demo_project.asgi`` sets Django up (``DJANGO_SETTINGS_MODULE`` is
``tests.multiworker.settings`` in the worker's environment); the faults the
environment asks for are installed right after, before any request.
"""

from demo_project.asgi import application
from tests.multiworker import faults

faults.install()

__all__ = ["application"]
