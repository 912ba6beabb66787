"""The people of a demo year and their organizations: who they are, where they work, what they make."""

import random
from dataclasses import dataclass

from enrollment.models import Organization, Participant
from enrollment.synthetic import person as synthetic_person

Category, OrgKind = Participant.Category, Organization.Kind

URBAN_CORE = ["001", "002", "005", "006", "007", "009"]  # where the city's departments sit

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


def sample(rng, first, rest, size, preferred_share) -> list[int]:
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
