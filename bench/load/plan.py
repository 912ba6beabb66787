"""Planning the synthetic program in memory: Hanoi's units and live courses, the offerings with their
sessions and sizes, the people, and who is enrolled where (compact arrays of slots)."""

import math
from array import array
from calendar import monthrange
from collections import defaultdict, deque
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import NamedTuple

from django.utils import timezone

from attendance.services import AFTERNOON, MORNING
from courses.models import CoursePage, TrackPage
from enrollment.models import AdministrativeUnit, UnitMapping
from enrollment.units import CURRENT, PRE_2025, hanoi_units_load

from .shapes import (
    AUDIENCE,
    CANCELLED,
    CATEGORIES,
    COMPLETED,
    FIRST_COHORT,
    GROUPS,
    HALF_NAME,
    HANOI,
    INACTIVE_SHARE,
    KIND_SHARES,
    LEVEL_WEIGHTS,
    LOCAL_SHARE,
    MONTH_WEIGHTS,
    NO_SHOW,
    RAW_SIZE,
    REFORM,
    REGISTERED,
    TRACK_WEIGHTS,
    TYPE_LABEL,
    UNIT_WEIGHTS,
    Kind,
)


class _Course(NamedTuple):
    pk: int
    title: str
    hours: object  # Decimal


@dataclass
class _Unit:
    pk: int
    label: str
    weight: float


@dataclass
class _Region:
    """A pre-2025 district, with its communes and the current communes that took them over."""

    district: _Unit
    old_communes: list[_Unit]
    new_communes: list[_Unit]


@dataclass
class _Units:
    old_root: _Unit
    new_root: _Unit
    regions: list[_Region]

    def pick_commune(self, rng, region: int, scheme: str) -> _Unit:
        area = self.regions[region]
        communes = (area.old_communes if scheme == PRE_2025 else area.new_communes) or area.old_communes
        return rng.choices(communes, [unit.weight for unit in communes])[0]


@dataclass(slots=True)
class _Plan:
    """One offering to write, and where its people sit in the shared slot arrays."""

    kind: str
    track: str
    course: _Course | None
    region: int | None  # None: held by the city, for the whole city
    unit: _Unit
    starts_on: date
    ends_on: date
    sessions: list  # (date, starts_at, ends_at, title)
    held: int  # sessions over when the run started
    raw_size: float
    size: int = 0  # active enrollments
    extra: int = 0  # cancelled and no-shows
    first_slot: int = 0
    code: str = ""
    title: str = ""
    pk: int = 0
    session_ids: list = field(default_factory=list)


def _unit_label(row) -> str:
    return f"{TYPE_LABEL.get(row['type'], row['type'])} {row['name']}"


def _units() -> _Units:
    """Hanoi's units in both schemes, grouped by pre-2025 district (the mapping places current communes)."""
    if not (
        AdministrativeUnit.objects.filter(scheme=PRE_2025, code=HANOI).exists()
        and AdministrativeUnit.objects.filter(scheme=CURRENT, code=HANOI).exists()
    ):
        hanoi_units_load()
    rows = list(AdministrativeUnit.objects.filter(path__startswith=HANOI).values("pk", "scheme", "level", "parent_id",
                                                                                 "name", "type", "path"))  # fmt: skip
    rows = [row for row in rows if row["path"] == HANOI or row["path"].startswith(HANOI + "/")]
    unit = {row["pk"]: _Unit(row["pk"], _unit_label(row), UNIT_WEIGHTS.get(row["type"], 1)) for row in rows}
    roots = {row["scheme"]: unit[row["pk"]] for row in rows if row["level"] == "province"}
    districts = [row for row in rows if row["scheme"] == PRE_2025 and row["level"] == "district"]
    regions = {row["pk"]: _Region(unit[row["pk"]], [], []) for row in districts}
    for row in rows:
        if row["scheme"] == PRE_2025 and row["level"] == "commune" and row["parent_id"] in regions:
            regions[row["parent_id"]].old_communes.append(unit[row["pk"]])
    seen = set()
    for district_id, new_id in UnitMapping.objects.values_list("old__parent_id", "new_id").order_by("pk"):
        if district_id in regions and new_id in unit and (district_id, new_id) not in seen:
            seen.add((district_id, new_id))
            regions[district_id].new_communes.append(unit[new_id])
    regions = [region for region in regions.values() if region.old_communes]
    if not regions or PRE_2025 not in roots or CURRENT not in roots:
        raise ValueError("Thiếu đơn vị hành chính của Hà Nội.")
    return _Units(roots[PRE_2025], roots[CURRENT], regions)


def _courses() -> dict[str, list[_Course]]:
    """Live courses by track code."""
    tracks = dict(TrackPage.objects.values_list("path", "code"))
    courses = {code: [] for code in TRACK_WEIGHTS}
    rows = CoursePage.objects.live().order_by("path").values_list("pk", "title", "path", "duration_hours")
    for pk, title, path, hours in rows:
        code = tracks.get(path[: -CoursePage.steplen])
        if code in courses:
            courses[code].append(_Course(pk, title, hours))
    return courses


# ---------------------------------------------------------------------------------------------- planning


def _quotas(total: int, shares: list[tuple[object, float]]) -> list[tuple[object, int]]:
    """Split `total` by `shares` into whole numbers that add up (largest remainders)."""
    weight = sum(share for _key, share in shares) or 1
    exact = [(key, total * share / weight) for key, share in shares]
    counts = [[key, math.floor(value)] for key, value in exact]
    order = sorted(range(len(exact)), key=lambda i: exact[i][1] - counts[i][1], reverse=True)
    for i in order[: total - sum(count for _key, count in counts)]:
        counts[i][1] += 1
    return [(key, count) for key, count in counts]


def _start_dates(rng, count: int, years: list[int]) -> list[date]:
    dates = []
    for year, per_year in _quotas(count, [(year, 1.0) for year in years]):
        for month, per_month in _quotas(per_year, [(m + 1, w) for m, w in enumerate(MONTH_WEIGHTS)]):
            days = monthrange(year, month)[1]
            for _n in range(per_month):
                day = date(year, month, rng.randint(1, days))
                if day.weekday() == 6 or (day.weekday() == 5 and rng.random() < 0.7):  # weekend: to a weekday
                    near, far = (1, -2) if day.weekday() == 6 else (-1, 2)  # to Monday or Friday, in the month
                    shifted = day + timedelta(days=near)
                    day = shifted if shifted.month == month else day + timedelta(days=far)
                dates.append(day)
    dates.sort()
    return dates


def _schedule(rng, kind: str, start: date) -> list[tuple]:
    if kind == Kind.CONFERENCE:
        slots = [(0, MORNING), (0, AFTERNOON)][: 1 if rng.random() < 0.6 else 2]
    elif kind == Kind.CLASS:
        count = rng.choices([1, 2, 3, 4], [1, 4, 3, 3])[0]
        slots = [(0, MORNING), (0, AFTERNOON), (1, MORNING), (1, AFTERNOON)][:count]
    else:  # a study tour: one visit a day
        slots = [(day, MORNING) for day in range(rng.choices([1, 2, 3, 4], [2, 4, 3, 1])[0])]
    return [
        (start + timedelta(days=day), half[0], half[1], f"Ngày {day + 1} - {HALF_NAME[half]}") for day, half in slots
    ]


def _plan_offerings(rng, *, count, years, units: _Units, courses, now) -> list[_Plan]:
    kinds = [kind for kind, n in _quotas(count, KIND_SHARES) for _i in range(n)]
    rng.shuffle(kinds)
    region_weights = [region.district.weight for region in units.regions]
    plans = []
    for kind, start in zip(kinds, _start_dates(rng, count, years), strict=True):
        scheme = PRE_2025 if start < REFORM else CURRENT
        track = rng.choices(list(TRACK_WEIGHTS), list(TRACK_WEIGHTS.values()))[0] if kind == Kind.CLASS else ""
        course = rng.choice(courses[track]) if track and courses[track] else None
        region = rng.choices(range(len(units.regions)), region_weights)[0]
        level = rng.choices(["province", "district", "commune"], LEVEL_WEIGHTS[(kind, scheme)])[0]
        if level == "province":
            unit, region = (units.old_root if scheme == PRE_2025 else units.new_root), None
        elif level == "district":
            unit = units.regions[region].district
        else:
            unit = units.pick_commune(rng, region, scheme)
        sessions = _schedule(rng, kind, start)
        held = sum(1 for day, _start, end, _title in sessions if timezone.make_aware(datetime.combine(day, end)) <= now)
        plans.append(_Plan(kind=kind, track=track, course=course, region=region, unit=unit, starts_on=start,
                           ends_on=sessions[-1][0], sessions=sessions, held=held,
                           raw_size=rng.uniform(*RAW_SIZE[kind])))  # fmt: skip
    return plans


def _size(plans: list[_Plan], *, attendance: int, participants: int, rng) -> None:
    """Active enrollments per offering, scaled so that active × held sessions adds up to `attendance`.

    The rounding error is carried from offering to offering, so the total lands within a few
    records of the target unless the people are too few to fill the offerings.
    """
    weight = sum(plan.raw_size * plan.held for plan in plans)
    factor = attendance / weight if weight else 1.0
    carry = 0.0
    for plan in plans:
        ideal = plan.raw_size * factor
        if plan.held:
            wanted = ideal * plan.held + carry
            size = round(wanted / plan.held)
        else:
            size = round(ideal)
        size = max(1 if attendance else 0, min(participants, size))
        if plan.held:
            carry = wanted - size * plan.held
        extra = sum(1 for _i in range(size) if rng.random() < INACTIVE_SHARE)
        plan.size, plan.extra = size, min(extra, participants - size)


class _Pool:
    """People handed out in a shuffled round, everyone once before anyone twice; people who join
    (newcomers to the program) are handed out first."""

    def __init__(self, rng, members=()):
        self.members, self.rng, self.position, self.newcomers = list(members), rng, 0, deque()
        rng.shuffle(self.members)

    def add(self, person: int) -> None:
        self.newcomers.append(person)

    def take(self, count: int, chosen: set, out: list) -> int:
        """Append up to `count` people not yet in `chosen`; return how many are still missing."""
        while count > 0 and self.newcomers:
            person = self.newcomers.popleft()
            self.members.append(person)
            if person not in chosen:
                chosen.add(person)
                out.append(person)
                count -= 1
        tried, size = 0, len(self.members)
        while count > 0 and tried < size:
            if self.position == size:
                self.rng.shuffle(self.members)
                self.position = 0
            person = self.members[self.position]
            self.position += 1
            tried += 1
            if person not in chosen:
                chosen.add(person)
                out.append(person)
                count -= 1
        return count


@dataclass
class _People:
    category: bytearray  # index into CATEGORIES
    region: bytearray
    arrival: array  # ordinal of the day from which each person may be enrolled
    first_day: array  # ordinal of the first offering each person goes to, 0 if none


def _plan_people(rng, count: int, units: _Units, plans: list[_Plan]) -> _People:
    """Who they are, where they live, and when they join the program: a first cohort at its start,
    the others spread over the years (so each year trains new people, and the people first trained
    after the reform live in current communes)."""
    weights = [weight for _cat, weight, *_rest in CATEGORIES]
    region_weights = [region.district.weight for region in units.regions]
    first, last = (plans[0].starts_on.toordinal(), plans[-1].starts_on.toordinal()) if plans else (0, 0)
    return _People(
        category=bytearray(rng.choices(range(len(CATEGORIES)), weights, k=count)),
        region=bytearray(rng.choices(range(len(units.regions)), region_weights, k=count)),
        arrival=array("l", (first if rng.random() < FIRST_COHORT else rng.randint(first, last) for _i in range(count))),
        first_day=array("l", [0]) * count,
    )


def _plan_enrollments(rng, plans: list[_Plan], people: _People, today: date):
    """Who is enrolled where, with which status and which sessions they missed: three arrays of slots."""
    count = len(people.category)
    local = defaultdict(lambda: _Pool(rng))  # by (group, region)
    city = {group: _Pool(rng) for group in GROUPS}
    everyone = _Pool(rng, range(count))  # for a small run: whoever is left
    arrivals = iter(sorted(range(count), key=people.arrival.__getitem__))
    upcoming = next(arrivals, None)
    slots, statuses, missed = array("l"), bytearray(), bytearray()
    for plan in plans:
        ordinal = plan.starts_on.toordinal()
        while upcoming is not None and people.arrival[upcoming] <= ordinal:
            group = CATEGORIES[people.category[upcoming]][2]
            local[(group, people.region[upcoming])].add(upcoming)
            city[group].add(upcoming)
            upcoming = next(arrivals, None)
        plan.first_slot = len(slots)
        chosen, out, missing = set(), [], 0
        for group, wanted in _quotas(plan.size + plan.extra, AUDIENCE[plan.track or plan.kind]):
            if plan.region is not None:
                near = round(wanted * LOCAL_SHARE)
                wanted += local[(group, plan.region)].take(near, chosen, out) - near
            missing += city[group].take(wanted, chosen, out)
        if missing:  # a small run: people of another audience fill the seats
            everyone.take(missing, chosen, out)
        plan.size = min(plan.size, len(out))
        plan.extra = len(out) - plan.size
        rng.shuffle(out)
        finished = plan.ends_on < today
        for position, person in enumerate(out):
            if not people.first_day[person]:
                people.first_day[person] = ordinal
            slots.append(person)
            if position >= plan.size:
                statuses.append(NO_SHOW if finished and rng.random() < 0.5 else CANCELLED)
                missed.append(0)
                continue
            mask = 0
            if plan.held and rng.random() < 0.12:  # missed one session (two, now and then)
                mask |= 1 << rng.randrange(plan.held)
                if plan.held > 2 and rng.random() < 0.3:
                    mask |= 1 << rng.randrange(plan.held)
            missed.append(mask)
            if finished:
                statuses.append(COMPLETED if rng.random() < (0.95 if not mask else 0.4) else REGISTERED)
            else:
                statuses.append(REGISTERED)
    return slots, statuses, missed
