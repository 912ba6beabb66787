"""Reading one province's administrative units from the statistics office's published list.

The GSO/NSO lists (danhmuchanhchinh.gso.gov.vn, .nso.gov.vn) have one row per
commune-level unit, the names carrying their type ("Huyện Gia Lâm", "Xã Bát
Tràng"). `read_unit_file` turns such a CSV or XLSX into the dict that
`enrollment.units.units_load` takes; every problem is collected, with the row
and column the operator sees in the spreadsheet, into one `UnitFileError`.
"""

import io
import re
from collections import Counter
from pathlib import Path

import tablib
from django.db import transaction
from django.db.models import Q
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from lms.text import clean_text, fold

from .units import CURRENT, PRE_2025, units_load

SCHEME_LABELS = {PRE_2025: "danh mục trước 1/7/2025", CURRENT: "danh mục từ 1/7/2025"}

PROVINCE_TYPES = ("thành phố", "tỉnh")
DISTRICT_TYPES = ("thành phố", "thị xã", "quận", "huyện")
COMMUNE_TYPES = ("thị trấn", "đặc khu", "phường", "xã")
CODE_WIDTHS = {"province": 2, "district": 3, "commune": 5}

# Field -> the headers it goes by, the usual one first.
COLUMNS = {
    "province_code": ("Mã TP", "Mã tỉnh"),
    "province_name": ("Tỉnh / Thành Phố", "Tên tỉnh"),
    "district_code": ("Mã QH",),
    "district_name": ("Quận Huyện",),
    "commune_code": ("Mã PX", "Mã xã"),
    "commune_name": ("Phường Xã", "Tên xã"),
    "commune_type": ("Cấp",),
}
REQUIRED = {
    PRE_2025: ("province_code", "province_name", "district_code", "district_name", "commune_code", "commune_name"),
    CURRENT: ("province_code", "province_name", "commune_code", "commune_name"),
}
_DIGITS = re.compile(r"[0-9]+")


class UnitFileError(Exception):
    """The file cannot be loaded; `errors` are messages for the operator (Vietnamese)."""

    def __init__(self, errors: list[str]):
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))


def _header_key(value) -> str:
    return fold(value).replace(" ", "")


def _quoted(names) -> str:
    return ", ".join(f"“{name}”" for name in names)


def split_type(text: str, types=PROVINCE_TYPES + DISTRICT_TYPES + COMMUNE_TYPES) -> tuple[str | None, str]:
    """("xã", "Bát Tràng") for "Xã Bát Tràng"; (None, text) when it starts with none of `types`.

    Matching ignores case; it ignores diacritics only for a name written without any ("Xa Bat Trang").
    """
    words = clean_text(text).split(" ")
    lowered = [word.lower() for word in words]
    ascii_only = fold(text) == " ".join(lowered)
    for unit_type in sorted(types, key=len, reverse=True):
        type_words = unit_type.split(" ")
        head = lowered[: len(type_words)]
        if head == type_words or (ascii_only and head == fold(unit_type).split(" ")):
            return unit_type, " ".join(words[len(type_words) :])
    return None, clean_text(text)


def _cell_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_text(value)


def _code(value, level: str) -> tuple[str, str | None]:
    """The code padded with the zeros Excel dropped, or an error."""
    width = CODE_WIDTHS[level]
    text = _cell_text(value)
    if not text:
        return "", "trống, cần mã số"
    if isinstance(value, bool) or not _DIGITS.fullmatch(text):
        return "", f"mã “{text}” chỉ được gồm chữ số"
    if len(text) > width:
        return "", f"mã “{text}” dài quá {width} chữ số"
    return text.zfill(width), None


def _read_rows(path: Path) -> list[list]:
    """Every row of the file, the header first, blank rows included so that index + 1 is the row number."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise UnitFileError(
                [f"Tệp “{path.name}” không phải văn bản UTF-8: hãy lưu lại dưới dạng “CSV UTF-8” hoặc XLSX."]
            ) from None
        first_line = text.split("\n", 1)[0]
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
        # The csv reader drops empty lines; a lone space keeps them, so row numbers match the spreadsheet.
        lines = (" " + line if not line.strip("\r\n") else line for line in io.StringIO(text, newline=""))
        dataset = tablib.Dataset()
        try:
            dataset.load(lines, format="csv", headers=False, delimiter=delimiter)
        except tablib.InvalidDimensions:
            raise UnitFileError(
                [f"Dòng {dataset.height + 1}: nhiều ô hơn dòng tiêu đề (dấu phân cách “{delimiter}”)."]
            ) from None
        except Exception as error:  # csv.Error: a NUL byte, an unclosed quote …
            raise UnitFileError([f"Không đọc được tệp CSV “{path.name}”: {error}"]) from None
        return [list(row) for row in dataset]
    if suffix in (".xlsx", ".xlsm"):
        try:
            workbook = load_workbook(path, read_only=True, data_only=True)
        except Exception as error:  # not a zip, not a workbook …
            raise UnitFileError([f"Không mở được tệp Excel “{path.name}”: {error}"]) from None
        try:
            sheet = workbook.active
            sheet.reset_dimensions()  # some writers store a wrong sheet size
            return [list(row) for row in sheet.iter_rows(values_only=True)]
        finally:
            workbook.close()
    raise UnitFileError(
        [f"Tệp “{path.name}” phải là .csv hoặc .xlsx (tệp .xls cũ: mở bằng Excel rồi lưu thành .xlsx)."]
    )


def _columns(header: list, scheme: str) -> tuple[dict[str, int], list[str]]:
    """Field -> column index, and the errors about the header row."""
    keys = [_header_key(value) for value in header]
    found = {}
    errors = []
    for field, names in COLUMNS.items():
        wanted = {_header_key(name) for name in names}
        indexes = [index for index, key in enumerate(keys) if key in wanted]
        if len(indexes) > 1:
            letters = ", ".join(get_column_letter(index + 1) for index in indexes)
            errors.append(f"Dòng 1: cột “{names[0]}” xuất hiện nhiều lần (cột {letters}); chỉ giữ một cột.")
        elif indexes:
            found[field] = indexes[0]
    if scheme == CURRENT and ("district_code" in found or "district_name" in found):
        errors.append(
            "Dòng 1: tệp có cột quận/huyện (“Mã QH”, “Quận Huyện”) của danh mục trước 1/7/2025; "
            "hãy nạp với --scheme pre-2025."
        )
    missing = [field for field in REQUIRED[scheme] if field not in found]
    if missing:
        names = ", ".join(" hoặc ".join(f"“{name}”" for name in COLUMNS[field]) for field in missing)
        headers = _quoted(clean_text(value) for value in header if clean_text(value)) or "(không có)"
        hint = ""
        if scheme == PRE_2025 and set(missing) <= {"district_code", "district_name"}:
            hint = " Tệp không có cột quận/huyện: nếu là danh mục từ 1/7/2025, hãy nạp với --scheme current."
        errors.append(f"Dòng 1 (tiêu đề): thiếu cột {names}. Các cột có trong tệp: {headers}.{hint}")
    return found, errors


class _Rows:
    """Checks the data rows one by one, collecting the errors."""

    def __init__(self, header: list, columns: dict[str, int]):
        self.header, self.columns = header, columns
        self.errors: list[str] = []

    def label(self, field: str) -> str:
        index = self.columns[field]
        return f"cột “{clean_text(self.header[index])}” ({get_column_letter(index + 1)})"

    def error(self, number: int, field: str, message: str):
        self.errors.append(f"Dòng {number}, {self.label(field)}: {message}.")

    def cell(self, values: list, field: str):
        index = self.columns.get(field)
        return values[index] if index is not None and index < len(values) else None

    def unit(self, number: int, values: list, level: str, types: tuple[str, ...]) -> dict | None:
        """{"code", "name", "type", "row", "full_name"} from the row's code and name columns, or None."""
        code_field, name_field = f"{level}_code", f"{level}_name"
        code, problem = _code(self.cell(values, code_field), level)
        if problem:
            self.error(number, code_field, problem)
        full_name = _cell_text(self.cell(values, name_field))
        if not full_name:
            self.error(number, name_field, "trống, cần tên")
            return None
        unit_type, name = split_type(full_name, types)
        if unit_type is None and level != "commune":  # a commune's type may also come from “Cấp”
            kinds = ", ".join(kind.capitalize() for kind in types)
            self.error(number, name_field, f"không rõ loại đơn vị của “{full_name}” (tên phải bắt đầu bằng {kinds})")
            return None
        if unit_type and not name:
            self.error(number, name_field, f"“{full_name}” chỉ có loại đơn vị, thiếu tên")
            return None
        if problem:
            return None
        return {"code": code, "name": name, "type": unit_type, "row": number, "full_name": full_name}

    def commune_type(self, number: int, values: list, commune: dict) -> dict | None:
        """The commune with its type settled between its name and the “Cấp” column, or None."""
        kinds = "Phường, Xã, Thị trấn hoặc Đặc khu"
        level_text = _cell_text(self.cell(values, "commune_type"))
        level_type, rest = split_type(level_text, COMMUNE_TYPES) if level_text else (None, "")
        if level_text and (level_type is None or rest):
            self.error(number, "commune_type", f"không rõ cấp “{level_text}” (cần {kinds})")
            return None
        if level_type and commune["type"] and level_type != commune["type"]:
            self.error(number, "commune_type", f"cấp “{level_text}” không khớp với tên “{commune['full_name']}”")
            return None
        if commune["type"] is None and level_type is None:
            self.error(
                number,
                "commune_name",
                f"không rõ loại đơn vị của “{commune['full_name']}” "
                f"(tên phải bắt đầu bằng {kinds}, hoặc ghi loại ở cột “Cấp”)",
            )
            return None
        commune["type"] = commune["type"] or level_type
        return commune


def _without_full_name(unit: dict) -> dict:
    return {key: value for key, value in unit.items() if key != "full_name"}


def read_unit_file(path, scheme: str) -> dict:
    """The units in a GSO/NSO list of one province, in the layout `units_load` takes.

    Besides that layout the dict has "source" (the file name), "scheme", "rows" (data rows
    read) and, on each unit, the "row" it came from. Raises UnitFileError listing every problem.
    """
    if scheme not in REQUIRED:
        raise ValueError(f"unknown scheme {scheme!r}")
    path = Path(path)
    if not path.is_file():
        raise UnitFileError([f"Không tìm thấy tệp “{path}”."])
    rows = _read_rows(path)
    if not rows or not any(_cell_text(value) for value in rows[0]):
        raise UnitFileError([f"Tệp “{path.name}”: dòng 1 phải là dòng tiêu đề (“Mã TP”, “Tỉnh / Thành Phố” …)."])
    columns, errors = _columns(rows[0], scheme)
    if errors:
        raise UnitFileError(errors)

    check = _Rows(rows[0], columns)
    provinces = {}  # code -> the province as first seen
    districts = {}  # code -> the district as first seen
    district_codes = {}  # folded full name -> district code
    communes = {}  # code -> commune
    data_rows = 0
    for number, values in enumerate(rows[1:], start=2):
        if not any(_cell_text(value) for value in values):
            continue
        data_rows += 1
        province = check.unit(number, values, "province", PROVINCE_TYPES)
        if province:
            first = provinces.setdefault(province["code"], province)
            if fold(first["full_name"]) != fold(province["full_name"]):
                check.error(
                    number,
                    "province_name",
                    f"mã tỉnh {province['code']} ở dòng {first['row']} là “{first['full_name']}”, "
                    f"ở đây lại là “{province['full_name']}”",
                )

        district = None
        if scheme == PRE_2025:
            district = check.unit(number, values, "district", DISTRICT_TYPES)
            if district:
                key = fold(district["full_name"])
                first = districts.setdefault(district["code"], district)
                other_code = district_codes.setdefault(key, district["code"])
                if fold(first["full_name"]) != key:
                    check.error(
                        number,
                        "district_name",
                        f"mã quận/huyện {district['code']} ở dòng {first['row']} là “{first['full_name']}”, "
                        f"ở đây lại là “{district['full_name']}”",
                    )
                    district = None
                elif other_code != district["code"]:
                    check.error(
                        number,
                        "district_code",
                        f"“{district['full_name']}” ở dòng {districts[other_code]['row']} có mã {other_code}, "
                        f"ở đây lại là mã {district['code']}",
                    )
                    district = None

        commune = check.unit(number, values, "commune", COMMUNE_TYPES)
        if commune:
            commune = check.commune_type(number, values, commune)
        if commune:
            first = communes.setdefault(commune["code"], commune)
            if first is not commune:
                check.error(number, "commune_code", f"mã xã {commune['code']} đã có ở dòng {first['row']}")
            elif district:
                commune["district"] = district["code"]

    if len(provinces) > 1:
        found = "; ".join(
            f"mã {code} “{unit['full_name']}” (từ dòng {unit['row']})" for code, unit in provinces.items()
        )
        check.errors.insert(0, f"Tệp có {len(provinces)} tỉnh/thành phố: {found}. Mỗi tệp chỉ được chứa một tỉnh.")
    if not data_rows:
        check.errors.append(f"Tệp “{path.name}” không có dòng dữ liệu nào dưới dòng tiêu đề.")
    if check.errors:
        raise UnitFileError(check.errors)

    commune_rows = [_without_full_name(commune) for commune in communes.values()]
    return {
        "source": path.name,
        "scheme": scheme,
        "rows": data_rows,
        "province": _without_full_name(next(iter(provinces.values()))),
        "pre_2025": {
            "districts": [_without_full_name(district) for district in districts.values()],
            "communes": commune_rows if scheme == PRE_2025 else [],
        },
        "current": {"communes": commune_rows if scheme == CURRENT else []},
        "mapping": [],
    }


def _units_in_file(data: dict) -> list[tuple[str, dict, str]]:
    """(level, unit, path) for each unit of the file's scheme."""
    province = data["province"]
    units = [("province", province, province["code"])]
    if data["scheme"] == PRE_2025:
        for district in data["pre_2025"]["districts"]:
            units.append(("district", district, f"{province['code']}/{district['code']}"))
        for commune in data["pre_2025"]["communes"]:
            units.append(("commune", commune, f"{province['code']}/{commune['district']}/{commune['code']}"))
    else:
        for commune in data["current"]["communes"]:
            units.append(("commune", commune, f"{province['code']}/{commune['code']}"))
    return units


def unit_file_conflicts(data: dict) -> list[str]:
    """The file's units whose code the database already gives to a different unit (name, type or place)."""
    from .models import AdministrativeUnit

    scheme = data["scheme"]
    units = _units_in_file(data)
    existing = {
        unit.code: unit
        for unit in AdministrativeUnit.objects.filter(
            scheme=scheme, code__in=[unit["code"] for _, unit, _ in units]
        ).select_related("parent")
    }
    errors = []
    for level, unit, path in units:
        old = existing.get(unit["code"])
        if old is None:
            continue
        if (old.level, old.path, old.type, old.name_key) != (level, path, unit["type"], fold(unit["name"])):
            where = f" thuộc {old.parent.full_name}" if old.parent else ""
            errors.append(
                f"Dòng {unit['row']}: mã {unit['code']} trong {SCHEME_LABELS[scheme]} đã là "
                f"“{old.full_name}”{where} (mã {old.path}), khác với tệp "
                f"(“{unit['type'].capitalize()} {unit['name']}”, mã {path}); không ghi đè."
            )
    return errors


def _counts(data: dict) -> Counter:
    from .models import AdministrativeUnit

    code = data["province"]["code"]
    units = AdministrativeUnit.objects.filter(scheme=data["scheme"]).filter(
        Q(path=code) | Q(path__startswith=f"{code}/")
    )
    return Counter(units.values_list("level", flat=True))


def unit_file_load(data: dict) -> dict[str, int]:
    """Load what `read_unit_file` returned, in one transaction: nothing is written if any code conflicts.

    Returns units_load's counts plus the districts and communes added in the file's scheme.
    """
    with transaction.atomic():
        conflicts = unit_file_conflicts(data)
        if conflicts:
            raise UnitFileError(conflicts)
        before = _counts(data)
        added = units_load(data)
        after = _counts(data)
    return {
        **added,
        "districts": after["district"] - before["district"],
        "communes": after["commune"] - before["commune"],
    }
