"""The HTTP load test's settings (bench/http_load.py): production's, unchanged, plus the floor's URL.

Everything else comes from the environment the way a deployment sets it: the driver passes
DJANGO_SECRET_KEY, ALLOWED_HOSTS=127.0.0.1, DATABASE_URL (a throwaway PostgreSQL database),
REDIS_URL, STATIC_ROOT and MEDIA_ROOT (a temporary folder). HTTPS redirects, secure cookies and
the throttles stay on: the load comes in as it would from the reverse proxy in front of
gunicorn, with X-Forwarded-Proto and X-Forwarded-For.
"""

import os

from lms.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"

# The run's cache keys carry a prefix of their own in the shared Redis, and are deleted after the run.
if "default" in CACHES and os.environ.get("BENCH_HTTP_CACHE_PREFIX"):  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] = os.environ["BENCH_HTTP_CACHE_PREFIX"]  # noqa: F405
