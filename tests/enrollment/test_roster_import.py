import json
from io import StringIO

import pytest
from django.core.management import call_command
from openpyxl import Workbook

from enrollment import services
from enrollment.factories import OfferingFactory
from enrollment.models import Enrollment, Participant

TITLE = [["UBND XÃ BÁT TRÀNG"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], ["DANH SÁCH HỌC VIÊN LỚP TẬP HUẤN OCOP"], []]
HEADER = ["STT", "Họ và tên", "Năm sinh", "Số điện thoại", "Số CCCD", "Đơn vị công tác", "Địa chỉ"]


def make_roster(path, rows, title=TITLE, header=HEADER):
    workbook = Workbook()
    sheet = workbook.active
    for row in [*title, header, *rows]:
        sheet.append(row)
    workbook.save(path)
    return str(path)


def run(path, offering, *flags):
    out = StringIO()
    try:
        call_command(
            "import_roster", path, "--offering", offering.code, "--json", *flags, stdout=out, stderr=StringIO()
        )
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, json.loads(out.getvalue())


@pytest.fixture
def offering(db):
    return OfferingFactory(code="HN-2026-SX-01")


def test_a_clean_roster_creates_people_and_enrolls_them(tmp_path, offering):
    path = make_roster(
        tmp_path / "ds.xlsx",
        [
            [1, "Nguyễn Thị Hồng Đào", 1978, 912345678, 1089012345, "HTX Gốm sứ Bát Tràng", "Xã Bát Tràng, Gia Lâm"],
            [2, "Trần Văn Đức", 1985, "0987 654 321", "", "Công ty TNHH Nông sản Sạch", "Phường Hồng Hà"],
        ],
    )
    code, report = run(path, offering)
    assert code == 0
    assert {k: report[k] for k in ("rows", "created", "matched", "enrolled", "already_enrolled")} == {
        "rows": 2, "created": 2, "matched": 0, "enrolled": 2, "already_enrolled": 0,
    }  # fmt: skip
    dao = Participant.objects.get(phone="0912345678")
    assert (dao.national_id, dao.organization.kind, dao.unit.name) == ("001089012345", "cooperative", "Bát Tràng")
    assert report["warnings"][0]["row"] == 6  # old Bát Tràng became parts of three current units
    assert Enrollment.objects.filter(offering=offering, source="roster").count() == 2


def test_importing_the_same_file_twice_changes_nothing(tmp_path, offering):
    path = make_roster(tmp_path / "ds.xlsx", [[1, "Lê Thị Ánh Tuyết", 1990, "0912000111", "", "", ""]])
    run(path, offering)
    code, report = run(path, offering)
    assert (code, report["created"], report["matched"], report["enrolled"], report["already_enrolled"]) == (
        0, 0, 1, 0, 1,
    )  # fmt: skip
    assert Participant.objects.count() == 1 and Enrollment.objects.count() == 1


def test_matching_by_id_phone_email_and_name_with_birth_year(tmp_path, offering):
    by_id = services.participant_create(full_name="Phạm Quốc Bảo", national_id="001089000001")
    by_old_mobile = services.participant_create(full_name="Hoàng Thị Lan Anh", phone="0389123456")
    by_name = services.participant_create(full_name="Vũ Đình Khôi", birth_year=1970)
    nfd = "Vu\u0303 \u0110i\u0300nh Kho\u0302i"
    path = make_roster(
        tmp_path / "ds.xlsx",
        [
            [1, "Phạm Quốc Bảo", 1980, "", 1089000001, "", ""],  # CCCD as a number that lost its zeros
            [2, "Hoàng Thị Lan Anh", 1990, "01689123456", "", "", ""],  # pre-2018 11-digit mobile
            [3, nfd, 1970, "", "", "", ""],  # NFD name, matched by name and year
            [4, "Hoàng Thị Lan Anh", 1990, "389123456", "", "", ""],  # the same person again, zero lost
        ],
    )
    code, report = run(path, offering)
    assert code == 0
    assert (report["created"], report["matched"], report["duplicates_in_file"]) == (0, 3, 1)
    assert set(offering.enrollments.values_list("participant_id", flat=True)) == {
        by_id.pk,
        by_old_mobile.pk,
        by_name.pk,
    }


def test_a_row_pointing_to_two_people_is_ambiguous_and_nothing_is_guessed(tmp_path, offering):
    first = services.participant_create(full_name="Đỗ Văn Hùng", phone="0912000222")
    second = services.participant_create(full_name="Đỗ Văn Hùng", national_id="001080000222")
    path = make_roster(tmp_path / "ds.xlsx", [[1, "Đỗ Văn Hùng", 1980, "0912000222", "001080000222", "", ""]])
    code, report = run(path, offering)
    assert code == 1
    [ambiguous] = report["ambiguous"]
    assert ambiguous["row"] == 6 and set(ambiguous["candidates"]) == {first.pk, second.pk}
    assert not Enrollment.objects.exists()


def test_a_strongly_different_name_on_a_known_phone_is_ambiguous(tmp_path, offering):
    services.participant_create(full_name="Ngô Quang Đạt", phone="0912000333")
    path = make_roster(tmp_path / "ds.xlsx", [[1, "Bùi Thị Mai", 1975, "0912000333", "", "", ""]])
    code, report = run(path, offering)
    assert code == 1 and report["ambiguous"][0]["row"] == 6


def test_an_invalid_row_writes_nothing_unless_skip_invalid(tmp_path, offering):
    path = make_roster(
        tmp_path / "ds.xlsx",
        [[1, "Đặng Thu Hà", 1988, "0912000444", "", "", ""], [2, "Bùi Văn Ất", 1979, "12345", "", "", ""]],
    )
    code, report = run(path, offering)
    assert code == 1
    assert report["errors"][0]["row"] == 7 and report["errors"][0]["column"] == "Số điện thoại"
    assert not Participant.objects.exists() and not Enrollment.objects.exists()

    code, report = run(path, offering, "--skip-invalid")
    assert code == 0 and report["created"] == 1
    assert list(Participant.objects.values_list("full_name", flat=True)) == ["Đặng Thu Hà"]


def test_dry_run_counts_but_writes_nothing(tmp_path, offering):
    path = make_roster(tmp_path / "ds.xlsx", [[1, "Ngô Quang Đạt", 1982, "0912000555", "", "", ""]])
    code, report = run(path, offering, "--dry-run")
    assert (code, report["created"], report["enrolled"]) == (0, 1, 1)
    assert not Participant.objects.exists()


def test_capacity_is_respected_with_a_waiting_list(tmp_path, db):
    offering = OfferingFactory(capacity=1)
    path = make_roster(
        tmp_path / "ds.xlsx",
        [[1, "Lý Thị Hoa", 1980, "0912000666", "", "", ""], [2, "Mai Văn Tâm", 1981, "0912000777", "", "", ""]],
    )
    run(path, offering)
    assert sorted(offering.enrollments.values_list("status", flat=True)) == ["registered", "waitlisted"]


def test_an_unknown_offering_is_a_clear_error(tmp_path, db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Không có lớp nào mã"):
        call_command("import_roster", str(tmp_path / "x.xlsx"), "--offering", "KHONG-CO")


def test_namesakes_born_the_same_year_are_told_apart_by_id_phone_or_birth_date(tmp_path, offering):
    known = services.participant_create(full_name="Nguyễn Văn Hùng", birth_year=1980, national_id="001080000001")
    path = make_roster(
        tmp_path / "ds.xlsx",
        [
            [1, "Nguyễn Văn Hùng", 1980, "0912000001", "001080057302", "", ""],  # another CCCD: another man
            [2, "Nguyễn Văn Hùng", 1980, "0912000002", "", "", ""],  # not row 1 (phone): the known one
            [3, "Nguyễn Văn Hùng", 1980, "", "", "", ""],  # nothing tells which of the two: ask
        ],
    )
    code, report = run(path, offering, "--skip-invalid")
    assert (code, report["created"], report["matched"], report["duplicates_in_file"]) == (0, 1, 1, 0)
    assert report["ambiguous"] == [{"row": 8, "candidates": [known.pk]}]
    assert Participant.objects.filter(name_key="nguyen van hung").count() == 2
    assert offering.enrollments.filter(participant=known).exists()


def test_two_people_sharing_a_family_phone_in_one_file_are_not_merged_silently(tmp_path, offering):
    path = make_roster(
        tmp_path / "ds.xlsx",
        [[1, "Lò Văn Pấng", 1975, "0912000888", "", "", ""], [2, "Lò Thị Mai", 1978, "0912000888", "", "", ""]],
    )
    code, report = run(path, offering)
    assert code == 1 and report["ambiguous"] == [{"row": 7, "candidates": []}]
    assert not Participant.objects.exists()

    code, report = run(path, offering, "--skip-invalid")
    assert (code, report["created"]) == (0, 1)
    assert list(Participant.objects.values_list("full_name", flat=True)) == ["Lò Văn Pấng"]


def test_creating_a_new_person_for_an_ambiguous_row_leaves_out_the_phone_of_someone_else(tmp_path, offering):
    from enrollment.roster import read_roster
    from enrollment.roster.importer import roster_import

    services.participant_create(full_name="Ngô Quang Đạt", phone="0912000333")
    path = make_roster(tmp_path / "ds.xlsx", [[1, "Bùi Thị Mai", 1975, "0912000333", "", "", ""]])
    report = roster_import(roster=read_roster(path), offering=offering, decisions={6: "create"})
    assert report.written and report.created == 1
    mai = Participant.objects.get(full_name="Bùi Thị Mai")
    assert mai.phone == "" and "0912000333 đã thuộc về người khác" in report.warnings[0]["message"]
