"""The demo program: Hanoi's 2019 OCOP training as the city reported it, and this year's in the new communes.

2019 (the pre-2025 units: city, 30 districts, their communes): 29 launch conferences (the city's and
28 districts'; Hai Bà Trưng and Ba Đình held none), 31 classes (1 for the city steering board,
evaluation council and advisory team, 15 for district and commune officers, 15 on business
management for cooperative, household and farm managers) and 5 study tours (Hải Phòng, Quảng
Ninh, Nam Định, Hà Tĩnh, Thailand), all finished: sessions, attendance from the paper sign-in
sheets, certificates for the classes.

This year (the 126 communes since 1 July 2025): conferences and classes of the three tracks and a
study tour, spread over the calendar year; those already over have attendance and certificates,
the others are open with their rosters.

People are fictional (enrollment.synthetic, phones of its reserved block: 0–49,999 for 2019,
50,000–99,999 for this year) and the same person comes back: officers attend their district's
conference and an officers' class, producers a conference, a class and a tour. Everything is drawn
from seeded random generators, so two builds plan the same program; offerings are keyed by code
and people by phone, so a second build adds nothing. Bulk writes go through the services'
own preparation (participant_prepare) and every attendance sheet is one services call.
"""

import datetime
import random
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from wagtail.signal_handlers import disable_reference_index_auto_update

from attendance.models import AttendanceRecord
from attendance.services import Mark, records_write, schedule_generate, session_close
from certificates.services import certificates_issue_offering
from courses.demo_content import IN_PERSON_COURSES
from courses.models import CoursePage
from enrollment.models import AdministrativeUnit, Enrollment, Offering, Organization, Participant, UnitMapping
from enrollment.services import participant_prepare
from enrollment.synthetic import person as synthetic_person
from lms.text import fold

Kind, Category, OrgKind = Offering.Kind, Participant.Category, Organization.Kind
Status, Method = AttendanceRecord.Status, AttendanceRecord.Method
PRE_2025, CURRENT = AdministrativeUnit.Scheme.PRE_2025, AdministrativeUnit.Scheme.CURRENT
DAY = datetime.timedelta(days=1)

# --------------------------------------------------------------------------- 2019, as reported

YEAR_2019 = 2019
NO_CONFERENCE = {"001", "007"}  # Ba Đình and Hai Bà Trưng held no launch conference
OFFICER_CLASS_DISTRICTS = [
    "016", "017", "018", "020", "250", "268", "269", "271", "272", "273", "275", "277", "279", "280", "282",
]  # fmt: skip
PRODUCER_CLASS_DISTRICTS = [
    "016", "017", "018", "250", "269", "271", "272", "274", "275", "276", "277", "278", "279", "281", "282",
]  # fmt: skip
DISTRICT_POSITIONS = ["Trưởng phòng Kinh tế", "Phó Trưởng phòng Kinh tế", "Chuyên viên Phòng Kinh tế",
                      "Chuyên viên Phòng Kinh tế", "Viên chức Trạm Khuyến nông"]  # fmt: skip
URBAN_CORE = ["001", "002", "005", "006", "007", "009"]  # where the city's departments sit
TOURS_2019 = [  # destination, track, first day (Wednesday to Friday)
    ("Hải Phòng", "producers", datetime.date(2019, 7, 17)),
    ("Quảng Ninh", "producers", datetime.date(2019, 8, 21)),
    ("Nam Định", "producers", datetime.date(2019, 9, 18)),
    ("Hà Tĩnh", "officers", datetime.date(2019, 10, 16)),
    ("Thái Lan", "producers", datetime.date(2019, 11, 13)),
]
HOLIDAYS_2019 = {datetime.date(2019, 4, 15), datetime.date(2019, 4, 29), datetime.date(2019, 4, 30),
                 datetime.date(2019, 5, 1), datetime.date(2019, 9, 2)}  # fmt: skip
CODES_2019 = [
    *(f"HN-2019-HN-{n:02d}" for n in range(29)), "HN-2019-BCD-01",
    *(f"HN-2019-CB-{n:02d}" for n in range(1, 16)), *(f"HN-2019-SX-{n:02d}" for n in range(1, 16)),
    *(f"HN-2019-TQ-{n:02d}" for n in range(1, 6)),
]  # fmt: skip

# Each district's products, for its producers' organizations (the city's craft villages and farms).
PRODUCT_LINES = {
    "016": ["Rau an toàn", "Chè", "Mật ong", "Gà đồi"], "017": ["Rau an toàn", "Nông sản sạch", "Thủy sản"],
    "018": ["Gốm sứ", "Rau an toàn", "Dược liệu", "Chăn nuôi"], "020": ["Bánh cuốn", "Rau an toàn", "Thủy sản"],
    "250": ["Hoa", "Rau an toàn", "Nấm"], "268": ["Lụa", "Dịch vụ nông nghiệp"],
    "269": ["Tương", "Chè lam", "Gà Mía", "Bánh tẻ"], "271": ["Sữa bò", "Chè", "Miến dong", "Thuốc nam"],
    "272": ["Bưởi", "Cam", "Rau an toàn"], "273": ["Rau an toàn", "Cam", "Hoa"],
    "274": ["Miến dong", "Tinh bột", "Đồ thờ", "Bưởi Diễn"], "275": ["Chè", "Nông sản", "Mộc mỹ nghệ"],
    "276": ["Mộc mỹ nghệ", "Cơ kim khí", "Chè"], "277": ["Mây tre đan", "Nấm", "Rau an toàn", "Chăn nuôi"],
    "278": ["Nón lá", "Bánh tẻ", "Chăn nuôi"], "279": ["Sơn mài", "Khảm trai", "Bánh giầy", "Rau an toàn"],
    "280": ["Khảm trai", "Chăn nuôi", "Gạo"], "281": ["Gạo nếp", "Thủy sản", "Chăn nuôi"],
    "282": ["Rau sắng", "Mơ Hương Sơn", "Chăn nuôi"],
}  # fmt: skip
URBAN_LINES = ["Chế biến thực phẩm", "Bánh kẹo", "Thủ công mỹ nghệ", "Dịch vụ thương mại"]
FARM_KINDS = ["tổng hợp", "chăn nuôi", "cây ăn quả", "thủy sản"]
PRODUCER_CATEGORIES = [Category.COOPERATIVE, Category.HOUSEHOLD, Category.FARM, Category.ENTERPRISE]
PRODUCER_WEIGHTS = [45, 30, 15, 10]

# City departments and the experts of the council: (organization, position) per category.
CITY_2019 = {
    Category.STEERING: [
        ("Sở Nông nghiệp và Phát triển nông thôn Hà Nội", "Phó Giám đốc Sở"),
        ("Văn phòng Điều phối Chương trình xây dựng nông thôn mới Hà Nội", "Chánh Văn phòng"),
        ("Văn phòng Điều phối Chương trình xây dựng nông thôn mới Hà Nội", "Phó Chánh Văn phòng"),
        ("Sở Công Thương Hà Nội", "Phó Giám đốc Sở"), ("Sở Khoa học và Công nghệ Hà Nội", "Phó Giám đốc Sở"),
        ("Sở Tài chính Hà Nội", "Phó Giám đốc Sở"), ("Sở Kế hoạch và Đầu tư Hà Nội", "Phó Giám đốc Sở"),
        ("Sở Du lịch Hà Nội", "Phó Giám đốc Sở"), ("Sở Y tế Hà Nội", "Phó Giám đốc Sở"),
        ("Liên minh Hợp tác xã thành phố Hà Nội", "Phó Chủ tịch"),
        ("Hội Nông dân thành phố Hà Nội", "Phó Chủ tịch"),
        ("Hội Liên hiệp Phụ nữ thành phố Hà Nội", "Phó Chủ tịch"),
    ],
    Category.COUNCIL: [
        ("Chi cục Phát triển nông thôn Hà Nội", "Chi cục trưởng"),
        ("Chi cục Quản lý chất lượng nông lâm sản và thủy sản Hà Nội", "Phó Chi cục trưởng"),
        ("Chi cục An toàn vệ sinh thực phẩm Hà Nội", "Phó Chi cục trưởng"),
        ("Trung tâm Khuyến nông Hà Nội", "Phó Giám đốc"), ("Sở Công Thương Hà Nội", "Trưởng phòng Quản lý thương mại"),
        ("Sở Khoa học và Công nghệ Hà Nội", "Trưởng phòng Quản lý công nghệ"),
        ("Học viện Nông nghiệp Việt Nam", "Giảng viên chính"), ("Trường Đại học Kinh tế Quốc dân", "Giảng viên"),
    ],
    Category.ADVISORY: [
        ("Văn phòng Điều phối Chương trình xây dựng nông thôn mới Hà Nội", "Chuyên viên"),
        ("Chi cục Phát triển nông thôn Hà Nội", "Chuyên viên"), ("Trung tâm Khuyến nông Hà Nội", "Kỹ sư"),
        ("Sở Công Thương Hà Nội", "Chuyên viên"), ("Sở Khoa học và Công nghệ Hà Nội", "Chuyên viên"),
        ("Trung tâm Xúc tiến Đầu tư, Thương mại, Du lịch Hà Nội", "Chuyên viên"),
    ],
}  # fmt: skip
RENAMED_2025 = {  # the departments merged in 2025
    "Sở Nông nghiệp và Phát triển nông thôn Hà Nội": "Sở Nông nghiệp và Môi trường Hà Nội",
    "Sở Kế hoạch và Đầu tư Hà Nội": "Sở Tài chính Hà Nội",
    "Văn phòng Điều phối Chương trình xây dựng nông thôn mới Hà Nội": (
        "Văn phòng Điều phối các Chương trình mục tiêu quốc gia Hà Nội"
    ),
}
UNIVERSITIES = {"Học viện Nông nghiệp Việt Nam", "Trường Đại học Kinh tế Quốc dân"}
# This year's codes: none ends in -01, which attendance.demo schedules for enrollment.demo's offerings.
CODES_CURRENT = [
    "HN-{year}-HN-11", "HN-{year}-HN-12", "HN-{year}-BCD-11", "HN-{year}-CB-11", "HN-{year}-CB-12",
    "HN-{year}-SX-11", "HN-{year}-SX-12", "HN-{year}-SX-13", "HN-{year}-TQ-11", "HN-{year}-CB-13", "HN-{year}-SX-14",
]  # fmt: skip
ABSENCE_NOTES = ["Ốm, có giấy xin phép", "Bận công tác, đã báo trước", "Việc gia đình, có đơn xin phép", ""]


# --------------------------------------------------------------------------- plans


@dataclass
class Person:
    number: int
    full_name: str
    gender: str
    birth_year: int
    phone: str
    category: str
    position: str
    unit_id: int
    organization: str = ""  # its name: organizations are shared by name


@dataclass
class Plan:
    """One offering as planned: who comes, on which days."""

    code: str
    kind: str
    track: str
    title: str
    unit: AdministrativeUnit
    venue: str
    starts_on: datetime.date
    days: int
    afternoon: bool = True
    capacity: int | None = None
    people: list[int] = field(default_factory=list)  # person numbers, in roster order

    @property
    def ends_on(self) -> datetime.date:
        return self.starts_on + (self.days - 1) * DAY


class Cast:
    """The people of a demo year and their organizations; numbers pick the phones."""

    def __init__(self, seed: str, first: int, last: int):
        self.rng = random.Random(seed)
        self.number, self.last = first, last
        self.people: dict[int, Person] = {}
        self.organizations: dict[str, tuple[str, int]] = {}  # name -> (kind, unit id)

    def add(self, unit, category, position, *, born=(1962, 1994), female_share=0.45) -> Person:
        if self.number > self.last:
            raise ValueError("the demo ran out of its reserved phone numbers")
        generated = synthetic_person(self.rng, self.number, born=born, female_share=female_share)
        person = Person(self.number, generated.full_name, generated.gender, generated.birth_year, generated.phone,
                        category, position, unit.pk)  # fmt: skip
        self.people[self.number] = person
        self.number += 1
        return person

    def join(self, person: Person, name: str, kind: str, unit) -> Person:
        self.organizations.setdefault(name, (kind, unit.pk))
        person.organization = name
        return person

    def producer(self, unit, lines) -> Person:
        rng = self.rng
        category = rng.choices(PRODUCER_CATEGORIES, PRODUCER_WEIGHTS)[0]
        line = rng.choice(lines)
        if category == Category.COOPERATIVE:
            position = rng.choice(["Giám đốc HTX", "Giám đốc HTX", "Phó Giám đốc HTX", "Kế toán HTX",
                                   "Chủ tịch Hội đồng quản trị HTX"])  # fmt: skip
            return self.join(self.add(unit, category, position), f"HTX {line} {unit.name}", OrgKind.COOPERATIVE, unit)
        if category == Category.HOUSEHOLD:
            person = self.add(unit, category, "Chủ hộ kinh doanh", female_share=0.55)
            name = f"Hộ kinh doanh {person.full_name} ({unit.name})"  # namesakes elsewhere are other households
            return self.join(person, name, OrgKind.HOUSEHOLD, unit)
        if category == Category.FARM:
            person = self.add(unit, category, "Chủ trang trại", female_share=0.3)
            name = f"Trang trại {rng.choice(FARM_KINDS)} {person.full_name} ({unit.name})"
            return self.join(person, name, OrgKind.FARM, unit)
        person = self.add(unit, category, rng.choice(["Giám đốc", "Phó Giám đốc", "Trưởng phòng kinh doanh"]))
        return self.join(person, f"Công ty TNHH {line} {unit.name}", OrgKind.ENTERPRISE, unit)

    def official(self, unit, category, organization, position) -> Person:
        person = self.add(unit, category, position, born=(1964, 1988))
        kind = OrgKind.OTHER if organization in UNIVERSITIES else OrgKind.AGENCY
        return self.join(person, organization, kind, unit)


def _sample(rng, first, rest, size, preferred_share) -> list[int]:
    """`size` distinct people: about `preferred_share` of them from `first`, the others from `rest`."""
    first = list(dict.fromkeys(first))
    taken = set(first)
    rest = [n for n in dict.fromkeys(rest) if n not in taken]
    chosen = rng.sample(first, min(len(first), round(size * preferred_share)))
    chosen += rng.sample(rest, min(len(rest), size - len(chosen)))
    if len(chosen) < size:  # not enough elsewhere: more of the preferred
        taken = set(chosen)
        left = [n for n in first if n not in taken]
        chosen += rng.sample(left, min(len(left), size - len(chosen)))
    return chosen


def _workdays(start, end, holidays=frozenset()) -> list[datetime.date]:
    days = []
    while start <= end:
        if start.weekday() < 5 and start not in holidays:
            days.append(start)
        start += DAY
    return days


def _starts(count, start, end, length, holidays=frozenset()) -> list[datetime.date]:
    """`count` first days spread evenly over [start, end], each followed by `length` - 1 workdays."""
    workdays = set(_workdays(start, end + length * DAY, holidays))
    candidates = [d for d in sorted(workdays) if d <= end and all(d + i * DAY in workdays for i in range(length))]
    return [candidates[round(i * (len(candidates) - 1) / max(count - 1, 1))] for i in range(count)]


def _hall(unit) -> str:
    return f"Hội trường UBND {unit.type} {unit.name}"


# --------------------------------------------------------------------------- 2019


def plan_2019(province) -> tuple[Cast, list[Plan]]:
    """The 2019 program: who attended what, drawn from the pre-2025 units under `province`."""
    units = list(AdministrativeUnit.objects.filter(scheme=PRE_2025, path__startswith=f"{province.path}/"))
    districts = {unit.code: unit for unit in units if unit.level == "district"}
    communes = {code: [] for code in districts}
    by_pk = {unit.pk: unit for unit in districts.values()}
    for unit in units:
        if unit.level == "commune":
            communes[by_pk[unit.parent_id].code].append(unit)
    cast = Cast("ocop-hanoi-2019", 0, 49_999)
    rng = cast.rng

    # Who could come: each district's officers (its economic office, then two per commune) and producers.
    officers, leaders, producers = {}, {}, {}
    for code, district in districts.items():
        seat = communes[code][0]
        office = f"Phòng Kinh tế {district.type} {district.name}"
        positions = DISTRICT_POSITIONS[: 4 if district.type == "quận" else 5]
        staff = [cast.join(cast.add(seat, Category.OFFICER, position, born=(1965, 1990)), office, OrgKind.AGENCY, seat)
                 for position in positions]  # fmt: skip
        leaders[code] = [person.number for person in staff[:2]]
        officers[code] = [person.number for person in staff]
        for commune in communes[code]:
            council = f"UBND {commune.type} {commune.name}"
            roles = [f"Phó Chủ tịch UBND {commune.type}", rng.choice([
                "Công chức Địa chính - Nông nghiệp", f"Cán bộ khuyến nông {commune.type}",
                "Công chức Văn phòng - Thống kê", f"Chủ tịch Hội Nông dân {commune.type}"])]  # fmt: skip
            for role in roles:
                person = cast.join(cast.add(commune, Category.OFFICER, role), council, OrgKind.AGENCY, commune)
                officers[code].append(person.number)
        urban = district.type == "quận"
        lines = URBAN_LINES if urban else PRODUCT_LINES.get(code, URBAN_LINES)
        size = 2 * len(communes[code]) + 6 if urban else 3 * len(communes[code]) + 8
        producers[code] = [cast.producer(rng.choice(communes[code]), lines).number for _ in range(size)]
    core = [commune for code in URBAN_CORE for commune in communes[code]]
    city = {category: [] for category in CITY_2019}
    for category, size in ((Category.STEERING, 14), (Category.COUNCIL, 16), (Category.ADVISORY, 16)):
        for index in range(size):
            organization, position = CITY_2019[category][index % len(CITY_2019[category])]
            person = cast.official(rng.choice(core), category, organization, position)
            city[category].append(person.number)
    city_people = [number for numbers in city.values() for number in numbers]
    hanoi_dates = _workdays(datetime.date(2019, 3, 18), datetime.date(2019, 6, 28), HOLIDAYS_2019)

    plans = []
    # The city's launch conference: district leaders, the city's departments, well-known producers.
    rural = [code for code, district in districts.items() if district.type != "quận"]
    audience = [n for code in districts for n in leaders[code]] + rng.sample(city[Category.STEERING], 12)
    audience += rng.sample(city[Category.COUNCIL] + city[Category.ADVISORY], 13)
    audience += rng.sample([n for code in rural for n in officers[code][5:]], 15)
    audience += rng.sample([n for code in rural for n in producers[code]], rng.randint(145, 155) - len(audience))
    plans.append(Plan("HN-2019-HN-00", Kind.CONFERENCE, "",
                      "Hội nghị triển khai Chương trình Mỗi xã một sản phẩm thành phố Hà Nội giai đoạn 2019–2020",
                      province, "Hội trường Sở Nông nghiệp và Phát triển nông thôn Hà Nội, 38 Tô Hiến Thành",
                      datetime.date(2019, 3, 12), 1, capacity=200, people=audience))  # fmt: skip

    # 28 district launch conferences over March to June: the district's officers and producers.
    conference_codes = [code for code in districts if code not in NO_CONFERENCE]
    dates = [hanoi_dates[round(i * (len(hanoi_dates) - 1) / 27)] for i in range(28)]
    rng.shuffle(dates)
    attended = {}  # district -> people at its conference
    conferences = []
    for code, starts_on in zip(conference_codes, dates, strict=True):
        district = districts[code]
        pool_size = len(officers[code]) + len(producers[code])
        size = min(pool_size, rng.randint(40, 50) if district.type == "quận" else rng.randint(50, 75))
        chosen = _sample(rng, officers[code], producers[code], size, 0.45)
        attended[code] = set(chosen)
        conferences.append(Plan("", Kind.CONFERENCE, "",
                                f"Hội nghị triển khai Chương trình OCOP {district.type} {district.name} năm 2019",
                                district, _hall(district), starts_on, 1, afternoon=rng.random() < 0.2,
                                capacity=100, people=chosen))  # fmt: skip
    for number, plan in enumerate(sorted(conferences, key=lambda plan: plan.starts_on), start=1):
        plan.code = f"HN-2019-HN-{number:02d}"
        plans.append(plan)

    # The steering board, the council and the advisory team: one class at the city.
    steering = rng.sample(city_people, rng.randint(36, 42))
    plans.append(Plan("HN-2019-BCD-01", Kind.CLASS, "steering",
                      "Tập huấn cho Ban Chỉ đạo, Hội đồng đánh giá, phân hạng sản phẩm và Tổ tư vấn giúp việc "
                      "Chương trình OCOP thành phố", province,
                      "Hội trường Sở Nông nghiệp và Phát triển nông thôn Hà Nội, 38 Tô Hiến Thành",
                      datetime.date(2019, 4, 9), 2, capacity=45, people=steering))  # fmt: skip

    # 15 classes for district and commune officers, 15 on business management for producers.
    class_attendees = {"officers": [], "producers": []}
    for track, prefix, codes, length, window in (
        ("officers", "CB", OFFICER_CLASS_DISTRICTS, 2, (datetime.date(2019, 5, 6), datetime.date(2019, 8, 30))),
        ("producers", "SX", PRODUCER_CLASS_DISTRICTS, 3, (datetime.date(2019, 6, 10), datetime.date(2019, 11, 29))),
    ):
        starts = _starts(len(codes), *window, length, HOLIDAYS_2019)
        order = list(codes)
        rng.shuffle(order)
        classes = []
        for code, starts_on in zip(order, starts, strict=True):
            district = districts[code]
            pool = officers[code] if track == "officers" else producers[code]
            came = [n for n in pool if n in attended.get(code, ())]
            chosen = _sample(rng, came, pool, min(len(pool), rng.randint(30, 42)), 0.7 if track == "officers" else 0.5)
            class_attendees[track] += chosen
            where = f"{district.type} {district.name}"
            if track == "officers":
                title = f"Tập huấn nghiệp vụ triển khai Chương trình OCOP cho cán bộ cấp huyện, cấp xã {where}"
                venue = f"Trung tâm Bồi dưỡng chính trị {where}"
            else:
                title = f"Tập huấn quản trị kinh doanh cho HTX, hộ sản xuất và trang trại {where}"
                venue = _hall(district)
            classes.append(Plan("", Kind.CLASS, track, title, district, venue, starts_on, length, capacity=45,
                                people=chosen))  # fmt: skip
        for number, plan in enumerate(sorted(classes, key=lambda plan: plan.starts_on), start=1):
            plan.code = f"HN-2019-{prefix}-{number:02d}"
            plans.append(plan)

    # Study tours: producers who came to a conference and a class first, with officers to lead them.
    conference_goers = set().union(*attended.values())
    producers_classes = class_attendees["producers"]
    keen = [n for n in producers_classes if n in conference_goers]
    officers_classes = class_attendees["officers"]
    for number, (destination, track, starts_on) in enumerate(TOURS_2019, start=1):
        size = rng.randint(15, 25)
        if track == "officers":
            chosen = _sample(rng, officers_classes, producers_classes, size, 0.75)
        else:
            chosen = _sample(rng, keen, producers_classes, size - 4, 0.8) + rng.sample(officers_classes, 4)
        if destination == "Thái Lan":
            chosen += [n for n in rng.sample(city[Category.STEERING], 2) if n not in chosen]
        keen = [n for n in keen if n not in chosen]
        plans.append(Plan(f"HN-2019-TQ-{number:02d}", Kind.STUDY_TOUR, track,
                          f"Tham quan học tập kinh nghiệm OCOP tại {destination}", province, destination,
                          starts_on, 3, afternoon=False, capacity=25, people=chosen))  # fmt: skip
    return cast, plans


# --------------------------------------------------------------------------- this year


def _next_weekday(date, weekday) -> datetime.date:
    return date + ((weekday - date.weekday()) % 7) * DAY


def plan_current(province, today) -> tuple[Cast, list[Plan]]:
    """About ten offerings of this calendar year in the current communes under `province`."""
    year = today.year
    communes = list(AdministrativeUnit.objects.filter(scheme=CURRENT, level="commune", parent=province))
    by_name = {unit.name: unit for unit in communes}
    # Each current commune's former district (where most of its old communes were): the catchments.
    former = {}
    mapping = UnitMapping.objects.filter(new__in=communes).order_by("pk")  # ties broken the same way every time
    for new_id, district_code in mapping.values_list("new_id", "old__parent__code"):
        former.setdefault(new_id, Counter())[district_code] += 1
    former = {new_id: counts.most_common(1)[0][0] for new_id, counts in former.items()}
    cast = Cast(f"ocop-hanoi-{year}", 50_000, 99_999)
    rng = cast.rng

    officers, producers = {}, {}

    def pools(unit):
        if unit.pk not in officers:
            council = f"UBND {unit.type} {unit.name}"
            office = "Phòng Kinh tế" if unit.type == "xã" else "Phòng Kinh tế, Hạ tầng và Đô thị"
            roles = [f"Phó Chủ tịch UBND {unit.type}", f"Trưởng {office}", f"Chuyên viên {office}"]
            officers[unit.pk] = [cast.join(cast.add(unit, Category.OFFICER, role, born=(1968, 1995)), council,
                                           OrgKind.AGENCY, unit).number for role in roles]  # fmt: skip
            lines = PRODUCT_LINES.get(former.get(unit.pk), URBAN_LINES)
            producers[unit.pk] = [cast.producer(unit, lines).number for _ in range(8 if unit.type == "xã" else 3)]
        return officers[unit.pk], producers[unit.pk]

    def catchment(*district_codes):
        units = [unit for unit in communes if former.get(unit.pk) in district_codes]
        people = [pools(unit) for unit in units]
        return [n for pair in people for n in pair[0]], [n for pair in people for n in pair[1]]

    city = []
    core = [unit for unit in communes if unit.type == "phường" and former.get(unit.pk) in URBAN_CORE]
    for category, size in ((Category.STEERING, 10), (Category.COUNCIL, 14), (Category.ADVISORY, 14)):
        for index in range(size):
            organization, position = CITY_2019[category][index % len(CITY_2019[category])]
            organization = RENAMED_2025.get(organization, organization)
            city.append(cast.official(rng.choice(core), category, organization, position).number)

    def on(month, date_, weekday):
        return _next_weekday(datetime.date(year, month, date_), weekday)

    plans = []

    def conference(code, title, host, starts_on, districts, size):
        staff, makers = catchment(*districts)
        plans.append(Plan(code, Kind.CONFERENCE, "", title, by_name[host], _hall(by_name[host]), starts_on, 1,
                          afternoon=False, capacity=120, people=_sample(rng, staff, makers, size, 0.35)))  # fmt: skip

    def course_class(code, track, title, host, starts_on, districts, size, preferred=()):
        staff, makers = catchment(*districts)
        pool = staff if track == "officers" else makers
        came = [n for n in pool if n in set(preferred)]
        plans.append(Plan(code, Kind.CLASS, track, title, by_name[host], _hall(by_name[host]), starts_on,
                          2 if track == "officers" else 3, capacity=45,
                          people=_sample(rng, came, pool, min(size, len(pool)), 0.6)))  # fmt: skip

    conference(f"HN-{year}-HN-11", f"Hội nghị triển khai Chương trình OCOP năm {year} các xã vùng Ba Vì", "Ba Vì",
               on(3, 3, 1), ["271"], 70)  # fmt: skip
    conference(f"HN-{year}-HN-12", f"Hội nghị triển khai Chương trình OCOP năm {year} các xã vùng Mỹ Đức, Ứng Hòa",
               "Mỹ Đức", on(3, 12, 3), ["282", "281"], 80)  # fmt: skip
    plans.append(Plan(f"HN-{year}-BCD-11", Kind.CLASS, "steering",
                      f"Bồi dưỡng nghiệp vụ cho Hội đồng đánh giá, phân hạng sản phẩm OCOP và Tổ tư vấn giúp việc "
                      f"năm {year}", by_name["Hà Đông"], _hall(by_name["Hà Đông"]), on(4, 7, 1), 2, capacity=40,
                      people=rng.sample(city, 34)))  # fmt: skip
    went = set(plans[0].people) | set(plans[1].people)
    officers_title = "Tập huấn triển khai Chương trình OCOP cho cán bộ cấp xã sau sắp xếp, cụm {}"
    producers_title = "Tập huấn quản trị kinh doanh cho HTX, hộ sản xuất và trang trại xã {}"
    course_class(f"HN-{year}-CB-11", "officers", officers_title.format("phía Bắc"), "Đông Anh", on(5, 12, 1),
                 ["016", "017", "250"], 40)  # fmt: skip
    course_class(f"HN-{year}-CB-12", "officers", officers_title.format("phía Tây"), "Quốc Oai", on(6, 9, 1),
                 ["273", "274", "275", "276"], 40)  # fmt: skip
    course_class(f"HN-{year}-SX-11", "producers", producers_title.format("Phú Nghĩa"), "Phú Nghĩa", on(7, 6, 0),
                 ["277"], 35)  # fmt: skip
    course_class(f"HN-{year}-SX-12", "producers", producers_title.format("Sơn Đồng"), "Sơn Đồng", on(8, 17, 0),
                 ["274"], 35)  # fmt: skip
    course_class(f"HN-{year}-SX-13", "producers", producers_title.format("Ứng Hòa"), "Ứng Hòa", on(9, 14, 0),
                 ["281"], 35, preferred=went)  # fmt: skip
    makers = [n for plan in plans[-3:] for n in plan.people]
    staff = [n for plan in plans if plan.track == "officers" for n in plan.people]
    plans.append(Plan(f"HN-{year}-TQ-11", Kind.STUDY_TOUR, "producers",
                      "Tham quan học tập kinh nghiệm OCOP tại Ninh Bình", by_name["Thạch Thất"], "Ninh Bình",
                      on(10, 14, 2), 3, afternoon=False, capacity=25,
                      people=rng.sample(makers, 17) + rng.sample(staff, 3)))  # fmt: skip
    course_class(f"HN-{year}-CB-13", "officers", officers_title.format("phía Nam"), "Thường Tín", on(12, 1, 1),
                 ["278", "279", "280", "281"], 38, preferred=went)  # fmt: skip
    course_class(f"HN-{year}-SX-14", "producers", producers_title.format("Sóc Sơn"), "Sóc Sơn", on(12, 7, 0),
                 ["016"], 38)  # fmt: skip
    for plan in plans:  # nothing runs across today: what has begun has ended, or waits until tomorrow
        if plan.starts_on <= today <= plan.ends_on:
            plan.starts_on = _next_weekday(today + DAY, 0) if (today + DAY).weekday() >= 5 else today + DAY
    return cast, plans


# --------------------------------------------------------------------------- writing it down


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
        certificates_issue_offering(offering=offering, by=by, notify=False, draw=False, issued_on=offering.ends_on)
    return [pk for pk, profile in profiles.items() if any(mark in AttendanceRecord.ATTENDED for mark in profile)]


def _program_write(cast: Cast, plans: list[Plan], *, today, organizer=None, method=Method.IMPORT) -> None:
    """Create the offerings of `plans` not there yet, with their people and enrollments; hold those
    already over (and those left open by an earlier build whose days have passed since)."""
    courses = {track: CoursePage.objects.filter(code=data["code"]).first() for track, data in IN_PERSON_COURSES.items()}
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
