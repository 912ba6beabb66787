"""A course that asks for the post-class survey: no certificate without an answer, with the reason said,
on the certificates page and in what is left to issue (one definition: certificates/eligibility.py)."""

from django.urls import reverse

from certificates import services as certificates
from certificates.eligibility import certificates_due, offering_eligibility
from courses.factories import CourseFactory
from enrollment.models import Offering
from feedback import services

from .conftest import answers_for, hold


def test_without_an_answer_there_is_no_certificate_when_the_course_asks_for_it(client, unit, organizer, standard):
    course = CourseFactory(survey_required=True, min_attendance_percent=0)
    held = hold(unit, learners=3, course=course)
    services.survey_submit(enrollment=held.enrollments[0], answers=answers_for(standard))
    services.survey_paper_record(offering=held.offering, answers=answers_for(standard),
                                 handed_in_by=held.enrollments[1])  # fmt: skip
    verdicts = {v.enrollment.pk: v.reasons for v in offering_eligibility(held.offering)}
    assert verdicts[held.enrollments[0].pk] == [] and verdicts[held.enrollments[1].pk] == []
    assert verdicts[held.enrollments[2].pk] == ["chưa trả lời phiếu khảo sát sau lớp"]
    assert certificates_due(Offering.objects.filter(pk=held.offering.pk)) == {held.offering.pk: 2}

    client.force_login(organizer)
    html = client.get(reverse("certificates:offering", args=[held.offering.pk])).content.decode()
    assert "chưa trả lời phiếu khảo sát sau lớp" in html
    result = certificates.certificates_issue_offering(offering=held.offering, by=organizer, notify=False, draw=False)
    assert len(result.issued) == 2 and len(result.not_eligible) == 1


def test_a_course_that_does_not_ask_gives_the_certificate_without_it(unit):
    held = hold(unit, learners=2, course=CourseFactory(survey_required=False, min_attendance_percent=0))
    assert all(verdict.eligible for verdict in offering_eligibility(held.offering))
    assert certificates_due(Offering.objects.filter(pk=held.offering.pk)) == {held.offering.pk: 2}


def test_a_class_with_no_survey_says_why_when_its_course_asks_for_one(unit):
    held = hold(unit, learners=1, course=CourseFactory(survey_required=True, min_attendance_percent=0))
    services.offering_survey_set(offering=held.offering, template=None)
    [verdict] = offering_eligibility(held.offering)
    assert verdict.reasons == ["khóa học yêu cầu phiếu khảo sát sau lớp nhưng lớp này không có phiếu"]
    assert certificates_due(Offering.objects.filter(pk=held.offering.pk)) == {}


def test_the_rule_batches_in_a_fixed_number_of_queries(unit, standard, django_assert_max_num_queries):
    counts = []
    for size in (1, 6):
        helds = [hold(unit, learners=2, course=CourseFactory(survey_required=True, min_attendance_percent=0))
                 for _ in range(size)]  # fmt: skip
        for held in helds:
            services.survey_submit(enrollment=held.enrollments[0], answers=answers_for(standard))
        with django_assert_max_num_queries(8) as queries:
            due = certificates_due(Offering.objects.filter(pk__in=[held.offering.pk for held in helds]))
        assert due == {held.offering.pk: 1 for held in helds}
        counts.append(len(queries))
    assert counts[0] == counts[1]
