"""Benchmarks run on the test settings, with a URL for the floor view."""

from lms.settings.test import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
