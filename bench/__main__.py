"""`make bench`: every scenario beside its baseline, printed as one table.

Runs on a throwaway test database (SQLite in memory, or PostgreSQL when
DATABASE_URL says so), and writes the rows to bench/results.json.
"""

import os
import sys
from pathlib import Path

import django

SCENARIO_MODULES = ["bench.site_pages", "bench.course_pages", "bench.participant_list"]


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
        results = []
        for module_name in SCENARIO_MODULES:
            for scenario in import_module(module_name).scenarios():
                results.append(measure(scenario))
                print(f"  measured {scenario.name} ({scenario.size})", file=sys.stderr)
        print(f"database: {connection.vendor}")
        print(table(results))
        write_json(results, Path(__file__).with_name("results.json"))
    finally:
        connection.creation.destroy_test_db(test_database, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
