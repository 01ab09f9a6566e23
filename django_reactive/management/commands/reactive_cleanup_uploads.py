"""``manage.py reactive_cleanup_uploads``: delete uploads nobody can use any more.

Removes the files of ended sessions and uploads whose token expired before a
widget took them (see ``django_reactive.upload_cleanup``). Uploads also run
this sweep now and then (``REACTIVE["UPLOAD_CLEANUP_RATE"]``); schedule the
command (cron, a periodic task) to keep storage tidy on quiet sites too.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from django_reactive.upload_cleanup import sweep


class Command(BaseCommand):
    help = "Delete uploaded files of ended sessions and uploads no widget took before their token expired."

    def handle(self, *args: Any, **options: Any) -> None:
        removed = sweep()
        self.stdout.write(f"Removed {removed['files']} uploaded file(s), "
                          f"and the folders of {removed['sessions']} ended session(s).")
