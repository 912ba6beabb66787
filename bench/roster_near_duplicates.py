"""How well the roster finds near-duplicates: precision and recall on a generated file whose answers
are known (`python -m bench roster_near_duplicates`, or `near_duplicate_quality()` from a test).

People already on record come from bench.roster_data; the file then holds, mixed together:
- positives: people on record typed with one slip and nothing else to match them by (a tone mark
  changed, a letter left out or mistyped, a phone or ID one digit off), whom the clerk must be asked about;
- hard negatives: other people one slip away from someone on record but told apart by a phone nothing
  like theirs, namesakes born another year;
- new people drawn like everyone else (some of whom, as in life, happen to be one letter away from a
  person on record born the same year).
Precision: of the rows flagged "may be a duplicate", the share whose candidates include the right person.
Recall: of the positives, the share flagged with the right candidate.
"""

import random
import tempfile
import unicodedata
from dataclasses import replace
from pathlib import Path

from django.db import transaction

from bench.roster_data import _communes, _person, existing_people
from enrollment.factories import OfferingFactory
from enrollment.models import Participant
from enrollment.roster import read_roster
from enrollment.roster.importer import NEAR, roster_import

TONES = "\u0300\u0301\u0303\u0309\u0323"
HEADER = ["STT", "Họ và tên", "Năm sinh", "Số điện thoại", "Số CCCD"]


def _retone(name: str, rng: random.Random) -> str:
    """Another tone mark on the given name's toned vowel, or one added: Cường -> Cương, Hà -> Hả."""
    family, _space, given = name.rpartition(" ")
    letters = list(unicodedata.normalize("NFD", given))
    marked = [index for index, char in enumerate(letters) if char in TONES]
    if marked:
        letters[marked[0]] = "" if rng.random() < 0.3 else rng.choice([t for t in TONES if t != letters[marked[0]]])
    else:
        place = next(index for index, char in enumerate(letters) if char.lower() in "aeiouy") + 1
        while place < len(letters) and unicodedata.combining(letters[place]):
            place += 1  # after the vowel's own marks (â, ơ), where a tone mark goes
        letters.insert(place, rng.choice(TONES))
    return f"{family} {unicodedata.normalize('NFC', ''.join(letters))}"


def _mistype(name: str, rng: random.Random) -> str:
    """A letter left out or typed as another (never a space, never the first letter of a word)."""
    places = [index for index in range(1, len(name)) if name[index] != " " and name[index - 1] != " "]
    index = rng.choice(places)
    if rng.random() < 0.5:
        return name[:index] + name[index + 1 :]
    return name[:index] + rng.choice([c for c in "aăâeêioôơuưnmhgtc" if c != name[index]]) + name[index + 1 :]


def _digit_off(number: str, rng: random.Random) -> str:
    index = rng.randrange(4, len(number))  # past the prefix or the province code
    return number[:index] + rng.choice([d for d in "0123456789" if d != number[index]]) + number[index + 1 :]


def generate(known_count=2000, positives=300, negatives=300, new_count=1400, seed=19):
    """(people on record, file rows [(name, year, phone, id)], the on-record index each row is or None)."""
    rng = random.Random(seed)
    communes = _communes()
    # Phones and IDs spread over their whole range, as real ones are (bench.roster_data numbers them in a row).
    phones, ids = rng.sample(range(10**8), known_count), rng.sample(range(4 * 10**8), known_count)
    known = [  # CCCD: Hà Nội's code 001, a century-and-sex digit, then eight digits
        replace(_person(n, rng, communes), phone=f"09{phones[n]:08d}", national_id=f"001{ids[n]:09d}")
        for n in range(known_count)
    ]
    chosen = iter(rng.sample(range(known_count), positives + negatives))  # each person slips once at most
    rows, truth = [], []
    for _ in range(positives):
        index = next(chosen)
        person, slip = known[index], rng.choice(["tone", "letter", "phone", "id"])
        year = person.birth_date.year
        if slip == "tone":
            rows.append((_retone(person.full_name, rng), year, "", ""))
        elif slip == "letter":
            rows.append((_mistype(person.full_name, rng), year, "", ""))
        elif slip == "phone":
            rows.append((person.full_name, year, _digit_off(person.phone, rng), ""))
        else:
            rows.append((person.full_name, year, "", _digit_off(person.national_id, rng)))
        truth.append(index)
    for n in range(negatives):
        person = known[next(chosen)]
        phone = f"03{rng.randrange(10**8):08d}"
        if n % 2:
            rows.append((_mistype(person.full_name, rng), person.birth_date.year, phone, ""))
        else:
            rows.append((person.full_name, person.birth_date.year + rng.choice([-3, -1, 1, 2]), "", ""))
        truth.append(None)
    for n, phone in enumerate(rng.sample(range(10**8), new_count)):
        person = _person(n, rng, communes)
        rows.append((person.full_name, person.birth_date.year, f"08{phone:08d}", ""))
        truth.append(None)
    order = list(range(len(rows)))
    rng.shuffle(order)
    return known, [rows[i] for i in order], [truth[i] for i in order]


def near_duplicate_quality(**sizes) -> dict:
    """Import the generated file as a check (rolled back) and score what was flagged."""
    from openpyxl import Workbook

    known, rows, truth = generate(**sizes)
    with transaction.atomic():
        people = Participant.objects.bulk_create(existing_people(known))  # the file gives years of birth only
        pks = [person.pk for person in people]
        workbook = Workbook()
        workbook.active.append(HEADER)
        for number, row in enumerate(rows, start=1):
            workbook.active.append([number, *row])
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "gan-trung.xlsx"
            workbook.save(path)
            report = roster_import(roster=read_roster(path), offering=OfferingFactory(), dry_run=True)
        flagged = right = 0
        for outcome, answer in zip(report.outcomes, truth, strict=True):
            if outcome.status == NEAR:
                flagged += 1
                right += answer is not None and pks[answer] in outcome.candidates
        transaction.set_rollback(True)
    positives = sum(answer is not None for answer in truth)
    return {
        "rows": len(rows), "positives": positives, "flagged": flagged, "right": right,
        "precision": round(right / flagged, 3) if flagged else 1.0, "recall": round(right / positives, 3),
    }  # fmt: skip
