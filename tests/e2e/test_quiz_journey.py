"""A learner takes a timed final test on a phone: an empty submission asks to confirm and uses no attempt, a failed
attempt shows the score and the wrong questions but no answers (the course's default), a passed one shows them.
Then the course's trainer reads how each question did, and downloads it as XLSX, at a desk."""

import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from courses.models import CoursePage, QuizAttempt, QuizSitting
from courses.quiz import right_options

from .conftest import SCREENSHOTS
from .steps import log_in


@pytest.fixture
def final_test(demo_site):
    course = CoursePage.objects.get(code="OCOP-CT-01")
    return course, course.final_test.specific


def _wrong(question):
    return [index for index, option in enumerate(question["options"]) if not option["correct"]][:1]


def _tick(phone, sitting, pick):
    """Tick, for each question of the attempt under way, the options `pick` names, by their text."""
    for question in sitting.questions:
        fieldset = phone.locator(f"#q-{question['key']}")
        for index in pick(question):
            fieldset.get_by_label(question["options"][index]["text"], exact=True).check()


def _in_view(phone, step):
    """The phone's screen as the learner sees it (the screenshot fixture takes the whole page, where the timer,
    which stays at the top of the screen, shows wherever the page was scrolled)."""
    phone.screenshot(path=str(SCREENSHOTS / f"test_quiz_journey-screen-{step}.png"))


def test_a_learner_takes_a_final_test_on_a_phone_and_the_trainer_reads_its_item_analysis(
    phone, page, final_test, screenshot
):
    course, lesson = final_test
    log_in(phone, "hocvien@ocop.example", next_url=lesson.url)
    expect(phone.get_by_role("heading", name=lesson.title)).to_be_visible()
    expect(phone.get_by_text("Bài kiểm tra có giới hạn 20 phút")).to_be_visible()
    screenshot(phone, "final-test-before-start")

    phone.get_by_role("button", name="Bắt đầu làm bài").click()
    expect(phone.get_by_text("Thời gian còn lại")).to_be_visible()
    expect(phone.locator("fieldset.question")).to_have_count(6)
    screenshot(phone, "final-test-started")

    # Submitted empty: asked to confirm, nothing used.
    phone.get_by_role("button", name="Nộp bài", exact=True).click()
    expect(phone.get_by_role("alert")).to_contain_text("Còn 6 câu chưa trả lời")
    expect(phone.get_by_role("button", name="Nộp bài dù còn câu chưa trả lời").first).to_be_visible()
    expect(phone.locator(".question__missing")).to_have_count(6)
    _in_view(phone, "asked-to-confirm")  # what the phone shows: the page lands on the question, time left on top
    screenshot(phone, "final-test-asked-to-confirm")
    assert not QuizAttempt.objects.filter(lesson=lesson).exists()

    # Two right, the rest wrong: not passed; the score and the wrong questions, no answers yet.
    sitting = QuizSitting.objects.get(lesson=lesson)
    first_two = {question["key"] for question in sitting.questions[:2]}
    _tick(
        phone, sitting, lambda question: right_options(question) if question["key"] in first_two else _wrong(question)
    )
    expect(phone.get_by_text("Đã lưu câu trả lời.")).to_be_visible()  # saved as ticked
    screenshot(phone, "final-test-answered")
    phone.get_by_role("button", name="Nộp bài", exact=True).click()
    expect(phone.get_by_role("status").filter(has_text="Chưa đạt").first).to_be_visible()
    expect(phone.get_by_text("Các câu chưa đúng: 3, 4, 5, 6.")).to_be_visible()
    expect(phone.get_by_text("Đáp án đúng và lời giải thích sẽ hiện khi bạn đạt")).to_be_visible()
    for question in sitting.questions:
        expect(phone.get_by_text(question["explanation"], exact=True)).to_have_count(0)
    expect(phone.locator(".review-option--correct")).to_have_count(0)
    _in_view(phone, "failed")  # the page lands on the score
    screenshot(phone, "final-test-failed")

    # Another attempt draws anew; all right: passed, and now the answers and explanations.
    phone.get_by_role("button", name="Làm lại").click()
    expect(phone.get_by_text("Thời gian còn lại")).to_be_visible()
    sitting = QuizSitting.objects.get(lesson=lesson)
    _tick(phone, sitting, right_options)
    phone.get_by_role("button", name="Nộp bài", exact=True).click()
    expect(phone.get_by_text(re.compile(r"^Đạt: \d+/\d+ điểm"))).to_be_visible()
    expect(phone.get_by_text("Bạn đã trả lời đúng tất cả các câu.")).to_be_visible()
    expect(phone.get_by_text(sitting.questions[0]["explanation"], exact=True)).to_be_visible()
    screenshot(phone, "final-test-passed")
    assert list(QuizAttempt.objects.filter(lesson=lesson).order_by("pk").values_list("passed", flat=True)) == [
        False, True,
    ]  # fmt: skip

    # The course's trainer, at a desk: the course page leads to the item analysis.
    log_in(page, "giangvien@ocop.example", next_url=course.url)
    analysis = page.get_by_role("region", name="Phân tích câu hỏi (cho giảng viên)")
    analysis.get_by_role("link", name=lesson.title).click()
    expect(page.get_by_role("heading", name="Phân tích câu hỏi")).to_be_visible()
    expect(page.locator(".roster-counts")).to_contain_text("Học viên: 1")
    expect(page.locator("table.item-analysis tbody tr")).to_have_count(6)
    screenshot(page, "item-analysis")
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải về dạng XLSX").click()
    assert download.value.suggested_filename == f"phan-tich-cau-hoi-{lesson.slug}.xlsx"
    with open(download.value.path(), "rb") as file:
        workbook = load_workbook(file)
    questions = [row for row in workbook.worksheets[0].iter_rows(values_only=True) if isinstance(row[0], int)]
    assert len(questions) == 6 and all(row[3] == 1 for row in questions)  # each asked once: the first attempt
