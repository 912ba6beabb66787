from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo program (`manage.py load_demo_data`): built from every app by their own services,
    so it sits above them all and nothing imports it (no models)."""

    name = "demo"
