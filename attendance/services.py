"""Taking attendance: schedules, the sheet, QR and phone check-in, walk-ins, closing a session.

Every write goes through `records_write`, which upserts records (the unique constraint on enrollment
and session settles races: two tabs, a QR check-in during a sheet save) and keeps the history.
"""

import hashlib
import hmac
from dataclasses import dataclass
from datetime import date, time, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from enrollment import scope
from enrollment import services as enrollment_services
from enrollment.models import Enrollment, Participant
from lms.text import InvalidValueError, normalize_phone

from .models import AttendanceChange, AttendanceRecord, Session

Status, Method = AttendanceRecord.Status, AttendanceRecord.Method
MORNING, AFTERNOON = (time(7, 30), time(11, 30)), (time(13, 30), time(17, 0))
CODE_SECONDS = 60  # the projector's code changes every minute
CODE_ALPHABET = "ACDEFHJKMNPRTUVWXY34679"  # no 0/O, 1/I/L, 2/Z, 5/S, 8/B
CODE_LENGTH = 6
CHECKIN_OPENS_BEFORE = timedelta(minutes=30)


class AttendanceError(Exception):
    """A refusal a person should read (translated)."""


# --------------------------------------------------------------------------- schedule


@transaction.atomic
def schedule_generate(*, offering, first_day: date, days: int, morning=True, afternoon=True) -> list[Session]:
    """Sessions for `days` consecutive days (morning and/or afternoon); existing ones are kept."""
    if days < 1 or not (morning or afternoon):
        raise AttendanceError(_("Choose at least one day and one half-day."))
    halves = [(_("morning"), MORNING)] * morning + [(_("afternoon"), AFTERNOON)] * afternoon
    sessions = [
        Session(
            offering=offering,
            date=first_day + timedelta(days=day),
            title=_("Day %(number)s - %(half)s") % {"number": day + 1, "half": half},
            starts_at=start,
            ends_at=end,
        )  # fmt: skip
        for day in range(days)
        for half, (start, end) in halves
    ]
    Session.objects.bulk_create(sessions, ignore_conflicts=True)
    return list(offering.sessions.all())


# --------------------------------------------------------------------------- writing records


@dataclass(frozen=True)
class Mark:
    status: str
    note: str = ""


def records_write(*, session, marks: dict[int, Mark], by, method, at=None) -> int:
    """Upsert the records of `session` for {enrollment id: Mark}; return how many changed.

    Unchanged records are not touched (a QR check-in time survives a sheet save that keeps
    "present"). Queries: a fixed handful, whatever the number of marks.
    """
    at = at or timezone.now()
    existing = {
        record.enrollment_id: record
        for record in AttendanceRecord.objects.filter(session=session, enrollment_id__in=list(marks))
    }
    changed = []
    for enrollment_id, mark in sorted(marks.items()):  # one lock order for every writer: no deadlocks
        record = existing.get(enrollment_id)
        if record is not None and (record.status, record.note) == (mark.status, mark.note):
            continue
        attended = mark.status in AttendanceRecord.ATTENDED
        checked_in_at = (record.checked_in_at if record and record.checked_in_at else at) if attended else None
        changed.append(
            (
                record.status if record else "",
                AttendanceRecord(
                    enrollment_id=enrollment_id,
                    session=session,
                    status=mark.status,
                    method=method,
                    note=mark.note,
                    checked_in_at=checked_in_at,
                    recorded_by=by if by and by.is_authenticated else None,
                ),  # fmt: skip
            )
        )
    if not changed:
        return 0
    AttendanceRecord.objects.bulk_create(
        [record for _old, record in changed],
        update_conflicts=True,
        unique_fields=["enrollment", "session"],
        update_fields=["status", "method", "note", "checked_in_at", "recorded_by", "updated_at"],
    )
    ids = dict(
        AttendanceRecord.objects.filter(
            session=session, enrollment_id__in=[record.enrollment_id for _old, record in changed]
        ).values_list("enrollment_id", "pk")
    )
    AttendanceChange.objects.bulk_create(
        AttendanceChange(
            record_id=ids[record.enrollment_id],
            old_status=old,
            new_status=record.status,
            method=method,
            changed_by=record.recorded_by,
            note=record.note,
        )  # fmt: skip
        for old, record in changed
    )
    return len(changed)


@transaction.atomic
def attendance_save(*, session, marks: dict[int, Mark], by, method=Method.SHEET) -> int:
    """Save a sheet: {enrollment id: Mark} for enrollments of the session's offering. Closed
    sessions can still be corrected from the sheet; every change is kept in the history."""
    valid = set(session.offering.enrollments.active().filter(pk__in=list(marks)).values_list("pk", flat=True))
    unknown = set(marks) - valid
    if unknown:
        raise AttendanceError(_("Some people on the sheet are not enrolled in this offering any more; reload it."))
    for mark in marks.values():
        if mark.status not in Status.values:
            raise AttendanceError(_("Unknown attendance status."))
    return records_write(session=session, marks=marks, by=by, method=method)


@transaction.atomic
def session_close(*, session, by, mark_absent=None) -> int:
    """Close a session; everyone enrolled without a record is marked absent, unless
    `mark_absent` (default: settings.ATTENDANCE_CLOSE_MARKS_ABSENT) says otherwise."""
    if mark_absent is None:
        mark_absent = settings.ATTENDANCE_CLOSE_MARKS_ABSENT
    session = Session.objects.select_for_update().get(pk=session.pk)
    if session.is_closed:
        return 0
    marked = 0
    if mark_absent:
        missing = session.offering.enrollments.active().exclude(attendance__session=session)
        marks = {pk: Mark(Status.ABSENT) for pk in missing.values_list("pk", flat=True)}
        marked = records_write(session=session, marks=marks, by=by, method=Method.CLOSE)
    session.closed_at = timezone.now()
    session.save(update_fields=["closed_at"])
    return marked


@transaction.atomic
def session_reopen(*, session) -> None:
    Session.objects.filter(pk=session.pk).update(closed_at=None)


# --------------------------------------------------------------------------- check-in


def checkin_code(session, at=None) -> str:
    """The short code shown on the projector for the minute containing `at`."""
    window = int((at or timezone.now()).timestamp()) // CODE_SECONDS
    digest = hmac.new(session.checkin_secret.encode(), f"{session.pk}:{window}".encode(), hashlib.sha256).digest()
    number = int.from_bytes(digest[:8], "big")
    letters = []
    for _i in range(CODE_LENGTH):
        number, index = divmod(number, len(CODE_ALPHABET))
        letters.append(CODE_ALPHABET[index])
    return "".join(letters)


def checkin_code_valid(session, code: str, at=None) -> bool:
    """The current code, or the previous minute's (a phone is slow to scan and load)."""
    at = at or timezone.now()
    code = (code or "").strip().upper()
    if not code.isascii():  # "²²²²²²": never a code, and hmac.compare_digest refuses non-ASCII text
        return False
    candidates = (checkin_code(session, at), checkin_code(session, at - timedelta(seconds=CODE_SECONDS)))
    return any(hmac.compare_digest(code, candidate) for candidate in candidates)


def checkin_window_check(session, at=None) -> None:
    at = at or timezone.now()
    if session.is_closed:
        raise AttendanceError(_("This session is closed; check-in is over."))
    if at < session.starts() - CHECKIN_OPENS_BEFORE:
        raise AttendanceError(_("Check-in for this session has not opened yet."))
    if at > session.ends():
        raise AttendanceError(_("This session is over; check-in is closed."))


def sessions_open_for_code(code: str, at=None) -> Session | None:
    """The session currently in its check-in window whose code is `code` (typed by hand)."""
    at = at or timezone.now()
    today = timezone.localdate(at)
    candidates = Session.objects.filter(date=today, closed_at__isnull=True).select_related("offering")
    for session in candidates:
        if session.starts() - CHECKIN_OPENS_BEFORE <= at <= session.ends() and checkin_code_valid(session, code, at):
            return session
    return None


@dataclass(frozen=True)
class CheckIn:
    record: AttendanceRecord
    already: bool  # checked in before: nothing changed


def checkin(*, session, participant, by=None, method=Method.QR, at=None) -> CheckIn:
    """Mark `participant` present (late after the grace time) in `session`, once."""
    at = at or timezone.now()
    checkin_window_check(session, at)
    enrollment = Enrollment.objects.filter(
        offering=session.offering, participant=participant, status__in=Enrollment.ACTIVE
    ).first()
    if enrollment is None:
        raise AttendanceError(_("You are not on the list of this class. Please see the organizers at the desk."))
    status = Status.LATE if at > session.late_from() else Status.PRESENT
    with transaction.atomic():
        record = AttendanceRecord.objects.select_for_update().filter(enrollment=enrollment, session=session).first()
        if record is not None and record.status in AttendanceRecord.ATTENDED:
            return CheckIn(record, already=True)
        # Two check-ins racing past the lock (no row yet) both upsert: still one record.
        records_write(session=session, marks={enrollment.pk: Mark(status)}, by=by, method=method, at=at)
    return CheckIn(AttendanceRecord.objects.get(enrollment=enrollment, session=session), already=False)


def participant_by_phone(*, session, phone: str, birth_year) -> Participant:
    """The enrolled participant with this phone and year of birth (phone check-in)."""
    if not session.phone_checkin:
        raise AttendanceError(_("This session does not allow check-in by phone; please log in."))
    try:
        phone = normalize_phone(phone)
        year = int(birth_year)
    except (InvalidValueError, TypeError, ValueError):
        raise AttendanceError(_("Enter your phone number and your year of birth (four digits).")) from None
    participant = Participant.objects.filter(
        phone=phone, birth_year=year, enrollments__offering=session.offering, enrollments__status__in=Enrollment.ACTIVE
    ).first()
    if participant is None:
        raise AttendanceError(_("No one on this class's list has this phone and year of birth."))
    return participant


# --------------------------------------------------------------------------- walk-ins


@dataclass(frozen=True)
class WalkIn:
    enrollment: Enrollment
    phone_withheld: bool  # the phone belongs to someone the sender may not see: not stored, not linked


def _may_see(user, participant, offering) -> bool:
    """A person the sender works with: of their units, or already on this offering's list."""
    people = Participant.objects.filter(pk=participant.pk)
    return scope.scope_participants(user, people).exists() or people.filter(enrollments__offering=offering).exists()


@transaction.atomic
def walk_in_add(*, session, full_name: str, phone: str, unit=None, by) -> WalkIn:
    """Someone not on the roster: find or create the person, enroll them (walk-in), mark present.

    A phone is matched only against the people the sender may see. When it belongs to someone else,
    that person is neither linked nor named (the sheet must not turn a phone number into a stranger's
    name): the walk-in is added as a new person without the phone, to be merged by the person's unit."""
    try:
        phone = normalize_phone(phone) if phone else ""
    except InvalidValueError as error:
        raise AttendanceError(str(error)) from None
    participant = Participant.objects.filter(phone=phone).first() if phone else None
    withheld = participant is not None and not _may_see(by, participant, session.offering)
    if withheld:
        participant, phone = None, ""
    if participant is None:
        participant = enrollment_services.participant_create(full_name=full_name, phone=phone, unit=unit)
    enrollment = Enrollment.objects.filter(offering=session.offering, participant=participant).first()
    if enrollment is None:
        enrollment = Enrollment.objects.create(
            offering=session.offering, participant=participant, source=Enrollment.Source.WALK_IN
        )
    elif enrollment.status not in Enrollment.ACTIVE:  # waiting list or cancelled, but here in person
        enrollment.status = Enrollment.Status.REGISTERED
        enrollment.save(update_fields=["status", "updated_at"])
    records_write(session=session, marks={enrollment.pk: Mark(Status.PRESENT)}, by=by, method=Method.WALK_IN)
    return WalkIn(enrollment, withheld)
