"""Importing a roster into an offering: match people, create the new ones, enroll everyone.

One engine for the admin and the `import_roster` command. The rows are taken in chunks as the
reader streams them, so a 100,000-row file never sits in memory as model instances; each chunk
costs a constant number of queries. Everything runs in one transaction that is rolled back for
a dry run, and for a file with invalid or ambiguous rows unless skip_invalid: the preview counts
exactly what the import will do because it *is* the import, undone.
"""

import difflib
import itertools
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from django.db import transaction
from django.db.models import Q

from ..models import Enrollment, Offering, Organization, Participant
from ..normalize import fold, name_sort_key
from ..units import UnitResolver

NEW, MATCHED, DUPLICATE, AMBIGUOUS, ERROR, SKIPPED = "new", "matched", "duplicate", "ambiguous", "error", "skipped"
NAME_CONFLICT_RATIO = 0.6  # below this, a key match with a different name is not trusted
CHUNK_ROWS = 1000


@dataclass(slots=True)
class RowOutcome:
    row: int
    status: str
    full_name: str
    participant_id: int | None = None
    candidates: list[int] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)  # the row's errors and warnings, for the preview


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
        return data

    @property
    def blocked(self) -> bool:
        """Invalid or ambiguous rows: nothing is written unless they are skipped."""
        return bool(self.errors or self.ambiguous)


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


def _keys(national_id, phone, email, name_key, birth_year) -> list[tuple[str, str]]:
    """The keys a person is matched by, strongest first."""
    keys = [("id", national_id), ("phone", phone), ("email", email)]
    if name_key and birth_year:
        keys.append(("name", f"{name_key}|{birth_year}"))
    return [key for key in keys if key[1]]


def _row_keys(row):
    return _keys(row.national_id, row.phone, row.email, fold(row.full_name), row.birth_year)


def _conflicting_name(person, row) -> bool:
    return difflib.SequenceMatcher(None, person.name_key, fold(row.full_name)).ratio() < NAME_CONFLICT_RATIO


def roster_import(
    *,
    roster,
    offering: Offering,
    dry_run=False,
    skip_invalid=False,
    decisions=None,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import `roster` (enrollment.roster.reader.Roster, rows a list or a stream) into `offering`.

    decisions: {row number: "create" | "skip" | participant id} settles ambiguous rows.
    progress: called with the number of rows done after each chunk.
    Raises RosterFileError when the stream turns out to be unreadable further down (nothing written).
    """
    with transaction.atomic():
        importer = _Importer(offering, decisions or {}, headers=roster.headers)
        rows = iter(roster.rows)
        while chunk := list(itertools.islice(rows, CHUNK_ROWS)):
            importer.take(chunk)
            if progress:
                progress(importer.report.rows)
        report = importer.report
        if dry_run or (report.blocked and not skip_invalid):
            transaction.set_rollback(True)
            for outcome in report.outcomes:
                if outcome.status == NEW:
                    outcome.participant_id = None  # rolled back
        else:
            report.written = True
    return report


class _Importer:
    def __init__(self, offering, decisions, headers):
        self.offering = Offering.objects.select_for_update().get(pk=offering.pk)
        self.decisions = decisions
        self.address_column = headers.get("address") or next(
            (headers[key] for key in ("address_commune", "address_district") if key in headers), None
        )
        self.report = ImportReport()
        self.seen = {}  # key -> participant pk, for every person already taken from this file
        self.units = UnitResolver()
        self.organizations = {}  # name_key -> Organization
        self.enrolled = set(self.offering.enrollments.values_list("participant_id", flat=True))
        self.seats = None
        if self.offering.capacity is not None:
            taken = self.offering.enrollments.filter(
                status__in=(Enrollment.Status.REGISTERED, Enrollment.Status.COMPLETED)
            ).count()
            self.seats = max(0, self.offering.capacity - taken)

    def take(self, rows):
        """Match, create and enroll one chunk of rows: a fixed number of queries whatever its size."""
        report = self.report
        report.rows += len(rows)
        known = self._known_people(rows)
        chunk_seen = {}  # key -> Participant not yet saved, for repeats inside this chunk
        to_enroll = []  # (outcome, participant)
        for row in rows:
            outcome = RowOutcome(row.number, NEW, row.full_name)
            report.outcomes.append(outcome)
            if row.errors:
                outcome.status = ERROR
                for error in row.errors:
                    report.errors.append({"row": error.row, "column": error.column, "message": error.message})
                    outcome.messages.append(f"{error.column}: {error.message}" if error.column else error.message)
                continue
            keys = _row_keys(row)
            if any(key in self.seen or key in chunk_seen for key in keys):
                outcome.status = DUPLICATE
                report.duplicates_in_file += 1
                continue
            person = self._match(row, keys, known, outcome)
            if outcome.status in (AMBIGUOUS, SKIPPED):
                continue
            if person is None:
                person = self._new_person(row, outcome)
                report.created += 1
            else:
                outcome.status = MATCHED
                report.matched += 1
            for key in keys + _keys(person.national_id, person.phone, person.email, person.name_key, person.birth_year):
                chunk_seen.setdefault(key, person)
            to_enroll.append((outcome, person))
        self._save(to_enroll, chunk_seen)

    def _known_people(self, rows) -> dict:
        ids, phones, emails, names = set(), set(), set(), set()
        for row in rows:
            ids.add(row.national_id)
            phones.add(row.phone)
            emails.add(row.email)
            names.add(fold(row.full_name))
        decided = [pk for pk in self.decisions.values() if isinstance(pk, int)]
        query = (
            Q(national_id__in=ids - {""})
            | Q(phone__in=phones - {""})
            | Q(email__in=emails - {""})
            | Q(name_key__in=names - {""})
            | Q(pk__in=decided)
        )
        known = {}
        for person in Participant.objects.filter(query).order_by("pk"):
            known[("pk", person.pk)] = person
            for key in _keys(person.national_id, person.phone, person.email, person.name_key, person.birth_year):
                known.setdefault(key, person)
        return known

    def _match(self, row, keys, known, outcome):
        """The existing participant the row is, None for a new person; or marks the outcome ambiguous/skipped."""
        found = list({id(person): person for key in keys if (person := known.get(key))}.values())
        decision = self.decisions.get(row.number)
        if decision == "skip":
            outcome.status = SKIPPED
            return None
        if decision == "create":
            return None
        if isinstance(decision, int) and ("pk", decision) in known:
            return known[("pk", decision)]
        if len(found) > 1 or (found and _conflicting_name(found[0], row)):
            outcome.status = AMBIGUOUS
            outcome.candidates = [person.pk for person in found]
            self.report.ambiguous.append({"row": row.number, "candidates": outcome.candidates})
            return None
        return found[0] if found else None

    def _new_person(self, row, outcome) -> Participant:
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
            unit=self._unit(row, outcome),
        )
        if row.organization:
            person._organization_name = row.organization
        return person

    def _unit(self, row, outcome):
        if not row.address:
            return None
        resolution = self.units.resolve(row.address)
        if not resolution.found:
            return None
        if resolution.ambiguous:
            names = ", ".join(str(candidate) for candidate in resolution.current)
            message = f"Địa chỉ cũ “{row.address}” nay thuộc nhiều đơn vị: {names}; đã chọn {resolution.current[0]}."
            self.report.warnings.append({"row": row.number, "column": self.address_column, "message": message})
            outcome.messages.append(message)
        return (resolution.current or [resolution.old])[0]

    def _save(self, to_enroll, chunk_seen):
        new_people = [person for _outcome, person in to_enroll if person.pk is None]
        self._attach_organizations(new_people)
        Participant.objects.bulk_create(new_people)
        for key, person in chunk_seen.items():
            self.seen[key] = person.pk
        new_enrollments = []
        for outcome, person in to_enroll:
            outcome.participant_id = person.pk
            if person.pk in self.enrolled:
                self.report.already_enrolled += 1
                continue
            self.enrolled.add(person.pk)
            status = Enrollment.Status.REGISTERED
            if self.seats is not None:
                status = Enrollment.Status.REGISTERED if self.seats > 0 else Enrollment.Status.WAITLISTED
                self.seats -= 1
            new_enrollments.append(
                Enrollment(offering=self.offering, participant=person, status=status, source=Enrollment.Source.ROSTER)
            )
        Enrollment.objects.bulk_create(new_enrollments)
        self.report.enrolled += len(new_enrollments)

    def _attach_organizations(self, people):
        names = {}
        for person in people:
            if name := getattr(person, "_organization_name", ""):
                names.setdefault(fold(name), name)
        missing = [key for key in names if key not in self.organizations]
        if missing:
            for org in Organization.objects.filter(name_key__in=missing):
                self.organizations[org.name_key] = org
            new = [
                Organization(name=names[key], name_key=key, kind=_organization_kind(names[key]))
                for key in missing
                if key not in self.organizations
            ]
            for org in Organization.objects.bulk_create(new):
                self.organizations[org.name_key] = org
        for person in people:
            if name := getattr(person, "_organization_name", ""):
                person.organization = self.organizations[fold(name)]
