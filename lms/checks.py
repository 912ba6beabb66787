"""Deployment checks of our own, run by `manage.py check --deploy` beside Django's."""

import os

from django.conf import settings
from django.core import checks

PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@checks.register(checks.Tags.security, deploy=True)
def check_shared_cache_for_rate_limits(app_configs=None, **kwargs):
    """allauth's login rate limits (and our throttles) count in the default cache: it must be shared."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend in PER_PROCESS_CACHES:
        return [
            checks.Warning(
                "The default cache is per process, so login rate limits are counted per gunicorn worker "
                "and forgotten on restart.",
                hint="Set REDIS_URL (production settings use Redis for the cache).",
                id="lms.W001",
            )
        ]
    return []


@checks.register(checks.Tags.security, deploy=True)
def check_content_security_policy(app_configs=None, **kwargs):
    """The site's policy allows no inline or eval'd script."""
    policy = getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}
    directives = policy.get("DIRECTIVES", {})
    script_src = directives.get("script-src") or directives.get("default-src") or []
    errors = []
    if not any(name.endswith("ContentSecurityPolicyMiddleware") for name in settings.MIDDLEWARE):
        errors.append(
            checks.Warning(
                "The Content-Security-Policy middleware is not installed.",
                hint="Keep lms.middleware.ContentSecurityPolicyMiddleware in MIDDLEWARE.",
                id="lms.W002",
            )
        )
    if not directives or {"'unsafe-inline'", "'unsafe-eval'"} & set(script_src):
        errors.append(
            checks.Warning(
                "The site's Content-Security-Policy allows inline or eval'd scripts (or is missing).",
                hint="Scripts belong in static files; only the Wagtail admin's prefix may relax script-src.",
                id="lms.W003",
            )
        )
    return errors


@checks.register(checks.Tags.security, deploy=True)
def check_tasks_on_the_queue(app_configs=None, **kwargs):
    """With Redis there, background tasks belong on RQ's workers, not inside the request."""
    backend = settings.TASKS.get("default", {}).get("BACKEND", "")
    if os.environ.get("REDIS_URL") and backend.endswith("ImmediateBackend"):
        return [
            checks.Warning(
                "REDIS_URL is set but background tasks run inside the request (immediate backend): a large "
                "roster import or certificate batch holds the page until it ends.",
                hint="Unset TASKS_BACKEND (production settings then use django_tasks_rq.RQBackend) and run "
                "`manage.py rqworker default imports messages`.",
                id="lms.W004",
            )
        ]
    return []
