"""``load_generate``: plan the whole program in memory, then write it table by table."""

import math
import random
from array import array
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from attendance.models import AttendanceRecord, Session
from certificates.models import Certificate, CertificateTemplate
from certificates.services import template_default
from enrollment import synthetic
from enrollment.models import Enrollment, Offering, Organization, Participant
from enrollment.services import participant_prepare
from enrollment.units import CURRENT, PRE_2025

from .plan import _courses, _plan_enrollments, _plan_offerings, _plan_people, _size, _units
from .shapes import (
    ABSENT,
    BATCH,
    CATEGORIES,
    COMPLETED,
    ENROLLMENT_SOURCES,
    ENROLLMENT_STATUS,
    EXCUSED,
    LATE,
    LATE_BY,
    ORGANIZATION_OF,
    ORGANIZATION_SHARE,
    PHONE_LIMIT,
    POSITIONS,
    PRESENT,
    REFORM,
    SHEET,
    Kind,
    Progress,
    Status,
)
from .write import (
    _at,
    _db_value,
    _insert,
    _insert_tuples,
    _next_numbers,
    _offering_title,
    _organization_rows,
    _phone_start,
    _roster_day,
    _verification_codes,
)


def load_generate(
    *,
    participants: int,
    offerings: int,
    attendance: int,
    seed: int = 2019,
    first_year: int = 2019,
    last_year: int | None = None,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Write a synthetic program; return how many rows of each kind were added.

    `progress(stage, done, total)` is called after each batch (total None when unknown).
    """
    today = timezone.localdate()
    now = timezone.now()
    last_year = today.year if last_year is None else last_year
    if min(participants, offerings, attendance) < 0:
        raise ValueError("Số lượng không được âm.")
    if not 1900 < first_year <= last_year < 2200:
        raise ValueError("Khoảng năm không hợp lệ.")
    if not 0 <= seed < 10**9:
        raise ValueError("Seed phải là số từ 0 đến 999.999.999.")
    report = progress or (lambda stage, done, total: None)

    units = _units()
    courses = _courses()
    phone_start = _phone_start()
    if phone_start + participants > PHONE_LIMIT:
        raise ValueError(
            f"Hết số điện thoại dành riêng: còn {max(0, PHONE_LIMIT - phone_start):,} số, cần {participants:,}."
        )
    top_certificate = Certificate.objects.aggregate(top=Max("pk"))["top"] or 0
    rng = random.Random(f"{seed}/{phone_start}")
    code_rng = random.Random(f"codes/{seed}/{phone_start}/{top_certificate}")

    # -- the plan
    plans = _plan_offerings(rng, count=offerings, years=list(range(first_year, last_year + 1)), units=units,
                            courses=courses, now=now)  # fmt: skip
    _size(plans, attendance=attendance, participants=participants, rng=rng)
    people = _plan_people(rng, participants, units, plans)
    slots, statuses, missed = _plan_enrollments(rng, plans, people, today)
    report("plan", len(plans), len(plans))
    counts = {"organizations": 0, "participants": 0, "offerings": 0, "sessions": 0, "enrollments": 0,
              "attendance": 0, "certificates": 0}  # fmt: skip
    counts.update({f"offerings_{kind}": 0 for kind in Kind.values})

    # -- organizations
    organization_count = participants // 30 if participants else 0
    organization_keys, organization_ids = [], []

    def organizations_done(batch):
        organization_ids.extend(organization.pk for organization in batch)
        report("organizations", len(organization_ids), organization_count)

    counts["organizations"] = _insert(
        Organization, _organization_rows(rng, organization_count, units, organization_keys), on_batch=organizations_done
    )
    by_kind_region, by_kind = {}, {}
    for (kind, region), pk in zip(organization_keys, organization_ids, strict=True):
        by_kind_region.setdefault((kind, region), []).append(pk)
        by_kind.setdefault(kind, []).append(pk)

    # -- participants
    names: list[str] = []
    birth_years = array("H")
    participant_ids = array("q")

    participant_fields = ["full_name", "name_key", "sort_key", "gender", "birth_date", "birth_year", "phone", "email",
                          "national_id", "position", "organization", "unit", "category", "user"]  # fmt: skip
    attributes = [Participant._meta.get_field(name).attname for name in participant_fields]
    first_roster_days = {}
    for plan in plans:
        for slot in range(plan.first_slot, plan.first_slot + plan.size + plan.extra):
            first_roster_days.setdefault(slots[slot], _roster_day(plan))
    added_at = {}

    def participant_rows():
        for index in range(participants):
            category, _weight, _group, female_share, born = CATEGORIES[people.category[index]]
            region = people.region[index]
            person = synthetic.person(rng, phone_start + index, born=born, female_share=female_share)
            first = people.first_day[index]
            scheme = PRE_2025 if first and first < REFORM.toordinal() else CURRENT
            organization = None
            kind = ORGANIZATION_OF.get(category)
            if kind and rng.random() < ORGANIZATION_SHARE:
                choices = by_kind_region.get((kind, region)) or by_kind.get(kind)
                organization = rng.choice(choices) if choices else None
            participant = participant_prepare(
                Participant(full_name=person.full_name, gender=person.gender, birth_year=person.birth_year,
                            phone=person.phone, category=category, position=rng.choice(POSITIONS[category]),
                            organization_id=organization, unit_id=units.pick_commune(rng, region, scheme).pk)
            )  # fmt: skip
            names.append(participant.full_name)
            birth_years.append(person.birth_year)
            added = first_roster_days.get(index)  # with their first roster; people never enrolled: today
            if added not in added_at:
                added_at[added] = _db_value(Participant, "created_at", _at(added) if added else now)
            yield (*(getattr(participant, attribute) for attribute in attributes), added_at[added])

    phone_column = participant_fields.index("phone")

    def participants_done(batch):  # their ids, by phone
        phones = [row[phone_column] for row in batch]
        stored = dict(Participant.objects.filter(phone__in=phones).order_by().values_list("phone", "pk"))
        participant_ids.extend(stored[phone] for phone in phones)
        report("participants", len(participant_ids), participants)

    counts["participants"] = _insert_tuples(
        Participant, [*participant_fields, "created_at"], participant_rows(), on_batch=participants_done
    )

    # -- offerings, numbered per year in date order
    code_prefixes = {year: f"T{seed}-{year}-" for year in range(first_year, last_year + 2)}
    next_code = _next_numbers(Offering, "code", code_prefixes.values())

    def offering_rows():
        for plan in plans:
            prefix = code_prefixes[plan.starts_on.year]
            plan.code = f"{prefix}{next_code[prefix]:06d}"
            next_code[prefix] += 1
            plan.title, venue = _offering_title(rng, plan)
            capacity = math.ceil((plan.size + plan.extra) * 1.15 / 10) * 10 or None
            yield Offering(code=plan.code, kind=plan.kind, course_id=plan.course.pk if plan.course else None,
                           track=plan.track, title=plan.title, unit_id=plan.unit.pk, venue=venue,
                           starts_on=plan.starts_on, ends_on=plan.ends_on, capacity=capacity,
                           status=Status.COMPLETED if plan.ends_on < today else Status.OPEN)  # fmt: skip

    written = iter(plans)

    def offerings_done(batch):
        for offering in batch:
            next(written).pk = offering.pk
            counts[f"offerings_{offering.kind}"] += 1
        report("offerings", sum(counts[f"offerings_{kind}"] for kind in Kind.values), len(plans))

    counts["offerings"] = _insert(Offering, offering_rows(), on_batch=offerings_done)

    # -- sessions (the ones over are closed, as organizers do)
    session_total = sum(len(plan.sessions) for plan in plans)
    session_owner = iter([plan for plan in plans for _session in plan.sessions])

    def session_rows():
        for plan in plans:
            for number, (day, starts_at, ends_at, title) in enumerate(plan.sessions):
                closed_at = None
                if number < plan.held:
                    closed_at = timezone.make_aware(datetime.combine(day, ends_at)) + timedelta(minutes=20)
                yield Session(offering_id=plan.pk, title=title, date=day, starts_at=starts_at, ends_at=ends_at,
                              closed_at=closed_at)  # fmt: skip

    def sessions_done(batch):
        for session in batch:
            next(session_owner).session_ids.append(session.pk)
        report("sessions", sum(len(plan.session_ids) for plan in plans), session_total)

    counts["sessions"] = _insert(Session, session_rows(), on_batch=sessions_done)

    # -- enrollments, in slot order, a batch of whole offerings at a time (their ids are read back)
    enrollment_ids = array("q", [0]) * len(slots)
    written_enrollments = 0

    def enrollment_batches():
        batch, size = [], 0
        for plan in plans:
            batch.append(plan)
            size += plan.size + plan.extra
            if size >= BATCH:
                yield batch
                batch, size = [], 0
        if batch:
            yield batch

    for batch in enrollment_batches():
        rows = [
            (participant_ids[slots[slot]], plan.pk, ENROLLMENT_STATUS[statuses[slot]], rng.choice(ENROLLMENT_SOURCES),
             enrolled_at)
            for plan in batch
            for enrolled_at in [_db_value(Enrollment, "created_at", _at(_roster_day(plan)))]
            for slot in range(plan.first_slot, plan.first_slot + plan.size + plan.extra)
        ]  # fmt: skip
        with transaction.atomic():
            _insert_tuples(Enrollment, ["participant", "offering", "status", "source", "created_at"], rows)
            stored = {
                (offering, person): pk
                for pk, offering, person in Enrollment.objects.filter(offering_id__in=[plan.pk for plan in batch])
                .order_by()
                .values_list("pk", "offering_id", "participant_id")
            }
        for plan in batch:
            for slot in range(plan.first_slot, plan.first_slot + plan.size + plan.extra):
                enrollment_ids[slot] = stored[(plan.pk, participant_ids[slots[slot]])]
        written_enrollments += len(rows)
        report("enrollments", written_enrollments, len(slots))
    counts["enrollments"] = written_enrollments

    # -- attendance: one record per active enrollment and session held
    record_total = sum(plan.size * plan.held for plan in plans)
    written_records = [0]

    def record_rows():
        for plan in plans:
            for number in range(plan.held):
                session_id = plan.session_ids[number]
                day, starts_at, _ends_at, _title = plan.sessions[number]
                on_time = timezone.make_aware(datetime.combine(day, starts_at)) - timedelta(minutes=5)
                on_time, late = (
                    _db_value(AttendanceRecord, "checked_in_at", at) for at in (on_time, on_time + LATE_BY)
                )
                bit = 1 << number
                for slot in range(plan.first_slot, plan.first_slot + plan.size):
                    if missed[slot] & bit:
                        status, at = (EXCUSED if rng.random() < 0.35 else ABSENT), None
                    elif rng.random() < 0.07:
                        status, at = LATE, late
                    else:
                        status, at = PRESENT, on_time
                    yield (enrollment_ids[slot], session_id, status, SHEET, at)

    def records_done(batch):
        written_records[0] += len(batch)
        report("attendance", written_records[0], record_total)

    counts["attendance"] = _insert_tuples(
        AttendanceRecord, ["enrollment", "session", "status", "method", "checked_in_at"], record_rows(),
        on_batch=records_done,
    )  # fmt: skip

    # -- certificates: completed, never absent, in classes that are over
    template: CertificateTemplate = template_default()
    office_fields = ["title", "issuer", "parent_office", "place", "signer_name", "signer_title"]
    office = [getattr(template, name) for name in office_fields]
    issued_dates = {}
    # Issued at most a few weeks after the last class ends, never after today.
    serial_prefixes = {year: f"T{seed}-{year}-" for year in range(first_year, min(today.year, last_year + 1) + 1)}
    next_serial = _next_numbers(Certificate, "serial", serial_prefixes.values())
    codes = _verification_codes(code_rng)
    written_certificates = [0]

    def certificate_rows():
        for plan in plans:
            if plan.kind != Kind.CLASS or plan.ends_on >= today:
                continue
            course_title = plan.course.title if plan.course else plan.title
            hours = _db_value(Certificate, "hours", plan.course.hours if plan.course else None)
            kind = (CertificateTemplate.Kind.COMPLETION if plan.course else CertificateTemplate.Kind.ATTENDANCE).value
            starts_on, ends_on = (_db_value(Certificate, "starts_on", day) for day in (plan.starts_on, plan.ends_on))
            for slot in range(plan.first_slot, plan.first_slot + plan.size):
                if statuses[slot] != COMPLETED or missed[slot] or rng.random() >= 0.97:
                    continue
                issued_on = min(today, plan.ends_on + timedelta(days=rng.randint(1, 20)))
                issued_day, issued_at = issued_dates.get(issued_on) or issued_dates.setdefault(issued_on, (
                    _db_value(Certificate, "issued_on", issued_on), _db_value(Certificate, "issued_at", _at(issued_on))
                ))  # fmt: skip
                prefix = serial_prefixes[issued_on.year]
                number = next_serial[prefix]
                next_serial[prefix] = number + 1
                person = slots[slot]
                yield (enrollment_ids[slot], template.pk, f"{prefix}{number:07d}", next(codes), True, names[person],
                       birth_years[person], kind, course_title, plan.code, starts_on, ends_on, hours, issued_day,
                       issued_at, *office)  # fmt: skip

    def certificates_done(batch):
        written_certificates[0] += len(batch)
        report("certificates", written_certificates[0], None)

    counts["certificates"] = _insert_tuples(
        Certificate,
        ["enrollment", "template", "serial", "code", "is_current", "full_name", "birth_year", "kind", "course_title",
         "offering_code", "starts_on", "ends_on", "hours", "issued_on", "issued_at", *office_fields],
        certificate_rows(), on_batch=certificates_done,
    )  # fmt: skip
    return counts
