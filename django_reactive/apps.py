from django.apps import AppConfig


class ReactiveConfig(AppConfig):
    name = "django_reactive"
    verbose_name = "Reactive views"

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        from . import checks  # noqa: F401 - registers the system checks

        # Views that are only embedded in templates live in <app>/reactive.py.
        autodiscover_modules("reactive")
