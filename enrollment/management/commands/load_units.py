import json

from django.core.management.base import BaseCommand, CommandError

from enrollment.unit_files import SCHEME_LABELS, UnitFileError, read_unit_file, unit_file_load
from enrollment.units import CURRENT, PRE_2025


class Command(BaseCommand):
    help = (
        "Nạp đơn vị hành chính của một tỉnh từ danh mục của cơ quan thống kê (CSV hoặc XLSX, "
        "mỗi dòng một xã/phường). Chạy lại nhiều lần không tạo trùng."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Tệp .csv (UTF-8, dấu phẩy hoặc chấm phẩy) hoặc .xlsx")
        parser.add_argument(
            "--scheme",
            required=True,
            choices=[CURRENT, PRE_2025],
            help="current: danh mục từ 1/7/2025 (tỉnh, xã); pre-2025: danh mục trước đó (tỉnh, huyện, xã)",
        )
        parser.add_argument("--json", action="store_true", dest="as_json", help="In kết quả dưới dạng JSON")

    def handle(self, *args, file, scheme, as_json, **options):
        try:
            data = read_unit_file(file, scheme)
            added = unit_file_load(data)
        except UnitFileError as error:
            count = len(error.errors)
            lines = "\n".join(f"- {message}" for message in error.errors)
            raise CommandError(
                f"Không nạp được tệp “{file}” ({count} lỗi), chưa ghi gì vào cơ sở dữ liệu:\n{lines}"
            ) from None
        province = data["province"]
        if as_json:
            result = {
                "scheme": scheme,
                "province": {"code": province["code"], "name": province["name"]},
                "added": {"units": added["units"], "mappings": added["mappings"]},
                "rows": data["rows"],
            }
            self.stdout.write(json.dumps(result, ensure_ascii=False))
            return
        parts = []
        provinces = added["units"] - added["districts"] - added["communes"]
        if provinces:
            parts.append(f"{provinces} bản ghi tỉnh/thành phố")
        if scheme == PRE_2025:
            parts.append(f"{added['districts']} quận/huyện")
        parts.append(f"{added['communes']} xã/phường")
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã thêm {added['units']} đơn vị hành chính "
                f"({province['type'].capitalize()} {province['name']}, mã {province['code']}, "
                f"{SCHEME_LABELS[scheme]}: {', '.join(parts)}; đọc {data['rows']} dòng)."
            )
        )
