"""Importing a roster into an offering: match people, create the new ones, enroll everyone.

One engine for the admin and the `import_roster` command. The rows are taken in chunks as the
reader streams them, so a 100,000-row file never sits in memory as model instances; each chunk
costs a constant number of queries. Everything runs in one transaction that is rolled back for
a dry run, and for a file with invalid or ambiguous rows unless skip_invalid: the preview counts
exactly what the import will do because it *is* the import, undone. When the valid rows are written
past invalid ones, each invalid row says so (INVALID, "skipped: errors"), keeps its errors and the
cells as read, and is counted in the report: nothing is dropped unsaid.

Memory stays flat however long the file: the rows' outcomes go to a temporary file chunk by chunk
(RowOutcomes), the people already taken from the file to a temporary SQLite index (matching.SeenIndex),
and the report keeps counts and the first KEPT_ITEMS messages of each kind.
"""

import itertools
import pickle
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lms.text import fold, name_sort_key

from ..models import Enrollment, Offering, Organization, Participant
from ..selectors import offering_seats_taken
from ..units import UnitResolver
from .matching import (
    KEY_NAMES,
    KNOWN_FIELDS,
    NearIndex,
    Seen,
    SeenIndex,
    conflicting_name,
    index_add,
    person_keys,
    row_keys,
    same_person,
)

NEW, MATCHED, DUPLICATE, AMBIGUOUS, ERROR, SKIPPED = "new", "matched", "duplicate", "ambiguous", "error", "skipped"
NEAR = "near"  # no key matched, but close to someone: for the clerk to settle like an ambiguous row
INVALID = "invalid"  # a row with errors, left out when the valid rows were written
CHUNK_ROWS = 1000
KEPT_ITEMS = 200  # errors, warnings and ambiguous rows listed in the report; every row keeps its own


@dataclass(slots=True)
class RowOutcome:
    row: int
    status: str
    full_name: str
    participant_id: int | None = None
    candidates: list[int] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)  # the row's errors and warnings, for the preview
    values: list[str] | None = None  # a row with errors: its cells as read, to give it back
    cleaned: list[tuple[str, str, str]] = field(default_factory=list)  # (what, as typed, as stored)
    matched_on: str = ""  # the key that found the person on record: id, phone, email or name


class RowOutcomes:
    """Every row's outcome, written to a temporary file a chunk at a time and read back in batches:
    held in a list, a 100,000-row file's outcomes grew the import by about 2 KB a row. After a rollback
    the ids of people who no longer exist are left out as the batches are read (one query each)."""

    def __init__(self):
        self._file = tempfile.TemporaryFile()
        self.rolled_back = False

    def add(self, outcomes: list[RowOutcome]) -> None:
        self._file.seek(0, 2)
        pickle.dump(outcomes, self._file)  # our own file, read only by us

    def batches(self) -> Iterator[list[RowOutcome]]:
        self._file.seek(0)
        while True:
            try:
                batch = pickle.load(self._file)
            except EOFError:
                return
            if self.rolled_back:
                _forget_rolled_back(batch)
            yield batch

    def __iter__(self):
        return itertools.chain.from_iterable(self.batches())


def _forget_rolled_back(outcomes: list[RowOutcome]) -> None:
    """Point at nobody whose creation was rolled back."""
    ids = {outcome.participant_id for outcome in outcomes} | {pk for o in outcomes for pk in o.candidates}
    existing = set(Participant.objects.filter(pk__in=ids - {None}).values_list("pk", flat=True))
    for outcome in outcomes:
        if outcome.participant_id not in existing:
            outcome.participant_id = None
        outcome.candidates = [pk for pk in outcome.candidates if pk in existing]


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
    errors_count: int = 0
    warnings_count: int = 0
    ambiguous_count: int = 0
    errors: list[dict] = field(default_factory=list)  # the first KEPT_ITEMS of each
    warnings: list[dict] = field(default_factory=list)
    ambiguous: list[dict] = field(default_factory=list)
    outcomes: RowOutcomes = field(default_factory=RowOutcomes)
    columns: list[str] = field(default_factory=list)  # the file's header texts (Roster.columns)
    written: bool = False

    def as_json(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("outcomes", "columns")}

    def note(self, kind: str, item: dict) -> None:
        """Count an error, a warning or an ambiguous row; list the first few."""
        setattr(self, f"{kind}_count", getattr(self, f"{kind}_count") + 1)
        if len(items := getattr(self, kind)) < KEPT_ITEMS:
            items.append(item)

    @property
    def blocked(self) -> bool:
        """Invalid or ambiguous rows: nothing is written unless they are skipped."""
        return bool(self.errors_count or self.ambiguous_count)


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


def _birth_text(row) -> str:
    if row.birth_date:
        return row.birth_date.strftime("%d/%m/%Y")
    return str(row.birth_year or "")


def _cleaned(row) -> list[tuple[str, str, str]]:
    """What was made of the row's cells: (what, as typed, as it will be stored), for the preview. The
    address becomes the unit it resolves to when the row makes a new person."""
    stored = {"full_name": row.full_name, "birth": _birth_text(row), "phone": row.phone,
              "national_id": row.national_id, "email": row.email, "address": row.address}  # fmt: skip
    return [(what, typed, stored[what]) for what, typed in row.raw.items() if typed]


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
    # Whether the rows with errors are left out of a written import is known from the start: without
    # skip_invalid, a file with errors is not written at all.
    importer = _Importer(offering, decisions or {}, headers=roster.headers, invalid=skip_invalid and not dry_run)
    importer.report.columns = list(roster.columns)
    try:
        with transaction.atomic():
            importer.lock()
            rows = iter(roster.rows)
            while chunk := list(itertools.islice(rows, CHUNK_ROWS)):
                importer.take(chunk)
                if progress:
                    progress(importer.report.rows)
            report = importer.report
            if dry_run or (report.blocked and not skip_invalid):
                transaction.set_rollback(True)
                report.outcomes.rolled_back = True
            else:
                report.written = True
    finally:
        importer.seen.close()
    return report


class _Importer:
    def __init__(self, offering, decisions, headers, invalid):
        self.offering = offering
        self.decisions = decisions
        self.invalid_status = INVALID if invalid else ERROR
        self.address_column = headers.get("address") or next(
            (headers[key] for key in ("address_commune", "address_district") if key in headers), None
        )
        self.report = ImportReport()
        self.seen = SeenIndex()  # every person already taken from this file, under each of their keys
        self.units = UnitResolver()
        self.seats = None

    def lock(self):
        """Take the offering's row lock (held until the import commits) and count its free seats."""
        self.offering = Offering.objects.select_for_update().get(pk=self.offering.pk)
        if self.offering.capacity is not None:
            self.seats = max(0, self.offering.capacity - offering_seats_taken(self.offering))

    def take(self, rows):
        """Match, create and enroll one chunk of rows: a fixed number of queries whatever its size."""
        report = self.report
        report.rows += len(rows)
        known = self._known_people(rows)
        near = NearIndex(rows)
        seen = self.seen.view(key for row in rows for key in row_keys(row))
        outcomes, to_enroll = [], []  # to_enroll: (outcome, participant, the row's place in the file)
        for row in rows:
            outcome = RowOutcome(row.number, NEW, row.full_name, cleaned=_cleaned(row))
            outcomes.append(outcome)
            if row.errors:
                outcome.status, outcome.values = self.invalid_status, row.values
                report.skipped_invalid += outcome.status == INVALID
                for error in row.errors:
                    report.note("errors", {"row": error.row, "column": error.column, "message": error.message})
                    outcome.messages.append(f"{error.column}: {error.message}" if error.column else error.message)
                continue
            for warning in row.warnings:
                self._warn(outcome, warning.message, warning.column)
            decision = self.decisions.get(row.number)
            if decision == "skip":
                outcome.status = SKIPPED
                report.skipped += 1
                continue
            keys = row_keys(row)
            key, earlier = same_person(seen, keys, row)
            if decision is None and len(earlier) == 1 and not conflicting_name(earlier[0], row):
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
            person = self._match(row, keys, known, near, outcome, decision, [seen.pk for seen in earlier if seen.pk])
            if outcome.status in (AMBIGUOUS, NEAR):
                continue
            if person is None:
                person = self._new_person(row, outcome, known, seen)
                near.add(person, row.number)
                report.created += 1
            else:
                outcome.status = MATCHED
                report.matched += 1
            to_enroll.append((outcome, person, self._remember(seen, row, person, keys)))
        self._save(to_enroll)
        self.seen.flush()
        report.outcomes.add(outcomes)

    def _warn(self, outcome, message, column=None):
        self.report.note("warnings", {"row": outcome.row, "column": column, "message": message})
        outcome.messages.append(message)

    def _remember(self, index, row, person, keys) -> Seen:
        seen = Seen(row.number, row.full_name, row.name_key, person.national_id or row.national_id,
                    person.phone or row.phone, person.birth_date or row.birth_date, person.pk)  # fmt: skip
        their_keys = person_keys(person.national_id, person.phone, person.email, person.full_name, person.birth_year)
        for key in dict.fromkeys(keys + their_keys):
            self.seen.add(index, key, seen)
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
        # Name and birth year together: a common name alone would bring back thousands. The folded name
        # finds the namesakes; the keys then tell their tone marks apart.
        for year, names in names_by_year.items():
            query |= Q(birth_year=year, name_key__in=names)
        known = {}
        for person in Participant.objects.filter(query).order_by("pk").values_list(*KNOWN_FIELDS, named=True):
            for key in person_keys(person.national_id, person.phone, person.email, person.full_name, person.birth_year):
                index_add(known, key, person)
        return known

    def _match(self, row, keys, known, near, outcome, decision, earlier_ids=()):
        """The existing participant the row is, or None for a new person; or marks the outcome ambiguous.

        A row no key matches but that is close to someone (matching.closeness) is ambiguous too, with
        that person as its candidate. A decision names one of the people the row's own keys point to,
        one it is close to, or one an earlier row of the file became; any other id is refused and the
        row stays undecided, never guessed."""
        if decision == "create":
            return None
        found, found_on = [], {}
        for key in keys:
            if key[0] == "name" and found:
                break  # the name decides only for rows that no ID, phone or email matched
            _key, people = same_person(known, [key], row)
            for person in people:
                if all(person is not other for other in found):
                    found.append(person)
                    found_on[person.pk] = key[0]
        close = [item for item in near.candidates(row) if all(item[0].pk != person.pk for person in found)]
        if isinstance(decision, int):
            chosen = next((person for person in found + [p for p, _r, _f in close] if person.pk == decision), None)
            if chosen is None and decision in earlier_ids:
                chosen = Participant.objects.filter(pk=decision).values_list(*KNOWN_FIELDS, named=True).first()
            if chosen is not None:
                outcome.matched_on = found_on.get(chosen.pk, "")
                return chosen
            candidates = [person.pk for person in found] or [person.pk for person, _r, _f in close if person.pk]
            self._ambiguous(outcome, candidates, _("The person chosen does not match this row."))
            return None
        if len(found) > 1 or (found and conflicting_name(found[0], row)):
            messages = [self._maybe_message(person, reasons, file_row) for person, reasons, file_row in close]
            candidates = [person.pk for person in found] + [person.pk for person, _r, _f in close if person.pk]
            self._ambiguous(outcome, candidates, *messages)
            return None
        if close and not found:
            messages = [self._maybe_message(person, reasons, file_row) for person, reasons, file_row in close]
            self._ambiguous(outcome, [person.pk for person, _r, _f in close if person.pk], *messages, status=NEAR)
            return None
        if found:
            outcome.matched_on = found_on[found[0].pk]
            return found[0]
        return None

    def _maybe_message(self, person, reasons, file_row) -> str:
        """Names the earlier row of this file, never the person on record: the clerk sees them among the
        row's choices, and only if they may (a roster must not turn a phone number into a stranger's name)."""
        file_row = file_row or (self.seen.row_of(person.pk) if person.pk else None)
        if file_row:
            return _("May be the same person as row %(row)s of this file (%(name)s): %(reasons)s.") % {
                "row": file_row, "name": person.full_name, "reasons": "; ".join(reasons),
            }  # fmt: skip
        return _("May be someone already on record: %(reasons)s.") % {"reasons": "; ".join(reasons)}

    def _ambiguous(self, outcome, candidates, *messages, status=AMBIGUOUS):
        outcome.status, outcome.candidates = status, candidates
        outcome.messages.extend(message for message in messages if message)
        self.report.note("ambiguous", {"row": outcome.row, "candidates": candidates})

    def _new_person(self, row, outcome, known, seen) -> Participant:
        """A new participant from the row. When the organizer chose to create a new person for an
        ambiguous row, the phone, email or ID that belong to someone else are left out (with a warning)."""
        values = {"national_id": row.national_id, "phone": row.phone, "email": row.email}
        for field_name, key in (("national_id", "id"), ("phone", "phone"), ("email", "email")):
            value = values[field_name]
            if value and ((key, value) in known or (key, value) in seen):
                values[field_name] = ""
                message = _(
                    "%(key)s %(value)s already belongs to someone else, so it is not saved for this person."
                ) % {"key": KEY_NAMES[key], "value": value}  # fmt: skip
                self._warn(outcome, message)
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
            self._warn(outcome, message, self.address_column)
        unit = (resolution.current or [resolution.old])[0]
        outcome.cleaned = [
            (what, typed, str(unit) if what == "address" else stored) for what, typed, stored in outcome.cleaned
        ]
        return unit

    def _save(self, to_enroll):
        new_people = [person for _outcome, person, _seen in to_enroll if person.pk is None]
        self._attach_organizations(new_people)
        Participant.objects.bulk_create(new_people)
        for _outcome, person, seen in to_enroll:
            seen.pk = person.pk
        enrolled = set(
            self.offering.enrollments.filter(participant__in=[person.pk for _o, person, _s in to_enroll])
            .values_list("participant_id", flat=True)
        )  # fmt: skip
        new_enrollments = []
        for outcome, person, _seen in to_enroll:
            outcome.participant_id = person.pk
            if person.pk in enrolled:
                self.report.already_enrolled += 1
                continue
            enrolled.add(person.pk)
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
        """Link people to their organizations by name, creating the missing ones (one query each way a chunk)."""
        names = {}
        for person in people:
            if name := getattr(person, "_organization_name", ""):
                person._organization_key = fold(name)
                names.setdefault(person._organization_key, name)
        if not names:
            return
        organizations = dict(Organization.objects.filter(name_key__in=names).values_list("name_key", "pk"))
        new = [
            Organization(name=name, name_key=key, kind=_organization_kind(name))
            for key, name in names.items()
            if key not in organizations
        ]
        organizations.update((org.name_key, org.pk) for org in Organization.objects.bulk_create(new))
        for person in people:
            if key := getattr(person, "_organization_key", ""):
                person.organization_id = organizations[key]
