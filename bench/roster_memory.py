"""Peak memory while importing a 100,000-row roster, measured in a process of its own.

`python -m bench.roster_memory FILE` migrates a throwaway database, adds the people the file
expects to find there, resets the kernel's peak-RSS mark, imports FILE with the command's
engine and prints one JSON object: rows, seconds, resident memory before, peak during.
"""

import gc
import json
import os
import sys
import time
from pathlib import Path

import django

ROWS = 100_000


def _rss_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(field)


def main(path: str) -> dict:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    os.environ["BENCH_CHILD"] = "1"
    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    test_database = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from bench.roster_data import existing_people, roster_rows
        from enrollment.factories import OfferingFactory
        from enrollment.models import Participant
        from enrollment.roster.importer import roster_import
        from enrollment.roster.reader import open_roster

        _people, _invalid, known = roster_rows(ROWS)
        Participant.objects.bulk_create(existing_people(known), batch_size=2000)
        offering = OfferingFactory(code="BENCH-MEMORY")
        del _people, known
        gc.collect()
        Path("/proc/self/clear_refs").write_text("5")  # start the peak (VmHWM) from here
        before = _rss_mb("VmRSS")
        start = time.perf_counter()
        with open_roster(path) as roster:
            report = roster_import(roster=roster, offering=offering, skip_invalid=True)
        seconds = time.perf_counter() - start
        return {
            "rows": report.rows, "created": report.created, "seconds": round(seconds, 1),
            "rss_before_mb": round(before), "peak_mb": round(_rss_mb("VmHWM")),
        }  # fmt: skip
    finally:
        connection.creation.destroy_test_db(test_database, verbosity=0)


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1])))
