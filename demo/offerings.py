"""The demo learner's classes: this year's open offerings (a class, a conference, a study tour) with
their morning-and-afternoon schedules, and a finished class two weeks ago, attended by the demo
learner, certificate issued (dated the day it ended). (The 2019 program and this year's others: demo.program.)"""

import datetime

from django.utils import timezone

from attendance.services import Mark, attendance_save, schedule_generate, session_close
from certificates.services import certificates_issue_offering
from courses.models import CoursePage
from courses.quiz import answer_form
from courses.services import quiz_start, quiz_submit
from enrollment.models import AdministrativeUnit, Enrollment, Offering, Organization
from enrollment.services import enrollment_create, participant_link_user
from lms.text import fold

CURRENT = AdministrativeUnit.Scheme.CURRENT


def _unit(name):
    return AdministrativeUnit.objects.get(scheme=CURRENT, level="commune", name=name)


def enrollment_demo_build(*, organizer, learner) -> None:
    """Idempotent: offerings are keyed by code, people by phone."""
    hanoi = AdministrativeUnit.objects.filter(scheme=CURRENT, level="province", code="01").first()
    if hanoi is None:  # a flushed test database: no units, no demo offerings
        return
    if organizer.unit_id is None:
        organizer.unit = hanoi
        organizer.save(update_fields=["unit"])
    today = timezone.localdate()
    year = today.year
    course = CoursePage.objects.filter(code="OCOP-CT-01").first()
    plans = [
        dict(code=f"HN-{year}-SX-01", kind=Offering.Kind.CLASS, course=course, track="producers",
             title="Lớp tập huấn tiêu chuẩn, nhãn và truy xuất nguồn gốc cho HTX gốm Bát Tràng",
             unit=_unit("Bát Tràng"), venue="Hội trường UBND xã Bát Tràng", capacity=40, days=(21, 22)),
        dict(code=f"HN-{year}-HN-01", kind=Offering.Kind.CONFERENCE, course=None, track="",
             title="Hội nghị triển khai Chương trình OCOP năm " + str(year), unit=_unit("Hồng Hà"),
             venue="Trung tâm Hội nghị Thành phố", capacity=300, days=(14, 14)),
        dict(code=f"HN-{year}-TQ-01", kind=Offering.Kind.STUDY_TOUR, course=None, track="producers",
             title="Tham quan học tập mô hình OCOP tại Quảng Ninh", unit=_unit("Gia Lâm"),
             venue="Quảng Ninh", capacity=30, days=(35, 37)),
    ]  # fmt: skip
    for plan in plans:
        start, end = (today + datetime.timedelta(days=day) for day in plan.pop("days"))
        offering, created = Offering.objects.get_or_create(
            code=plan.pop("code"), defaults={**plan, "starts_on": start, "ends_on": end, "status": "open"}
        )
        if created:
            offering.organizers.add(organizer)
    cooperative, _created = Organization.objects.get_or_create(
        name="Hợp tác xã Gốm sứ Bát Tràng",
        defaults={"kind": Organization.Kind.COOPERATIVE, "unit": _unit("Bát Tràng"),
                  "name_key": fold("Hợp tác xã Gốm sứ Bát Tràng")},
    )  # fmt: skip
    participant = participant_link_user(user=learner)
    if participant.organization_id is None:
        participant.organization, participant.unit = cooperative, _unit("Bát Tràng")
        participant.category, participant.position = "cooperative", "Giám đốc"
        participant.save()
    enrollment_create(offering=Offering.objects.get(code=f"HN-{year}-SX-01"), participant=participant, source="roster")


def attendance_demo_build() -> None:
    """A morning-and-afternoon schedule for each of the offerings above. Idempotent: existing sessions are kept."""
    year = timezone.localdate().year
    for offering in Offering.objects.filter(code__startswith=f"HN-{year}-", code__endswith="-01"):
        days = (offering.ends_on - offering.starts_on).days + 1
        schedule_generate(offering=offering, first_day=offering.starts_on, days=days)


def certificates_demo_build(*, organizer, learner) -> None:
    """Idempotent: keyed by the offering's code; sessions, records and certificates are not repeated.

    The class is one of the course its certificate names (the one on the business plan, the product story
    and preparing for the evaluation, not the labels course of the class to come), and the certificate is
    dated the day the class ended, as an office issues it, not the day the demo was loaded."""
    course = CoursePage.objects.filter(code="OCOP-CT-02").first()
    unit = AdministrativeUnit.objects.filter(scheme="current", level="commune", name="Bát Tràng").first()
    if course is None or unit is None:
        return
    today = timezone.localdate()
    start = today - datetime.timedelta(days=14)
    offering, created = Offering.objects.get_or_create(
        code=f"HN-{today.year}-SX-00",
        defaults={
            "kind": Offering.Kind.CLASS, "course": course, "track": "producers", "unit": unit,
            "title": "Lớp tập huấn phương án kinh doanh, câu chuyện sản phẩm và tiếp thị cho hợp tác xã (đã kết thúc)",
            "venue": "Hội trường UBND xã Bát Tràng",
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
    ended = max(session.date for session in sessions)  # the last session
    certificates_issue_offering(offering=offering, by=organizer, notify=False, issued_on=ended)  # and sends no e-mail


def _pass_final_test(learner, course) -> None:
    """The demo learner answers every question of the final test right (as the page would send it: the positions
    shown of the correct options of the questions their attempt drew)."""
    final = course.final_test.specific
    sitting = quiz_start(user=learner, lesson=final, course=course)
    quiz_submit(user=learner, lesson=final, course=course, data=answer_form(sitting.questions))
