import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from accounts.factories import UserFactory
from accounts.roles import Role
from attendance.factories import SessionFactory
from attendance.models import AttendanceRecord
from enrollment.factories import OfferingFactory, ParticipantFactory
from enrollment.models import AdministrativeUnit, Enrollment

NAMES = [("Nguyễn Thị Hồng Đào", 1978), ("Trần Văn Đức", 1985), ("Lê Văn Bình", 1969)]


@pytest.fixture
def setup(db, client):
    unit = AdministrativeUnit.objects.get(scheme="current", name="Bát Tràng")
    offering = OfferingFactory(unit=unit, title="Lớp tập huấn OCOP: “=chuẩn hóa” sản phẩm")
    sessions = [SessionFactory(offering=offering, title=f"Ngày {n} - sáng") for n in (1, 2)]
    people = {
        name: Enrollment.objects.create(
            offering=offering, participant=ParticipantFactory(full_name=name, birth_year=year)
        )
        for name, year in NAMES
    }
    client.force_login(UserFactory(role=Role.ORGANIZER, unit=unit))
    return offering, sessions, people


def download(client, offering):
    response = client.get(reverse("attendance:signin_sheet_xlsx", args=[offering.pk]))
    assert response["Content-Disposition"] == f'attachment; filename="ky-nhan-{offering.code}.xlsx"'
    return load_workbook(io.BytesIO(response.content))


def upload(client, offering, workbook):
    data = io.BytesIO()
    workbook.save(data)
    upload = SimpleUploadedFile("ky-nhan-da-dien.xlsx", data.getvalue())
    return client.post(reverse("attendance:signin_sheet_upload", args=[offering.pk]), {"file": upload}, follow=True)


def rows_by_name(sheet):
    return {row[1].value: row for row in sheet.iter_rows(min_row=9) if row[1].value}


def test_the_printed_sheet_lists_everyone_with_a_column_per_session(client, setup):
    offering, sessions, _people = setup
    page = client.get(reverse("attendance:signin_sheet", args=[offering.pk])).content.decode()
    assert "DANH SÁCH KÝ NHẬN" in page and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in page
    assert '<link rel="icon" href="/static/img/favicon.svg"' in page
    assert page.index("Lê Văn Bình") < page.index("Nguyễn Thị Hồng Đào") < page.index("Trần Văn Đức")  # Bình, Đào, Đức
    assert page.count('class="col-sign"></td>') == 6
    one = client.get(
        reverse("attendance:signin_sheet", args=[offering.pk]) + f"?session={sessions[1].pk}"
    ).content.decode()
    assert one.count('class="col-sign"></td>') == 3 and "Ngày 2 - sáng, ngày" in one


def test_a_filled_sheet_is_read_back_with_every_kind_of_mark(client, setup):
    offering, sessions, people = setup
    workbook = download(client, offering)
    sheet = workbook.active
    assert sheet["A5"].value.startswith("'Lớp tập huấn") is False  # only cells starting with = are escaped
    rows = rows_by_name(sheet)
    rows["Nguyễn Thị Hồng Đào"][5].value, rows["Nguyễn Thị Hồng Đào"][6].value = "x", "Có"
    rows["Trần Văn Đức"][5].value, rows["Trần Văn Đức"][6].value = "P", None
    rows["Lê Văn Bình"][5].value, rows["Lê Văn Bình"][6].value = "M", "v"
    page = upload(client, offering, workbook).content.decode()
    assert "Đã đọc danh sách ký nhận: 3 người, ghi nhận 6 lượt điểm danh." in page
    marks = {(r.enrollment.participant.full_name, r.session.title): r.status for r in AttendanceRecord.objects.all()}
    assert marks == {
        ("Nguyễn Thị Hồng Đào", "Ngày 1 - sáng"): "present", ("Nguyễn Thị Hồng Đào", "Ngày 2 - sáng"): "present",
        ("Trần Văn Đức", "Ngày 1 - sáng"): "excused", ("Trần Văn Đức", "Ngày 2 - sáng"): "absent",
        ("Lê Văn Bình", "Ngày 1 - sáng"): "late", ("Lê Văn Bình", "Ngày 2 - sáng"): "present",
    }  # fmt: skip
    assert set(AttendanceRecord.objects.values_list("method", flat=True)) == {"import"}


def test_an_unreadable_mark_or_a_stranger_writes_nothing_and_names_the_cell(client, setup):
    offering, _sessions, _people = setup
    workbook = download(client, offering)
    sheet = workbook.active
    rows = rows_by_name(sheet)
    rows["Trần Văn Đức"][5].value = "có mặt buổi chiều"
    sheet.append([4, "Đinh Công Tráng", 1990, "", "", "x", "x", ""])
    page = upload(client, offering, workbook).content.decode()
    assert "Chưa ghi nhận gì" in page
    row = rows["Trần Văn Đức"][5].row
    assert f"Dòng {row}, “Ngày 1 - sáng (" in page and "không hiểu ký hiệu “có mặt buổi chiều”" in page
    assert "“Đinh Công Tráng” không có trong danh sách lớp này" in page
    assert not AttendanceRecord.objects.exists()


def test_a_sheet_typed_again_by_hand_is_matched_by_name_and_year(client, setup):
    from openpyxl import Workbook

    offering, _sessions, _people = setup
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["DANH SÁCH KÝ NHẬN"])
    sheet.append(["STT", "Họ và tên", "Năm sinh", "Ngày 1 - sáng", "Ngày 2 - sáng"])
    sheet.append([1, "nguyễn thị hồng đào", 1978, "x", "x"])
    sheet.append([2, "Trần Văn Đức", 1985, "", "x"])
    page = upload(client, offering, workbook).content.decode()
    assert "ghi nhận 4 lượt điểm danh" in page
    assert AttendanceRecord.objects.filter(status="present").count() == 3


def test_a_file_that_is_not_a_workbook_gets_the_roster_message(client, setup):
    offering, _sessions, _people = setup
    upload_file = SimpleUploadedFile("ky-nhan.xlsx", b"Ho va ten,Nam sinh\n")
    page = client.post(
        reverse("attendance:signin_sheet_upload", args=[offering.pk]), {"file": upload_file}
    ).content.decode()
    assert "không đúng định dạng .xlsx" in page
