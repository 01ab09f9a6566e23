"""``manage.py demo_admin URL``: the demo's superuser admin / admin, on a database without users.

Run by ``scripts/demo`` and ``scripts/cluster`` after ``migrate``; it prints the
admin's address while that login works (demo only: never on a real site).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Create the demo superuser admin / admin when the database has no users yet."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("url", help="the site's address, for the message (http://127.0.0.1:8000)")

    def handle(self, *args: Any, url: str, **options: Any) -> None:
        users = get_user_model()
        if not users.objects.exists():
            users.objects.create_superuser("admin", "admin@example.com", "admin")
        admin = users.objects.filter(username="admin").first()
        if admin is not None and admin.check_password("admin"):
            self.stdout.write(f"Admin: {url.rstrip('/')}/admin/ (demo login: admin / admin)")
