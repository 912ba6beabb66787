"""Answering a survey: once per person (a second submission refused, a race settled by the database), nothing
linking an anonymous answer to its person, the paper forms typed in, the survey an offering uses, reminders."""

import threading
from datetime import datetime, timedelta

import pytest
from django.db import connection, models
from django.utils import timezone

from attendance.factories import SessionFactory
from enrollment.models import AdministrativeUnit, Enrollment, Offering
from enrollment.units import hanoi_units_load
from feedback import services
from feedback.factories import SurveyTemplateFactory
from feedback.models import OfferingSurvey, SurveyAnswer, SurveyAnswered, SurveyReminder, SurveyResponse, SurveyTemplate
from feedback.selectors import offering_template, pending_enrollments
from feedback.standard import survey_templates_ensure
from tests.conftest import HANOI

from .conftest import answers_for, hold


def test_each_kind_of_offering_has_the_offices_template_by_default(unit):
    for kind, code in (("class", "standard-class"), ("conference", "standard-conference"),
                       ("study_tour", "standard-study-tour")):  # fmt: skip
        assert offering_template(hold(unit, kind=kind, learners=0).offering).code == code
    standard = SurveyTemplate.objects.get(code="standard-class")
    questions = list(standard.questions.values_list("group", "kind", "is_overall"))
    assert {group for group, _kind, _overall in questions} == {"organisation", "content", "trainer", "usefulness",
                                                                "overall"}  # fmt: skip
    assert {kind for _group, kind, _overall in questions} == {"scale", "single", "multiple", "text"}
    assert sum(overall for _group, _kind, overall in questions) == 1


def test_a_learner_answers_once_and_a_second_submission_is_refused(held, standard):
    enrollment = held.enrollments[0]
    services.survey_submit(enrollment=enrollment, answers=answers_for(standard, rating=5, comment="Rất bổ ích"))
    with pytest.raises(services.SurveyError, match="đã được trả lời"):
        services.survey_submit(enrollment=enrollment, answers=answers_for(standard, rating=1))
    assert SurveyResponse.objects.filter(offering=held.offering).count() == 1
    assert SurveyAnswered.objects.filter(enrollment=enrollment).count() == 1
    assert not SurveyAnswer.objects.filter(scale=1).exists()  # nothing of the refused form was kept
    assert enrollment not in pending_enrollments(held.offering)


@pytest.mark.django_db(transaction=True)
def test_simultaneous_submissions_leave_exactly_one_answer():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises every write; the race is only meaningful on PostgreSQL")
    hanoi_units_load()  # an earlier transactional test may have flushed what the migrations loaded
    survey_templates_ensure()
    held = hold(AdministrativeUnit.objects.get(scheme="current", name="Bát Tràng"), learners=1)
    template = offering_template(held.offering)
    tries, outcomes = 8, []
    barrier = threading.Barrier(tries)

    def submit():
        try:
            barrier.wait()
            services.survey_submit(enrollment=held.enrollments[0], answers=answers_for(template))
            outcomes.append("saved")
        except services.SurveyError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(tries)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["refused"] * (tries - 1) + ["saved"]
    assert SurveyResponse.objects.count() == 1 and SurveyAnswered.objects.count() == 1


def test_an_anonymous_answer_holds_nothing_that_leads_to_its_person(unit, standard):
    held = hold(unit, learners=8)
    for n, enrollment in enumerate(held.enrollments):
        services.survey_submit(enrollment=enrollment, answers=answers_for(standard, rating=1 + n % 5))
    # No column of an answer names a person or a time; the one column for a named survey's enrollment is empty.
    relations = {
        model.__name__: {field.name: field.related_model.__name__ for field in model._meta.concrete_fields
                         if field.is_relation}
        for model in (SurveyResponse, SurveyAnswer)
    }  # fmt: skip
    assert relations == {
        "SurveyResponse": {"offering": "Offering", "template": "SurveyTemplate", "enrollment": "Enrollment"},
        "SurveyAnswer": {"response": "SurveyResponse", "question": "SurveyQuestion"},
    }
    for model in (SurveyResponse, SurveyAnswer):
        assert not [field for field in model._meta.concrete_fields if isinstance(field, models.DateField)]
    assert not SurveyResponse.objects.filter(enrollment__isnull=False).exists()
    # Ids are random: their order is not the order people answered in.
    responses = SurveyResponse.objects.filter(offering=held.offering)
    assert {type(pk).__name__ for pk in responses.values_list("pk", flat=True)} == {"UUID"}
    answered = list(SurveyAnswered.objects.order_by("pk").values_list("enrollment_id", flat=True))
    assert answered == [e.pk for e in held.enrollments]  # the fact of answering is kept, apart
    overall = standard.questions.get(is_overall=True)
    by_id = [a.scale for a in SurveyAnswer.objects.filter(question=overall).order_by("response_id")]
    assert sorted(by_id) == sorted(1 + n % 5 for n in range(8)) and by_id != [1 + n % 5 for n in range(8)]


def test_a_named_template_keeps_who_answered(held):
    named = SurveyTemplateFactory(anonymous=False)
    services.offering_survey_set(offering=held.offering, template=named)
    services.survey_submit(enrollment=held.enrollments[0], answers=answers_for(named))
    assert SurveyResponse.objects.get().enrollment == held.enrollments[0]


def test_answers_are_checked_against_the_questions(held, standard):
    enrollment = held.enrollments[0]
    overall = standard.questions.get(is_overall=True)
    single = standard.questions.filter(kind="single").first()
    for wrong in ({overall.pk: 6}, {overall.pk: 0}, {overall.pk: "5"}, {overall.pk: True}, {single.pk: 3},
                  {single.pk: -1}):  # fmt: skip
        with pytest.raises(services.SurveyError):
            services.survey_submit(enrollment=enrollment, answers={**answers_for(standard), **wrong})
    missing = answers_for(standard)
    del missing[overall.pk]
    with pytest.raises(services.SurveyError, match="Xin trả lời"):
        services.survey_submit(enrollment=enrollment, answers=missing)
    assert not SurveyAnswered.objects.exists() and not SurveyResponse.objects.exists()


def test_the_survey_opens_on_the_day_of_the_last_session(unit, standard):
    held = hold(unit, learners=1, days_ago=-2)  # the session is the day after tomorrow
    with pytest.raises(services.SurveyError, match="mở từ ngày của buổi học cuối"):
        services.survey_submit(enrollment=held.enrollments[0], answers=answers_for(standard))
    services.survey_submit(enrollment=held.enrollments[0], answers=answers_for(standard),
                           today=timezone.localdate() + timedelta(days=2))  # fmt: skip
    assert SurveyAnswered.objects.count() == 1


def test_only_those_who_took_part_answer(held, standard):
    enrollment = held.enrollments[0]
    Enrollment.objects.filter(pk=enrollment.pk).update(status=Enrollment.Status.NO_SHOW)
    enrollment.refresh_from_db()
    with pytest.raises(services.SurveyError, match="đã tham dự"):
        services.survey_submit(enrollment=enrollment, answers=answers_for(standard))


def test_paper_forms_are_typed_in_with_or_without_who_handed_them_in(held, standard):
    services.survey_paper_record(offering=held.offering, answers=answers_for(standard, rating=3))
    services.survey_paper_record(
        offering=held.offering, answers=answers_for(standard), handed_in_by=held.enrollments[1]
    )
    assert SurveyResponse.objects.filter(channel="paper").count() == 2
    assert list(SurveyAnswered.objects.values_list("enrollment_id", "channel")) == [(held.enrollments[1].pk, "paper")]
    assert not SurveyResponse.objects.filter(enrollment__isnull=False).exists()  # anonymous: not linked
    with pytest.raises(services.SurveyError, match="đã được trả lời"):  # nor twice for one person
        services.survey_paper_record(offering=held.offering, answers=answers_for(standard),
                                     handed_in_by=held.enrollments[1])  # fmt: skip
    other = hold(held.offering.unit, learners=1)
    with pytest.raises(services.SurveyError, match="không có trong danh sách"):
        services.survey_paper_record(offering=held.offering, answers=answers_for(standard),
                                     handed_in_by=other.enrollments[0])  # fmt: skip
    with pytest.raises(services.SurveyError, match="trống"):
        services.survey_paper_record(offering=held.offering, answers={})
    assert SurveyResponse.objects.count() == 2


def test_an_offerings_survey_changes_until_answers_come_in(held, standard):
    other = SurveyTemplateFactory()
    services.offering_survey_set(offering=held.offering, template=other)
    assert offering_template(held.offering) == other
    services.offering_survey_set(offering=held.offering, template=None)
    assert offering_template(held.offering) is None
    services.offering_survey_set(offering=held.offering, template=None, use_default=True)
    assert offering_template(held.offering) == standard and not OfferingSurvey.objects.exists()
    services.survey_submit(enrollment=held.enrollments[0], answers=answers_for(standard))
    # The first answer records the survey with the offering: a new default for classes does not move it.
    SurveyTemplate.objects.filter(pk=standard.pk).update(default_for="")
    SurveyTemplate.objects.filter(pk=other.pk).update(default_for=Offering.Kind.CLASS)
    assert offering_template(held.offering) == standard
    with pytest.raises(services.SurveyError, match="không thể đổi"):
        services.offering_survey_set(offering=held.offering, template=other)


def test_reminders_go_to_those_who_have_not_answered_once_a_day_and_never_at_night(held, standard, mailoutbox):
    services.survey_submit(enrollment=held.enrollments[0], answers=answers_for(standard))
    day = timezone.localdate()
    morning = datetime(day.year, day.month, day.day, 9, 0, tzinfo=HANOI)
    assert services.survey_reminders_send(offering=held.offering, now=morning) == 5
    assert sorted(message.to[0] for message in mailoutbox) == sorted(user.email for user in held.learners[1:])
    assert f"/lop/{held.offering.code}/khao-sat/" in mailoutbox[0].body
    assert services.survey_reminders_send(offering=held.offering, now=morning + timedelta(hours=3)) == 0
    assert SurveyReminder.objects.count() == 5
    with pytest.raises(services.SurveyError, match="ban đêm"):
        services.survey_reminders_send(offering=held.offering, now=morning + timedelta(hours=13))


def test_a_session_still_to_come_keeps_the_survey_closed(held, standard):
    SessionFactory(offering=held.offering, date=timezone.localdate() + timedelta(days=1))
    with pytest.raises(services.SurveyError, match="mở từ ngày"):
        services.survey_submit(enrollment=held.enrollments[0], answers=answers_for(standard))
