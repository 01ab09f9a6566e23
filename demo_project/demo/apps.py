import logging

from django.apps import AppConfig

saves = logging.getLogger("demo.saves")


def log_save(sender, view, session_key, namespace, revision, **kwargs) -> None:
    """One log line per saved state (INFO, shown with REACTIVE_LOG_SAVES=1): the events a worker served.

    The session key is left out of the log: it is a credential.
    """
    saves.info("state saved view=%s revision=%s", view.name, revision)


class DemoConfig(AppConfig):
    name = "demo_project.demo"
    label = "demo"

    def ready(self) -> None:
        from django_reactive.signals import state_saved

        state_saved.connect(log_save, dispatch_uid="demo-log-save")
