"""A class held a few days ago in Bát Tràng, its learners with accounts, its organizer and its trainer."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.roles import Role
from attendance.factories import SessionFactory
from attendance.services import Mark, attendance_save
from courses.factories import CourseFactory
from enrollment.factories import OfferingFactory
from enrollment.models import AdministrativeUnit, Enrollment, Offering
from enrollment.services import participant_link_user
from feedback.models import SurveyTemplate
from feedback.selectors import template_questions

NAMES = [("Đào", "Nguyễn Thị Hồng"), ("Đức", "Trần Văn"), ("Tuyết", "Lê Thị Ánh"), ("Bảo", "Phạm Quốc"),
         ("Anh", "Hoàng Thị Lan"), ("Khôi", "Vũ Đình"), ("Hà", "Đặng Thu"), ("Ất", "Bùi Văn")]  # fmt: skip


@dataclass
class Held:
    offering: Offering
    learners: list  # users
    enrollments: list
    trainer: object


def hold(unit, *, learners=6, course=None, days_ago=3, kind=Offering.Kind.CLASS, trainer=None, **fields) -> Held:
    """A class (or another kind) whose one session was `days_ago` days ago, with `learners` enrolled (and
    present, when the session is over)."""
    day = timezone.localdate() - timedelta(days=days_ago)
    if kind == Offering.Kind.CLASS and course is None:
        course = CourseFactory()
    offering = OfferingFactory(unit=unit, kind=kind, course=course, starts_on=day, ends_on=day,
                               status=Offering.Status.COMPLETED, **fields)  # fmt: skip
    session = SessionFactory(offering=offering, date=day)
    trainer = trainer or UserFactory(role=Role.TRAINER)
    offering.trainers.add(trainer)
    users, enrollments = [], []
    for n in range(learners):
        first, last = NAMES[n % len(NAMES)]
        user = UserFactory(role=Role.LEARNER, first_name=first, last_name=last)
        users.append(user)
        participant = participant_link_user(user=user)
        enrollments.append(Enrollment.objects.create(offering=offering, participant=participant))
    if days_ago > 0 and enrollments:
        attendance_save(session=session, marks={e.pk: Mark("present") for e in enrollments}, by=trainer)
    return Held(offering, users, enrollments, trainer)


def answers_for(template, *, rating=4, option=1, comment=""):
    """Answers to every question of `template`: `rating` on each scale, the `option`-th choice, a comment."""
    result = {}
    for question in template_questions(template):
        if question.kind == "scale":
            result[question.pk] = rating
        elif question.kind == "single":
            result[question.pk] = option
        elif question.kind == "multiple":
            result[question.pk] = [option]
        elif comment:
            result[question.pk] = comment
    return result


def post_data(template, **options) -> dict:
    """answers_for as the survey page's form posts them."""
    data = {}
    for question_id, value in answers_for(template, **options).items():
        data[f"q-{question_id}"] = [str(item) for item in value] if isinstance(value, list) else str(value)
    return data


@pytest.fixture
def unit(db):
    return AdministrativeUnit.objects.get(scheme="current", name="Bát Tràng")


@pytest.fixture
def other_unit(db):
    return AdministrativeUnit.objects.get(scheme="current", name="Hồng Hà")


@pytest.fixture
def organizer(unit):
    return UserFactory(role=Role.ORGANIZER, unit=unit)


@pytest.fixture
def standard(db):
    """The office's template after a class (the data migration's)."""
    return SurveyTemplate.objects.get(code="standard-class")


@pytest.fixture
def held(unit):
    return hold(unit)
