"""This year's program: about ten offerings of the calendar year in the current communes."""

import datetime
from collections import Counter

from enrollment.models import AdministrativeUnit, Offering, UnitMapping

from .cast import CITY_2019, PRODUCT_LINES, RENAMED_2025, URBAN_CORE, URBAN_LINES, Cast, Category, OrgKind, sample
from .plan import DAY, Plan, hall, next_weekday

Kind = Offering.Kind
CURRENT = AdministrativeUnit.Scheme.CURRENT

# This year's codes: none ends in -01, which demo.offerings schedules for its own offerings.
CODES_CURRENT = [
    "HN-{year}-HN-11", "HN-{year}-HN-12", "HN-{year}-BCD-11", "HN-{year}-CB-11", "HN-{year}-CB-12",
    "HN-{year}-SX-11", "HN-{year}-SX-12", "HN-{year}-SX-13", "HN-{year}-TQ-11", "HN-{year}-CB-13", "HN-{year}-SX-14",
]  # fmt: skip


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
        return next_weekday(datetime.date(year, month, date_), weekday)

    plans = []

    def conference(code, title, host, starts_on, districts, size):
        staff, makers = catchment(*districts)
        plans.append(Plan(code, Kind.CONFERENCE, "", title, by_name[host], hall(by_name[host]), starts_on, 1,
                          afternoon=False, capacity=120, people=sample(rng, staff, makers, size, 0.35)))  # fmt: skip

    def course_class(code, track, title, host, starts_on, districts, size, preferred=()):
        staff, makers = catchment(*districts)
        pool = staff if track == "officers" else makers
        came = [n for n in pool if n in set(preferred)]
        plans.append(Plan(code, Kind.CLASS, track, title, by_name[host], hall(by_name[host]), starts_on,
                          2 if track == "officers" else 3, capacity=45,
                          people=sample(rng, came, pool, min(size, len(pool)), 0.6)))  # fmt: skip

    conference(f"HN-{year}-HN-11", f"Hội nghị triển khai Chương trình OCOP năm {year} các xã vùng Ba Vì", "Ba Vì",
               on(3, 3, 1), ["271"], 70)  # fmt: skip
    conference(f"HN-{year}-HN-12", f"Hội nghị triển khai Chương trình OCOP năm {year} các xã vùng Mỹ Đức, Ứng Hòa",
               "Mỹ Đức", on(3, 12, 3), ["282", "281"], 80)  # fmt: skip
    plans.append(Plan(f"HN-{year}-BCD-11", Kind.CLASS, "steering",
                      f"Bồi dưỡng nghiệp vụ cho Hội đồng đánh giá, phân hạng sản phẩm OCOP và Tổ tư vấn giúp việc "
                      f"năm {year}", by_name["Hà Đông"], hall(by_name["Hà Đông"]), on(4, 7, 1), 2, capacity=40,
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
            plan.starts_on = next_weekday(today + DAY, 0) if (today + DAY).weekday() >= 5 else today + DAY
    return cast, plans
