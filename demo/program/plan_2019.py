"""Hanoi's 2019 program as the city reported it, planned over the pre-2025 units."""

import datetime

from enrollment.models import AdministrativeUnit, Offering

from .cast import CITY_2019, PRODUCT_LINES, URBAN_CORE, URBAN_LINES, Cast, Category, OrgKind, sample
from .plan import Plan, hall, spread_starts, workdays

Kind = Offering.Kind
PRE_2025 = AdministrativeUnit.Scheme.PRE_2025

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
    hanoi_dates = workdays(datetime.date(2019, 3, 18), datetime.date(2019, 6, 28), HOLIDAYS_2019)

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
        chosen = sample(rng, officers[code], producers[code], size, 0.45)
        attended[code] = set(chosen)
        conferences.append(Plan("", Kind.CONFERENCE, "",
                                f"Hội nghị triển khai Chương trình OCOP {district.type} {district.name} năm 2019",
                                district, hall(district), starts_on, 1, afternoon=rng.random() < 0.2,
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
        starts = spread_starts(len(codes), *window, length, HOLIDAYS_2019)
        order = list(codes)
        rng.shuffle(order)
        classes = []
        for code, starts_on in zip(order, starts, strict=True):
            district = districts[code]
            pool = officers[code] if track == "officers" else producers[code]
            came = [n for n in pool if n in attended.get(code, ())]
            chosen = sample(rng, came, pool, min(len(pool), rng.randint(30, 42)), 0.7 if track == "officers" else 0.5)
            class_attendees[track] += chosen
            where = f"{district.type} {district.name}"
            if track == "officers":
                title = f"Tập huấn nghiệp vụ triển khai Chương trình OCOP cho cán bộ cấp huyện, cấp xã {where}"
                venue = f"Trung tâm Bồi dưỡng chính trị {where}"
            else:
                title = f"Tập huấn quản trị kinh doanh cho HTX, hộ sản xuất và trang trại {where}"
                venue = hall(district)
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
            chosen = sample(rng, officers_classes, producers_classes, size, 0.75)
        else:
            chosen = sample(rng, keen, producers_classes, size - 4, 0.8) + rng.sample(officers_classes, 4)
        if destination == "Thái Lan":
            chosen += [n for n in rng.sample(city[Category.STEERING], 2) if n not in chosen]
        keen = [n for n in keen if n not in chosen]
        plans.append(Plan(f"HN-2019-TQ-{number:02d}", Kind.STUDY_TOUR, track,
                          f"Tham quan học tập kinh nghiệm OCOP tại {destination}", province, destination,
                          starts_on, 3, afternoon=False, capacity=25, people=chosen))  # fmt: skip
    return cast, plans
