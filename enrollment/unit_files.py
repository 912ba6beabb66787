"""Reading one province's administrative units from the statistics office's published list.

The GSO/NSO lists (danhmuchanhchinh.gso.gov.vn, .nso.gov.vn) have one row per
commune-level unit, the names carrying their type ("Huyện Gia Lâm", "Xã Bát
Tràng"). `read_unit_file` turns such a CSV or XLSX into the dict that
`enrollment.units.units_load` takes; every problem is collected, with the row
and column the operator sees in the spreadsheet, into one `UnitFileError`. A
file is checked as every uploaded spreadsheet is (lms.spreadsheets).
"""

import io
import re
from collections import Counter
from pathlib import Path

import tablib
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl.utils import get_column_letter

from lms.spreadsheets import SpreadsheetError, check_spreadsheet, open_workbook, sheet_rows, until_blank_run
from lms.text import clean_text, fold

from .units import CURRENT, PRE_2025, units_load

SCHEME_LABELS = {PRE_2025: gettext_lazy("the list before 1/7/2025"), CURRENT: gettext_lazy("the list from 1/7/2025")}

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
_COMMUNE_KINDS = gettext_lazy("Phường, Xã, Thị trấn or Đặc khu")


class UnitFileError(Exception):
    """The file cannot be loaded; `errors` are messages for the operator (translated)."""

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
        return "", _("empty, a code is needed")
    if isinstance(value, bool) or not _DIGITS.fullmatch(text):
        return "", _("the code “%(code)s” may only contain digits") % {"code": text}
    if len(text) > width:
        return "", _("the code “%(code)s” is longer than %(width)s digits") % {"code": text, "width": width}
    return text.zfill(width), None


def _read_rows(path: Path) -> list[list]:
    """Every row of the file, the header first, blank rows included so that index + 1 is the row number."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".xlsm"):
        raise UnitFileError(
            [
                _(
                    "The file “%(name)s” must be .csv or .xlsx (an old .xls file: open it in Excel and save it "
                    "as .xlsx)."
                )
                % {"name": path.name}
            ]
        )
    try:
        check_spreadsheet(path)  # its real kind, zip bombs, passwords
        if suffix == ".csv":
            return _read_csv(path)
        with open_workbook(path) as workbook:
            return [list(cells) for _number, cells in until_blank_run(sheet_rows(workbook.active, path.name))]
    except SpreadsheetError as error:
        raise UnitFileError([error.message]) from None


def _read_csv(path: Path) -> list[list]:
    try:
        # UTF-8 only (rosters may also come as UTF-16): the statistics office publishes UTF-8.
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnitFileError(
            [_("The file “%(name)s” is not UTF-8 text: save it again as “CSV UTF-8” or XLSX.") % {"name": path.name}]
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
            [
                _("Row %(row)s: more cells than the header row (delimiter “%(delimiter)s”).")
                % {"row": dataset.height + 1, "delimiter": delimiter}
            ]
        ) from None
    except Exception as error:  # csv.Error: a NUL byte, an unclosed quote …
        raise UnitFileError(
            [_("Cannot read the CSV file “%(name)s”: %(error)s") % {"name": path.name, "error": error}]
        ) from None
    return [list(row) for row in dataset]


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
            errors.append(
                _("Row 1: the column “%(column)s” appears more than once (columns %(letters)s); keep only one.")
                % {"column": names[0], "letters": letters}
            )
        elif indexes:
            found[field] = indexes[0]
    if scheme == CURRENT and ("district_code" in found or "district_name" in found):
        errors.append(
            _(
                "Row 1: the file has the district columns (“Mã QH”, “Quận Huyện”) of the list before 1/7/2025; "
                "load it with --scheme pre-2025."
            )
        )
    missing = [field for field in REQUIRED[scheme] if field not in found]
    if missing:
        alternatives = " " + _("or") + " "
        names = ", ".join(alternatives.join(f"“{name}”" for name in COLUMNS[field]) for field in missing)
        headers = _quoted(clean_text(value) for value in header if clean_text(value)) or _("(none)")
        message = _("Row 1 (header): missing column %(names)s. The file's columns: %(headers)s.") % {
            "names": names, "headers": headers,
        }  # fmt: skip
        if scheme == PRE_2025 and set(missing) <= {"district_code", "district_name"}:
            message += " " + _(
                "The file has no district columns: if it is the list from 1/7/2025, load it with --scheme current."
            )
        errors.append(message)
    return found, errors


class _Rows:
    """Checks the data rows one by one, collecting the errors."""

    def __init__(self, header: list, columns: dict[str, int]):
        self.header, self.columns = header, columns
        self.errors: list[str] = []

    def label(self, field: str) -> str:
        index = self.columns[field]
        return _("column “%(header)s” (%(letter)s)") % {
            "header": clean_text(self.header[index]), "letter": get_column_letter(index + 1),
        }  # fmt: skip

    def error(self, number: int, field: str, message: str):
        self.errors.append(
            _("Row %(row)s, %(column)s: %(message)s.")
            % {"row": number, "column": self.label(field), "message": message}
        )

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
            self.error(number, name_field, _("empty, a name is needed"))
            return None
        unit_type, name = split_type(full_name, types)
        if unit_type is None and level != "commune":  # a commune's type may also come from “Cấp”
            kinds = ", ".join(kind.capitalize() for kind in types)
            message = _("unclear type of unit for “%(name)s” (the name must start with %(types)s)")
            self.error(number, name_field, message % {"name": full_name, "types": kinds})
            return None
        if unit_type and not name:
            message = _("“%(name)s” has only the type of unit, the name is missing")
            self.error(number, name_field, message % {"name": full_name})
            return None
        if problem:
            return None
        return {"code": code, "name": name, "type": unit_type, "row": number, "full_name": full_name}

    def commune_type(self, number: int, values: list, commune: dict) -> dict | None:
        """The commune with its type settled between its name and the “Cấp” column, or None."""
        kinds = _COMMUNE_KINDS
        level_text = _cell_text(self.cell(values, "commune_type"))
        level_type, rest = split_type(level_text, COMMUNE_TYPES) if level_text else (None, "")
        if level_text and (level_type is None or rest):
            message = _("unclear level “%(level)s” (it must be %(types)s)") % {"level": level_text, "types": kinds}
            self.error(number, "commune_type", message)
            return None
        if level_type and commune["type"] and level_type != commune["type"]:
            message = _("the level “%(level)s” does not match the name “%(name)s”") % {
                "level": level_text, "name": commune["full_name"],
            }  # fmt: skip
            self.error(number, "commune_type", message)
            return None
        if commune["type"] is None and level_type is None:
            self.error(
                number,
                "commune_name",
                _(
                    "unclear type of unit for “%(name)s” (the name must start with %(types)s, or the type be written "
                    "in the “Cấp” column)"
                )
                % {"name": commune["full_name"], "types": kinds},
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
        raise UnitFileError([_("The file “%(path)s” does not exist.") % {"path": path}])
    rows = _read_rows(path)
    if not rows or not any(_cell_text(value) for value in rows[0]):
        raise UnitFileError(
            [
                _("The file “%(name)s”: row 1 must be the header row (“Mã TP”, “Tỉnh / Thành Phố” …).")
                % {"name": path.name}
            ]
        )
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
                    _("province code %(code)s is “%(first)s” on row %(row)s, but “%(name)s” here")
                    % {
                        "code": province["code"],
                        "row": first["row"],
                        "first": first["full_name"],
                        "name": province["full_name"],
                    },
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
                        _("district code %(code)s is “%(first)s” on row %(row)s, but “%(name)s” here")
                        % {
                            "code": district["code"],
                            "row": first["row"],
                            "first": first["full_name"],
                            "name": district["full_name"],
                        },
                    )
                    district = None
                elif other_code != district["code"]:
                    check.error(
                        number,
                        "district_code",
                        _("“%(name)s” has the code %(other)s on row %(row)s, but the code %(code)s here")
                        % {
                            "name": district["full_name"],
                            "row": districts[other_code]["row"],
                            "other": other_code,
                            "code": district["code"],
                        },
                    )
                    district = None

        commune = check.unit(number, values, "commune", COMMUNE_TYPES)
        if commune:
            commune = check.commune_type(number, values, commune)
        if commune:
            first = communes.setdefault(commune["code"], commune)
            if first is not commune:
                message = _("commune code %(code)s is already on row %(row)s")
                check.error(number, "commune_code", message % {"code": commune["code"], "row": first["row"]})
            elif district:
                commune["district"] = district["code"]

    if len(provinces) > 1:
        found = "; ".join(
            _("code %(code)s “%(name)s” (from row %(row)s)")
            % {"code": code, "name": unit["full_name"], "row": unit["row"]}
            for code, unit in provinces.items()
        )
        message = _("The file holds %(count)s provinces: %(found)s. A file may hold only one province.")
        check.errors.insert(0, message % {"count": len(provinces), "found": found})
    if not data_rows:
        check.errors.append(_("The file “%(name)s” has no data rows below the header row.") % {"name": path.name})
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
            values = {
                "row": unit["row"], "code": unit["code"], "list": SCHEME_LABELS[scheme], "old": old.full_name,
                "old_path": old.path, "new": f"{unit['type'].capitalize()} {unit['name']}", "path": path,
            }  # fmt: skip
            if old.parent:
                message = _(
                    "Row %(row)s: the code %(code)s in %(list)s is already “%(old)s” in %(parent)s (code "
                    "%(old_path)s), unlike the file (“%(new)s”, code %(path)s); not overwritten."
                )
                values["parent"] = old.parent.full_name
            else:
                message = _(
                    "Row %(row)s: the code %(code)s in %(list)s is already “%(old)s” (code %(old_path)s), unlike the "
                    "file (“%(new)s”, code %(path)s); not overwritten."
                )
            errors.append(message % values)
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
