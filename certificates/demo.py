"""A finished demo class: two weeks ago, attended by the demo learner, certificate issued."""

import datetime

from django.http import QueryDict
from django.utils import timezone

from attendance.services import Mark, attendance_save, schedule_generate, session_close
from courses.models import CoursePage
from courses.services import quiz_submit
from enrollment.models import AdministrativeUnit, Enrollment, Offering
from enrollment.services import enrollment_create, participant_link_user

from .services import certificates_issue_offering


def certificates_demo_build(*, organizer, learner) -> None:
    """Idempotent: keyed by the offering's code; sessions, records and certificates are not repeated."""
    course = CoursePage.objects.filter(code="OCOP-CT-01").first()
    unit = AdministrativeUnit.objects.filter(scheme="current", level="commune", name="Bát Tràng").first()
    if course is None or unit is None:
        return
    today = timezone.localdate()
    start = today - datetime.timedelta(days=14)
    offering, created = Offering.objects.get_or_create(
        code=f"HN-{today.year}-SX-00",
        defaults={
            "kind": Offering.Kind.CLASS, "course": course, "track": "producers", "unit": unit,
            "title": "Lớp tập huấn xây dựng hồ sơ sản phẩm OCOP (đã kết thúc)", "venue": "Hội trường UBND xã Bát Tràng",
            "starts_on": start, "ends_on": start + datetime.timedelta(days=1), "status": Offering.Status.COMPLETED,
        },
    )  # fmt: skip
    if not created:
        return
    offering.organizers.add(organizer)
    sessions = schedule_generate(offering=offering, first_day=offering.starts_on, days=2)
    enrollment = enrollment_create(offering=offering, participant=participant_link_user(user=learner))
    Enrollment.objects.filter(pk=enrollment.pk).update(status=Enrollment.Status.COMPLETED)
    for session in sessions:
        attendance_save(session=session, marks={enrollment.pk: Mark("present")}, by=organizer)
        session_close(session=session, by=organizer)
    if course.final_test_id:
        _pass_final_test(learner, course)
    certificates_issue_offering(offering=offering, by=organizer, notify=False)  # demo data sends no e-mail


def _pass_final_test(learner, course) -> None:
    """The demo learner answers every question of the final test right."""
    final = course.final_test.specific
    data = QueryDict(mutable=True)
    for question in final.questions:
        data.setlist(f"q-{question.id}", [str(i) for i, o in enumerate(question.value["options"]) if o["correct"]])
    quiz_submit(user=learner, lesson=final, course=course, data=data)
