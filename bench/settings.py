"""Benchmarks run on the test settings, with a URL for the floor view."""

import os
import tempfile

from lms.settings.test import *  # noqa: F403

ROOT_URLCONF = "bench.urls"

# A second benchmark process (bench/roster_memory.py) needs a test database of its own, on disk: SQLite's
# in-memory test database would count every row it stores in the process's memory.
if os.environ.get("BENCH_CHILD"):
    default = DATABASES["default"]  # noqa: F405
    if "sqlite" in default["ENGINE"]:
        default["TEST"] = {"NAME": os.path.join(tempfile.gettempdir(), f"bench-child-{os.getpid()}.sqlite3")}
    else:
        default["TEST"] = {"NAME": f"test_{default['NAME']}_child"}
