"""Importing a roster into an offering: match people, create the new ones, enroll everyone.

One engine for the admin and the `import_roster` command. The rows are taken in chunks as the
reader streams them, so a 100,000-row file never sits in memory as model instances; each chunk
costs a constant number of queries. Everything runs in one transaction that is rolled back for
a dry run, and for a file with invalid or ambiguous rows unless skip_invalid: the preview counts
exactly what the import will do because it *is* the import, undone. When the valid rows are written
past invalid ones, each invalid row says so (INVALID, "skipped: errors"), keeps its errors and the
cells as read, and is counted in the report: nothing is dropped unsaid.
"""

import difflib
import itertools
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from lms.text import fold, name_sort_key

from ..models import Enrollment, Offering, Organization, Participant
from ..selectors import offering_seats_taken
from ..units import UnitResolver

NEW, MATCHED, DUPLICATE, AMBIGUOUS, ERROR, SKIPPED = "new", "matched", "duplicate", "ambiguous", "error", "skipped"
INVALID = "invalid"  # a row with errors, left out when the valid rows were written
NAME_CONFLICT_RATIO = 0.6  # below this, a key match with a different name is not trusted
CHUNK_ROWS = 1000
KNOWN_FIELDS = ("pk", "name_key", "national_id", "phone", "email", "birth_year", "birth_date")


@dataclass(slots=True)
class RowOutcome:
    row: int
    status: str
    full_name: str
    participant_id: int | None = None
    candidates: list[int] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)  # the row's errors and warnings, for the preview
    values: list[str] | None = None  # a row with errors: its cells as read, to give it back


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    matched: int = 0
    duplicates_in_file: int = 0
    enrolled: int = 0
    already_enrolled: int = 0
    skipped: int = 0  # rows the organizer chose to skip
    skipped_invalid: int = 0  # rows with errors left out when the valid rows were written
    errors: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    ambiguous: list[dict] = field(default_factory=list)
    outcomes: list[RowOutcome] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)  # the file's header texts (Roster.columns)
    written: bool = False

    def as_json(self) -> dict:
        data = asdict(self)
        data.pop("outcomes")
        data.pop("columns")
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
    return _keys(row.national_id, row.phone, row.email, row.name_key, row.birth_year)


KEY_NAMES = {
    "id": gettext_lazy("ID number"),
    "phone": gettext_lazy("Phone number"),
    "email": gettext_lazy("Email"),
    "name": gettext_lazy("Full name and year of birth"),
}


@dataclass(slots=True)
class _Seen:
    """A person already taken from this file, by the keys of the row that brought them."""

    row: int
    full_name: str
    name_key: str
    national_id: str
    phone: str
    birth_date: object
    pk: int | None


def _contradicts(person, row) -> bool:
    """Namesakes born the same year are different people when their IDs, phones or birth dates differ."""
    pairs = ((person.national_id, row.national_id), (person.phone, row.phone), (person.birth_date, row.birth_date))
    return any(theirs and ours and theirs != ours for theirs, ours in pairs)


def _same_person(index: dict, keys, row) -> list:
    """Whom `row` is in `index` (key -> person; for the name key, a list of namesakes): the
    first key that finds someone decides. Namesakes told apart by ID, phone or birth date are
    left out; two or more namesakes left are returned together, for the organizer to choose."""
    for key in keys:
        if key[0] == "name":
            people = [person for person in index.get(key, ()) if not _contradicts(person, row)]
        else:
            people = [index[key]] if key in index else []
        if people:
            return key, people
    return None, []


def _index(index: dict, key, person) -> None:
    if key[0] == "name":
        index.setdefault(key, []).append(person)
    else:
        index.setdefault(key, person)


def _conflicting_name(person, row) -> bool:
    if person.name_key == row.name_key:
        return False
    return difflib.SequenceMatcher(None, person.name_key, row.name_key).ratio() < NAME_CONFLICT_RATIO


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
        importer.report.columns = list(roster.columns)
        rows = iter(roster.rows)
        while chunk := list(itertools.islice(rows, CHUNK_ROWS)):
            importer.take(chunk)
            if progress:
                progress(importer.report.rows)
        report = importer.report
        if dry_run or (report.blocked and not skip_invalid):
            transaction.set_rollback(True)
            gone = importer.created_ids
            for outcome in report.outcomes:  # point at nobody who was rolled back
                if outcome.participant_id in gone:
                    outcome.participant_id = None
                outcome.candidates = [pk for pk in outcome.candidates if pk not in gone]
        else:
            report.written = True
            for outcome in report.outcomes:
                if outcome.status == ERROR:  # not imported, and the row says why
                    outcome.status = INVALID
                    report.skipped_invalid += 1
    return report


class _Importer:
    def __init__(self, offering, decisions, headers):
        self.offering = Offering.objects.select_for_update().get(pk=offering.pk)
        self.decisions = decisions
        self.address_column = headers.get("address") or next(
            (headers[key] for key in ("address_commune", "address_district") if key in headers), None
        )
        self.report = ImportReport()
        self.seen = {}  # key -> _Seen, for every person already taken from this file
        self.units = UnitResolver()
        self.organizations = {}  # name_key -> Organization pk
        self.created_ids = set()
        self.enrolled = set(self.offering.enrollments.values_list("participant_id", flat=True))
        self.seats = None
        if self.offering.capacity is not None:
            taken = offering_seats_taken(self.offering)
            self.seats = max(0, self.offering.capacity - taken)

    def take(self, rows):
        """Match, create and enroll one chunk of rows: a fixed number of queries whatever its size."""
        report = self.report
        report.rows += len(rows)
        known = self._known_people(rows)
        to_enroll = []  # (outcome, participant, the row's place in the file)
        for row in rows:
            outcome = RowOutcome(row.number, NEW, row.full_name)
            report.outcomes.append(outcome)
            if row.errors:
                outcome.status, outcome.values = ERROR, row.values
                for error in row.errors:
                    report.errors.append({"row": error.row, "column": error.column, "message": error.message})
                    outcome.messages.append(f"{error.column}: {error.message}" if error.column else error.message)
                continue
            for warning in row.warnings:
                report.warnings.append({"row": warning.row, "column": warning.column, "message": warning.message})
                outcome.messages.append(warning.message)
            decision = self.decisions.get(row.number)
            if decision == "skip":
                outcome.status = SKIPPED
                report.skipped += 1
                continue
            keys = _row_keys(row)
            key, earlier = _same_person(self.seen, keys, row)
            if decision is None and len(earlier) == 1 and not _conflicting_name(earlier[0], row):
                outcome.status, outcome.participant_id = DUPLICATE, earlier[0].pk
                outcome.messages.append(_("The same person as row %(row)s.") % {"row": earlier[0].row})
                report.duplicates_in_file += 1
                continue
            if decision is None and earlier:
                rows = ", ".join(f"{seen.row} ({seen.full_name})" for seen in earlier)
                message = ngettext(
                    "%(key)s is the same as on row %(rows)s", "%(key)s is the same as on rows %(rows)s", len(earlier)
                ) % {"key": KEY_NAMES[key[0]], "rows": rows}
                self._ambiguous(outcome, [seen.pk for seen in earlier if seen.pk], message)
                continue
            person = self._match(row, keys, known, outcome, decision, [seen.pk for seen in earlier if seen.pk])
            if outcome.status == AMBIGUOUS:
                continue
            if person is None:
                person = self._new_person(row, outcome, known)
                report.created += 1
            else:
                outcome.status = MATCHED
                report.matched += 1
            to_enroll.append((outcome, person, self._remember(row, person, keys)))
        self._save(to_enroll)

    def _remember(self, row, person, keys) -> _Seen:
        seen = _Seen(row.number, row.full_name, row.name_key, person.national_id or row.national_id,
                     person.phone or row.phone, person.birth_date or row.birth_date, person.pk)  # fmt: skip
        person_keys = _keys(person.national_id, person.phone, person.email, person.name_key, person.birth_year)
        for key in dict.fromkeys(keys + person_keys):
            _index(self.seen, key, seen)
        return seen

    def _known_people(self, rows) -> dict:
        ids, phones, emails, names_by_year = set(), set(), set(), {}
        for row in rows:
            ids.add(row.national_id)
            phones.add(row.phone)
            emails.add(row.email)
            if row.name_key and row.birth_year:
                names_by_year.setdefault(row.birth_year, set()).add(row.name_key)
        query = Q(national_id__in=ids - {""}) | Q(phone__in=phones - {""}) | Q(email__in=emails - {""})
        # Name and birth year together: a common name alone would bring back thousands.
        for year, names in names_by_year.items():
            query |= Q(birth_year=year, name_key__in=names)
        known = {}
        for person in Participant.objects.filter(query).order_by("pk").values_list(*KNOWN_FIELDS, named=True):
            for key in _keys(person.national_id, person.phone, person.email, person.name_key, person.birth_year):
                _index(known, key, person)
        return known

    def _match(self, row, keys, known, outcome, decision, earlier_ids=()):
        """The existing participant the row is, or None for a new person; or marks the outcome ambiguous.

        A decision names one of the people the row's own keys point to (or that an earlier row of the
        file became); any other id is refused and the row stays undecided, never guessed."""
        if decision == "create":
            return None
        found = []
        for key in keys:
            if key[0] == "name" and found:
                break  # the name decides only for rows that no ID, phone or email matched
            _key, people = _same_person(known, [key], row)
            found += [person for person in people if all(person is not other for other in found)]
        if isinstance(decision, int):
            chosen = next((person for person in found if person.pk == decision), None)
            if chosen is None and decision in earlier_ids:
                chosen = Participant.objects.filter(pk=decision).values_list(*KNOWN_FIELDS, named=True).first()
            if chosen is not None:
                return chosen
            self._ambiguous(outcome, [person.pk for person in found], _("The person chosen does not match this row."))
            return None
        if len(found) > 1 or (found and _conflicting_name(found[0], row)):
            self._ambiguous(outcome, [person.pk for person in found])
            return None
        return found[0] if found else None

    def _ambiguous(self, outcome, candidates, message=""):
        outcome.status, outcome.candidates = AMBIGUOUS, candidates
        if message:
            outcome.messages.append(message)
        self.report.ambiguous.append({"row": outcome.row, "candidates": candidates})

    def _new_person(self, row, outcome, known) -> Participant:
        """A new participant from the row. When the organizer chose to create a new person for an
        ambiguous row, the phone, email or ID that belong to someone else are left out (with a warning)."""
        values = {"national_id": row.national_id, "phone": row.phone, "email": row.email}
        for field_name, key in (("national_id", "id"), ("phone", "phone"), ("email", "email")):
            value = values[field_name]
            if value and ((key, value) in known or (key, value) in self.seen):
                values[field_name] = ""
                message = _(
                    "%(key)s %(value)s already belongs to someone else, so it is not saved for this person."
                ) % {"key": KEY_NAMES[key], "value": value}  # fmt: skip
                self.report.warnings.append({"row": row.number, "column": None, "message": message})
                outcome.messages.append(message)
        person = Participant(
            full_name=row.full_name,
            name_key=row.name_key,
            sort_key=name_sort_key(row.full_name),
            gender=row.gender,
            birth_date=row.birth_date,
            birth_year=row.birth_year,
            **values,
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
            message = _(
                "The old address “%(address)s” now belongs to several units: %(units)s; %(chosen)s was chosen."
            ) % {"address": row.address, "units": names, "chosen": resolution.current[0]}  # fmt: skip
            self.report.warnings.append({"row": row.number, "column": self.address_column, "message": message})
            outcome.messages.append(message)
        return (resolution.current or [resolution.old])[0]

    def _save(self, to_enroll):
        new_people = [person for _outcome, person, _seen in to_enroll if person.pk is None]
        self._attach_organizations(new_people)
        Participant.objects.bulk_create(new_people)
        self.created_ids.update(person.pk for person in new_people)
        for _outcome, person, seen in to_enroll:
            seen.pk = person.pk
        new_enrollments = []
        for outcome, person, _seen in to_enroll:
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
                Enrollment(
                    offering=self.offering, participant_id=person.pk, status=status, source=Enrollment.Source.ROSTER
                )
            )
        Enrollment.objects.bulk_create(new_enrollments)
        self.report.enrolled += len(new_enrollments)

    def _attach_organizations(self, people):
        """Link people to their organizations by name, creating the missing ones (kept by pk only)."""
        names = {}
        for person in people:
            if name := getattr(person, "_organization_name", ""):
                person._organization_key = fold(name)
                names.setdefault(person._organization_key, name)
        missing = [key for key in names if key not in self.organizations]
        if missing:
            found = Organization.objects.filter(name_key__in=missing).values_list("name_key", "pk")
            self.organizations.update(found)
            new = [
                Organization(name=names[key], name_key=key, kind=_organization_kind(names[key]))
                for key in missing
                if key not in self.organizations
            ]
            self.organizations.update((org.name_key, org.pk) for org in Organization.objects.bulk_create(new))
        for person in people:
            if key := getattr(person, "_organization_key", ""):
                person.organization_id = self.organizations[key]
