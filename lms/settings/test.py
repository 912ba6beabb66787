"""Test settings: fast hashing, in-memory cache and mail, immediate tasks, uploads in a temporary folder."""

import atexit
import shutil
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-insecure-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests that run RQ (tests/ops) use a Redis database of their own, emptied by them.
RQ_REDIS_URL = "redis://127.0.0.1:6379/15"
RQ_QUEUES = {name: {**queue, "URL": RQ_REDIS_URL} for name, queue in RQ_QUEUES.items()}  # noqa: F405
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# What tests upload goes to a folder of this process's own, removed when the run ends (never the repository).
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="ocop-test-media-"))
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
