from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Operations: backup and restore, and taking back the tasks of background workers that died
    (management commands only, no models)."""

    name = "ops"
