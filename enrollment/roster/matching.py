"""Who a roster row is: the keys people are matched by, the people already taken from the file, and
the people a row is close to without being them for sure.

A row is the same person as someone on record when their ID, phone or email agree, or their name
(tone marks and all: "Cường" and "Cương" are two given names) and year of birth agree with nothing
to tell them apart. A row that is only *close* to someone (one letter apart in the name, the same
name with tone marks that differ, a phone or ID one digit off, the same year of birth) is never
decided here: the clerk is shown the candidate and settles it, like any ambiguous row.
"""

import difflib
import sqlite3
from collections import namedtuple
from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.utils.translation import gettext as _

from lms.text import name_match_key, name_sort_key, one_digit_off, within_one_edit

from ..models import MatchKey, Participant

NAME_CONFLICT_RATIO = 0.6  # below this, a key match with a different name is not trusted
KNOWN_FIELDS = ("pk", "full_name", "name_key", "sort_key", "national_id", "phone", "email", "birth_year", "birth_date")
NEAR_PER_ROW = 5  # candidates shown for one row, closest first

KEY_NAMES = dict(MatchKey.choices)


def person_keys(national_id, phone, email, full_name, birth_year) -> list[tuple[str, str]]:
    """The keys a person is matched by, strongest first."""
    keys = [("id", national_id), ("phone", phone), ("email", email)]
    if full_name and birth_year:
        keys.append(("name", f"{name_match_key(full_name)}|{birth_year}"))
    return [key for key in keys if key[1]]


def row_keys(row):
    return person_keys(row.national_id, row.phone, row.email, row.full_name, row.birth_year)


@dataclass(slots=True)
class Seen:
    """A person already taken from this file, by the keys of the row that brought them."""

    row: int
    full_name: str
    name_key: str
    national_id: str
    phone: str
    birth_date: object
    pk: int | None


def _differences(person, row) -> list[tuple]:
    pairs = (("id", person.national_id, row.national_id), ("phone", person.phone, row.phone))
    return [(kind, theirs, ours) for kind, theirs, ours in pairs if theirs and ours and theirs != ours]


def contradicts(person, row) -> bool:
    """Namesakes born the same year are different people when their IDs, phones or birth dates differ."""
    if person.birth_date and row.birth_date and person.birth_date != row.birth_date:
        return True
    return bool(_differences(person, row))


def same_person(index: dict, keys, row) -> tuple:
    """Whom `row` is in `index` (key -> list of people): the first key that finds someone decides.
    Namesakes told apart by ID, phone or birth date are left out; two or more namesakes left are
    returned together, for the organizer to choose."""
    for key in keys:
        people = index.get(key, ())
        if key[0] == "name":
            people = [person for person in people if not contradicts(person, row)]
        if people:
            return key, list(people) if key[0] == "name" else [people[0]]
    return None, []


def index_add(index: dict, key, person) -> None:
    """Namesakes are all kept under a name key; an ID, phone or email belongs to its first holder."""
    people = index.setdefault(key, [])
    if key[0] == "name" or not people:
        people.append(person)


def conflicting_name(person, row) -> bool:
    if person.name_key == row.name_key:
        return False
    return difflib.SequenceMatcher(None, person.name_key, row.name_key).ratio() < NAME_CONFLICT_RATIO


# --------------------------------------------------------------------------- the file's own people


class SeenIndex:
    """The people already taken from this file, under every key of theirs, kept in a private SQLite
    database on disk rather than in memory (a 100,000-row file's index would hold about 1 KB a row).

    Each chunk of rows reads the part it needs into `view(keys)`, a small dict the rows then use and
    add to; `flush()` writes what the chunk added once its people have their ids."""

    def __init__(self):
        self.db = sqlite3.connect("")  # "": a temporary database, deleted when closed
        self.db.execute("CREATE TABLE seen (key TEXT, row INT, full_name TEXT, name_key TEXT, national_id TEXT, "
                        "phone TEXT, birth_date TEXT, pk INT)")  # fmt: skip
        self.db.execute("CREATE INDEX seen_key ON seen (key)")
        self.db.execute("CREATE INDEX seen_pk ON seen (pk)")
        self.pending = []

    def view(self, keys) -> dict:
        index = {}
        names = list({f"{kind}:{value}" for kind, value in keys})
        for start in range(0, len(names), 500):
            batch = names[start : start + 500]
            query = f"SELECT * FROM seen WHERE key IN ({','.join('?' * len(batch))}) ORDER BY rowid"
            for key, *values in self.db.execute(query, batch):
                kind, value = key.split(":", 1)
                index_add(index, (kind, value), Seen(*values))
        return index

    def add(self, index: dict, key, seen: Seen) -> None:
        index_add(index, key, seen)
        self.pending.append((key, seen))

    def flush(self) -> None:
        rows = [
            (f"{kind}:{value}", *(getattr(seen, name) for name in Seen.__slots__))
            for (kind, value), seen in self.pending
        ]
        self.db.executemany("INSERT INTO seen VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        self.pending = []

    def row_of(self, pk) -> int | None:
        found = self.db.execute("SELECT row FROM seen WHERE pk = ? LIMIT 1", (pk,)).fetchone()
        return found[0] if found else None

    def close(self) -> None:
        self.db.close()


# --------------------------------------------------------------------------- near-duplicates


_PERSON = namedtuple("Person", KNOWN_FIELDS)
BLOCKS_PER_QUERY = 400  # SQLite refuses an expression more than 1000 deep: at most 5 queries a chunk


def _people_in_blocks(blocks: list[tuple[int, str, str]]):
    """The people born in a year whose folded name (or sort key) starts with a prefix, for each
    (year, column, prefix). Each block is a range of the (birth_year, column) index: SQLite's GLOB
    and PostgreSQL's LIKE (with the index's pattern operators) read a prefix as a range, where
    SQLite's LIKE, as Django writes it, would read every person born that year."""
    operator, wildcard = ("GLOB", "*") if connection.vendor == "sqlite" else ("LIKE", "%")
    quote = connection.ops.quote_name
    fields = [Participant._meta.pk if name == "pk" else Participant._meta.get_field(name) for name in KNOWN_FIELDS]
    columns = ", ".join(quote(field.column) for field in fields)
    for start in range(0, len(blocks), BLOCKS_PER_QUERY):
        batch = blocks[start : start + BLOCKS_PER_QUERY]
        where = " OR ".join(
            f"({quote('birth_year')} = %s AND {quote(column)} {operator} %s)" for _y, column, _p in batch
        )
        params = [value for year, _column, prefix in batch for value in (year, prefix + wildcard)]
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {columns} FROM {quote(Participant._meta.db_table)} WHERE {where}", params)
            for values in cursor:
                person = _PERSON(*values)
                yield person._replace(birth_date=_as_date(person.birth_date))


def _as_date(value):
    return date.fromisoformat(value) if isinstance(value, str) else value


_NOT_IN_PREFIX = str.maketrans("", "", "*?[]%_\\")  # wildcards of GLOB and LIKE (never in a folded name)


def _blocks(name_key: str, sort_key: str) -> tuple[str, str]:
    """The name without its given name ("le van "), and the given name's letters without tone marks
    (sort_key's first word): one letter typed wrong, or one tone mark, leaves one of the two whole."""
    family = name_key.rpartition(" ")[0]
    return (f"{family} " if family else "").translate(_NOT_IN_PREFIX), sort_key.split(" ", 1)[0] + " "


def closeness(person, row) -> list[str]:
    """Why `person` may be the person of `row` without being them for sure, in words that name none of
    their details (the clerk may not be allowed to see them); [] if they are not close
    (another year of birth, more than one letter apart, an ID or phone that differs by more than a
    digit) or are plainly the same (matched by the keys)."""
    if not row.birth_year or person.birth_year != row.birth_year:
        return []
    if person.birth_date and row.birth_date and person.birth_date != row.birth_date:
        return []
    ours, theirs = name_match_key(row.full_name), name_match_key(person.full_name)
    if not within_one_edit(ours, theirs):
        return []
    reasons = []
    if ours != theirs:
        reasons.append(_("the name differs only in its tone marks") if person.name_key == row.name_key
                       else _("the name differs by one letter"))  # fmt: skip
    for kind, their_value, our_value in _differences(person, row):
        if not one_digit_off(their_value, our_value):
            return []
        reasons.append(_("%(key)s differs by one digit") % {"key": KEY_NAMES[kind]})
    return reasons


class NearIndex:
    """The people a chunk's rows may be close to, found by blocks (the same year of birth, and the same
    name before the given name or the same given name), then told apart in Python. People created from
    earlier rows of the chunk are added as they are made."""

    def __init__(self, rows):
        self.by_block = {}
        self.row_blocks = {}  # row number -> its two blocks
        blocks = {}
        for row in rows:
            if row.birth_year and row.name_key and not row.errors:
                family, given = self.row_blocks[row.number] = _blocks(row.name_key, name_sort_key(row.full_name))
                if family:
                    blocks[(row.birth_year, "name_key", family)] = None
                blocks[(row.birth_year, "sort_key", given)] = None
        for person in _people_in_blocks(list(blocks)):
            self.add(person)

    def add(self, person, file_row=None) -> None:
        """A person to compare rows with; file_row: the row of this file that made them (not saved yet)."""
        if not person.birth_year:
            return
        for block in _blocks(person.name_key, person.sort_key):
            self.by_block.setdefault((person.birth_year, block), {})[person.pk or id(person)] = (person, file_row)

    def candidates(self, row) -> list[tuple]:
        """[(person, reasons, file row or None)] for the people `row` is close to, at most NEAR_PER_ROW."""
        if row.number not in self.row_blocks:
            return []
        people = {}
        for block in self.row_blocks[row.number]:
            people.update(self.by_block.get((row.birth_year, block), {}))
        found = [
            (person, reasons, file_row) for person, file_row in people.values() if (reasons := closeness(person, row))
        ]
        return sorted(found, key=lambda item: (item[2] or 0, item[0].pk or 0))[:NEAR_PER_ROW]
