"""A bad file in the browser: a password-protected sign-in sheet, and a picture bomb in the image
library. Each is refused with a message in Vietnamese, and nothing is recorded."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect
from wagtail.images import get_image_model

from attendance.factories import SessionFactory
from attendance.models import AttendanceRecord
from tests import corpus

from .steps import log_in
from .test_attendance_journey import _offering


def test_a_password_protected_sign_in_sheet_is_refused_with_a_reason(page, tmp_path, screenshot):
    held = timezone.localdate() - timedelta(days=12)
    offering = _offering("HN-2026-BT-24", "Lớp bao bì sản phẩm xã Bát Tràng", held)
    SessionFactory(offering=offering, title="Ngày 1", date=held)
    protected = corpus.encrypted_office(tmp_path / "ky-nhan.xlsx")

    log_in(page, "tochuc@ocop.example", f"/admin/attendance/offerings/{offering.pk}/")
    page.get_by_role("link", name="Tải lên danh sách ký nhận đã điền").click()
    page.get_by_label("Danh sách ký nhận đã điền (.xlsx)").set_input_files(protected)
    page.get_by_role("button", name="Đọc danh sách").click()
    expect(page.get_by_text("Tệp “ky-nhan.xlsx” được đặt mật khẩu")).to_be_visible()
    screenshot(page, "sign-in-sheet-with-password")
    assert not AttendanceRecord.objects.filter(session__offering=offering).exists()


def test_a_picture_bomb_is_refused_before_it_is_decoded(page, tmp_path, screenshot):
    bomb = corpus.write(tmp_path / "anh-lop-hoc.png", corpus.png_claiming(10_000, 10_000))

    log_in(page, "giangvien@ocop.example", "/admin/images/add/")
    page.locator("#id_title").fill("Ảnh lớp học Bát Tràng")
    page.locator("#id_file").set_input_files(bomb)
    page.get_by_role("button", name="Tải lên").click()
    too_many = "Tệp này có quá nhiều điểm ảnh (100.000.000). Số điểm ảnh tối đa 40.000.000."
    expect(page.get_by_text(too_many)).to_be_visible()
    screenshot(page, "image-over-the-pixel-limit")
    assert not get_image_model().objects.filter(title="Ảnh lớp học Bát Tràng").exists()
