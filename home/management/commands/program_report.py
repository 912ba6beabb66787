import json
from dataclasses import replace

from django.core.management.base import BaseCommand, CommandError

from enrollment.models import AdministrativeUnit
from home.report.figures import program_figures
from home.report.filters import ReportFilter
from home.report.tables import summary, tracks


class Command(BaseCommand):
    help = "A year's figures, as on the dashboard: offerings, people, attendance, certificates, coverage."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="Calendar year, e.g. 2019")
        parser.add_argument("--unit", help="Statistics office code of a province, district or commune, e.g. 01 or 018")
        parser.add_argument("--current-units", action="store_true", help="Read an earlier year by today's communes")
        parser.add_argument("--json", action="store_true", help="Print one JSON object")

    def handle(self, *args, **options):
        year = options["year"]
        if not 2000 <= year <= 2100:
            raise CommandError(f"Năm “{year}” không hợp lệ: cần một năm từ 2000 đến 2100.")
        report_filter = ReportFilter.for_year(year, current_units=options["current_units"])
        if options["unit"]:
            report_filter = replace(report_filter, unit=self._unit(options["unit"], report_filter.scheme))
        figures = program_figures(report_filter)
        if options["json"]:
            self.stdout.write(json.dumps(figures.as_json(), ensure_ascii=False))
            return
        self.stdout.write(f"Báo cáo năm {year}" + (f" – {report_filter.unit.full_name}" if report_filter.unit else ""))
        for table in (summary(figures), tracks(figures)):
            self.stdout.write(f"\n{table.title}")
            for row in table.rows:
                self.stdout.write("  " + " | ".join("–" if value is None else str(value) for value in row))
        coverage = figures.coverage
        level = "quận, huyện" if coverage["level"] == "district" else "xã, phường"
        self.stdout.write(
            f"\nĐộ phủ: {coverage['with_conference']}/{coverage['units']} {level} có hội nghị, "
            f"{coverage['with_class']}/{coverage['units']} có lớp tập huấn."
        )
        self.stdout.write("  Chưa có hội nghị: " + (", ".join(coverage["without_conference"]) or "không"))
        self.stdout.write("  Chưa có lớp: " + (", ".join(coverage["without_class"]) or "không"))

    @staticmethod
    def _unit(code, scheme):
        units = sorted(AdministrativeUnit.objects.filter(code=code), key=lambda unit: unit.scheme != scheme)
        if not units:
            raise CommandError(f"Không có đơn vị hành chính nào mã “{code}”.")
        return units[0]
