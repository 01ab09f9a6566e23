"""End-to-end tests: the demo site served by Daphne, driven by a real Chromium."""
