"""The year's training plan imported from the office's workbook: upload, preview, confirm; drafts;
idempotent; every bad cell named by row and column; organizers only within their units; a confirmation
carries a token, never a file."""

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook
from wagtail.models import ModelLogEntry

from accounts.factories import UserFactory
from accounts.roles import Role
from courses.factories import CourseFactory
from enrollment.factories import OfferingFactory
from enrollment.models import AdministrativeUnit, Offering
from lms.dataimport import pending

HEADER = ["Mã lớp", "Loại", "Khóa học", "Chuyên đề", "Nhóm đối tượng", "Đơn vị", "Địa điểm", "Từ ngày", "Đến ngày",
          "Số chỗ", "Giảng viên (email)"]  # fmt: skip
IMPORT_URL = "/admin/offerings/import-plan/"


def day(days: int) -> str:
    return (timezone.localdate() + timedelta(days=days)).strftime("%d/%m/%Y")


def write_plan(path, rows, header=HEADER, title=True):
    """A workbook as the office writes it: a title block, the header, the rows."""
    workbook = Workbook()
    sheet = workbook.active
    if title:
        sheet.append(["UBND THÀNH PHỐ HÀ NỘI"])
        sheet.append(["KẾ HOẠCH ĐÀO TẠO, TẬP HUẤN CHƯƠNG TRÌNH OCOP"])
        sheet.append([])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def plan_rows():
    return [
        ["HN-KH-SX-01", "Lớp học", "OCOP-SX-01", "", "", "Xã Bát Tràng", "Hội trường UBND xã Bát Tràng", day(60),
         day(61), 40, "giangvien.kehoach@ocop.example"],
        ["HN-KH-HN-01", "Hội nghị", "", "Hội nghị triển khai Chương trình OCOP", "Cán bộ triển khai", "Xã Bát Tràng",
         "", day(70), day(70), "", ""],
        ["HN-KH-TQ-01", "Tham quan học tập", "", "Tham quan mô hình OCOP tại Quảng Ninh", "Chủ thể sản xuất",
         "Xã Bát Tràng", "Quảng Ninh", day(90), day(92), "30", ""],
    ]  # fmt: skip


@pytest.fixture
def world(db):
    unit = AdministrativeUnit.objects.get(scheme="current", name="Bát Tràng")
    return {
        "unit": unit,
        "course": CourseFactory(code="OCOP-SX-01", title="Quản trị hợp tác xã"),
        "trainer": UserFactory(role=Role.TRAINER, email="giangvien.kehoach@ocop.example"),
        "admin": UserFactory(role=Role.ADMINISTRATOR),
        "organizer": UserFactory(role=Role.ORGANIZER, unit=unit),
        "other_organizer": UserFactory(role=Role.ORGANIZER, unit=AdministrativeUnit.objects.get(
            scheme="current", name="Hồng Hà")),
    }  # fmt: skip


def upload(client, path, name=None):
    data = path.read_bytes()
    return client.post(IMPORT_URL, {"file": SimpleUploadedFile(name or path.name, data)})


def token_of(response) -> str:
    assert response.status_code == 302, response.content[:500]
    return response.url.split("preview=")[1]


def confirm(client, token, **extra):
    return client.post(IMPORT_URL, {"token": token, **extra})


def test_upload_preview_confirm_makes_drafts_and_importing_again_changes_nothing(client, world, tmp_path):
    path = write_plan(tmp_path / "ke-hoach-2026.xlsx", plan_rows())
    client.force_login(world["admin"])
    page = client.get(IMPORT_URL).content.decode()
    assert "Nhập kế hoạch đào tạo năm" in page and "Tải tệp mẫu (XLSX)" in page and "Giảng viên (email)" in page

    token = token_of(upload(client, path))
    preview = client.get(f"{IMPORT_URL}?preview={token}").content.decode()
    assert "Mới: <strong>3</strong>" in preview and "Lỗi: <strong>0</strong>" in preview
    assert "Nhập 3 dòng" in preview and "HN-KH-TQ-01" in preview
    assert not Offering.objects.exists()  # the check writes nothing

    response = confirm(client, token)
    assert response.url == reverse("offerings:index") + "?status=draft"
    offerings = {offering.code: offering for offering in Offering.objects.all()}
    assert set(offerings) == {"HN-KH-SX-01", "HN-KH-HN-01", "HN-KH-TQ-01"}
    assert {offering.status for offering in offerings.values()} == {Offering.Status.DRAFT}
    lop = offerings["HN-KH-SX-01"]
    assert (lop.kind, lop.course, lop.title, lop.track, lop.unit, lop.capacity) == (
        "class", world["course"], "Quản trị hợp tác xã", "producers", world["unit"], 40,
    )  # fmt: skip
    assert list(lop.trainers.all()) == [world["trainer"]]
    assert offerings["HN-KH-TQ-01"].kind == "study_tour" and offerings["HN-KH-TQ-01"].capacity == 30
    assert offerings["HN-KH-HN-01"].capacity is None and offerings["HN-KH-HN-01"].track == "officers"
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["Đã nhập kế hoạch ke-hoach-2026.xlsx: 3 lớp mới (bản nháp), 0 thay đổi, 0 không đổi."]
    logged = ModelLogEntry.objects.count()

    # The same file again: every row unchanged, and confirming it writes nothing.
    token = token_of(upload(client, path))
    preview = client.get(f"{IMPORT_URL}?preview={token}").content.decode()
    assert "Mới: <strong>0</strong>" in preview and "Thay đổi: <strong>0</strong>" in preview
    assert "Không đổi: <strong>3</strong>" in preview and "nhập lại không thay đổi gì" in preview
    before = list(Offering.objects.order_by("pk").values())
    response = confirm(client, token)
    assert [str(m) for m in response.wsgi_request._messages] == [
        "Đã nhập kế hoạch ke-hoach-2026.xlsx: 0 lớp mới (bản nháp), 0 thay đổi, 3 không đổi."
    ]
    assert list(Offering.objects.order_by("pk").values()) == before
    assert ModelLogEntry.objects.count() == logged


def test_a_changed_row_is_shown_with_its_changes_and_updates_the_draft(client, world, tmp_path):
    client.force_login(world["admin"])
    confirm(client, token_of(upload(client, write_plan(tmp_path / "a.xlsx", plan_rows()))))
    rows = plan_rows()
    rows[0][6], rows[0][9] = "Nhà văn hóa thôn 3", 45
    token = token_of(upload(client, write_plan(tmp_path / "b.xlsx", rows)))
    preview = client.get(f"{IMPORT_URL}?preview={token}").content.decode()
    assert "Thay đổi: <strong>1</strong>" in preview and "Thay đổi: Địa điểm, Số chỗ" in preview
    confirm(client, token)
    lop = Offering.objects.get(code="HN-KH-SX-01")
    assert (lop.venue, lop.capacity, lop.status) == ("Nhà văn hóa thôn 3", 45, "draft")


BAD_ROWS = [
    ["HN-KH-01", "Lớp học", "KHONG-CO", "", "", "Xã Bát Tràng", "", day(60), day(61), "", ""],  # row 5
    ["HN-KH-02", "Hội nghị", "", "Hội nghị", "", "Xã Không Tồn Tại", "", day(60), day(60), "", ""],  # 6
    ["HN-KH-03", "Hội nghị", "", "Hội nghị", "", "Xã Bát Tràng", "", day(60), day(60), "", "hocvien@ocop.example"],
    ["HN-KH-04", "Hội nghị", "", "Hội nghị", "", "Xã Bát Tràng", "", "01/01/1999", "31/12/2100", "", ""],  # 8
    ["HN-KH-05", "Hội nghị", "", "Hội nghị", "", "Xã Bát Tràng", "", day(60), day(50), "", ""],  # 9
    ["HN-KH-06", "Hội nghị", "", "Hội nghị", "", "Xã Bát Tràng", "", day(60), day(60), "30,5", ""],  # 10
    ["HN-KH-07", "Hội thảo", "", "Hội thảo", "", "Xã Bát Tràng", "", day(60), day(60), "", ""],  # 11
    ["HN-KH-08", "Hội nghị", "", "Hội nghị", "", "Xã Bát Tràng", "", "2026-02-30", "ngày 5", "", ""],  # 12
    ["HN/KH/09", "Lớp học", "", "", "", "Xã Bát Tràng", "", day(60), day(60), "", ""],  # 13
    ["HN-KH-SX-01", "Hội nghị", "", "Hội nghị", "", "Xã Bát Tràng", "", day(60), day(60), "", ""],  # 14: valid
    ["HN-KH-SX-01", "Hội nghị", "", "Hội nghị", "", "Xã Bát Tràng", "", day(61), day(61), "", ""],  # 15: repeated
]  # fmt: skip


def test_every_bad_cell_is_named_by_row_and_column_in_vietnamese(client, world, tmp_path):
    UserFactory(role=Role.LEARNER, email="hocvien@ocop.example")
    client.force_login(world["admin"])
    token = token_of(upload(client, write_plan(tmp_path / "loi.xlsx", BAD_ROWS)))
    preview = client.get(f"{IMPORT_URL}?preview={token}").content.decode()
    expected = [
        "Dòng 5, cột “Khóa học”: không có khóa học “KHONG-CO”",
        "Dòng 6, cột “Đơn vị”: không có đơn vị hành chính “Xã Không Tồn Tại”",
        "Dòng 7, cột “Giảng viên (email)”: không phải email của giảng viên (tài khoản thuộc nhóm Giảng viên): "
        "“hocvien@ocop.example”",
        "Dòng 8, cột “Từ ngày”: ngày 01/01/1999 nằm ngoài giới hạn: ngày phải từ 01/01/2000 đến 31/12/2099",
        "Dòng 8, cột “Đến ngày”: ngày 31/12/2100 nằm ngoài giới hạn",
        "Dòng 9, cột “Đến ngày”: Ngày kết thúc trước ngày bắt đầu.",
        "Dòng 10, cột “Số chỗ”: “30,5” không phải số nguyên từ 1 đến 100000",
        "Dòng 11, cột “Loại”: không nhận ra “Hội thảo”: hãy ghi “Lớp học”, “Hội nghị” hoặc “Tham quan học tập”",
        "Dòng 12, cột “Từ ngày”: “2026-02-30” không phải một ngày có thật",
        "Dòng 12, cột “Đến ngày”: “ngày 5” không phải ngày: hãy ghi theo dạng ngày/tháng/năm",
        "Dòng 13, cột “Mã lớp”: Chỉ dùng chữ cái không dấu",
        "Dòng 15, cột “Mã lớp”: mã HN-KH-SX-01 đã có ở dòng 14 của tệp này",
    ]
    missing = [message for message in expected if message not in preview]
    assert not missing, missing
    assert "Lỗi: <strong>10</strong>" in preview and "Nhập 11 dòng" not in preview
    response = confirm(client, token)  # pressed anyway: nothing is half-written
    assert not Offering.objects.exists()
    assert "Chưa nhập gì" in str(list(response.wsgi_request._messages)[0])


def test_a_file_without_a_required_column_or_in_another_format_is_refused_on_the_form(client, world, tmp_path):
    client.force_login(world["admin"])
    no_unit = write_plan(tmp_path / "thieu.xlsx", [["HN-1", "Hội nghị"]], header=["Mã lớp", "Loại", "Chuyên đề"])
    page = upload(client, no_unit).content.decode()
    assert "Tệp “thieu.xlsx” không có cột “Đơn vị”, “Từ ngày”, “Đến ngày”" in page
    fake = tmp_path / "gia.xlsx"
    fake.write_text("không phải Excel")
    assert "không đúng định dạng .xlsx" in upload(client, fake).content.decode()
    assert "chỉ nhập được tệp .xlsx và .csv" in upload(client, fake, name="ke-hoach.pdf").content.decode()
    assert not Offering.objects.exists()


def test_english_headers_and_a_semicolon_csv_are_read(client, world, tmp_path):
    text = "Code;Kind;Course;Title;Track;Unit;Venue;Start date;End date;Capacity;Trainers\n"
    text += f"HN-EN-01;Class;OCOP-SX-01;;;Xã Bát Tràng;;{day(60)};{day(61)};25;giangvien.kehoach@ocop.example\n"
    path = tmp_path / "plan.csv"
    path.write_bytes(("\ufeff" + text).encode("utf-8"))
    client.force_login(world["admin"])
    confirm(client, token_of(upload(client, path)))
    offering = Offering.objects.get(code="HN-EN-01")
    assert (offering.course, offering.capacity, offering.status) == (world["course"], 25, "draft")


def test_an_organizer_imports_only_into_their_own_units(client, world, tmp_path):
    outside = OfferingFactory(code="HN-KH-HH-01", unit=world["other_organizer"].unit, status=Offering.Status.DRAFT)
    rows = [
        ["HN-KH-BT-01", "Hội nghị", "", "Hội nghị xã Bát Tràng", "", "Xã Bát Tràng", "", day(60), day(60), "", ""],
        ["HN-KH-BT-02", "Hội nghị", "", "Hội nghị phường Hồng Hà", "", "Phường Hồng Hà", "", day(60), day(60), "", ""],
        ["HN-KH-HH-01", "Hội nghị", "", "Đổi tên lớp của phường khác", "", "Xã Bát Tràng", "", day(60), day(60), "",
         ""],
    ]  # fmt: skip
    client.force_login(world["organizer"])
    token = token_of(upload(client, write_plan(tmp_path / "ke-hoach.xlsx", rows)))
    preview = client.get(f"{IMPORT_URL}?preview={token}").content.decode()
    assert "Dòng 6, cột “Đơn vị”: “Phường Hồng Hà” không thuộc các đơn vị bạn phụ trách" in preview
    assert "Dòng 7, cột “Mã lớp”: mã HN-KH-HH-01 đã được dùng cho một lớp ngoài các đơn vị bạn phụ trách" in preview
    confirm(client, token)
    assert list(Offering.objects.values_list("code", flat=True)) == ["HN-KH-HH-01"]
    outside.refresh_from_db()
    assert outside.unit == world["other_organizer"].unit and outside.title != "Đổi tên lớp của phường khác"

    # Their own row alone goes in.
    confirm(client, token_of(upload(client, write_plan(tmp_path / "ke-hoach-2.xlsx", rows[:1]))))
    assert Offering.objects.get(code="HN-KH-BT-01").unit == world["unit"]


def test_an_offering_no_longer_a_draft_is_not_changed_by_the_plan(client, world, tmp_path):
    client.force_login(world["admin"])
    confirm(client, token_of(upload(client, write_plan(tmp_path / "a.xlsx", plan_rows()))))
    Offering.objects.filter(code="HN-KH-HN-01").update(status=Offering.Status.OPEN)
    rows = plan_rows()
    token = token_of(upload(client, write_plan(tmp_path / "b.xlsx", rows)))
    assert "Không đổi: <strong>3</strong>" in client.get(f"{IMPORT_URL}?preview={token}").content.decode()
    rows[1][6] = "Hội trường mới"
    token = token_of(upload(client, write_plan(tmp_path / "c.xlsx", rows)))
    preview = client.get(f"{IMPORT_URL}?preview={token}").content.decode()
    assert "Dòng 6: HN-KH-HN-01 không còn là bản nháp (đang mở đăng ký)" in preview
    confirm(client, token)
    assert Offering.objects.get(code="HN-KH-HN-01").venue == ""


def test_a_confirmation_cannot_smuggle_another_file_or_another_persons_upload(client, world, tmp_path, media):
    client.force_login(world["organizer"])
    mine = write_plan(tmp_path / "cua-toi.xlsx", plan_rows()[:1])
    other = write_plan(tmp_path / "khac.xlsx", [
        ["HN-LAU-01", "Hội nghị", "", "Lén", "", "Phường Hồng Hà", "", day(60), day(60), "", ""],
    ])  # fmt: skip
    token = token_of(upload(client, mine))

    # A made-up token, a path, another import's token: nothing.
    for forged in ("abc", "../../etc/passwd", f"{pending.FOLDER}/x", ""):
        response = confirm(client, forged)
        assert response.status_code == 302 and not Offering.objects.exists()
    products_token = token_of(client.post("/admin/ocop_products/import/", {
        "file": SimpleUploadedFile("sp.csv", "Tên sản phẩm,Chủ thể,Số sao,Năm xếp hạng\nA,B,3,2024\n".encode()),
    }))  # fmt: skip
    confirm(client, products_token)
    assert not Offering.objects.exists()

    # Another person's token: not in their session.
    other_client = client_class_login(world["other_organizer"])
    other_client.post(IMPORT_URL, {"token": token})
    assert not Offering.objects.exists()

    # The token with another file and the library's own field: the kept file is imported, nothing else.
    with other.open("rb") as handle:
        confirm(client, token, file=handle, import_file_name="khac.xlsx", original_file_name="khac.xlsx")
    assert list(Offering.objects.values_list("code", flat=True)) == ["HN-KH-SX-01"]
    # And the token is spent.
    confirm(client, token)
    assert Offering.objects.count() == 1


def test_a_kept_file_changed_on_disk_is_not_imported(client, world, tmp_path, media):
    client.force_login(world["admin"])
    token = token_of(upload(client, write_plan(tmp_path / "a.xlsx", plan_rows())))
    entry = client.session[pending.SESSION_KEY][token]
    stored = media / pending.FOLDER / entry["name"]
    stored.write_bytes(write_plan(tmp_path / "b.xlsx", [["HN-DOI-01", "Hội nghị"]]).read_bytes())
    response = confirm(client, token)
    assert response.url == IMPORT_URL
    assert "không còn" in str(list(response.wsgi_request._messages)[0])
    assert not Offering.objects.exists()


def client_class_login(user):
    from django.test import Client

    other = Client()
    other.force_login(user)
    return other


def test_the_template_is_a_workbook_that_imports_as_it_is(client, world, tmp_path):
    client.force_login(world["organizer"])
    response = client.get(reverse("enrollment:plan_template"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(response.content))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert list(rows[0]) == HEADER and rows[1][5] == "Xã Bát Tràng"
    assert workbook.sheetnames == ["Kế hoạch năm", "Hướng dẫn"]
    path = tmp_path / "mau.xlsx"
    path.write_bytes(response.content)
    preview = client.get(f"{IMPORT_URL}?preview={token_of(upload(client, path))}").content.decode()
    assert "Mới: <strong>1</strong>" in preview and "Lỗi: <strong>0</strong>" in preview


def test_the_listing_links_to_the_import_for_those_who_may_use_it(client, world):
    client.force_login(world["organizer"])
    assert "Nhập kế hoạch năm" in client.get(reverse("offerings:index")).content.decode()
    client.force_login(UserFactory(role=Role.TRAINER))
    response = client.get(IMPORT_URL)
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_a_column_the_file_does_not_have_is_left_as_it_is(client, world, tmp_path):
    client.force_login(world["admin"])
    confirm(client, token_of(upload(client, write_plan(tmp_path / "a.xlsx", plan_rows()))))
    Offering.objects.filter(code="HN-KH-SX-01").update(title="Lớp quản trị HTX khóa 1", track="")
    header = ["Mã lớp", "Loại", "Khóa học", "Đơn vị", "Từ ngày", "Đến ngày", "Số chỗ"]
    row = plan_rows()[0]
    short = [row[0], row[1], row[2], row[5], row[7], row[8], 50]
    token = token_of(upload(client, write_plan(tmp_path / "b.xlsx", [short], header=header)))
    preview = client.get(f"{IMPORT_URL}?preview={token}").content.decode()
    assert "Thay đổi: Số chỗ" in preview
    confirm(client, token)
    lop = Offering.objects.get(code="HN-KH-SX-01")
    assert (lop.title, lop.track, lop.capacity, lop.venue) == ("Lớp quản trị HTX khóa 1", "producers", 50,
                                                                "Hội trường UBND xã Bát Tràng")  # fmt: skip
    assert list(lop.trainers.all()) == [world["trainer"]]
