"""Writing a planned year down (people, offerings, enrollments; the sessions of those over, their
attendance sheets and certificates), and the entry points: each year built once, idempotently."""

import random

from django.db import transaction
from django.utils import timezone
from wagtail.signal_handlers import disable_reference_index_auto_update

from attendance.models import AttendanceRecord
from attendance.services import Mark, records_write, schedule_generate, session_close
from certificates.services import certificates_issue_offering
from courses.models import CoursePage
from enrollment.models import AdministrativeUnit, Enrollment, Offering, Organization, Participant
from enrollment.services import participant_prepare
from lms.text import fold

from ..course_data import catalog
from .cast import Cast
from .plan import Plan
from .plan_2019 import CODES_2019, plan_2019
from .plan_current import CODES_CURRENT, plan_current

Kind = Offering.Kind
Status, Method = AttendanceRecord.Status, AttendanceRecord.Method
PRE_2025, CURRENT = AdministrativeUnit.Scheme.PRE_2025, AdministrativeUnit.Scheme.CURRENT

ABSENCE_NOTES = ["Ốm, có giấy xin phép", "Bận công tác, đã báo trước", "Việc gia đình, có đơn xin phép", ""]


def _people_ensure(cast: Cast, numbers) -> dict[int, int]:
    """{person number: participant id}, creating the people (and organizations) not there yet."""
    wanted = [cast.people[n] for n in sorted(set(numbers))]
    ids = dict(Participant.objects.filter(phone__in=[p.phone for p in wanted]).values_list("phone", "pk"))
    missing = [p for p in wanted if p.phone not in ids]
    names = {p.organization for p in missing if p.organization}
    keys = {name: fold(name) for name in names}
    organizations = dict(Organization.objects.filter(name_key__in=set(keys.values())).values_list("name_key", "pk"))
    new = []
    for name in sorted(names):
        if keys[name] not in organizations:
            kind, unit_id = cast.organizations[name]
            new.append(Organization(name=name, name_key=keys[name], kind=kind, unit_id=unit_id))
            organizations[keys[name]] = None
    organizations.update((org.name_key, org.pk) for org in Organization.objects.bulk_create(new))
    created = Participant.objects.bulk_create(
        participant_prepare(
            Participant(full_name=p.full_name, gender=p.gender, birth_year=p.birth_year, phone=p.phone,
                        position=p.position, category=p.category, unit_id=p.unit_id,
                        organization_id=organizations[keys[p.organization]] if p.organization else None)
        )
        for p in missing
    )  # fmt: skip
    ids.update((person.phone, person.pk) for person in created)
    return {p.number: ids[p.phone] for p in wanted}


def _profile(rng, sessions: int) -> list[str]:
    """One person's marks over the sessions: most come to everything, a few miss one, fewer most."""
    if sessions == 1:
        return [rng.choices([Status.PRESENT, Status.LATE, Status.EXCUSED, Status.ABSENT], [90, 4, 3, 3])[0]]
    draw = rng.random()
    if draw < 0.012:
        return [Status.ABSENT] * sessions
    marks = [Status.LATE if rng.random() < 0.05 else Status.PRESENT for _ in range(sessions)]
    if draw < 0.84:
        return marks
    if draw < 0.95:
        marks[rng.randrange(sessions)] = Status.EXCUSED if rng.random() < 0.6 else Status.ABSENT
        return marks
    return [
        rng.choice([Status.ABSENT, Status.EXCUSED, Status.ABSENT]) if rng.random() < 0.5 else mark for mark in marks
    ]


def _held(offering, plan: Plan, enrollment_ids: list[int], *, by, method) -> list[int]:
    """The sessions as they went: each one's sign-in sheet (one services call), then closed;
    certificates for a class. Returns the enrollments that came at least once."""
    rng = random.Random(f"attendance-{offering.code}")
    sessions = schedule_generate(offering=offering, first_day=offering.starts_on, days=plan.days,
                                 afternoon=plan.afternoon)  # fmt: skip
    profiles = {pk: _profile(rng, len(sessions)) for pk in enrollment_ids}
    for index, session in enumerate(sessions):
        marks = {
            pk: Mark(status, rng.choice(ABSENCE_NOTES) if status == Status.EXCUSED else "")
            for pk, status in ((pk, profile[index]) for pk, profile in profiles.items())
        }
        records_write(session=session, marks=marks, by=by, method=method, at=session.starts())
        session_close(session=session, by=by)
    if offering.kind == Kind.CLASS:  # conferences and study tours give no certificate here
        ended = max(session.date for session in sessions)  # dated the day the class ended: its last session
        certificates_issue_offering(offering=offering, by=by, notify=False, draw=False, issued_on=ended)
    return [pk for pk, profile in profiles.items() if any(mark in AttendanceRecord.ATTENDED for mark in profile)]


def _program_write(cast: Cast, plans: list[Plan], *, today, organizer=None, method=Method.IMPORT) -> None:
    """Create the offerings of `plans` not there yet, with their people and enrollments; hold those
    already over (and those left open by an earlier build whose days have passed since)."""
    in_person = catalog().in_person
    courses = {track: CoursePage.objects.filter(code=data["code"]).first() for track, data in in_person.items()}
    if any(course is None for course in courses.values()):
        return  # an editor removed an in-person course: no classes to hang the program on
    existing = {offering.code: offering for offering in Offering.objects.filter(code__in=[p.code for p in plans])}
    new = [plan for plan in plans if plan.code not in existing]
    stale = [plan for plan in plans if plan.code in existing and existing[plan.code].status == Offering.Status.OPEN
             and existing[plan.code].ends_on < today and not existing[plan.code].sessions.exists()]  # fmt: skip
    if not new and not stale:
        return
    people = _people_ensure(cast, [n for plan in new for n in plan.people])
    created = Offering.objects.bulk_create(
        Offering(code=plan.code, kind=plan.kind, track=plan.track, title=plan.title, unit=plan.unit, venue=plan.venue,
                 starts_on=plan.starts_on, ends_on=plan.ends_on, capacity=plan.capacity,
                 course=courses[plan.track] if plan.kind == Kind.CLASS else None,
                 status=Offering.Status.OPEN if plan.starts_on > today else Offering.Status.CLOSED)
        for plan in new
    )  # fmt: skip
    if organizer is not None:
        Offering.organizers.through.objects.bulk_create(
            Offering.organizers.through(offering_id=offering.pk, user_id=organizer.pk) for offering in created
        )
    enrolled = {offering.pk: [] for offering in created}
    for enrollment in Enrollment.objects.bulk_create(
        Enrollment(offering=offering, participant_id=people[n], source=Enrollment.Source.ROSTER)
        for offering, plan in zip(created, new, strict=True)
        for n in plan.people
    ):
        enrolled[enrollment.offering_id].append(enrollment.pk)
    for plan in stale:
        enrolled[existing[plan.code].pk] = list(
            existing[plan.code].enrollments.order_by("pk").values_list("pk", flat=True)
        )
    by_code = {offering.code: offering for offering in created} | existing
    held, came = [], []
    for plan in [*new, *stale]:
        offering = by_code[plan.code]
        if offering.ends_on < today:
            held.append(offering.pk)
            came += _held(offering, plan, enrolled[offering.pk], by=organizer, method=method)
    # Who came at least once completed; who never came did not show.
    no_show = {pk for offering in held for pk in enrolled[offering]} - set(came)
    Enrollment.objects.filter(pk__in=came).update(status=Enrollment.Status.COMPLETED)
    Enrollment.objects.filter(pk__in=no_show).update(status=Enrollment.Status.NO_SHOW)
    Offering.objects.filter(pk__in=held).update(status=Offering.Status.COMPLETED)


def program_2019_build(*, organizer=None) -> None:
    """Hanoi's 2019 program (idempotent; nothing without the pre-2025 units)."""
    province = AdministrativeUnit.objects.filter(scheme=PRE_2025, level="province", code="01").first()
    if province is None or Offering.objects.filter(code__in=CODES_2019).count() == len(CODES_2019):
        return
    cast, plans = plan_2019(province)
    with transaction.atomic(), disable_reference_index_auto_update():
        _program_write(cast, plans, today=timezone.localdate(), organizer=organizer, method=Method.IMPORT)


def current_codes(year) -> list[str]:
    return [code.format(year=year) for code in CODES_CURRENT]


def current_year_build(*, organizer=None) -> None:
    """This year's offerings in the current communes (idempotent; nothing without the units)."""
    province = AdministrativeUnit.objects.filter(scheme=CURRENT, level="province", code="01").first()
    today = timezone.localdate()
    codes = current_codes(today.year)
    offerings = Offering.objects.filter(code__in=codes)
    stale = offerings.filter(status=Offering.Status.OPEN, ends_on__lt=today, sessions__isnull=True)
    if province is None or (offerings.count() == len(codes) and not stale.exists()):
        return
    cast, plans = plan_current(province, today)
    with transaction.atomic(), disable_reference_index_auto_update():
        _program_write(cast, plans, today=today, organizer=organizer, method=Method.SHEET)
