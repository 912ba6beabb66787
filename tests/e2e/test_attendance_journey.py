"""Taking attendance: the organizer's sheet, and a learner's QR check-in on a phone."""

import re
from datetime import time, timedelta

from django.utils import timezone
from playwright.sync_api import expect

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from attendance.factories import SessionFactory
from attendance.models import AttendanceRecord
from enrollment.factories import OfferingFactory, ParticipantFactory
from enrollment.models import AdministrativeUnit, Enrollment

from .steps import log_in

NAMES = ["Nguyễn Thị Hồng Đào", "Trần Văn Đức", "Lê Thị Ánh Tuyết", "Phạm Quốc Bảo", "Hoàng Thị Lan Anh",
         "Vũ Đình Khôi", "Đặng Thu Hà", "Bùi Văn Ất"]  # fmt: skip


def _offering(code, title, starts_on):
    unit = AdministrativeUnit.objects.get(scheme="current", name="Bát Tràng")
    offering = OfferingFactory(code=code, title=title, unit=unit, starts_on=starts_on,
                               ends_on=starts_on + timedelta(days=2))  # fmt: skip
    for name in NAMES:
        Enrollment.objects.create(offering=offering, participant=ParticipantFactory(full_name=name), source="roster")
    return offering


def test_organizer_generates_a_schedule_and_takes_attendance_on_the_sheet(page, screenshot):
    next_month = timezone.localdate() + timedelta(days=30)
    offering = _offering("HN-2026-BT-21", "Lớp tập huấn kỹ năng quản lý HTX", next_month)

    log_in(page, "tochuc@ocop.example", "/admin/")
    page.get_by_role("button", name="Đào tạo", exact=True).click()
    page.get_by_role("link", name="Lớp, hội nghị, tham quan").click()
    page.get_by_role("row").filter(has_text=offering.code).get_by_role("link", name="Buổi học").click()
    expect(page.get_by_role("heading", name=f"Điểm danh: {offering.code}")).to_be_visible()
    page.get_by_label("Số ngày").fill("3")
    screenshot(page, "attendance-schedule")
    page.get_by_role("button", name="Tạo lịch").click()
    expect(page.get_by_text("Lịch học có 6 buổi.")).to_be_visible()
    expect(page.get_by_role("link", name="Ngày 3 - chiều")).to_be_visible()
    screenshot(page, "attendance-sessions")

    page.get_by_role("link", name="Ngày 1 - sáng").click()
    expect(page.get_by_role("heading", name="Bảng điểm danh: Ngày 1 - sáng")).to_be_visible()
    page.get_by_role("button", name="Tất cả có mặt").click()
    page.get_by_role("group", name="Trần Văn Đức").get_by_label("Vắng có phép").check()
    page.get_by_role("textbox", name="Ghi chú: Trần Văn Đức").fill("Ốm, có giấy xin phép")
    page.get_by_role("group", name="Bùi Văn Ất").get_by_label("Vắng", exact=True).check()
    screenshot(page, "attendance-sheet-marked")
    page.get_by_role("button", name="Lưu điểm danh").first.click()
    expect(page.get_by_text("Đã lưu điểm danh (8 thay đổi).")).to_be_visible()

    page.reload()
    expect(page.get_by_role("group", name="Trần Văn Đức").get_by_label("Vắng có phép")).to_be_checked()
    expect(page.get_by_role("group", name="Bùi Văn Ất").get_by_label("Vắng", exact=True)).to_be_checked()
    expect(page.get_by_role("group", name="Nguyễn Thị Hồng Đào").get_by_label("Có mặt")).to_be_checked()
    expect(page.get_by_role("textbox", name="Ghi chú: Trần Văn Đức")).to_have_value("Ốm, có giấy xin phép")
    expect(page.get_by_text("Đã điểm danh 8/8 người")).to_be_visible()
    screenshot(page, "attendance-sheet-saved")
    statuses = list(AttendanceRecord.objects.filter(session__offering=offering).values_list("status", flat=True))
    assert sorted(statuses) == ["absent", "excused", *["present"] * 6]


def test_a_learner_checks_in_by_qr_on_a_phone_and_the_screen_counts_it(page, phone, clock, screenshot):
    clock.at(8, 5)  # the morning session began five minutes ago
    offering = _offering("HN-2026-BT-22", "Hội nghị triển khai OCOP xã Bát Tràng", clock.today)
    session = SessionFactory(offering=offering, title="Phiên sáng", date=clock.today, starts_at=time(8, 0),
                             ends_at=time(11, 0))  # fmt: skip
    learner = UserFactory(email="hong.dao@htx-battrang.example", first_name="Đào", last_name="Nguyễn Thị Hồng")
    dao = Enrollment.objects.get(offering=offering, participant__full_name="Nguyễn Thị Hồng Đào").participant
    dao.user = learner
    dao.save()

    # The organizer puts the session's screen on the projector.
    log_in(page, "tochuc@ocop.example", f"/admin/attendance/sessions/{session.pk}/screen/")
    expect(page.get_by_role("heading", name="Điểm danh: Phiên sáng")).to_be_visible()
    expect(page.locator("[data-count]")).to_have_text("0")
    code = page.locator("[data-code]").text_content().strip()
    screenshot(page, "checkin-screen-before")

    # The learner scans it (the QR holds this address), logs in and checks in.
    phone.goto(f"/diem-danh/{session.pk}/{code}/")
    expect(phone.get_by_role("heading", name="Điểm danh: Phiên sáng")).to_be_visible()
    phone.get_by_role("link", name="Đăng nhập để điểm danh").click()
    phone.get_by_label("Email").fill(learner.email)
    phone.get_by_label("Mật khẩu").fill(DEFAULT_PASSWORD)
    phone.get_by_role("button", name="Đăng nhập").click()
    expect(phone.get_by_text("Bạn điểm danh với tên Nguyễn Thị Hồng Đào.")).to_be_visible()
    screenshot(phone, "checkin-phone-confirm")
    phone.get_by_role("button", name="Điểm danh cho tôi").click()
    expect(phone.get_by_role("status")).to_contain_text("Nguyễn Thị Hồng Đào: Có mặt")
    screenshot(phone, "checkin-phone-done")

    # The projector's count goes up by itself.
    expect(page.locator("[data-count]")).to_have_text("1", timeout=10_000)
    screenshot(page, "checkin-screen-after")
    record = AttendanceRecord.objects.get(session=session)
    assert record.method == "qr"

    # Later, the learner scans the screen again: told when they checked in, no button this time.
    code = page.locator("[data-code]").text_content().strip()
    phone.goto(f"/diem-danh/{session.pk}/{code}/")
    expect(phone.get_by_role("status")).to_have_text(re.compile(r"^Bạn đã điểm danh lúc \d\d:\d\d\.$"))
    expect(phone.get_by_role("button", name="Điểm danh cho tôi")).to_have_count(0)
    checked_in = timezone.localtime(record.checked_in_at).strftime("%H:%M")
    expect(phone.get_by_role("status")).to_have_text(f"Bạn đã điểm danh lúc {checked_in}.")
    screenshot(phone, "checkin-phone-again")

    # The session is under way: so says the learner's page, and the organizer's list of sessions.
    phone.goto("/lop-cua-toi/")
    card = phone.locator(".offering-card").filter(has_text=offering.code)
    expect(card.locator(".session-state")).to_have_text("Đang diễn ra")
    expect(card).to_contain_text("Phiên sáng")
    screenshot(phone, "my-classes-session-in-progress")
    page.goto(f"/admin/attendance/offerings/{offering.pk}/")
    expect(page.get_by_role("row").filter(has_text="Phiên sáng")).to_contain_text("Đang diễn ra")
    screenshot(page, "sessions-in-progress")


def test_organizer_prints_the_sign_in_sheet_reads_it_back_and_sees_who_is_at_risk(page, tmp_path, screenshot):
    from io import BytesIO

    from openpyxl import load_workbook

    from courses.factories import CourseFactory
    from enrollment.models import Offering

    course = CourseFactory(title="Quản trị hợp tác xã", min_attendance_percent=80)
    first_day = timezone.localdate() - timedelta(days=20)
    offering = _offering("HN-2026-BT-23", "Lớp quản trị HTX xã Bát Tràng", first_day)
    Offering.objects.filter(pk=offering.pk).update(kind="class", course=course)
    for day in range(3):
        SessionFactory(offering=offering, title=f"Ngày {day + 1}", date=first_day + timedelta(days=day))

    log_in(page, "tochuc@ocop.example", f"/admin/attendance/offerings/{offering.pk}/")
    with page.context.expect_page() as printed:
        page.get_by_role("link", name="In danh sách ký nhận").click()
    sheet = printed.value
    expect(sheet.get_by_role("heading", name="DANH SÁCH KÝ NHẬN")).to_be_visible()
    expect(sheet.get_by_role("cell", name="Công Tằng Tôn Nữ Thị Phương Thảo")).to_have_count(0)
    expect(sheet.get_by_role("cell", name="Hoàng Thị Lan Anh")).to_be_visible()
    screenshot(sheet, "sign-in-sheet-print")
    sheet.close()

    with page.expect_download() as download:
        page.get_by_role("link", name="Danh sách ký nhận dạng XLSX").click()
    workbook = load_workbook(BytesIO(open(download.value.path(), "rb").read()))
    rows = {row[1].value: row for row in workbook.active.iter_rows(min_row=9) if row[1].value}
    for name, row in rows.items():  # everyone came to all three days, except two
        marks = {"Bùi Văn Ất": ("x", "", ""), "Đặng Thu Hà": ("x", "P", "")}.get(name, ("x", "x", "x"))
        for cell, mark in zip(row[5:8], marks, strict=True):
            cell.value = mark
    filled = tmp_path / "ky-nhan-da-dien.xlsx"
    workbook.save(filled)

    page.get_by_role("link", name="Tải lên danh sách ký nhận đã điền").click()
    page.get_by_label("Danh sách ký nhận đã điền (.xlsx)").set_input_files(filled)
    screenshot(page, "sign-in-sheet-upload")
    page.get_by_role("button", name="Đọc danh sách").click()
    expect(page.get_by_text("Đã đọc danh sách ký nhận: 8 người, ghi nhận 24 lượt điểm danh.")).to_be_visible()
    at_risk = page.locator(".attendance-at-risk")
    expect(at_risk.get_by_role("row")).to_have_count(3)  # the header and two people
    expect(at_risk).to_contain_text("Bùi Văn Ất")
    expect(at_risk).to_contain_text("33,3 %")
    expect(at_risk).to_contain_text("Đặng Thu Hà")
    expect(page.get_by_text("Khóa học yêu cầu tối thiểu 80 %.")).to_be_visible()
    screenshot(page, "attendance-rates-at-risk")
