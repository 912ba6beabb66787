"""Plausible fictional people for the demo program and the load generator.

Deterministic for a given `random.Random`: the same seed gives the same people.
Family names follow their rough frequency in Vietnam; middle and given names
follow the gender. Phone numbers come from a block the tests never use
(``0368 xxx xxx`` and up), so demo and synthetic people never collide with
people that tests or rosters create.
"""

import random
from dataclasses import dataclass

# (family name, weight): Nguyễn alone is about a third of the population.
FAMILY = [
    ("Nguyễn", 31), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Hoàng", 5), ("Vũ", 4), ("Phan", 4), ("Đặng", 2),
    ("Bùi", 2), ("Đỗ", 2), ("Hồ", 1), ("Ngô", 1), ("Dương", 1), ("Lý", 1), ("Đinh", 1), ("Tạ", 1), ("Trịnh", 1),
    ("Đào", 1), ("Cao", 1), ("Lương", 1), ("Khuất", 1), ("Kiều", 1),
]  # fmt: skip
MIDDLE = {
    "male": ["Văn", "Đức", "Quang", "Minh", "Hữu", "Đình", "Xuân", "Thanh", "Công", "Mạnh", "Quốc", "Tiến", "Ngọc"],
    "female": ["Thị", "Thị Thu", "Thị Ngọc", "Thị Hồng", "Thu", "Thanh", "Thị Minh", "Thị Lan", "Ngọc", "Hồng"],
}
GIVEN = {
    "male": [
        "Đức", "Hùng", "Dũng", "Tuấn", "Thắng", "Long", "Nam", "Hải", "Sơn", "Đạt", "Bảo", "Khôi", "Lâm", "Trung",
        "Phúc", "Quyết", "Tường", "Hiếu", "Toàn", "Cường", "Vượng", "Ất", "Đông", "Nghĩa", "Thịnh", "Kiên",
    ],
    "female": [
        "Hương", "Lan", "Hà", "Hằng", "Nga", "Thảo", "Trang", "Huyền", "Yến", "Loan", "Dung", "Tuyết", "Ánh",
        "Đào", "Nhung", "Oanh", "Phượng", "Liên", "Vân", "Thuỷ", "Hạnh", "Mận", "Lụa", "Diệp", "Ngân", "Quyên",
    ],
}  # fmt: skip
_FAMILY_NAMES = [name for name, _weight in FAMILY]
_FAMILY_WEIGHTS = [weight for _name, weight in FAMILY]
PHONE_PREFIXES = ["0368", "0369", "0378", "0379", "0388", "0389", "0398", "0399"]  # 8 × 1,000,000 numbers


@dataclass(frozen=True)
class Person:
    full_name: str
    gender: str  # "male" / "female", as Participant.Gender
    birth_year: int
    phone: str


def full_name(rng: random.Random, gender: str) -> str:
    family = rng.choices(_FAMILY_NAMES, _FAMILY_WEIGHTS)[0]
    return f"{family} {rng.choice(MIDDLE[gender])} {rng.choice(GIVEN[gender])}"


def phone(number: int) -> str:
    """The `number`-th phone of the reserved block (0 ≤ number < 8,000,000). Numbers are spread over each
    prefix's million (times 7,919, a bijection) so that neighbours differ in more than one digit: a roster
    asks whether two namesakes whose phones are one digit apart are the same person."""
    prefix, rest = divmod(number, 1_000_000)
    return f"{PHONE_PREFIXES[prefix]}{rest * 7919 % 1_000_000:06d}"


def person(rng: random.Random, number: int, *, born=(1960, 1998), female_share=0.5) -> Person:
    """A fictional person; `number` picks a phone of the reserved block, so distinct numbers never collide."""
    gender = "female" if rng.random() < female_share else "male"
    return Person(full_name(rng, gender), gender, rng.randint(*born), phone(number))
