"""The minified client served to browsers is built from the current sources."""

import hashlib
import re
from pathlib import Path

import pytest

STATIC = Path(__file__).resolve().parent.parent / "django_reactive" / "static" / "django_reactive"


@pytest.mark.parametrize("source, built", [
    ("reactive.js", "reactive.min.js"), ("reactive.css", "reactive.min.css")])
def test_the_built_client_matches_its_source(source, built):
    banner = (STATIC / built).read_text().split("\n", 1)[0]
    recorded = re.search(rf"from {re.escape(source)} \(sha256 ([0-9a-f]{{64}})\)", banner)
    assert recorded, f"{built} has no build banner: run scripts/build-client"
    current = hashlib.sha256((STATIC / source).read_bytes()).hexdigest()
    assert recorded.group(1) == current, f"{source} changed since {built} was built: run scripts/build-client"
