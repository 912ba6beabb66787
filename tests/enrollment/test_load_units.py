"""`manage.py load_units`: a province's units from the statistics office's list (CSV or XLSX).

Codes and names follow the GSO/NSO lists for Bắc Ninh and Cao Bằng; the codes are
illustrative (no test depends on them being the published ones). Hà Nội (01) is
already in the database from the data migration.
"""

import csv
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from enrollment.models import AdministrativeUnit
from enrollment.unit_files import UnitFileError, read_unit_file, split_type

PRE, CURRENT = AdministrativeUnit.Scheme.PRE_2025, AdministrativeUnit.Scheme.CURRENT

PRE_HEADER = ["Tỉnh / Thành Phố", "Mã TP", "Quận Huyện", "Mã QH", "Phường Xã", "Mã PX", "Cấp"]
BAC_NINH_PRE = [
    ["Tỉnh Bắc Ninh", "27", "Thành phố Bắc Ninh", "256", "Phường Vũ Ninh", "09190", "Phường"],
    ["Tỉnh Bắc Ninh", "27", "Thành phố Bắc Ninh", "256", "Phường Đáp Cầu", "09193", "Phường"],
    ["Tỉnh Bắc Ninh", "27", "Thành phố Bắc Ninh", "256", "Phường Kinh Bắc", "09199", "Phường"],
    ["Tỉnh Bắc Ninh", "27", "Huyện Yên Phong", "258", "Thị trấn Chờ", "09220", "Thị trấn"],
    ["Tỉnh Bắc Ninh", "27", "Huyện Yên Phong", "258", "Xã Dũng Liệt", "09223", "Xã"],
    ["Tỉnh Bắc Ninh", "27", "Thị xã Quế Võ", "259", "Phường Phố Mới", "09253", "Phường"],
    ["Tỉnh Bắc Ninh", "27", "Thị xã Quế Võ", "259", "Xã Phù Lãng", "09286", "Xã"],
]
CURRENT_HEADER = ["Mã tỉnh", "Tên tỉnh", "Mã xã", "Tên xã", "Cấp"]
CAO_BANG_CURRENT = [  # Excel turned the codes into numbers
    [4, "Tỉnh Cao Bằng", 1273, "Phường Thục Phán", "Phường"],
    [4, "Tỉnh Cao Bằng", 1279, "Phường Nùng Trí Cao", "Phường"],
    [4.0, "Tỉnh Cao Bằng", 1288.0, "Phường Tân Giang", "Phường"],
    [4, "Tỉnh Cao Bằng", 1300, "Xã Hòa An", "Xã"],
]


def write_csv(path, rows, delimiter=";", bom=True):
    out = StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes((("\ufeff" if bom else "") + out.getvalue()).encode("utf-8"))
    return path


def write_xlsx(path, rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return path


def load(path, scheme, *args):
    out = StringIO()
    call_command("load_units", str(path), "--scheme", scheme, *args, stdout=out)
    return out.getvalue()


def units(scheme, code):
    """The scheme's units under the province, as (level, code, type, name, parent code)."""
    found = AdministrativeUnit.objects.filter(scheme=scheme, path__startswith=code).select_related("parent")
    return {(unit.level, unit.code, unit.type, unit.name, unit.parent.code if unit.parent else None) for unit in found}


def test_pre_2025_csv_with_bom_and_semicolons(db, tmp_path):
    path = write_csv(tmp_path / "bac-ninh-2024.csv", [PRE_HEADER, *BAC_NINH_PRE])

    output = load(path, "pre-2025")

    assert "Đã thêm 11 đơn vị hành chính" in output  # the province (pre-2025 only), 3 districts, 7 communes
    assert "Tỉnh Bắc Ninh, mã 27" in output
    assert "3 quận/huyện, 7 xã/phường" in output
    assert units(PRE, "27") == {
        ("province", "27", "tỉnh", "Bắc Ninh", None),
        ("district", "256", "thành phố", "Bắc Ninh", "27"),
        ("district", "258", "huyện", "Yên Phong", "27"),
        ("district", "259", "thị xã", "Quế Võ", "27"),
        ("commune", "09190", "phường", "Vũ Ninh", "256"),
        ("commune", "09193", "phường", "Đáp Cầu", "256"),
        ("commune", "09199", "phường", "Kinh Bắc", "256"),
        ("commune", "09220", "thị trấn", "Chờ", "258"),
        ("commune", "09223", "xã", "Dũng Liệt", "258"),
        ("commune", "09253", "phường", "Phố Mới", "259"),
        ("commune", "09286", "xã", "Phù Lãng", "259"),
    }
    cho = AdministrativeUnit.objects.get(scheme=PRE, code="09220")
    assert (cho.path, cho.name_key, cho.full_name) == ("27/258/09220", "cho", "Thị trấn Chờ")


def test_current_xlsx_with_numeric_codes_gets_its_leading_zeros_back(db, tmp_path):
    path = write_xlsx(tmp_path / "cao-bang.xlsx", [CURRENT_HEADER, *CAO_BANG_CURRENT])

    output = load(path, "current")

    assert "Tỉnh Cao Bằng, mã 04, danh mục từ 1/7/2025: 1 bản ghi tỉnh/thành phố, 4 xã/phường" in output
    assert units(CURRENT, "04") == {
        ("province", "04", "tỉnh", "Cao Bằng", None),
        ("commune", "01273", "phường", "Thục Phán", "04"),
        ("commune", "01279", "phường", "Nùng Trí Cao", "04"),
        ("commune", "01288", "phường", "Tân Giang", "04"),
        ("commune", "01300", "xã", "Hòa An", "04"),
    }
    assert AdministrativeUnit.objects.get(scheme=CURRENT, code="01288").path == "04/01288"


def test_pre_2025_xlsx_pads_district_and_commune_codes(db, tmp_path):
    rows = [
        PRE_HEADER,
        ["Tỉnh Cao Bằng", 4, "Thành phố Cao Bằng", 40, "Phường Sông Hiến", 1270, "Phường"],
        ["Tỉnh Cao Bằng", 4, "Thành phố Cao Bằng", 40, "Xã Chu Trinh", 1297, "Xã"],
    ]
    load(write_xlsx(tmp_path / "cao-bang-2024.xlsx", rows), "pre-2025")

    assert AdministrativeUnit.objects.get(scheme=PRE, code="01297").path == "04/040/01297"
    assert AdministrativeUnit.objects.get(scheme=PRE, code="040").type == "thành phố"


def test_headers_match_ignoring_case_diacritics_and_spaces_and_aliases(db, tmp_path):
    header = ["  MÃ  TP ", "tinh/thanh pho", "Ma xa", "TÊN XÃ", "cap"]
    rows = [
        header,
        ["24", "Tỉnh Bắc Ninh", "07210", "Phường Bắc Giang", "Phường"],
        ["24", "Tỉnh Bắc Ninh", "09187", "Phường Kinh Bắc", "Phường"],
        ["24", "Tỉnh Bắc Ninh", "07450", "Xã Lục Ngạn", ""],  # no “Cấp”: the name says it
    ]
    load(write_csv(tmp_path / "bac-ninh.csv", rows, delimiter=",", bom=False), "current")

    assert units(CURRENT, "24") >= {
        ("commune", "09187", "phường", "Kinh Bắc", "24"),
        ("commune", "07450", "xã", "Lục Ngạn", "24"),
    }


def test_loading_the_same_file_again_adds_nothing(db, tmp_path):
    path = write_csv(tmp_path / "bac-ninh-2024.csv", [PRE_HEADER, *BAC_NINH_PRE])
    load(path, "pre-2025")
    count = AdministrativeUnit.objects.count()

    output = load(path, "pre-2025")

    assert "Đã thêm 0 đơn vị hành chính" in output
    assert "0 quận/huyện, 0 xã/phường; đọc 7 dòng" in output
    assert AdministrativeUnit.objects.count() == count


def test_json_output(db, tmp_path):
    path = write_xlsx(tmp_path / "cao-bang.xlsx", [CURRENT_HEADER, *CAO_BANG_CURRENT])

    first = json.loads(load(path, "current", "--json"))
    second = json.loads(load(path, "current", "--json"))

    assert first == {
        "scheme": "current",
        "province": {"code": "04", "name": "Cao Bằng"},
        "added": {"units": 5, "mappings": 0},
        "rows": 4,
    }
    assert second["added"] == {"units": 0, "mappings": 0}


def with_row(number, column, value, rows=BAC_NINH_PRE):
    """The Bắc Ninh rows with one cell changed; `number` is the spreadsheet row (the header is row 1)."""
    changed = [list(row) for row in rows]
    changed[number - 2][PRE_HEADER.index(column)] = value
    return [PRE_HEADER, *changed]


BAD_FILES = {
    "missing column": (
        [[name for name in PRE_HEADER if name != "Mã QH"], *[row[:3] + row[4:] for row in BAC_NINH_PRE]],
        "Dòng 1 (tiêu đề): thiếu cột “Mã QH”. Các cột có trong tệp: “Tỉnh / Thành Phố”, “Mã TP”, “Quận Huyện”, "
        "“Phường Xã”, “Mã PX”, “Cấp”.",
    ),
    "empty code": (with_row(3, "Mã PX", ""), "Dòng 3, cột “Mã PX” (F): trống, cần mã số."),
    "empty name": (with_row(6, "Phường Xã", " "), "Dòng 6, cột “Phường Xã” (E): trống, cần tên."),
    "code not digits": (with_row(4, "Mã QH", "25b"), "Dòng 4, cột “Mã QH” (D): mã “25b” chỉ được gồm chữ số."),
    "code too long": (with_row(2, "Mã PX", "091900"), "Dòng 2, cột “Mã PX” (F): mã “091900” dài quá 5 chữ số."),
    "district code disagrees with its name": (
        with_row(6, "Quận Huyện", "Huyện Tiên Du"),
        "Dòng 6, cột “Quận Huyện” (C): mã quận/huyện 258 ở dòng 5 là “Huyện Yên Phong”, ở đây lại là “Huyện Tiên Du”.",
    ),
    "district name under two codes": (
        with_row(6, "Mã QH", "260"),
        "Dòng 6, cột “Mã QH” (D): “Huyện Yên Phong” ở dòng 5 có mã 258, ở đây lại là mã 260.",
    ),
    "unknown commune type": (
        with_row(
            2, "Cấp", "", rows=[["Tỉnh Bắc Ninh", "27", "Thành phố Bắc Ninh", "256", "Khu Vũ Ninh", "09190", "x"]]
        ),
        "Dòng 2, cột “Phường Xã” (E): không rõ loại đơn vị của “Khu Vũ Ninh”",
    ),
    "unknown district type": (
        with_row(2, "Quận Huyện", "Vùng Bắc Ninh"),
        "Dòng 2, cột “Quận Huyện” (C): không rõ loại đơn vị của “Vùng Bắc Ninh” (tên phải bắt đầu bằng "
        "Thành phố, Thị xã, Quận, Huyện).",
    ),
    "unknown level": (with_row(3, "Cấp", "Thôn"), "Dòng 3, cột “Cấp” (G): không rõ cấp “Thôn”"),
    "level disagrees with the name": (
        with_row(3, "Cấp", "Xã"),
        "Dòng 3, cột “Cấp” (G): cấp “Xã” không khớp với tên “Phường Đáp Cầu”.",
    ),
    "duplicate commune code": (
        with_row(8, "Mã PX", "09223"),
        "Dòng 8, cột “Mã PX” (F): mã xã 09223 đã có ở dòng 6.",
    ),
    "several provinces": (
        [
            PRE_HEADER,
            *BAC_NINH_PRE[:2],
            ["Tỉnh Bắc Giang", "24", "Huyện Lục Ngạn", "219", "Xã Biên Sơn", "07450", "Xã"],
        ],
        "Tệp có 2 tỉnh/thành phố: mã 27 “Tỉnh Bắc Ninh” (từ dòng 2); mã 24 “Tỉnh Bắc Giang” (từ dòng 4). "
        "Mỗi tệp chỉ được chứa một tỉnh.",
    ),
}


@pytest.mark.parametrize("rows, message", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_bad_file_is_refused_with_the_row_and_column_and_nothing_is_written(db, tmp_path, rows, message):
    path = write_csv(tmp_path / "bac-ninh.csv", rows)
    count = AdministrativeUnit.objects.count()

    with pytest.raises(CommandError) as refused:
        load(path, "pre-2025")

    assert message in str(refused.value)
    assert "chưa ghi gì vào cơ sở dữ liệu" in str(refused.value)
    assert refused.value.returncode == 1
    assert AdministrativeUnit.objects.count() == count


def test_every_error_is_listed_with_spreadsheet_row_numbers(db, tmp_path):
    rows = [
        CURRENT_HEADER,
        [4, "Tỉnh Cao Bằng", 1273, "Phường Thục Phán", "Phường"],
        [None, None, None, None, None],  # a blank row still counts in the spreadsheet
        [4, "Tỉnh Cao Bằng", None, "Phường Nùng Trí Cao", "Phường"],
        [4, "Tỉnh Cao Bằng", 1288, "Tân Giang", None],
        [4, "Tỉnh Cao Bằng", "1300a", "Xã Hòa An", "Xã"],
    ]
    path = write_xlsx(tmp_path / "cao-bang.xlsx", rows)

    with pytest.raises(CommandError) as refused:
        load(path, "current")

    message = str(refused.value)
    assert "(3 lỗi)" in message
    assert "- Dòng 4, cột “Mã xã” (C): trống, cần mã số." in message
    assert "- Dòng 5, cột “Tên xã” (D): không rõ loại đơn vị của “Tân Giang”" in message
    assert "- Dòng 6, cột “Mã xã” (C): mã “1300a” chỉ được gồm chữ số." in message
    assert not AdministrativeUnit.objects.filter(code="04").exists()


def test_blank_csv_lines_keep_the_row_numbers(tmp_path):
    path = tmp_path / "bac-ninh.csv"
    lines = [";".join(PRE_HEADER), ";".join(BAC_NINH_PRE[0]), "", ";".join(with_row(2, "Mã PX", "x")[1])]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")

    with pytest.raises(UnitFileError) as refused:
        read_unit_file(path, "pre-2025")

    assert refused.value.errors == ["Dòng 4, cột “Mã PX” (F): mã “x” chỉ được gồm chữ số."]


def test_a_pre_2025_list_is_refused_as_current(db, tmp_path):
    path = write_csv(tmp_path / "bac-ninh-2024.csv", [PRE_HEADER, *BAC_NINH_PRE])

    with pytest.raises(CommandError, match="hãy nạp với --scheme pre-2025"):
        load(path, "current")


def test_a_current_list_loaded_as_pre_2025_suggests_the_scheme(db, tmp_path):
    path = write_xlsx(tmp_path / "cao-bang.xlsx", [CURRENT_HEADER, *CAO_BANG_CURRENT])

    with pytest.raises(CommandError) as refused:
        load(path, "pre-2025")

    assert "thiếu cột “Mã QH”, “Quận Huyện”" in str(refused.value)
    assert "hãy nạp với --scheme current" in str(refused.value)


def test_a_code_the_database_gives_to_another_unit_is_not_overwritten(db, tmp_path):
    load(write_csv(tmp_path / "bac-ninh-2024.csv", [PRE_HEADER, *BAC_NINH_PRE]), "pre-2025")
    count = AdministrativeUnit.objects.count()
    rows = with_row(2, "Phường Xã", "Phường Vệ An")
    rows.append(["Tỉnh Bắc Ninh", "27", "Huyện Tiên Du", "260", "Thị trấn Lim", "09319", "Thị trấn"])

    with pytest.raises(CommandError) as refused:
        load(write_csv(tmp_path / "bac-ninh-sai.csv", rows), "pre-2025")

    assert "Dòng 2: mã 09190 trong danh mục trước 1/7/2025 đã là “Phường Vũ Ninh” thuộc Thành phố Bắc Ninh" in str(
        refused.value
    )
    assert AdministrativeUnit.objects.count() == count  # Thị trấn Lim was not added either


def test_files_that_are_not_utf8_csv_or_xlsx_are_refused(db, tmp_path):
    latin = tmp_path / "bac-ninh.csv"
    latin.write_bytes(";".join(PRE_HEADER).encode("utf-16"))
    legacy = tmp_path / "bac-ninh.xls"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0")

    with pytest.raises(CommandError, match="không phải văn bản UTF-8"):
        load(latin, "pre-2025")
    with pytest.raises(CommandError, match=r"phải là \.csv hoặc \.xlsx"):
        load(legacy, "pre-2025")
    with pytest.raises(CommandError, match="Không tìm thấy tệp"):
        load(tmp_path / "khong-co.csv", "pre-2025")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Thành phố Hà Nội", ("thành phố", "Hà Nội")),
        ("Tỉnh Bắc Ninh", ("tỉnh", "Bắc Ninh")),
        ("Quận Ba Đình", ("quận", "Ba Đình")),
        ("Huyện Gia Lâm", ("huyện", "Gia Lâm")),
        ("Thị xã Sơn Tây", ("thị xã", "Sơn Tây")),
        ("Phường Phúc Xá", ("phường", "Phúc Xá")),
        ("Xã Bát Tràng", ("xã", "Bát Tràng")),
        ("Thị trấn Trâu Quỳ", ("thị trấn", "Trâu Quỳ")),
        ("Đặc khu Phú Quốc", ("đặc khu", "Phú Quốc")),
        ("  PHƯỜNG   Phúc Xá ", ("phường", "Phúc Xá")),
        ("Xa Bat Trang", ("xã", "Bat Trang")),  # written without diacritics at all
        ("Xá Lợi", (None, "Xá Lợi")),  # a name, not “Xã”
        ("Phường 1", ("phường", "1")),
    ],
)
def test_split_type(text, expected):
    assert split_type(text) == expected


def test_a_csv_row_wider_than_the_header_is_named(tmp_path):
    rows = [CURRENT_HEADER, ["24", "Tỉnh Bắc Ninh", "07210", "Phường Bắc Giang", "Phường", "thừa"]]
    path = write_csv(tmp_path / "bac-ninh.csv", rows, delimiter=",")

    with pytest.raises(UnitFileError) as refused:
        read_unit_file(path, "current")

    assert refused.value.errors == ["Dòng 2: nhiều ô hơn dòng tiêu đề (dấu phân cách “,”)."]
