"""Attendance rates: per enrollment and per offering, in a fixed number of queries.

A rate counts the sessions already held (closed, or over): attended (present or late, and
excused when the course says so) out of held. Unmarked sessions count as missed. The at-risk
list is everyone below the course's minimum. Certificates call this with final=True, when
every session counts.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from enrollment import scope
from enrollment.models import Enrollment, Offering

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
    result = OfferingAttendance(sessions=sessions, held=held)
    for enrollment in enrollments:
        result.rows.append(_row(enrollment, course, held=len(held), required=len(required_ids)))
    return result


def _row(enrollment, course, *, held: int, required: int) -> EnrollmentAttendance:
    """One enrollment's counts and rate, from its annotations: n_present, n_late, n_excused and n_required
    (the required sessions held that count as attended for `course`)."""
    excused_counts = bool(course and course.excused_counts_as_attended)
    attended = enrollment.n_present + enrollment.n_late + (enrollment.n_excused if excused_counts else 0)
    return EnrollmentAttendance(
        enrollment=enrollment,
        present=enrollment.n_present,
        late=enrollment.n_late,
        excused=enrollment.n_excused,
        absent=held - enrollment.n_present - enrollment.n_late - enrollment.n_excused,
        held=held,
        missed_required=required - enrollment.n_required,
        rate=100 * attended / held if held else None,
        minimum=course.min_attendance_percent if course else None,
    )


def final_attendance(enrollments) -> list[EnrollmentAttendance]:
    """`offering_attendance(offering, final=True)`'s rows for active enrollments of any number of offerings
    (every session counts, as for certificates), each enrollment with its `offering.course`. Two queries
    whatever the number of offerings."""
    enrollments = list(
        enrollments.active().select_related("participant", "offering__course").annotate(
            n_present=_own_records(status=Status.PRESENT),
            n_late=_own_records(status=Status.LATE),
            n_excused=_own_records(status=Status.EXCUSED),
            n_required_attended=_own_records(status__in=AttendanceRecord.ATTENDED, session__required=True),
            n_required_excused=_own_records(status=Status.EXCUSED, session__required=True),
        )
    )  # fmt: skip
    sessions = {
        row["offering_id"]: row
        for row in Session.objects.filter(offering_id__in={e.offering_id for e in enrollments})
        .values("offering_id").annotate(held=Count("pk"), required=Count("pk", filter=Q(required=True))).order_by()
    }  # fmt: skip
    rows = []
    for enrollment in enrollments:
        course = enrollment.offering.course
        counts = sessions.get(enrollment.offering_id, {"held": 0, "required": 0})
        excused = enrollment.n_required_excused if course and course.excused_counts_as_attended else 0
        enrollment.n_required = enrollment.n_required_attended + excused
        rows.append(_row(enrollment, course, held=counts["held"], required=counts["required"]))
    return rows


def _own_records(**condition):
    """Count an enrollment's records at its own offering's sessions that meet `condition`."""
    condition = {f"attendance__{lookup}": value for lookup, value in condition.items()}
    return Count("attendance", filter=Q(attendance__session__offering_id=F("offering_id"), **condition))


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
    """Set `attendance_summary` ({"attended", "excused", "absent", "held", "total"}), `session_shown`
    (the session in progress, else the next one, or None) and `sessions_planned` on each enrollment, for
    the learner's own page. Two queries whatever the number of classes."""
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
        enrollment.session_shown = _session_now_or_next(planned, now)
        enrollment.sessions_planned = planned
    return enrollments


def _session_now_or_next(sessions, now) -> Session | None:
    """The session under way (in progress), else the next one to come: what the learner's card shows."""
    states = [(session, session.state_at(now)) for session in sessions]
    for wanted in (Session.State.IN_PROGRESS, Session.State.UPCOMING):
        session = next((session for session, state in states if state == wanted), None)
        if session is not None:
            return session
    return None


def attendance_offerings(user):
    """The offerings whose attendance `user` takes, as the attendance pages open them (AttendanceView):
    with the permission, those of their units (every one for administrators) and those they teach."""
    if not user.has_perm("attendance.add_attendancerecord"):
        return Offering.objects.none()
    scoped = scope.scope_offerings(user, Offering.objects.all())
    return Offering.objects.filter(Q(pk__in=scoped.values("pk")) | Q(pk__in=user.offerings_taught.values("pk")))


def week_sessions(user, today) -> list[Session]:
    """The sessions from Monday to Sunday of `today`'s week of the offerings `user` takes attendance for
    (cancelled offerings left out), by date and time, each with `checked_in` (present or late) and
    `enrolled` (active enrollments of its offering). One query."""
    monday = today - timedelta(days=today.weekday())
    checked_in = (
        AttendanceRecord.objects.filter(session=OuterRef("pk"), status__in=AttendanceRecord.ATTENDED)
        .order_by().values("session").annotate(n=Count("pk")).values("n")
    )  # fmt: skip
    enrolled = (
        Enrollment.objects.active().filter(offering=OuterRef("offering"))
        .order_by().values("offering").annotate(n=Count("pk")).values("n")
    )  # fmt: skip
    return list(
        Session.objects.filter(
            date__range=(monday, monday + timedelta(days=6)), offering__in=attendance_offerings(user).values("pk")
        )
        .exclude(offering__status=Offering.Status.CANCELLED)
        .select_related("offering")
        .annotate(checked_in=Coalesce(Subquery(checked_in), Value(0)), enrolled=Coalesce(Subquery(enrolled), Value(0)))
        .order_by("date", "starts_at", "offering__code", "pk")
    )


def checkin_record(session, participant) -> AttendanceRecord | None:
    """`participant`'s record of `session` if it says they came (present or late): they have checked in,
    by QR or on the organizers' sheet. One query."""
    return (
        AttendanceRecord.objects.filter(
            session=session, enrollment__participant=participant, status__in=AttendanceRecord.ATTENDED
        )
        .select_related("enrollment__participant")
        .first()
    )
