import json

from django.core.management.base import BaseCommand, CommandError

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
            raise CommandError(f"Không có lớp nào mã “{options['offering']}”.")
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
            self.stdout.write(
                f"{report.rows} dòng: {report.created} người mới, {report.matched} người đã có, "
                f"{report.duplicates_in_file} dòng trùng trong tệp; ghi danh {report.enrolled}, "
                f"đã ghi danh từ trước {report.already_enrolled}."
            )
            for item in report.errors:
                column = f", cột “{item['column']}”" if item["column"] else ""
                self.stderr.write(f"Lỗi dòng {item['row']}{column}: {item['message']}")
            for item in report.warnings:
                self.stdout.write(f"Cảnh báo dòng {item['row']}: {item['message']}")
            for item in report.ambiguous:
                self.stderr.write(f"Dòng {item['row']} khớp không rõ ràng với học viên số {item['candidates']}.")
            if not report.written:
                self.stdout.write("Chưa ghi gì vào cơ sở dữ liệu" + (" (chạy thử)." if options["dry_run"] else "."))
        if (report.errors or report.ambiguous) and not options["skip_invalid"]:
            raise SystemExit(1)
