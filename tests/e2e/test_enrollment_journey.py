"""An organizer opens a conference with two seats; three learners register; a cancellation promotes the third."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from enrollment.models import Enrollment

from .steps import log_in

CODE = "HN-2026-BT-09"
TITLE = "Hội nghị triển khai OCOP xã Bát Tràng"


def test_conference_with_two_seats_fills_waitlists_and_promotes(page, browser, live_server, screenshot):
    learners = [
        UserFactory(email=f"hoc.vien.{index}@htx-battrang.example", first_name=given, last_name=family)
        for index, (family, given) in enumerate([("Nguyễn Thị", "Hằng"), ("Trần Văn", "Đức"), ("Lê Thị", "Ánh")])
    ]

    # The organizer creates the conference in the admin.
    log_in(page, "tochuc@ocop.example", "/admin/")
    page.get_by_role("button", name="Đào tạo").click()
    page.get_by_role("link", name="Lớp, hội nghị, tham quan").click()
    page.get_by_role("link", name="Thêm hoạt động đào tạo").first.click()
    # Wagtail marks required labels with "*", so fields are found by id.
    page.locator("#id_code").fill(CODE)
    page.locator("#id_kind").select_option("conference")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_unit").select_option(label="Xã Bát Tràng")
    page.locator("#id_venue").fill("Hội trường UBND xã Bát Tràng")
    in_two_weeks = (timezone.localdate() + timedelta(days=14)).isoformat()
    page.locator("#id_starts_on").fill(in_two_weeks)
    page.locator("#id_ends_on").fill(in_two_weeks)
    page.locator("#id_capacity").fill("2")
    page.locator("#id_status").select_option("open")
    screenshot(page, "organizer-creates-conference")
    page.get_by_role("button", name="Tạo", exact=True).click()
    expect(page.get_by_text(CODE).first).to_be_visible()
    screenshot(page, "organizer-offerings")

    # Three learners register on the site, each in their own browser.
    contexts = []
    answers = ["Bạn đã đăng ký lớp này.", "Bạn đã đăng ký lớp này.", "Bạn đang trong danh sách chờ"]
    for learner, answer in zip(learners, answers, strict=True):
        context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
        contexts.append(context)
        learner_page = context.new_page()
        log_in(learner_page, learner.email, f"/lop/{CODE}/", password=DEFAULT_PASSWORD)
        expect(learner_page.get_by_role("heading", name=TITLE)).to_be_visible()
        learner_page.get_by_role("button", name="Đăng ký tham dự").or_(
            learner_page.get_by_role("button", name="Vào danh sách chờ")
        ).click()
        expect(learner_page.get_by_text(answer)).to_be_visible()
        screenshot(learner_page, f"learner-{learner.first_name}")
    statuses = dict(Enrollment.objects.filter(offering__code=CODE).values_list("participant__user__email", "status"))
    assert statuses == {
        learners[0].email: "registered",
        learners[1].email: "registered",
        learners[2].email: "waitlisted",
    }
    third = contexts[2].pages[0]
    expect(third.get_by_text("Bạn đang trong danh sách chờ")).to_be_visible()

    # The first cancels; the third gets the seat.
    first = contexts[0].pages[0]
    first.get_by_role("button", name="Hủy đăng ký").click()
    expect(first.get_by_text("Đã hủy đăng ký của bạn.")).to_be_visible()
    third.reload()
    expect(third.get_by_text("Bạn đã đăng ký lớp này.")).to_be_visible()
    screenshot(third, "third-learner-promoted")
    for context in contexts:
        context.close()

    # The organizer sees the list.
    page.goto("/admin/")
    page.get_by_role("button", name="Đào tạo").click()
    page.get_by_role("link", name="Ghi danh").click()
    search = page.locator("input[name='q']").first  # the demo program holds thousands: find this conference's
    search.fill(CODE)
    search.press("Enter")
    expect(page.get_by_text("Trần Văn Đức")).to_be_visible()
    expect(page.get_by_text("Lê Thị Ánh")).to_be_visible()
    screenshot(page, "organizer-enrollments")

    # A fourth learner joins the waiting list; Đức phones to say he cannot come: the organizer cancels his
    # seat on his enrollment's page, and the seat goes to the fourth, as when a learner cancels.
    fourth = UserFactory(email="pham.van.binh@htx-battrang.example", first_name="Bình", last_name="Phạm Văn")
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    fourth_page = context.new_page()
    log_in(fourth_page, fourth.email, f"/lop/{CODE}/", password=DEFAULT_PASSWORD)
    fourth_page.get_by_role("button", name="Vào danh sách chờ").click()
    expect(fourth_page.get_by_text("Bạn đang trong danh sách chờ")).to_be_visible()
    page.get_by_role("link", name="Trần Văn Đức").click()
    page.locator("#id_status").select_option(label="Đã hủy")
    screenshot(page, "organizer-cancels-a-seat")
    page.get_by_role("button", name="Lưu").click()
    row = page.get_by_role("row").filter(has_text="Phạm Văn Bình")
    expect(row).to_contain_text("Đã đăng ký")
    expect(page.get_by_role("row").filter(has_text="Trần Văn Đức")).to_contain_text("Đã hủy")
    screenshot(page, "organizer-seat-promoted")
    fourth_page.reload()
    expect(fourth_page.get_by_text("Bạn đã đăng ký lớp này.")).to_be_visible()
    context.close()


def test_registering_for_a_class_opens_the_lessons_of_its_closed_course(page, live_server, screenshot):
    from courses.factories import CourseFactory, LessonFactory
    from courses.models import CoursePage
    from enrollment.factories import OfferingFactory
    from enrollment.models import Offering

    course = CourseFactory(title="Truy xuất nguồn gốc sản phẩm OCOP", access=CoursePage.Access.ENROLLED)
    lesson = LessonFactory(parent=course, title="Bài 1: Tem truy xuất và mã QR")
    OfferingFactory(code="HN-2026-GL-03", kind=Offering.Kind.CLASS, course=course, status=Offering.Status.OPEN,
                    title="Lớp truy xuất nguồn gốc xã Gia Lâm")  # fmt: skip
    learner = UserFactory(email="chu.htx@giadung.example", first_name="Đạt", last_name="Ngô Quang")

    log_in(page, learner.email, lesson.url, password=DEFAULT_PASSWORD)
    expect(page.get_by_text("dành cho học viên đã ghi danh vào một lớp")).to_be_visible()
    expect(page.get_by_text("Hợp tác xã đăng ký kinh doanh")).to_have_count(0)
    screenshot(page, "closed-lesson-before-registering")

    page.goto("/lop/HN-2026-GL-03/")
    page.get_by_role("button", name="Đăng ký tham dự").click()
    expect(page.get_by_text("Bạn đã đăng ký lớp này.")).to_be_visible()
    page.goto(lesson.url)
    expect(page.get_by_role("heading", name="Bài 1: Tem truy xuất và mã QR")).to_be_visible()
    expect(page.get_by_text("Hợp tác xã đăng ký kinh doanh tại cơ quan đăng ký cấp tỉnh.")).to_be_visible()
    screenshot(page, "closed-lesson-after-registering")
