"""`make bench`: every scenario beside its baseline, printed as one table.

Runs on a throwaway test database (SQLite in memory, or PostgreSQL when
DATABASE_URL says so), and writes the rows to bench/results.json.
`python -m bench roster_import` runs the named modules only.

A module with `load_section()` instead measures over HTTP (bench/http_load.py: gunicorn,
PostgreSQL and wrk): its medians join the table, its full figures are printed under it, and
any error under load makes the run fail.
"""

import os
import sys
from pathlib import Path

import django

SCENARIO_MODULES = [
    "bench.site_pages",
    "bench.course_pages",
    "bench.participant_list",
    "bench.roster_import",
    "bench.attendance_sheet",
    "bench.certificates_issue",
    "bench.queue_throughput",
    "bench.dashboard",
    "bench.http_load",
]


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    django.setup()
    from importlib import import_module

    from django.db import connection
    from django.test.utils import setup_test_environment

    from bench.harness import measure, table, write_json

    setup_test_environment()
    test_database = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        results, sections = [], []
        chosen = [f"bench.{name}" for name in sys.argv[1:]] or SCENARIO_MODULES
        for module_name in chosen:
            module = import_module(module_name)
            for scenario in module.scenarios() if hasattr(module, "scenarios") else []:
                results.append(measure(scenario))
                print(f"  measured {scenario.name} ({scenario.size})", file=sys.stderr)
            if hasattr(module, "load_section"):
                sections.append(module.load_section())
                results.extend(sections[-1].results())
        for module_name in chosen:
            if hasattr(import_module(module_name), "teardown"):
                import_module(module_name).teardown()
        probes = [
            probe for name in chosen if name == "bench.roster_import" for probe in import_module(name).memory_probes()
        ]
        print(f"database: {connection.vendor}")
        print(table(results))
        for probe in probes:
            print(
                f"{probe['scenario']}: {probe['seconds']} s, {probe['created']:,} created; resident memory "
                f"{probe['rss_before_mb']} MB before, peak {probe['peak_mb']} MB during the import"
            )
        for section in sections:
            print(f"\n{section.table()}")
        load_rows = [row for section in sections for row in section.json_rows()]
        write_json(results, Path(__file__).with_name("results.json"), [*probes, *load_rows])
    finally:
        connection.creation.destroy_test_db(test_database, verbosity=0)
    errors = sum(section.errors for section in sections)
    if errors:
        print(f"FAILED: {errors} errors under HTTP load (see the table above)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
