"""The ``django-reactive`` command: ``django-reactive run app.py [--port N]``.

Serves a Streamlit-style script file on a local port with no Django project:
SQLite and the in-memory channel layer, state kept across restarts. The pages of
a multipage app (``st.navigation``, or a ``pages/`` folder next to the script)
are served at ``/`` and ``/<url_path>``, as ``streamlit run`` serves them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="django-reactive", description="Serve reactive Django views without a project.")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="serve a script file (from django_reactive import st)")
    run.add_argument("script", type=Path, help="the script file, e.g. app.py")
    run.add_argument("--port", type=int, default=8501, help="port to listen on (default 8501)")
    run.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    run.add_argument("--db", type=Path, help="SQLite file for sessions (default: in the cache directory)")
    args = parser.parse_args(argv)

    script = args.script.resolve()
    if not script.is_file():
        parser.error(f"{args.script} is not a file")

    import django
    from django.conf import settings
    from django.core.management import call_command

    from .standalone.settings import build

    settings.configure(**build(script, host=args.host, db=args.db))
    # runserver's banner names the settings module; configure() leaves it None.
    settings.SETTINGS_MODULE = build.__module__
    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    print(f"Serving {script} on http://{args.host}:{args.port}/ (Ctrl+C to stop)", flush=True)
    call_command("runserver", f"{args.host}:{args.port}", use_reloader=False, use_threading=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
