import pytest

from tests.support import on_redis


@pytest.fixture(autouse=True)
def _clean_registry():
    """Views registered by a test do not leak into the next one.

    The URLconf is imported first, so the views it registers (once per
    process, when their modules are imported) are part of every snapshot.
    """
    from django.urls import get_resolver

    from django_reactive import registry

    get_resolver().url_patterns  # noqa: B018 - importing the URLconf registers its views
    before = dict(registry.VIEWS)
    yield
    registry.VIEWS.clear()
    registry.VIEWS.update(before)
    registry.CONFLICTS.clear()


@pytest.fixture(params=["memory", "redis"])
def channel_layer(request):
    """The channel layer (and lock cache) of the test: in memory, or Redis under a fresh prefix."""
    if request.param == "memory":
        yield "memory"
        return
    with on_redis():
        yield "redis"
