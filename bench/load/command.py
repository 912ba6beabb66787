"""The command line of the generator, run as ``python -m bench.load`` (bench is no installed app, so
this is no ``manage.py`` command): the options, a line of progress per tenth of each stage, a summary."""

import re
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from .generate import load_generate

SUMMARY = [
    ("organizations", "Tổ chức"),
    ("participants", "Học viên"),
    ("offerings", "Lớp, hội nghị, tham quan"),
    ("offerings_conference", "  hội nghị"),
    ("offerings_class", "  lớp tập huấn"),
    ("offerings_study_tour", "  tham quan học tập"),
    ("sessions", "Buổi"),
    ("enrollments", "Lượt ghi danh"),
    ("attendance", "Bản ghi điểm danh"),
    ("certificates", "Giấy chứng nhận"),
]


class Command(BaseCommand):
    help = (
        "Sinh dữ liệu tổng hợp quy mô thành phố (học viên, lớp, buổi, điểm danh, giấy chứng nhận) bằng ghi hàng loạt, "
        "để đo bảng điều khiển. Chạy lại trên cùng cơ sở dữ liệu thì thêm dữ liệu mới, không trùng mã."
    )

    def add_arguments(self, parser):
        parser.add_argument("--participants", type=int, default=100_000, help="Số học viên (mặc định 100.000).")
        parser.add_argument(
            "--offerings", type=int, default=5_000, help="Số lớp, hội nghị, tham quan (mặc định 5.000)."
        )
        parser.add_argument(
            "--attendance", type=int, default=1_000_000, help="Số bản ghi điểm danh cần có (mặc định 1.000.000)."
        )
        parser.add_argument("--seed", type=int, default=2019, help="Hạt giống ngẫu nhiên (mặc định 2019).")
        parser.add_argument("--years", default="", help="Khoảng năm TỪ-ĐẾN, ví dụ 2019-2026 (mặc định 2019 đến nay).")

    def handle(self, *args, **options):
        first_year, last_year = self._years(options["years"])
        started = time.monotonic()
        shown = {}

        def progress(stage, done, total):
            # One line per tenth of a stage, and its last.
            step = int(10 * done / total) if total else done // 50_000
            if shown.get(stage) == step and done != total:
                return
            shown[stage] = step
            of = f"/{total:,}" if total is not None else ""
            self.stdout.write(f"  {stage}: {done:,}{of} ({time.monotonic() - started:.1f} s)")

        debug, settings.DEBUG = settings.DEBUG, False  # DEBUG would log (and format) every bulk insert
        try:
            counts = load_generate(
                participants=options["participants"], offerings=options["offerings"],
                attendance=options["attendance"], seed=options["seed"], first_year=first_year, last_year=last_year,
                progress=progress,
            )  # fmt: skip
        except ValueError as error:
            raise CommandError(str(error)) from error
        finally:
            settings.DEBUG = debug
        seconds = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Đã sinh dữ liệu trong {seconds:.1f} giây:"))
        for key, label in SUMMARY:
            self.stdout.write(f"  {label:<26} {counts[key]:>12,}")
        if abs(counts["attendance"] - options["attendance"]) > 0.05 * options["attendance"]:
            self.stdout.write(self.style.WARNING(
                "Số bản ghi điểm danh khác xa số yêu cầu: quá ít học viên, hoặc phần lớn các buổi chưa diễn ra."
            ))  # fmt: skip

    def _years(self, text):
        if not text:
            return 2019, timezone.localdate().year
        match = re.fullmatch(r"\s*(\d{4})\s*-\s*(\d{4})\s*", text)
        if not match or int(match[1]) > int(match[2]):
            raise CommandError("--years phải có dạng TỪ-ĐẾN, ví dụ 2019-2026, năm đầu không sau năm cuối.")
        return int(match[1]), int(match[2])
