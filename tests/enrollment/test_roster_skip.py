"""One bad row does not block a roster: the preview offers to import the valid rows and skip the rows with
errors, which are recorded as skipped and given back as XLSX (as typed, with a last column "Lỗi") to be
corrected and uploaded again."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from accounts.factories import UserFactory
from accounts.roles import Role
from enrollment import services
from enrollment.factories import OfferingFactory
from enrollment.models import Enrollment, Participant, RosterImport, RosterImportRow
from enrollment.roster import read_roster
from enrollment.roster.importer import roster_import
from enrollment.roster.reader import MAX_CELL_KEPT
from tests.answers import outcome, redirected_to

from .test_roster_admin import _setup, _upload
from .test_roster_import import HEADER, make_roster

HYPERLINK = '=HYPERLINK("http://example.com/x","Bấm vào đây")'
ROWS = [
    [1, "Nguyễn Thị Hồng Đào", 1978, 912345678, "", "HTX Gốm sứ Bát Tràng", ""],
    [2, None, 1985, "0987 654 321", "", HYPERLINK, ""],  # no name
    [3, "Trần Văn Đức", 1985, "0987000111", "", "", ""],
    [4, "Lê Văn Bình", 1969, "12345", "", "+84 sai", ""],  # a bad phone
    [5, "Bùi Thị Xuân", 1990, "0986123456", "", "", ""],
]  # the header is row 5: these are rows 6 to 10


def _roster(path, rows, header=HEADER):
    """make_roster, with text that starts with "=" kept as text (as a clerk's file or a CSV has it),
    not turned into a formula."""
    workbook = load_workbook(make_roster(path, rows, header=header))
    for row in workbook.active.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
    workbook.save(path)
    return path


def _preview(client, tmp_path, rows=ROWS):
    offering, organizer = _setup()
    client.force_login(organizer)
    response = _upload(client, offering, _roster(tmp_path / "ds.xlsx", rows))
    return offering, organizer, RosterImport.objects.get(), response.url


def _sheet(content):
    return [list(row) for row in load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True)]


def test_the_preview_offers_to_skip_the_rows_with_errors_and_to_download_them(client, db, tmp_path):
    _offering, _organizer, history, preview = _preview(client, tmp_path)
    page = client.get(preview).content.decode()
    assert "Hãy sửa các dòng bị lỗi trong tệp rồi tải lên lại" in page
    assert 'name="skip_errors" value="2">Nhập các dòng hợp lệ, bỏ qua 2 dòng lỗi</button>' in page
    assert reverse("enrollment:roster_errors", args=[history.pk]) in page
    assert "Tải các dòng lỗi (XLSX)" in page
    assert "Nhập những người này vào lớp" not in page
    assert "Họ và tên: thiếu họ tên" in page  # the row's message names its column
    assert not Enrollment.objects.exists()


def test_one_bad_row_gives_a_singular_button(client, db, tmp_path):
    _preview(client, tmp_path, ROWS[:2])
    page = client.get(reverse("enrollment:roster_preview", args=[RosterImport.objects.get().pk])).content.decode()
    assert "Nhập các dòng hợp lệ, bỏ qua 1 dòng lỗi" in page


@pytest.mark.parametrize("posted", [{}, {"skip_errors": "1"}, {"skip_errors": "3"}, {"skip_errors": "x"}])
def test_without_agreeing_to_skip_exactly_the_rows_with_errors_nothing_is_imported(client, db, tmp_path, posted):
    _offering, _organizer, history, preview = _preview(client, tmp_path)
    response = client.post(preview, posted)
    assert redirected_to(response) == preview
    history.refresh_from_db()
    assert history.status == "previewed" and not Enrollment.objects.exists()
    page = client.get(preview).content.decode()
    assert "hoặc nhập các dòng hợp lệ và bỏ qua các dòng lỗi" in page


def test_importing_the_valid_rows_records_the_skipped_ones(client, db, tmp_path):
    offering, _organizer, history, preview = _preview(client, tmp_path)
    response = client.post(preview, {"skip_errors": "2"})
    assert redirected_to(response) == preview  # back to the import, which gives the skipped rows back
    history.refresh_from_db()
    assert history.status == "imported"
    assert set(offering.enrollments.values_list("participant__full_name", flat=True)) == {
        "Nguyễn Thị Hồng Đào", "Trần Văn Đức", "Bùi Thị Xuân",
    }  # fmt: skip
    assert not Participant.objects.filter(full_name="Lê Văn Bình").exists()
    report = history.report
    assert (report["enrolled"], report["skipped_invalid"], report["errors_count"]) == (3, 2, 2)
    assert {item["row"] for item in report["errors"]} == {7, 9}
    skipped = list(history.rows.filter(status=RosterImportRow.Status.INVALID).values_list("row", "messages"))
    assert skipped == [
        (7, ["Họ và tên: thiếu họ tên"]),
        (9, ["Số điện thoại: Số điện thoại không hợp lệ: “12345”"]),
    ]
    assert not history.rows.filter(status=RosterImportRow.Status.ERROR).exists()

    page = client.get(preview).content.decode()
    assert "3 dòng bị bỏ qua" not in page
    assert "2 dòng lỗi chưa được nhập" in page  # the message after the import
    assert "2 dòng lỗi đã được bỏ qua" in page and "Bỏ qua do có lỗi" in page
    assert reverse("enrollment:roster_errors", args=[history.pk]) in page
    assert "Nhập các dòng hợp lệ" not in page  # imported once
    assert client.post(preview, {"skip_errors": "2"}).status_code == 302
    assert offering.enrollments.count() == 3


def test_the_rows_with_errors_come_back_as_typed_with_their_errors(client, db, tmp_path):
    _offering, _organizer, history, preview = _preview(client, tmp_path)
    url = reverse("enrollment:roster_errors", args=[history.pk])
    before = client.get(url)
    assert before["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert before["Content-Disposition"] == 'attachment; filename="danh-sach-cac-dong-loi.xlsx"'
    rows = _sheet(before.content)
    assert rows == [
        [*HEADER, "Lỗi"],
        [2, None, 1985, "0987 654 321", None, "'" + HYPERLINK, None, "Họ và tên: thiếu họ tên"],
        [4, "Lê Văn Bình", 1969, 12345, None, "'+84 sai", None, "Số điện thoại: Số điện thoại không hợp lệ: “12345”"],
    ]  # only the rows with errors; a formula comes back as text, never to be run

    client.post(preview, {"skip_errors": "2"})
    assert _sheet(client.get(url).content) == rows  # the same rows, after the import that skipped them


def test_the_rows_with_errors_corrected_and_uploaded_again_import(client, db, tmp_path):
    offering, organizer, history, preview = _preview(client, tmp_path)
    client.post(preview, {"skip_errors": "2"})
    workbook = load_workbook(io.BytesIO(client.get(reverse("enrollment:roster_errors", args=[history.pk])).content))
    sheet = workbook.active
    sheet["B2"], sheet["D3"] = "Đinh Thị Mai", "0904123456"  # the clerk fills the name, fixes the phone
    fixed = tmp_path / "ds-da-sua.xlsx"
    workbook.save(fixed)
    again = read_roster(fixed)
    assert [(row.full_name, row.phone, row.organization, row.errors) for row in again.rows] == [
        ("Đinh Thị Mai", "0987654321", HYPERLINK, []),
        ("Lê Văn Bình", "0904123456", "+84 sai", []),
    ]  # the formula-like cell reads back as typed; the "Lỗi" column is not read
    preview_again = _upload(client, offering, fixed, name="ds-da-sua.xlsx").url
    client.post(preview_again)
    assert offering.enrollments.count() == 5


def test_a_file_where_every_row_has_errors_has_nothing_to_import(client, db, tmp_path):
    _offering, _organizer, history, preview = _preview(client, tmp_path, [ROWS[1], ROWS[3]])
    page = client.get(preview).content.decode()
    assert "Nhập các dòng hợp lệ" not in page and "Tải các dòng lỗi (XLSX)" in page
    client.post(preview, {"skip_errors": "2"})
    history.refresh_from_db()
    assert history.status == "previewed"
    assert "Dòng nào của tệp này cũng có lỗi" in client.get(preview).content.decode()


def test_skipping_the_errors_keeps_the_decisions_on_ambiguous_rows(client, db, tmp_path):
    offering, organizer = _setup()
    by_phone = services.participant_create(full_name="Đỗ Văn Hùng", phone="0912000222", unit=offering.unit)
    services.participant_create(full_name="Đỗ Văn Hùng", national_id="001080000222", unit=offering.unit)
    rows = [[1, "Đỗ Văn Hùng", 1980, "0912000222", "001080000222", "", ""], ROWS[1], ROWS[2]]
    client.force_login(organizer)
    preview = _upload(client, offering, _roster(tmp_path / "ds.xlsx", rows)).url
    page = client.get(preview).content.decode()
    assert "Hãy chọn cách xử lý các dòng không rõ ràng ở dưới trước." in page
    client.post(preview, {"skip_errors": "1", "row-6": str(by_phone.pk)})
    assert set(offering.enrollments.values_list("participant__full_name", flat=True)) == {"Đỗ Văn Hùng", "Trần Văn Đức"}
    assert offering.enrollments.filter(participant=by_phone).exists()
    statuses = dict(RosterImport.objects.get().rows.values_list("row", "status"))
    assert statuses == {6: "matched", 7: "invalid", 8: "new"}


def test_another_units_organizer_cannot_download_the_rows_with_errors(client, db, tmp_path):
    _offering, organizer, history, _url = _preview(client, tmp_path)
    url = reverse("enrollment:roster_errors", args=[history.pk])
    _other_offering, outsider = _setup("Hồng Hà")
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(UserFactory(role=Role.TRAINER))
    assert outcome(client.get(url)) == "home"
    client.logout()
    assert outcome(client.get(url)) == "login"
    client.force_login(organizer)
    assert client.get(url).status_code == 200
    assert client.get(reverse("enrollment:roster_errors", args=[history.pk + 1000])).status_code == 404


def test_the_importer_skips_rows_with_errors_only_when_told_and_keeps_their_cells(tmp_path, db):
    long_note = "x" * (MAX_CELL_KEPT + 500)
    header = [*HEADER, "Ghi chú"]
    rows = [[*row, ""] for row in ROWS]
    rows[1][-1] = long_note
    rows[3] += ["", "", "a stray cell far right"]
    path = _roster(tmp_path / "ds.xlsx", rows, header=header)

    checked = roster_import(roster=read_roster(path), offering=OfferingFactory(), dry_run=True)
    assert checked.columns == header
    outcomes = list(checked.outcomes)
    assert [(o.row, o.status) for o in outcomes if o.values] == [(7, "error"), (9, "error")]
    assert checked.skipped_invalid == 0 and not checked.written
    no_name = outcomes[1]
    assert no_name.values[:3] == ["2", "", "1985"] and no_name.values[-1] == "x" * MAX_CELL_KEPT
    assert len(outcomes[3].values) == len(header)  # the cells as far as the table goes
    assert all(o.values is None for o in outcomes if o.status != "error")

    blocked = roster_import(roster=read_roster(path), offering=OfferingFactory())
    assert not blocked.written and blocked.skipped_invalid == 0

    written = roster_import(roster=read_roster(path), offering=OfferingFactory(), skip_invalid=True)
    assert written.written and (written.enrolled, written.skipped_invalid) == (3, 2)
    assert [o.status for o in written.outcomes] == ["new", "invalid", "new", "invalid", "new"]
    assert "columns" not in written.as_json()  # the command's JSON keeps its keys


def test_a_file_upload_with_an_odd_name_downloads_under_a_safe_name(client, db, tmp_path):
    offering, organizer = _setup()
    client.force_login(organizer)
    with open(_roster(tmp_path / "ds.xlsx", ROWS[:2]), "rb") as handle:
        upload = SimpleUploadedFile('danh sách "xã" Bát Tràng.xlsx', handle.read())
    client.post(reverse("enrollment:roster_upload", args=[offering.pk]), {"file": upload})
    response = client.get(reverse("enrollment:roster_errors", args=[RosterImport.objects.get().pk]))
    assert response.status_code == 200
    assert (
        "filename*=utf-8''danh%20s%C3%A1ch%20%22x%C3%A3%22%20B%C3%A1t%20Tr%C3%A0ng-cac-dong-loi.xlsx"
        in (response["Content-Disposition"])
    )
