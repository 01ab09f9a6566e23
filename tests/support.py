"""Helpers shared by the test modules."""

import os

import pytest


def skip_unless(available: bool, reason: str, required_by: str) -> None:
    """Skip when a service is missing, unless the environment variable demands it (as CI does)."""
    if available:
        return
    if os.environ.get(required_by):
        pytest.fail(f"{reason}, and {required_by} is set: this test must run here.")
    pytest.skip(reason)
