"""A city-scale synthetic program, to measure the dashboard at Hanoi's size.

``load_generate`` fills the database with years of offerings (conferences, classes, study tours)
over Hanoi's administrative units, about a hundred thousand fictional people, their enrollments,
sessions, a million attendance records and the certificates of finished classes, with bulk writes.

Everything is planned first in compact arrays (who goes to which offering, with which status, which
sessions they missed), then written table by table in batches of 10,000 rows, one transaction each;
rows exist only one batch at a time. Small tables go through bulk_create; participants, enrollments,
attendance and certificates are written as tuples (`_insert_tuples`: COPY on PostgreSQL, multi-row
INSERTs on SQLite), since bulk_create's per-value compiling was four fifths of the run. Offerings
before 1 July 2025 name pre-2025 units (province, districts, communes), later ones current units.

Nothing clashes with real or demo data, and a second run on the same database adds to the first:
codes are ``T{seed}-{year}-{n:06d}`` (offerings) and ``T{seed}-{year}-{n:07d}`` (certificate
serials), numbered after the highest of the run's prefix already stored; phones come from the
reserved block of ``enrollment.synthetic`` from number 1,000,000 (the demo uses 0 to 99,999),
after the highest one already used. The plan is deterministic for a seed and a database state.
"""

import base64
import itertools
import math
import random
from array import array
from calendar import monthrange
from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from attendance.models import AttendanceRecord, Session
from attendance.services import AFTERNOON, MORNING
from certificates.codes import ALPHABET, GROUP, LENGTH
from certificates.models import Certificate, CertificateTemplate
from certificates.services import template_default
from courses.models import CoursePage, TrackPage
from enrollment import synthetic
from enrollment.models import AdministrativeUnit, Enrollment, Offering, Organization, Participant, UnitMapping
from enrollment.services import participant_prepare
from enrollment.units import CURRENT, PRE_2025, hanoi_units_load
from lms.text import fold

REFORM = date(2025, 7, 1)  # offerings from this day name current units
HANOI = "01"
FIRST_PHONE = 1_000_000  # synthetic.phone() numbers below this are the demo's
PHONE_LIMIT = len(synthetic.PHONE_PREFIXES) * 1_000_000
BATCH = 10_000

Kind, Status = Offering.Kind, Offering.Status
E = Enrollment.Status
R = AttendanceRecord.Status
Progress = Callable[[str, int, int | None], None]

# ---------------------------------------------------------------------------------------------- shapes of the plan

KIND_SHARES = [(Kind.CONFERENCE, 0.15), (Kind.CLASS, 0.75), (Kind.STUDY_TOUR, 0.10)]
TRACK_WEIGHTS = {"steering": 5, "officers": 35, "producers": 60}
# Fewer events in January and February, around Tết; more in the autumn, before the yearly evaluation.
MONTH_WEIGHTS = [0.5, 0.35, 1.0, 1.1, 1.1, 1.0, 0.9, 1.0, 1.1, 1.2, 1.2, 0.9]
# Where an offering is held: (province, district, commune) before the reform, (province, commune) after.
LEVEL_WEIGHTS = {
    (Kind.CONFERENCE, PRE_2025): (8, 85, 7),
    (Kind.CLASS, PRE_2025): (12, 55, 33),
    (Kind.STUDY_TOUR, PRE_2025): (50, 50, 0),
    (Kind.CONFERENCE, CURRENT): (10, 0, 90),
    (Kind.CLASS, CURRENT): (12, 0, 88),
    (Kind.STUDY_TOUR, CURRENT): (50, 0, 50),
}
# Rural districts and communes run far more of the program than urban ones.
UNIT_WEIGHTS = {"huyện": 3, "thị xã": 2, "quận": 1, "thành phố": 2, "xã": 3, "thị trấn": 2, "phường": 1}
# Enrolled people per offering before scaling to the attendance asked for.
RAW_SIZE = {Kind.CONFERENCE: (80, 250), Kind.CLASS: (25, 70), Kind.STUDY_TOUR: (15, 40)}
LOCAL_SHARE = 0.8  # of the people at a district's or commune's offering, the share from that district
INACTIVE_SHARE = 0.06  # cancelled or no-show, on top of the active enrollments
FIRST_COHORT = 0.3  # of the people, those in the program from its first offering

LATE_BY = timedelta(minutes=35)  # checked in this long after "on time" (five minutes before the start)
SHEET = AttendanceRecord.Method.SHEET.value
HALF_NAME = {MORNING: "Sáng", AFTERNOON: "Chiều"}

# (category, weight, group, female share, birth years)
CATEGORIES = [
    (Participant.Category.STEERING.value, 1.0, "steering", 0.30, (1960, 1985)),
    (Participant.Category.COUNCIL.value, 0.7, "steering", 0.40, (1960, 1988)),
    (Participant.Category.ADVISORY.value, 0.8, "steering", 0.45, (1965, 1992)),
    (Participant.Category.OFFICER.value, 14.0, "officers", 0.45, (1965, 1998)),
    (Participant.Category.COOPERATIVE.value, 25.0, "producers", 0.40, (1960, 1995)),
    (Participant.Category.HOUSEHOLD.value, 28.5, "producers", 0.55, (1960, 1998)),
    (Participant.Category.FARM.value, 12.0, "producers", 0.30, (1960, 1995)),
    (Participant.Category.ENTERPRISE.value, 15.0, "producers", 0.45, (1965, 1998)),
    (Participant.Category.OTHER.value, 3.0, "producers", 0.50, (1960, 1998)),
]
GROUPS = ["steering", "officers", "producers"]
# Who comes: a class of a track brings its audience; conferences and tours a mix.
AUDIENCE = {
    "steering": [("steering", 1.0)],
    "officers": [("officers", 1.0)],
    "producers": [("producers", 1.0)],
    Kind.CONFERENCE: [("steering", 0.10), ("officers", 0.40), ("producers", 0.50)],
    Kind.STUDY_TOUR: [("officers", 0.25), ("producers", 0.75)],
}
POSITIONS = {
    "steering": ["Thành viên Ban chỉ đạo", "Phó Trưởng ban chỉ đạo"],
    "council": ["Thành viên Hội đồng đánh giá, phân hạng sản phẩm"],
    "advisory": ["Thành viên Tổ tư vấn giúp việc"],
    "officer": ["Cán bộ phụ trách OCOP", "Chuyên viên Phòng Kinh tế", "Cán bộ khuyến nông", "Công chức nông nghiệp"],
    "cooperative": ["Giám đốc HTX", "Phó giám đốc HTX", "Kế toán HTX", "Thành viên HTX"],
    "enterprise": ["Giám đốc", "Phó giám đốc", "Trưởng phòng kinh doanh"],
    "household": ["Chủ hộ kinh doanh"],
    "farm": ["Chủ trang trại"],
    "other": [""],
}
ORGANIZATION_OF = {"cooperative": "cooperative", "enterprise": "enterprise", "household": "household", "farm": "farm"}
ORGANIZATION_SHARE = 0.65  # of the producers, those with a recorded organization
ORGANIZATION_KINDS = [("cooperative", 35), ("household", 30), ("farm", 15), ("enterprise", 20)]
PRODUCTS = [
    "Nông nghiệp", "Dịch vụ nông nghiệp", "Rau an toàn", "Chăn nuôi", "Gốm sứ", "Mây tre đan", "Chè", "Bưởi",
    "Nhãn", "Sen", "Mật ong", "Nấm", "Miến dong", "Hoa cây cảnh", "Thủy sản", "Gạo nếp cái hoa vàng",
]  # fmt: skip
TOPICS = {
    "steering": ["Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm OCOP", "Thẩm định hồ sơ và minh chứng"],
    "officers": ["Triển khai chu trình OCOP thường niên", "Hướng dẫn chủ thể hoàn thiện hồ sơ sản phẩm"],
    "producers": [
        "Tiêu chuẩn, nhãn hàng hoá và truy xuất nguồn gốc", "Thiết kế bao bì và câu chuyện sản phẩm",
        "Xây dựng phương án kinh doanh", "Tiếp thị và bán hàng trực tuyến", "Chuẩn bị hồ sơ đánh giá, phân hạng",
    ],
}  # fmt: skip
DESTINATIONS = [
    "Hải Phòng", "Quảng Ninh", "Nam Định", "Hà Tĩnh", "Thái Lan", "Lào Cai", "Sơn La", "Ninh Bình", "Bắc Giang",
    "Thái Bình", "Lâm Đồng", "Nhật Bản", "Hàn Quốc",
]  # fmt: skip

# Enrollment statuses in the plan, one byte each.
REGISTERED, COMPLETED, CANCELLED, NO_SHOW = range(4)
# Plain strings in the tuples written without the ORM (a database driver may adapt an Enum by its name).
ENROLLMENT_STATUS = [E.REGISTERED.value, E.COMPLETED.value, E.CANCELLED.value, E.NO_SHOW.value]
ENROLLMENT_SOURCES = ["roster"] * 16 + ["staff"] * 3 + ["self"]
PRESENT, LATE, EXCUSED, ABSENT = (status.value for status in (R.PRESENT, R.LATE, R.EXCUSED, R.ABSENT))
TYPE_LABEL = dict(AdministrativeUnit.Type.choices)
_BASE32_TO_CROCKFORD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", ALPHABET)


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


# ---------------------------------------------------------------------------------------------- writing


def _insert(model, rows: Iterable, *, on_batch: Callable[[list], None] | None = None) -> int:
    """bulk_create `rows` (any iterable, consumed lazily) in batches, one transaction each."""
    total, rows = 0, iter(rows)
    while batch := list(itertools.islice(rows, BATCH)):
        with transaction.atomic():
            model.objects.bulk_create(batch, batch_size=BATCH)
        total += len(batch)
        if on_batch:
            on_batch(batch)
    return total


def _db_value(model, name: str, value):
    """`value` as the database stores `model`'s field `name` (dates, times, decimals on SQLite)."""
    return model._meta.get_field(name).get_db_prep_save(value, connection)


def _insert_tuples(model, names: list[str], rows: Iterable[tuple], *, on_batch=None) -> int:
    """Write tuples of database values for the fields `names`, one transaction a batch: COPY on
    PostgreSQL, multi-row INSERTs elsewhere.

    For the big tables: bulk_create spends some 40 µs a row compiling each value through its field
    (and psycopg's client-side binding as much again), which made four fifths of the run. Here the
    columns come from the model's fields, the caller prepares each value once per offering or session
    (`_db_value`), and every other field takes its model default (auto_now fields: the batch's time).
    """
    meta, quote = model._meta, connection.ops.quote_name
    given = [meta.get_field(name) for name in names]
    rest = [f for f in meta.concrete_fields if not f.primary_key and f.name not in names]
    width = len(given) + len(rest)
    per_statement = max(1, min(1000, (connection.features.max_query_params or 65535) // width))
    table_columns = f"{quote(meta.db_table)} ({', '.join(quote(f.column) for f in given + rest)})"
    head = f"INSERT INTO {table_columns} VALUES "
    values = "(" + ", ".join(["%s"] * width) + ")"
    statements = {}
    total, rows = 0, iter(rows)
    while batch := list(itertools.islice(rows, BATCH)):
        now = timezone.now()
        defaults = tuple(
            f.get_db_prep_save(now if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
                               else f.get_default(), connection)
            for f in rest
        )  # fmt: skip
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql" and hasattr(cursor.cursor, "copy"):  # psycopg 3
                with cursor.cursor.copy(f"COPY {table_columns} FROM STDIN") as copy:
                    for row in batch:
                        copy.write_row((*row, *defaults))
            else:
                for first in range(0, len(batch), per_statement):
                    chunk = batch[first : first + per_statement]
                    if len(chunk) not in statements:
                        statements[len(chunk)] = head + ", ".join([values] * len(chunk))
                    cursor.execute(statements[len(chunk)], [value for row in chunk for value in (*row, *defaults)])
        total += len(batch)
        if on_batch:
            on_batch(batch)
    return total


def _phone_start() -> int:
    """The first free number of the reserved block, after the highest one any participant holds."""
    prefixes = synthetic.PHONE_PREFIXES
    for index in range(len(prefixes) - 1, FIRST_PHONE // 1_000_000 - 1, -1):
        top = Participant.objects.filter(phone__startswith=prefixes[index]).aggregate(top=Max("phone"))["top"]
        if top and len(top) == 10 and top.isdigit():
            return max(FIRST_PHONE, index * 1_000_000 + int(top[4:]) + 1)
    return FIRST_PHONE


def _next_numbers(model, field_name: str, prefixes: Iterable[str]) -> dict[str, int]:
    """For each prefix, the number after the highest `{prefix}{number}` stored (1 if none)."""
    numbers = {}
    for prefix in prefixes:
        top = (
            model.objects.filter(**{f"{field_name}__startswith": prefix})
            .aggregate(top=Max(field_name))["top"]
        )  # fmt: skip
        tail = top[len(prefix) :] if top else ""
        numbers[prefix] = int(tail) + 1 if tail.isdigit() else 1
    return numbers


def _verification_codes(rng):
    """Codes of certificates.codes' format (20 Crockford base32 symbols in groups of four), from `rng`."""
    while True:
        raw = base64.b32encode(rng.randbytes(15)).decode().translate(_BASE32_TO_CROCKFORD)[:LENGTH]
        yield "-".join(raw[index : index + GROUP] for index in range(0, LENGTH, GROUP))


def _organization_rows(rng, count: int, units: _Units, kinds_out: list):
    for kind, n in _quotas(count, ORGANIZATION_KINDS):
        for _i in range(n):
            region = rng.choices(range(len(units.regions)), [r.district.weight for r in units.regions])[0]
            commune = units.pick_commune(rng, region, CURRENT)
            place = commune.label.split(" ", 1)[1] if " " in commune.label else commune.label
            if kind == "cooperative":
                name = f"Hợp tác xã {rng.choice(PRODUCTS)} {place}"
            elif kind == "enterprise":
                name = f"Công ty TNHH {rng.choice(PRODUCTS)} {place}"
            else:
                gender = "female" if rng.random() < 0.5 else "male"
                owner = synthetic.full_name(rng, gender)
                name = f"Hộ kinh doanh {owner}" if kind == "household" else f"Trang trại {owner}"
            kinds_out.append((kind, region))
            yield Organization(kind=kind, name=name, name_key=fold(name), unit_id=commune.pk)


def _roster_day(plan: _Plan) -> date:
    """The day the offering's roster was imported: two weeks before it starts."""
    return plan.starts_on - timedelta(days=14)


def _at(day: date, hour: int = 9) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _offering_title(rng, plan: _Plan) -> tuple[str, str]:
    year = plan.starts_on.year
    place = plan.unit.label
    if plan.kind == Kind.CONFERENCE:
        subject = "triển khai" if plan.starts_on.month <= 6 else "sơ kết"
        return f"Hội nghị {subject} Chương trình OCOP năm {year} – {place}", f"Hội trường UBND {place}"
    if plan.kind == Kind.STUDY_TOUR:
        destination = rng.choice(DESTINATIONS)
        return f"Tham quan học tập mô hình OCOP tại {destination} ({place})", destination
    topic = plan.course.title if plan.course else rng.choice(TOPICS[plan.track])
    return f"Lớp tập huấn: {topic} – {place}"[:255], f"Hội trường UBND {place}"


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
