"""An organizer signs in, lands on the admin's home, sees today's sessions and opens the attendance sheet:
at a desk and on a phone in the field."""

from datetime import time, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from attendance.factories import SessionFactory
from attendance.models import AttendanceRecord
from demo.build import DEMO_PASSWORD
from enrollment.factories import OfferingFactory, ParticipantFactory
from enrollment.models import AdministrativeUnit, Enrollment, Offering, RosterImport, RosterImportRow

NAMES = ["Nguyễn Thị Hồng Đào", "Trần Văn Đức", "Lê Thị Ánh Tuyết"]


def _todays_session():
    today = timezone.localdate()
    unit = AdministrativeUnit.objects.get(scheme="current", name="Bát Tràng")
    offering = OfferingFactory(
        code="HN-2026-BT-31", title="Lớp tập huấn đóng gói và ghi nhãn sản phẩm gốm", unit=unit,
        venue="Nhà văn hóa thôn Giang Cao, xã Bát Tràng", starts_on=today, ends_on=today + timedelta(days=1),
    )  # fmt: skip
    for name in NAMES:
        Enrollment.objects.create(offering=offering, participant=ParticipantFactory(full_name=name))
    session = SessionFactory(offering=offering, title="Ngày 1 - sáng", date=today, starts_at=time(7, 30),
                             ends_at=time(11, 30))  # fmt: skip
    return offering, session


def _waiting_work():
    """A roster checked but not imported, and a conference that ended with certificates to issue."""
    offering = Offering.objects.get(code="HN-2026-BT-31")
    roster = RosterImport.objects.create(
        offering=offering, file="rosters/x.xlsx", original_name="danh-sach-hoc-vien-thon-giang-cao.xlsx",
        status=RosterImport.Status.PREVIEWED,
    )  # fmt: skip
    RosterImportRow.objects.create(roster_import=roster, row=2, status="ambiguous", full_name="Trần Văn Đức")
    ended = timezone.localdate() - timedelta(days=3)
    conference = OfferingFactory(code="HN-2026-BT-HN", title="Hội nghị triển khai OCOP xã Bát Tràng",
                                 unit=offering.unit, starts_on=ended, ends_on=ended)  # fmt: skip
    session = SessionFactory(offering=conference, date=ended)
    for name in NAMES:
        enrollment = Enrollment.objects.create(offering=conference, participant=ParticipantFactory(full_name=name))
        AttendanceRecord.objects.create(session=session, enrollment=enrollment, status="present", method="sheet")


def _log_in_without_next(page, email):
    page.goto("/tai-khoan/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()


@pytest.mark.parametrize("device", ["page", "phone"])
def test_an_organizer_lands_in_the_admin_and_opens_todays_sheet(request, device, screenshot):
    page = request.getfixturevalue(device)
    offering, session = _todays_session()
    _waiting_work()

    _log_in_without_next(page, "tochuc@ocop.example")
    page.wait_for_url("**/admin/")
    panel = page.locator("#home-sessions-section")
    expect(panel.get_by_role("heading", name="Buổi học hôm nay và trong tuần")).to_be_visible()
    expect(panel).to_contain_text(offering.code)
    expect(panel).to_contain_text("0/3 đã điểm danh")
    for heading in ("Danh sách chờ bạn quyết định", "Giấy chứng nhận cần cấp", "Bảng số liệu chương trình"):
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
    # Nothing wider than the screen: no sideways scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, f"{device}-home")
    expect(page.get_by_role("link", name="danh-sach-hoc-vien-thon-giang-cao.xlsx")).to_be_visible()
    expect(page.get_by_text("1 dòng cần xác định")).to_be_visible()
    page.get_by_role("link", name="HN-2026-BT-HN").scroll_into_view_if_needed()
    expect(page.get_by_text("3 giấy chứng nhận cần cấp")).to_be_visible()
    screenshot(page, f"{device}-home-below")

    link = panel.get_by_role("link", name=session.title)
    box = link.bounding_box()
    assert box["height"] >= 24  # a thumb can hit it
    link.click()
    expect(page.get_by_role("heading", name=f"Bảng điểm danh: {session.title}")).to_be_visible()
    for name in NAMES:
        expect(page.get_by_role("group", name=name)).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    choice = page.get_by_role("group", name=NAMES[0]).get_by_label("Vắng có phép")
    choice.check()  # every choice of a row in reach, without scrolling sideways
    box = choice.locator("xpath=..").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]
    screenshot(page, f"{device}-sheet")
