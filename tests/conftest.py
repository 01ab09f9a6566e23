import pytest


@pytest.fixture(autouse=True)
def _clean_registry():
    """Views registered by a test do not leak into the next one."""
    from django_reactive import registry

    before = dict(registry.VIEWS)
    yield
    registry.VIEWS.clear()
    registry.VIEWS.update(before)
