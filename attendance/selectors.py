"""Attendance rates: per enrollment and per offering, in a fixed number of queries.

A rate counts the sessions already held (closed, or over): attended (present or late, and
excused when the course says so) out of held. Unmarked sessions count as missed. The at-risk
list is everyone below the course's minimum. Certificates call this with final=True, when
every session counts.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone

from enrollment.models import Enrollment

from .models import AttendanceRecord, Session

Status = AttendanceRecord.Status


@dataclass
class EnrollmentAttendance:
    enrollment: Enrollment
    present: int
    late: int
    excused: int
    absent: int  # marked absent or not marked at all
    held: int
    missed_required: int
    rate: float | None  # percent of held sessions attended (not rounded); None before the first session
    minimum: int | None  # the course's minimum, None for events without a course

    @property
    def attended(self) -> int:
        return self.present + self.late

    @property
    def meets_minimum(self) -> bool | None:
        if self.minimum is None or self.rate is None:
            return None
        return self.rate >= self.minimum


@dataclass
class OfferingAttendance:
    sessions: list[Session]
    held: list[Session]
    rows: list[EnrollmentAttendance] = field(default_factory=list)

    @property
    def average(self) -> float | None:
        rates = [row.rate for row in self.rows if row.rate is not None]
        return round(sum(rates) / len(rates), 1) if rates else None

    @property
    def at_risk(self) -> list[EnrollmentAttendance]:
        return [row for row in self.rows if row.meets_minimum is False]


def offering_attendance(offering, *, final=False, now=None) -> OfferingAttendance:
    """Every active enrollment of `offering` with its counts and rate, in Vietnamese name order."""
    now = now or timezone.now()
    sessions = list(offering.sessions.all())
    held = sessions if final else [session for session in sessions if session.has_been_held(now)]
    held_ids = [session.pk for session in held]
    required_ids = [session.pk for session in held if session.required]
    course = offering.course
    counted = [*AttendanceRecord.ATTENDED, *([Status.EXCUSED] if course and course.excused_counts_as_attended else [])]

    def records(**condition):
        return Count("attendance", filter=Q(attendance__session_id__in=held_ids, **condition))

    enrollments = (
        offering.enrollments.active()
        .select_related("participant__unit", "participant__organization")
        .annotate(
            n_present=records(attendance__status=Status.PRESENT),
            n_late=records(attendance__status=Status.LATE),
            n_excused=records(attendance__status=Status.EXCUSED),
            n_required=Count(
                "attendance", filter=Q(attendance__session_id__in=required_ids, attendance__status__in=counted)
            ),
        )
        .order_by("participant__sort_key", "pk")
    )
    minimum = course.min_attendance_percent if course else None
    result = OfferingAttendance(sessions=sessions, held=held)
    for enrollment in enrollments:
        attended = enrollment.n_present + enrollment.n_late + (enrollment.n_excused if Status.EXCUSED in counted else 0)
        result.rows.append(
            EnrollmentAttendance(
                enrollment=enrollment,
                present=enrollment.n_present,
                late=enrollment.n_late,
                excused=enrollment.n_excused,
                absent=len(held) - enrollment.n_present - enrollment.n_late - enrollment.n_excused,
                held=len(held),
                missed_required=len(required_ids) - enrollment.n_required,
                rate=100 * attended / len(held) if held else None,
                minimum=minimum,
            )  # fmt: skip
        )
    return result


def session_sheet(session):
    """The sheet of one session: (enrollment, record or None) for everyone enrolled, Vietnamese order.
    Two queries."""
    enrollments = list(
        session.offering.enrollments.active()
        .select_related("participant__unit", "participant__organization")
        .order_by("participant__sort_key", "pk")
    )
    records = {record.enrollment_id: record for record in session.records.all()}
    return [(enrollment, records.get(enrollment.pk)) for enrollment in enrollments]


def session_count(session) -> int:
    """How many have checked in (present or late)."""
    return session.records.filter(status__in=AttendanceRecord.ATTENDED).count()


def enrollments_with_attendance(enrollments) -> list:
    """Set `attendance_summary` ({"attended", "excused", "absent", "held", "total"}) on each
    enrollment, for the learner's own page. Two queries whatever the number of classes."""
    enrollments = list(enrollments)
    now = timezone.now()
    sessions = {}
    for session in Session.objects.filter(offering_id__in={e.offering_id for e in enrollments}):
        sessions.setdefault(session.offering_id, []).append(session)
    statuses = {}
    for enrollment_id, session_id, status in AttendanceRecord.objects.filter(
        enrollment_id__in=[e.pk for e in enrollments]
    ).values_list("enrollment_id", "session_id", "status"):
        statuses[(enrollment_id, session_id)] = status
    for enrollment in enrollments:
        planned = sessions.get(enrollment.offering_id, [])
        held = [session for session in planned if session.has_been_held(now)]
        marks = [statuses.get((enrollment.pk, session.pk)) for session in held]
        attended = sum(mark in AttendanceRecord.ATTENDED for mark in marks)
        excused = marks.count(Status.EXCUSED)
        enrollment.attendance_summary = {
            "attended": attended, "excused": excused, "absent": len(held) - attended - excused,
            "held": len(held), "total": len(planned),
        }  # fmt: skip
    return enrollments
