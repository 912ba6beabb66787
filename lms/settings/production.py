"""Production: everything comes from the environment.

Required: DJANGO_SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL.
Recommended: REDIS_URL (cache, allauth rate limits, background tasks on RQ), EMAIL_HOST and
friends, MEDIA_ROOT, STATIC_ROOT, WAGTAILADMIN_BASE_URL.
Optional: SECURE_SSL_REDIRECT, SECURE_HSTS_SECONDS, SECURE_HSTS_INCLUDE_SUBDOMAINS,
SECURE_HSTS_PRELOAD (see README, "Security and operations").
"""

import os

import dj_database_url

from .base import *  # noqa: F403


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
# Old keys still accepted for signatures (sessions, password-reset links) while a new key rolls out.
SECRET_KEY_FALLBACKS = env_list("DJANGO_SECRET_KEY_FALLBACKS")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=600, conn_health_checks=True)}

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            # Pages survive a Redis outage; logins pause with a message (lms/cache.py).
            "BACKEND": "lms.cache.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }

# allauth's rate limits (failed logins, sign-ups, password resets) count per client address
# in this cache, shared by every worker. Behind the reverse proxy every request comes from
# 127.0.0.1, so allauth reads the client's address from X-Forwarded-For, trusting as many
# proxies as we run (the last address the first proxy appended; earlier ones can be forged).
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))

# With Redis, background tasks run on RQ workers (`manage.py rqworker default imports messages`,
# README "Background work"); TASKS_BACKEND names another django.tasks backend explicitly.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    RQ_QUEUES = {name: {**queue, "URL": REDIS_URL} for name, queue in RQ_QUEUES.items()}  # noqa: F405
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": list(TASK_QUEUES)}}  # noqa: F405
if os.environ.get("TASKS_BACKEND"):
    TASKS = {"default": {"BACKEND": os.environ["TASKS_BACKEND"], "QUEUES": list(TASK_QUEUES)}}  # noqa: F405
SCHEDULE_SECONDS = int(os.environ.get("SCHEDULE_SECONDS", str(SCHEDULE_SECONDS)))  # noqa: F405

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", DEFAULT_FROM_EMAIL)  # noqa: F405
SERVER_EMAIL = DEFAULT_FROM_EMAIL

MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(MEDIA_ROOT))  # noqa: F405
STATIC_ROOT = os.environ.get("STATIC_ROOT", str(STATIC_ROOT))  # noqa: F405
STORAGES["staticfiles"]["BACKEND"] = "whitenoise.storage.CompressedManifestStaticFilesStorage"  # noqa: F405
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "https://" + (ALLOWED_HOSTS or ["localhost"])[0])

# HTTPS only. The app sits behind a reverse proxy that terminates TLS and
# sets X-Forwarded-Proto (and strips it from what clients send): Django trusts
# that header to know a request came over HTTPS. Without such a proxy the header
# could be forged, so never expose gunicorn directly.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # a load balancer's probe over plain HTTP
# One year, subdomains included. Preload stays off unless the operator asks for it
# (SECURE_HSTS_PRELOAD=true): a preload-list entry covers every subdomain of the
# domain for months and cannot be undone quickly, which a province's shared
# domain (other offices, plain-HTTP services) may not be ready for.
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# W021 only says the site cannot be submitted to the preload list: off on purpose (above).
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
# Referrer-Policy, nosniff, X-Frame-Options DENY, HttpOnly cookies and the
# Content-Security-Policy come from the base settings (every environment).

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
