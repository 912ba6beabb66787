"""Names are stored in their proper form: a name typed in capitals or in lower case gets a capital at the
start of each word (with a warning on its row); a name someone wrote in mixed case stays as written."""

import unicodedata

import pytest

from enrollment import services
from enrollment.factories import OfferingFactory
from enrollment.models import Participant
from enrollment.roster import read_roster
from enrollment.roster.importer import roster_import
from lms.text import name_proper_case

from .test_roster_import import make_roster


def nfd(text):
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("LÊ VĂN TUẤN", "Lê Văn Tuấn"),
        ("phạm thị hoa", "Phạm Thị Hoa"),
        ("NGUYỄN THỊ HỒNG ĐÀO", "Nguyễn Thị Hồng Đào"),
        ("đặng đình đức", "Đặng Đình Đức"),  # đ has no decomposition: upper-cased by itself
        ("ĐỖ ĐỨC ĐẠT", "Đỗ Đức Đạt"),
        ("đoàn thị ánh nguyệt", "Đoàn Thị Ánh Nguyệt"),
        ("CÔNG TẰNG TÔN NỮ THỊ PHƯƠNG THẢO", "Công Tằng Tôn Nữ Thị Phương Thảo"),
        ("ÂU DƯƠNG ỨNG", "Âu Dương Ứng"),
        ("quách thị ỷ", "Quách Thị Ỷ"),
        ("H'HEN NIÊ", "H'Hen Niê"),  # Ê Đê names: a capital after the apostrophe
        ("  TRẦN   VĂN    BÌNH ", "Trần Văn Bình"),  # several spaces
        ("lê\u00a0văn\ttám", "Lê Văn Tám"),  # a no-break space and a tab from Excel
        (nfd("NGUYỄN THỊ HỒNG ĐÀO"), "Nguyễn Thị Hồng Đào"),  # NFD, as macOS and some web forms send it
        (nfd("phạm thị hoa"), "Phạm Thị Hoa"),
        # Mixed case: whoever typed it chose its capitals, and it is kept exactly.
        ("Nguyễn thị Minh Khai", "Nguyễn thị Minh Khai"),
        ("Lê Văn Tuấn", "Lê Văn Tuấn"),
        ("NGUYỄN Văn An", "NGUYỄN Văn An"),
        ("lê Văn tám", "lê Văn tám"),
        (nfd("Nguyễn thị Minh Khai"), "Nguyễn thị Minh Khai"),
        ("", ""),
    ],
)
def test_name_proper_case(typed, stored):
    result = name_proper_case(typed)
    assert result == stored
    assert unicodedata.is_normalized("NFC", result)
    assert name_proper_case(result) == result  # the proper form stays as it is


def test_title_case_is_not_pythons_title(db):
    # str.title() breaks on decomposed marks ("NguyễN") and after apostrophes in other ways.
    assert nfd("nguyễn").title() != "Nguyễn"
    assert name_proper_case(nfd("nguyễn")) == "Nguyễn"


NAMES = [
    [1, "LÊ VĂN TUẤN", 1975, "0912000111", "", "", ""],
    [2, "phạm thị hoa", 1982, "0912000222", "", "", ""],
    [3, "Nguyễn thị Minh Khai", 1990, "0912000333", "", "", ""],
    [4, "Đỗ Thị Lan", 1988, "0912000444", "", "", ""],
]


def test_the_reader_stores_proper_names_and_warns_on_the_row(tmp_path):
    roster = read_roster(make_roster(tmp_path / "ds.xlsx", NAMES))
    tuan, hoa, khai, lan = roster.rows
    assert [row.full_name for row in roster.rows] == [
        "Lê Văn Tuấn", "Phạm Thị Hoa", "Nguyễn thị Minh Khai", "Đỗ Thị Lan",
    ]  # fmt: skip
    assert [(w.column, w.message) for w in tuan.warnings] == [
        ("Họ và tên", "Họ tên đã được viết hoa chữ cái đầu: “LÊ VĂN TUẤN” → “Lê Văn Tuấn”.")
    ]
    assert len(hoa.warnings) == 1 and not khai.warnings and not lan.warnings
    assert tuan.values[1] == "LÊ VĂN TUẤN"  # the cell as typed is kept apart


def test_the_import_stores_the_proper_form_and_matches_as_before(tmp_path, db):
    known = services.participant_create(full_name="Lê Văn Tuấn", phone="0912000111")
    offering = OfferingFactory()
    report = roster_import(roster=read_roster(make_roster(tmp_path / "ds.xlsx", NAMES)), offering=offering)
    assert (report.created, report.matched) == (3, 1)
    assert set(Participant.objects.exclude(pk=known.pk).values_list("full_name", flat=True)) == {
        "Phạm Thị Hoa", "Nguyễn thị Minh Khai", "Đỗ Thị Lan",
    }  # fmt: skip
    assert Participant.objects.get(pk=known.pk).full_name == "Lê Văn Tuấn"
    assert [item["row"] for item in report.warnings] == [6, 7]
    by_row = {outcome.row: outcome for outcome in report.outcomes}
    assert by_row[6].messages == ["Họ tên đã được viết hoa chữ cái đầu: “LÊ VĂN TUẤN” → “Lê Văn Tuấn”."]
    assert by_row[8].messages == []
