"""Benchmarks run on the test settings, with a URL for the floor view."""

import os

from lms.settings.test import *  # noqa: F403

ROOT_URLCONF = "bench.urls"

# A second benchmark process (bench/roster_memory.py) needs a test database of its own.
if os.environ.get("BENCH_CHILD") and "sqlite" not in DATABASES["default"]["ENGINE"]:  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": f"test_{DATABASES['default']['NAME']}_child"}  # noqa: F405
