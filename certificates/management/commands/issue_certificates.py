import json

from django.core.management.base import BaseCommand, CommandError

from certificates.services import certificates_issue_offering
from enrollment.models import Offering


class Command(BaseCommand):
    help = "Issue certificates to every eligible enrollment of an offering (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--offering", required=True, help="Offering code, e.g. HN-2019-SX-03")
        parser.add_argument("--json", action="store_true", help="Print one JSON object")

    def handle(self, *args, **options):
        offering = Offering.objects.select_related("course", "unit").filter(code=options["offering"]).first()
        if offering is None:
            raise CommandError(f"Không có lớp nào mã “{options['offering']}”.")
        report = certificates_issue_offering(offering=offering)
        if options["json"]:
            self.stdout.write(json.dumps(report.as_json(), ensure_ascii=False))
            return
        self.stdout.write(
            f"{offering.code}: cấp mới {len(report.issued)}, đã cấp từ trước {len(report.already_issued)}, "
            f"chưa đủ điều kiện {len(report.not_eligible)}."
        )
        for certificate in report.issued:
            self.stdout.write(f"  {certificate.serial}  {certificate.full_name}")
        for verdict in report.not_eligible:
            self.stdout.write(
                f"  Chưa đủ điều kiện: {verdict.enrollment.participant.full_name}: {'; '.join(verdict.reasons)}"
            )
