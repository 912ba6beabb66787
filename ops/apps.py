from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Operations: backup and restore (management commands only, no models)."""

    name = "ops"
