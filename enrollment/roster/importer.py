"""Importing a roster into an offering: match people, create the new ones, enroll everyone.

One engine for the admin and the `import_roster` command. Everything is one
transaction: a file with an invalid row writes nothing unless skip_invalid.
"""

import difflib
from dataclasses import asdict, dataclass, field

from django.db import transaction
from django.db.models import Q

from ..models import Enrollment, Offering, Organization, Participant
from ..normalize import fold, name_sort_key
from ..units import unit_resolve

NEW, MATCHED, DUPLICATE, AMBIGUOUS, ERROR = "new", "matched", "duplicate", "ambiguous", "error"
NAME_CONFLICT_RATIO = 0.6  # below this, a key match with a different name is not trusted


@dataclass
class RowOutcome:
    row: int
    status: str
    full_name: str
    participant_id: int | None = None
    candidates: list[int] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    matched: int = 0
    duplicates_in_file: int = 0
    enrolled: int = 0
    already_enrolled: int = 0
    errors: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    ambiguous: list[dict] = field(default_factory=list)
    outcomes: list[RowOutcome] = field(default_factory=list)
    written: bool = False

    def as_json(self) -> dict:
        data = asdict(self)
        data.pop("outcomes")
        data.pop("written")
        return data


def _organization_kind(name: str) -> str:
    folded = fold(name)
    for prefixes, kind in [
        (("htx", "hop tac xa"), Organization.Kind.COOPERATIVE),
        (("cong ty", "doanh nghiep", "dntn"), Organization.Kind.ENTERPRISE),
        (("ho kinh doanh", "hkd", "co so"), Organization.Kind.HOUSEHOLD),
        (("trang trai",), Organization.Kind.FARM),
        (("ubnd", "uy ban", "phong ", "so ", "van phong", "trung tam"), Organization.Kind.AGENCY),
    ]:
        if folded.startswith(prefixes):
            return kind
    return Organization.Kind.OTHER


class _Index:
    """Known people by national ID, phone, email and (name, birth year)."""

    def __init__(self, people):
        self.by_key = {}
        for person in people:
            self.add(person)

    @staticmethod
    def keys(national_id, phone, email, name_key, birth_year):
        keys = [("id", national_id), ("phone", phone), ("email", email)]
        if name_key and birth_year:
            keys.append(("name", f"{name_key}|{birth_year}"))
        return [key for key in keys if key[1]]

    def add(self, person):
        for key in self.keys(person.national_id, person.phone, person.email, person.name_key, person.birth_year):
            self.by_key.setdefault(key, person)

    def find(self, keys):
        found = []
        for key in keys:
            person = self.by_key.get(key)
            if person is not None and all(person is not other for other in found):
                found.append(person)
        return found


def _existing_people(rows):
    ids = {row.national_id for row in rows if row.national_id}
    phones = {row.phone for row in rows if row.phone}
    emails = {row.email for row in rows if row.email}
    names = {fold(row.full_name) for row in rows if row.full_name}
    query = Q(national_id__in=ids) | Q(phone__in=phones) | Q(email__in=emails) | Q(name_key__in=names)
    return list(Participant.objects.filter(query))


def _conflicting_name(person, row) -> bool:
    return difflib.SequenceMatcher(None, person.name_key, fold(row.full_name)).ratio() < NAME_CONFLICT_RATIO


@transaction.atomic
def roster_import(*, roster, offering: Offering, dry_run=False, skip_invalid=False, decisions=None) -> ImportReport:
    """Import `roster` (enrollment.roster.reader.Roster) into `offering`.

    decisions: {row number: "create" | "skip" | participant id} settles ambiguous rows.
    """
    decisions = decisions or {}
    rows = list(roster.rows)
    report = ImportReport(rows=len(rows))
    index = _Index(_existing_people(rows))
    in_file = _Index([])
    units, organizations = {}, {}
    to_enroll = []  # (outcome, participant)

    for row in rows:
        outcome = RowOutcome(row.number, NEW, row.full_name)
        report.outcomes.append(outcome)
        for error in row.errors:
            report.errors.append({"row": error.row, "column": error.column, "message": error.message})
        if row.errors:
            outcome.status = ERROR
            continue
        keys = _Index.keys(row.national_id, row.phone, row.email, fold(row.full_name), row.birth_year)
        seen = in_file.find(keys)
        if seen:
            outcome.status = DUPLICATE
            report.duplicates_in_file += 1
            continue
        found = index.find(keys)
        decision = decisions.get(row.number)
        if decision == "skip":
            outcome.status = "skipped"
            continue
        if isinstance(decision, int):
            found = [person for person in found if person.pk == decision] or list(
                Participant.objects.filter(pk=decision)
            )
        elif decision == "create":
            found = []
        elif len(found) > 1 or (found and _conflicting_name(found[0], row)):
            outcome.status = AMBIGUOUS
            outcome.candidates = [person.pk for person in found]
            report.ambiguous.append({"row": row.number, "candidates": outcome.candidates})
            continue
        unit = None
        if row.address:
            if row.address not in units:
                units[row.address] = unit_resolve(row.address)
            resolution = units[row.address]
            if resolution.found:
                unit = (resolution.current or [resolution.old])[0]
                if resolution.ambiguous:
                    names = ", ".join(str(candidate) for candidate in resolution.current)
                    report.warnings.append(
                        {
                            "row": row.number,
                            "column": roster.headers.get("address"),
                            "message": f"Địa chỉ cũ “{row.address}” nay thuộc nhiều đơn vị: {names}; "
                            f"đã chọn {resolution.current[0]}.",
                        }
                    )
        if found:
            outcome.status, person = MATCHED, found[0]
            report.matched += 1
        else:
            person = Participant(
                full_name=row.full_name,
                name_key=fold(row.full_name),
                sort_key=name_sort_key(row.full_name),
                gender=row.gender,
                birth_date=row.birth_date,
                birth_year=row.birth_year,
                phone=row.phone,
                email=row.email,
                national_id=row.national_id,
                position=row.position,
                unit=unit,
            )
            if row.organization:
                key = fold(row.organization)
                organizations.setdefault(key, row.organization)
                person._organization_key = key
            report.created += 1
        in_file.add(person)
        to_enroll.append((outcome, person))

    if report.errors and not skip_invalid:
        report.enrolled = 0
        return report
    if report.ambiguous and not skip_invalid:
        return report
    if dry_run:
        _count_enrollments(report, offering, to_enroll)
        return report

    _write(report, offering, to_enroll, organizations)
    report.written = True
    return report


def _count_enrollments(report, offering, to_enroll):
    enrolled = set(offering.enrollments.values_list("participant_id", flat=True))
    for _outcome, person in to_enroll:
        if person.pk and person.pk in enrolled:
            report.already_enrolled += 1
        else:
            report.enrolled += 1


def _write(report, offering, to_enroll, organizations):
    offering = Offering.objects.select_for_update().get(pk=offering.pk)
    existing = {org.name_key: org for org in Organization.objects.filter(name_key__in=list(organizations))}
    new_orgs = [
        Organization(name=name, name_key=key, kind=_organization_kind(name))
        for key, name in organizations.items()
        if key not in existing
    ]
    for org in Organization.objects.bulk_create(new_orgs):
        existing[org.name_key] = org
    new_people = [person for _outcome, person in to_enroll if person.pk is None]
    for person in new_people:
        key = getattr(person, "_organization_key", None)
        if key:
            person.organization = existing[key]
    Participant.objects.bulk_create(new_people, batch_size=1000)
    enrolled = set(offering.enrollments.values_list("participant_id", flat=True))
    seats = None
    if offering.capacity is not None:
        taken = offering.enrollments.filter(
            status__in=(Enrollment.Status.REGISTERED, Enrollment.Status.COMPLETED)
        ).count()
        seats = max(0, offering.capacity - taken)
    new_enrollments = []
    for outcome, person in to_enroll:
        outcome.participant_id = person.pk
        if person.pk in enrolled:
            report.already_enrolled += 1
            continue
        enrolled.add(person.pk)
        status = Enrollment.Status.REGISTERED
        if seats is not None:
            status = Enrollment.Status.REGISTERED if seats > 0 else Enrollment.Status.WAITLISTED
            seats -= 1
        new_enrollments.append(
            Enrollment(offering=offering, participant=person, status=status, source=Enrollment.Source.ROSTER)
        )
    Enrollment.objects.bulk_create(new_enrollments, batch_size=1000)
    report.enrolled = len(new_enrollments)
