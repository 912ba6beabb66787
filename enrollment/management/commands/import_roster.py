import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from enrollment.models import Offering
from enrollment.roster.importer import roster_import
from enrollment.roster.reader import RosterFileError, open_roster


class Command(BaseCommand):
    help = "Import an attendee roster (XLSX, XLS, ODS or CSV) into an offering."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--offering", required=True, help="Offering code, e.g. HN-2019-SX-03")
        parser.add_argument("--dry-run", action="store_true", help="Check and count, write nothing")
        parser.add_argument("--skip-invalid", action="store_true", help="Write the valid rows, report the rest")
        parser.add_argument("--json", action="store_true", help="Print one JSON object")

    def handle(self, *args, **options):
        offering = Offering.objects.filter(code=options["offering"]).first()
        if offering is None:
            raise CommandError(_("There is no offering with the code “%(code)s”.") % {"code": options["offering"]})
        try:
            with open_roster(options["file"]) as roster:
                report = roster_import(
                    roster=roster, offering=offering, dry_run=options["dry_run"], skip_invalid=options["skip_invalid"]
                )
        except RosterFileError as error:
            raise CommandError(str(error)) from error
        if options["json"]:
            self.stdout.write(json.dumps(report.as_json(), ensure_ascii=False))
        else:
            self._print(report, dry_run=options["dry_run"])
        if report.blocked and not options["skip_invalid"]:
            raise SystemExit(1)

    def _print(self, report, *, dry_run):
        self.stdout.write(
            _(
                "%(rows)s rows: %(created)s new people, %(matched)s already known, %(duplicates)s repeated in the "
                "file; %(enrolled)s enrolled, %(already)s enrolled before."
            )
            % {
                "rows": report.rows,
                "created": report.created,
                "matched": report.matched,
                "duplicates": report.duplicates_in_file,
                "enrolled": report.enrolled,
                "already": report.already_enrolled,
            }  # fmt: skip
        )
        if report.skipped_invalid:
            self.stdout.write(_("%(count)s rows with errors skipped.") % {"count": report.skipped_invalid})
        if report.skipped:
            self.stdout.write(_("%(count)s rows skipped as decided.") % {"count": report.skipped})
        for item in report.errors:
            column = _(", column “%(column)s”") % {"column": item["column"]} if item["column"] else ""
            self.stderr.write(_("Error on row %(row)s%(column)s: %(message)s") % {**item, "column": column})
        for item in report.warnings:
            self.stdout.write(_("Warning on row %(row)s: %(message)s") % item)
        for item in report.ambiguous:
            self.stderr.write(
                _("Row %(row)s: not clear who this is (participants %(candidates)s).")
                % {"row": item["row"], "candidates": ", ".join(map(str, item["candidates"])) or "—"}
            )
        for kind, listed, total in (
            (_("errors"), len(report.errors), report.errors_count),
            (_("warnings"), len(report.warnings), report.warnings_count),
            (_("rows to settle"), len(report.ambiguous), report.ambiguous_count),
        ):
            if total > listed:
                self.stdout.write(_("… and %(count)s more (%(kind)s).") % {"count": total - listed, "kind": kind})
        if not report.written:
            self.stdout.write(_("Nothing was written to the database (dry run).") if dry_run
                              else _("Nothing was written to the database."))  # fmt: skip
