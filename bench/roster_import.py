"""Roster import of a realistic 10,000-row XLSX by our command path, beside
(a) django-import-export's default ModelResource import of the same rows, and
(b) the floor: reading the same rows with openpyxl and one bulk_create.

Ours reads the organizer's file (title block, Vietnamese headers, mangled numbers) and matches,
deduplicates, resolves addresses, creates organizations and enrolls everyone. The floor reads the
same file, skips the title block by position and creates the rows as they are, skipping those
that conflict. import-export cannot find a header below a title block, so (a) reads the same rows
from a plain layout (model field names, clean values) and is told the natural key (phone) so that
repeated and known people do not break the unique constraints. Every run is rolled back.
"""

import tempfile
from datetime import date
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.db import transaction
from import_export import resources
from import_export.formats.base_formats import XLSX

from bench.harness import Scenario
from bench.roster_data import (
    PLAIN_FIELDS,
    TITLE,
    existing_people,
    roster_rows,
    write_organizer_xlsx,
    write_plain_xlsx,
)  # fmt: skip
from enrollment.factories import OfferingFactory
from enrollment.models import Participant

ROWS = 10_000


class _RollbackError(Exception):
    pass


def rolled_back(function):
    def run():
        try:
            with transaction.atomic():
                function()
                raise _RollbackError
        except _RollbackError:
            pass

    return run


class ParticipantResource(resources.ModelResource):
    class Meta:
        model = Participant
        fields = PLAIN_FIELDS
        import_id_fields = ["phone"]


def scenarios():
    folder = Path(tempfile.mkdtemp(prefix="roster-bench-"))
    people, _invalid, known = roster_rows(ROWS)
    Participant.objects.bulk_create(existing_people(known))
    organizer_file, plain_file = folder / "danh-sach.xlsx", folder / "plain.xlsx"
    write_organizer_xlsx(organizer_file, people)
    write_plain_xlsx(plain_file, people)
    offering = OfferingFactory(code="BENCH-ROSTER")

    def ours():
        call_command(
            "import_roster", str(organizer_file), "--offering", offering.code, "--skip-invalid", "--json",
            stdout=StringIO(), stderr=StringIO(),
        )  # fmt: skip

    def import_export():
        dataset = XLSX().create_dataset(plain_file.read_bytes())
        result = ParticipantResource().import_data(dataset, raise_errors=True)
        assert not result.has_errors()

    def floor():
        from openpyxl import load_workbook

        workbook = load_workbook(organizer_file, read_only=True)
        rows = workbook.active.iter_rows(min_row=len(TITLE) + 2, max_row=len(TITLE) + 1 + ROWS, values_only=True)
        people = [
            Participant(full_name=row[1], birth_date=row[2] if isinstance(row[2], date) else None, gender=row[3],
                        phone=str(row[4]), national_id=str(row[5]), email=row[6] or "", position=row[7])
            for row in rows
        ]  # fmt: skip
        workbook.close()
        Participant.objects.bulk_create(people, ignore_conflicts=True)

    size = f"{ROWS:,} rows"
    return [
        Scenario("roster import (command)", size, rolled_back(ours), "(a) import-export ModelResource",
                 rolled_back(import_export), runs=3, warmup=0),
        Scenario("roster import (command)", size, rolled_back(ours), "(b) read + bulk_create floor",
                 rolled_back(floor), runs=7, warmup=1),
    ]  # fmt: skip


def memory_probes() -> list[dict]:
    """Import organizer files of 10,000, 50,000 and 100,000 rows, each in a fresh process: its peak
    resident memory (flat when nothing is kept per row)."""
    import json
    import subprocess
    import sys

    from bench.roster_memory import SIZES

    folder = Path(tempfile.mkdtemp(prefix="roster-bench-"))
    probes = []
    for size in SIZES:
        path = folder / f"danh-sach-{size}.xlsx"
        people, _invalid, _known = roster_rows(size)
        write_organizer_xlsx(path, people)
        del people
        output = subprocess.run(
            [sys.executable, "-m", "bench.roster_memory", str(path), str(size)],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        probes.append(
            {"scenario": f"roster import, {size:,} rows (one process)", **json.loads(output.splitlines()[-1])}
        )
        path.unlink()
    return probes
