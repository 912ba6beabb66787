"""Results in the admin: per offering (counts, averages, distributions, comments; XLSX), per trainer, per
course and track for a year; who reads them (organizers their units, trainers above the threshold); the paper
form, printed and typed in; the survey an offering uses."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.factories import UserFactory
from accounts.roles import Role
from feedback import services
from feedback.models import SurveyAnswered, SurveyResponse
from feedback.selectors import TRAINER_THRESHOLD, offering_results, offering_template

from .conftest import answers_for, hold


def answered(held, ratings, comments=()):
    """Each of the first len(ratings) learners answers, rating every scale question with their rating."""
    template = offering_template(held.offering)
    for n, rating in enumerate(ratings):
        comment = comments[n] if n < len(comments) else ""
        services.survey_submit(enrollment=held.enrollments[n],
                               answers=answers_for(template, rating=rating, option=n % 2, comment=comment))  # fmt: skip
    return template


def workbook(response):
    return load_workbook(io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content))


def test_the_results_of_an_offering_in_numbers(unit, standard):
    held = hold(unit, learners=8)
    answered(held, [5, 4, 4, 3, 5], comments=["Nên có thêm thực hành", "", "=cmd|' /C calc'!A0"])
    results = offering_results(held.offering)
    assert (results.responses, results.enrolled, results.response_rate) == (5, 8, 62.5)
    assert results.overall == 4.2
    rows = {row.question.text: row for row in results.questions}
    overall = rows["Nhìn chung, anh/chị hài lòng với lớp tập huấn ở mức nào?"]
    assert overall.answered == 5 and overall.counts == [0, 0, 1, 2, 2]
    assert overall.distribution[4] == ("5", 2, 40.0)
    length = rows["Thời lượng của lớp học"]
    assert length.counts == [3, 2, 0] and length.labels == ["Quá ngắn", "Vừa đủ", "Quá dài"]
    assert rows["Anh/chị đề xuất gì để các lớp sau tốt hơn?"].texts == ["=cmd|' /C calc'!A0", "Nên có thêm thực hành"]


def test_an_organizer_reads_the_results_and_downloads_them(client, unit, organizer):
    held = hold(unit, learners=6)
    answered(held, [5, 4, 2], comments=['=HYPERLINK("x")'])
    client.force_login(organizer)
    html = client.get(reverse("feedback:results", args=[held.offering.pk])).content.decode()
    assert 'data-testid="results-responses">3<' in html and "3,67 / 5" in html and "50.0 %" in html.replace(",", ".")
    assert "Công tác tổ chức và địa điểm" in html and "=HYPERLINK" in html

    book = workbook(client.get(reverse("feedback:results_xlsx", args=[held.offering.pk])))
    assert book.sheetnames == ["Tổng hợp", "Ý kiến", "Phiếu"]
    summary = [row for row in book["Tổng hợp"].iter_rows(values_only=True) if row[0]]
    overall = next(row for row in summary if row[1] == "Nhìn chung, anh/chị hài lòng với lớp tập huấn ở mức nào?")
    assert overall[3:10] == (3, 3.67, "1: 0", "2: 1", "3: 0", "4: 1", "5: 1")
    comments = [row[1] for row in book["Ý kiến"].iter_rows(values_only=True)]
    assert '\'=HYPERLINK("x")' in comments  # escaped: a spreadsheet shows it, never runs it
    forms = list(book["Phiếu"].iter_rows(min_row=3, values_only=True))
    assert [row[0] for row in forms[1:]] == [1, 2, 3] and all(row[1] == "Trực tuyến" for row in forms[1:])
    names = {enrollment.participant.full_name for enrollment in held.enrollments}
    assert not names & {str(cell) for row in book["Phiếu"].iter_rows(values_only=True) for cell in row}


def test_trainers_see_their_offerings_results_only_from_five_answers(client, unit):
    held = hold(unit, learners=7)
    answered(held, [5, 4, 4, 3])
    client.force_login(held.trainer)
    results_url = reverse("feedback:results", args=[held.offering.pk])
    page = client.get(results_url)
    assert page.status_code == 200
    html = page.content.decode()
    assert f"ít nhất {TRAINER_THRESHOLD} phiếu" in html and "Hiện có 4 phiếu" in html
    assert 'data-testid="results-overall"' not in html and "Công tác tổ chức lớp học" not in html
    assert client.get(reverse("feedback:results_xlsx", args=[held.offering.pk])).status_code == 404
    trainer_page = client.get(reverse("feedback:trainer", args=[held.trainer.pk])).content.decode()
    assert "hiển thị khi có từ 5 phiếu" in trainer_page and 'data-testid="trainer-overall">–<' in trainer_page

    services.survey_submit(enrollment=held.enrollments[4], answers=answers_for(offering_template(held.offering)))
    html = client.get(results_url).content.decode()
    assert 'data-testid="results-responses">5<' in html and "Công tác tổ chức lớp học" in html
    assert client.get(reverse("feedback:results_xlsx", args=[held.offering.pk])).status_code == 200
    trainer_page = client.get(reverse("feedback:trainer", args=[held.trainer.pk])).content.decode()
    assert 'data-testid="trainer-overall">4,00 / 5<' in trainer_page

    # Another trainer reads neither this offering nor this trainer's page.
    other = UserFactory(role=Role.TRAINER)
    client.force_login(other)
    assert client.get(results_url).status_code == 404
    assert client.get(reverse("feedback:trainer", args=[held.trainer.pk])).status_code == 404
    assert client.get(reverse("feedback:offering", args=[held.offering.pk])).status_code == 302  # no permission


def test_an_organizer_of_another_unit_gets_a_404(client, unit, other_unit):
    held = hold(unit, learners=6)
    answered(held, [5, 5, 5, 5, 5])
    stranger = UserFactory(role=Role.ORGANIZER, unit=other_unit)
    client.force_login(stranger)
    for name in ("offering", "results", "results_xlsx", "print", "paper"):
        assert client.get(reverse(f"feedback:{name}", args=[held.offering.pk])).status_code == 404, name
    assert client.post(reverse("feedback:paper", args=[held.offering.pk]), {}).status_code == 404
    assert client.get(reverse("feedback:trainer", args=[held.trainer.pk])).status_code == 404
    year = held.offering.starts_on.year
    html = client.get(reverse("feedback:report"), {"year": year}).content.decode()
    assert held.offering.code not in html and 'data-testid="report-responses">0<' in html


def test_the_years_results_by_track_course_and_trainer(client, unit, organizer):
    first = hold(unit, learners=4, track="producers")
    second = hold(unit, learners=4, track="producers", course=first.offering.course, trainer=first.trainer)
    officers = hold(unit, learners=2, track="officers")
    answered(first, [5, 5])
    answered(second, [3, 3, 3, 3])
    answered(officers, [4])
    client.force_login(organizer)
    year = first.offering.starts_on.year
    html = client.get(reverse("feedback:report"), {"year": year}).content.decode()
    assert 'data-testid="report-responses">7<' in html
    book = workbook(client.get(reverse("feedback:report_xlsx"), {"year": year}))
    assert book.sheetnames == ["Theo nhóm đối tượng", "Theo khóa học", "Theo giảng viên", "Lớp, hội nghị, tham quan"]
    tracks = {row[0]: row for row in book["Theo nhóm đối tượng"].iter_rows(min_row=3, values_only=True)}
    # Producers: two classes, 8 enrolled, 6 answered; overall (5 + 5 + 3 + 3 + 3 + 3) / 6.
    assert tracks["Chủ thể sản xuất"][1:5] == (2, 8, 6, 75.0)
    assert tracks["Chủ thể sản xuất"][-1] == round(22 / 6, 2)
    assert tracks["Cán bộ triển khai"][1:5] == (1, 2, 1, 50.0) and tracks["Cán bộ triển khai"][-1] == 4
    assert tracks["Tổng cộng"][1:4] == (3, 10, 7)
    trainers = {row[0]: row for row in book["Theo giảng viên"].iter_rows(min_row=3, values_only=True)}
    assert trainers[first.trainer.get_full_name()][1:4] == (2, 8, 6)


def test_paper_forms_are_printed_and_typed_in(client, held, organizer, standard):
    client.force_login(organizer)
    printed = client.get(reverse("feedback:print", args=[held.offering.pk])).content.decode()
    assert "PHIẾU KHẢO SÁT SAU LỚP TẬP HUẤN" in printed and printed.count('class="form-sheet__question"') == 10
    assert "Không ghi tên trên phiếu." in printed

    paper = reverse("feedback:paper", args=[held.offering.pk])
    page = client.get(paper).content.decode()
    assert held.enrollments[0].participant.full_name in page  # who may have handed it in
    overall = standard.questions.get(is_overall=True)
    response = client.post(paper, {f"q-{overall.pk}": "2", "handed_in_by": str(held.enrollments[0].pk)})
    assert response.status_code == 302
    assert "Đã lưu phiếu giấy (đã nhập 1 phiếu)." in client.get(paper).content.decode()
    assert SurveyResponse.objects.get().channel == "paper"
    assert SurveyAnswered.objects.get().enrollment == held.enrollments[0]
    # The same person again, another offering's enrollment, or hostile values: refused, nothing written.
    other = hold(held.offering.unit, learners=1)
    for data in ({f"q-{overall.pk}": "3", "handed_in_by": str(held.enrollments[0].pk)},
                 {f"q-{overall.pk}": "3", "handed_in_by": str(other.enrollments[0].pk)},
                 {f"q-{overall.pk}": "²"}, {f"q-{overall.pk}": "9" * 30}, {"handed_in_by": "9" * 30}, {}):  # fmt: skip
        assert client.post(paper, data).status_code == 400, data
    assert SurveyResponse.objects.count() == 1


def test_the_organizer_chooses_the_survey_and_sends_reminders(client, held, organizer, standard, mailoutbox, clock):
    clock.at(10, 0)
    hub = reverse("feedback:offering", args=[held.offering.pk])
    client.force_login(organizer)
    html = client.get(hub).content.decode()
    assert "Phiếu khảo sát sau lớp tập huấn" in html and html.count("<li>") >= 6
    assert client.post(hub, {"survey": "none"}).status_code == 302
    assert offering_template(held.offering) is None
    assert client.post(hub, {"survey": "default"}).status_code == 302
    assert client.post(hub, {"survey": "9" * 40}).status_code == 400
    assert client.post(hub, {"remind": "1"}).status_code == 302
    assert len(mailoutbox) == 6
    services.survey_submit(enrollment=held.enrollments[0], answers=answers_for(standard))
    response = client.post(hub, {"survey": "none"})
    assert response.status_code == 400 and "không thể đổi" in response.content.decode()


# The admin pages' queries: the admin's own (session, user, permissions, menus) and a fixed number of the page's.
PAGE_QUERIES = {"offering": 19, "results": 19, "results_xlsx": 17, "print": 10, "paper": 15}


def test_results_pages_run_a_fixed_number_of_queries(client, unit, organizer, django_assert_max_num_queries):
    counts = []
    for learners in (5, 25):
        held = hold(unit, learners=learners, trainer=UserFactory(role=Role.TRAINER))
        answered(held, [5, 4, 3, 2, 1] * (learners // 5), comments=["Tốt"] * learners)
        client.force_login(organizer)
        client.get(reverse("feedback:report"))  # the admin's own lookups, cached from then on
        measured = []
        for name, most in PAGE_QUERIES.items():
            with django_assert_max_num_queries(most) as queries:
                assert client.get(reverse(f"feedback:{name}", args=[held.offering.pk])).status_code == 200
            measured.append(len(queries))
        with django_assert_max_num_queries(14) as queries:
            client.get(reverse("feedback:report"), {"year": held.offering.starts_on.year})
        measured.append(len(queries))
        with django_assert_max_num_queries(11) as queries:
            client.get(reverse("feedback:report_xlsx"), {"year": held.offering.starts_on.year})
        measured.append(len(queries))
        with django_assert_max_num_queries(15) as queries:
            client.get(reverse("feedback:trainer", args=[held.trainer.pk]))
        measured.append(len(queries))
        counts.append(measured)
    assert counts[0] == counts[1]


@pytest.mark.parametrize("role", [Role.LEARNER, None])
def test_learners_and_strangers_reach_no_admin_page(client, held, role):
    if role:
        client.force_login(UserFactory(role=role))
    for name in ("offering", "results", "results_xlsx", "print", "paper"):
        response = client.get(reverse(f"feedback:{name}", args=[held.offering.pk]))
        assert response.status_code == 302 and "/tai-khoan/login/" in response.url


def _template_form(template, change=None):
    """The template editor's form, posted with the template as it is, changed by `change(data)`."""
    from feedback.viewsets import SurveyTemplateViewSet

    form_class = SurveyTemplateViewSet().get_edit_handler().get_form_class()
    questions = list(template.questions.order_by("sort_order"))
    data = {"name": template.name, "default_for": template.default_for, "anonymous": "on", "intro": template.intro,
            "questions-TOTAL_FORMS": str(len(questions)), "questions-INITIAL_FORMS": str(len(questions)),
            "questions-MIN_NUM_FORMS": "1", "questions-MAX_NUM_FORMS": "1000"}  # fmt: skip
    for n, question in enumerate(questions):
        for name in ("group", "kind", "text", "options", "low_label", "high_label"):
            data[f"questions-{n}-{name}"] = getattr(question, name)
        data[f"questions-{n}-id"] = str(question.pk)
        data[f"questions-{n}-ORDER"] = str(n + 1)
        if question.required:
            data[f"questions-{n}-required"] = "on"
        if question.is_overall:
            data[f"questions-{n}-is_overall"] = "on"
    if change:
        change(data, questions)
    return form_class(data, instance=template, for_user=UserFactory(role=Role.ADMINISTRATOR))


def test_the_template_editor_keeps_answered_questions(held, standard):
    assert _template_form(standard).is_valid()
    services.survey_submit(enrollment=held.enrollments[0], answers=answers_for(standard))

    def remove_overall(data, questions):
        data[f"questions-{[q.is_overall for q in questions].index(True)}-DELETE"] = "on"

    def change_kind(data, questions):
        data["questions-0-kind"] = "text"

    def fewer_options(data, questions):
        n = [q.kind for q in questions].index("single")
        data[f"questions-{n}-options"] = "Quá ngắn\nVừa đủ"

    def second_overall(data, questions):
        data["questions-0-is_overall"] = "on"

    for change in (remove_overall, change_kind, fewer_options, second_overall):
        form = _template_form(standard, change)
        assert not form.is_valid(), change.__name__

    def typo(data, questions):
        data["questions-0-text"] = "Công tác tổ chức lớp học (thông báo, lịch học và tài liệu)"

    form = _template_form(standard, typo)
    assert form.is_valid(), form.errors


def test_a_template_with_answers_cannot_be_deleted(client, held, standard):
    services.survey_submit(enrollment=held.enrollments[0], answers=answers_for(standard))
    client.force_login(UserFactory(role=Role.ADMINISTRATOR))
    url = reverse("wagtailsnippets_feedback_surveytemplate:delete", args=[standard.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, follow=True)
    assert "không xóa được" in response.content.decode()
    assert offering_template(held.offering) == standard and standard.questions.count() == 10


def test_a_named_survey_names_its_people_to_the_office_not_to_the_trainer(client, unit, organizer):
    from feedback.factories import SurveyTemplateFactory

    held = hold(unit, learners=5)
    named = SurveyTemplateFactory(anonymous=False)
    services.offering_survey_set(offering=held.offering, template=named)
    answered(held, [4, 4, 4, 4, 4])
    name = held.enrollments[0].participant.full_name
    client.force_login(organizer)
    assert name in client.get(reverse("feedback:results", args=[held.offering.pk])).content.decode()
    forms = workbook(client.get(reverse("feedback:results_xlsx", args=[held.offering.pk])))["Phiếu"]
    assert name in {cell for row in forms.iter_rows(values_only=True) for cell in row}
    client.force_login(held.trainer)
    page = client.get(reverse("feedback:results", args=[held.offering.pk])).content.decode()
    assert 'data-testid="results-responses">5<' in page and name not in page
    forms = workbook(client.get(reverse("feedback:results_xlsx", args=[held.offering.pk])))["Phiếu"]
    assert name not in {cell for row in forms.iter_rows(values_only=True) for cell in row}
