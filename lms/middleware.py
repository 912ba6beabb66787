from csp.middleware import CSPMiddleware
from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers

from .queue import job_started_by, job_started_by_reset


class SiteLanguageMiddleware:
    """Activate the language the visitor chose, or Vietnamese.

    Unlike Django's LocaleMiddleware this ignores the browser's
    Accept-Language: many officers use phones and PCs set to English, and
    the program's working language is Vietnamese. English is one click away
    in the header (Django's set_language view stores the choice in a cookie).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.supported:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the Wagtail admin's narrower exception.

    Responses under settings.CONTENT_SECURITY_POLICY_ADMIN["URL_PREFIXES"] get the
    directives in its "REPLACE" swapped into the site's policy (see base settings
    for why). A view that sets its own policy with django-csp's decorators keeps it.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        admin = getattr(settings, "CONTENT_SECURITY_POLICY_ADMIN", None) or {}
        prefixes = tuple(admin.get("URL_PREFIXES", ()))
        if prefixes and request.path_info.startswith(prefixes) and parts.config is None:
            parts.replace = {**admin.get("REPLACE", {}), **(parts.replace or {})}
        return parts


class TaskStarterMiddleware:
    """Jobs enqueued while a request is served record who started them (the admin's job list)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = job_started_by(request)
        try:
            return self.get_response(request)
        finally:
            job_started_by_reset(token)
