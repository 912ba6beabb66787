"""What is left to issue, for many offerings at once (the admin's home): the same verdicts as each
offering's certificates page, in a fixed number of queries."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.roles import Role
from attendance.factories import SessionFactory
from attendance.services import Mark, attendance_save
from certificates.eligibility import certificates_due, offering_eligibility
from certificates.models import Certificate
from courses.factories import CourseFactory, LessonFactory
from courses.models import LessonProgress, QuizAttempt
from enrollment.factories import OfferingFactory, ParticipantFactory
from enrollment.models import Enrollment, Offering


@pytest.fixture
def organizer(db):
    return UserFactory(role=Role.ORGANIZER)


def offering_with(organizer, marks, *, course=None, optional=(), kind=Offering.Kind.CLASS):
    """An ended offering with one session per column of `marks` ([(status, ...), ...], one tuple a person;
    None: not marked). Returns the offering and its enrollments, in the order of `marks`."""
    ended = timezone.localdate() - timedelta(days=5)
    offering = OfferingFactory(kind=kind, course=course, starts_on=ended - timedelta(days=2), ends_on=ended)
    width = len(marks[0]) if marks else 0
    sessions = [SessionFactory(offering=offering, required=n not in optional) for n in range(width)]
    enrollments = []
    for statuses in marks:
        user = UserFactory()
        enrollment = Enrollment.objects.create(offering=offering, participant=ParticipantFactory(user=user))
        enrollments.append(enrollment)
        for session, status in zip(sessions, statuses, strict=True):
            if status:
                attendance_save(session=session, marks={enrollment.pk: Mark(status)}, by=organizer)
    return offering, enrollments


def expected(offerings) -> dict[int, int]:
    """Per offering: eligible and without a certificate in force, as its certificates page counts them."""
    counts = {}
    for offering in offerings:
        with_certificate = set(
            Certificate.objects.filter(enrollment__offering=offering, is_current=True).values_list(
                "enrollment", flat=True
            )
        )
        n = sum(1 for v in offering_eligibility(offering) if v.eligible and v.enrollment.pk not in with_certificate)
        if n:
            counts[offering.pk] = n
    return counts


def test_many_offerings_at_once_give_the_verdicts_of_each_offerings_page(organizer, django_assert_max_num_queries):
    strict = CourseFactory(min_attendance_percent=75, excused_counts_as_attended=False)
    lenient = CourseFactory(min_attendance_percent=75, excused_counts_as_attended=True)
    online = CourseFactory(min_attendance_percent=50, require_all_lessons=True, pass_mark=80)
    lessons = [LessonFactory(parent=online, title=f"Bài {n}") for n in range(2)]
    final = LessonFactory(parent=online, with_quiz=True, title="Kiểm tra cuối khóa")
    online.final_test = final
    online.save()
    rows = [
        ("present", "present", "late", "present"),
        ("present", "excused", "present", "present"),  # 75 % only where excused counts
        ("present", "absent", "absent", "present"),
        ("present", "present", "present", None),  # the optional one not marked
        ("absent", "present", "present", "present"),  # missed a required session
    ]
    offerings = []
    for course in (strict, lenient):
        offerings.append(offering_with(organizer, rows, course=course, optional=(3,))[0])
    offering, (done, half, none) = offering_with(organizer, [rows[0]] * 3, course=online)
    offerings.append(offering)
    LessonProgress.objects.bulk_create(
        [
            LessonProgress(user=e.participant.user, lesson=lesson, course=online)
            for e in (done, half)
            for lesson in [*lessons, final]
        ]
        + [LessonProgress(user=none.participant.user, lesson=lessons[0], course=online)]
    )
    for enrollment, percent in ((done, 90), (half, 60)):
        QuizAttempt.objects.create(user=enrollment.participant.user, lesson=final, course=online, answers={},
                                   score=percent, max_score=100, percent=percent, passed=percent >= 80)  # fmt: skip
    conference, people = offering_with(organizer, rows, kind=Offering.Kind.CONFERENCE, optional=(3,))
    offerings.append(conference)
    Certificate.objects.create(
        enrollment=people[0], serial="HN-1", code="C-1", full_name="X", title="GIẤY CHỨNG NHẬN", kind="attendance",
        course_title="Hội nghị", offering_code=conference.code, starts_on=conference.starts_on,
        ends_on=conference.ends_on, issuer="VP", place="Hà Nội",
    )  # fmt: skip
    Enrollment.objects.filter(pk=people[1].pk).update(status=Enrollment.Status.CANCELLED)
    offerings.append(offering_with(organizer, [(), ()])[0])  # no session: nobody

    with django_assert_max_num_queries(6):
        due = certificates_due(Offering.objects.filter(pk__in=[o.pk for o in offerings]))
    assert due == expected(offerings)
    assert due[offerings[0].pk] == 2 and due[offerings[1].pk] == 3 and due[offerings[2].pk] == 1
    assert due[conference.pk] == 1 and offerings[-1].pk not in due
