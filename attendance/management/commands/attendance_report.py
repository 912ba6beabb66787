import json

from django.core.management.base import BaseCommand, CommandError

from attendance.selectors import offering_attendance
from enrollment.models import Offering


class Command(BaseCommand):
    help = "Attendance per enrollment of an offering: sessions attended, excused, absent, rate, minimum met."

    def add_arguments(self, parser):
        parser.add_argument("--offering", required=True, help="Offering code, e.g. HN-2019-SX-03")
        parser.add_argument("--json", action="store_true", help="Print a JSON list")

    def handle(self, *args, **options):
        offering = Offering.objects.select_related("course").filter(code=options["offering"]).first()
        if offering is None:
            raise CommandError(f"Không có lớp nào mã “{options['offering']}”.")
        summary = offering_attendance(offering)
        rows = [
            {
                "enrollment": row.enrollment.pk,
                "participant": row.enrollment.participant.full_name,
                "participant_id": row.enrollment.participant_id,
                "sessions_held": row.held,
                "attended": row.attended,
                "late": row.late,
                "excused": row.excused,
                "absent": row.absent,
                "missed_required": row.missed_required,
                "rate": None if row.rate is None else round(row.rate, 1),
                "minimum": row.minimum,
                "meets_minimum": row.meets_minimum,
            }
            for row in summary.rows
        ]
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False))
            return
        self.stdout.write(
            f"{offering.code} – {offering.title}: {len(summary.held)}/{len(summary.sessions)} buổi đã diễn ra"
        )
        for row in rows:
            rate = "—" if row["rate"] is None else f"{row['rate']:.1f} %"
            verdict = {True: "đạt", False: "chưa đạt", None: ""}[row["meets_minimum"]]
            self.stdout.write(
                f"{row['participant']}: có mặt {row['attended']}, có phép {row['excused']}, vắng {row['absent']}, "
                f"tỉ lệ {rate} {verdict}".rstrip()
            )
