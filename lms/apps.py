from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    """The core app: what every other app shares (text and phone normalisation, reading values from
    requests, form helpers, throttles, the cache, the admin's chrome, deployment checks). It depends on
    no app of ours; every app may depend on it."""

    name = "lms"
    verbose_name = _("Core")

    def ready(self):
        from . import checks  # noqa: F401  (deployment checks: shared cache for rate limits, the CSP)
