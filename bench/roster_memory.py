"""Peak memory while importing a large roster, measured in a process of its own.

`python -m bench.roster_memory FILE ROWS` migrates a throwaway database, adds the people the file
(made by bench.roster_data from ROWS rows) expects to find there, resets the kernel's peak-RSS mark,
imports FILE with the engine the admin's task uses, stores every row's outcome as the task does, and
prints one JSON object: rows, seconds, resident memory before, peak during.
"""

import gc
import json
import os
import sys
import time
from pathlib import Path

import django

SIZES = (10_000, 50_000, 100_000)


def _rss_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(field)


def main(path: str, rows: int) -> dict:
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
        from enrollment.models import Participant, RosterImport
        from enrollment.roster.importer import roster_import
        from enrollment.roster.reader import open_roster
        from enrollment.roster.tasks import store_rows

        _people, _invalid, known = roster_rows(rows)
        Participant.objects.bulk_create(existing_people(known), batch_size=2000)
        offering = OfferingFactory(code="BENCH-MEMORY")
        del _people, known
        gc.collect()
        Path("/proc/self/clear_refs").write_text("5")  # start the peak (VmHWM) from here
        before = _rss_mb("VmRSS")
        start = time.perf_counter()
        with open_roster(path) as roster:
            report = roster_import(roster=roster, offering=offering, skip_invalid=True)
        store_rows(RosterImport.objects.create(offering=offering, file="bench.xlsx"), report)
        seconds = time.perf_counter() - start
        return {
            "rows": report.rows, "created": report.created, "seconds": round(seconds, 1),
            "rss_before_mb": round(before), "peak_mb": round(_rss_mb("VmHWM")),
        }  # fmt: skip
    finally:
        connection.creation.destroy_test_db(test_database, verbosity=0)


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], int(sys.argv[2]))))
