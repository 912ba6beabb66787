"""Realistic roster files for the benchmark: what communes and cooperatives actually send.

`roster_rows(count)` gives the same rows two ways: as an organizer's XLSX (a title block,
Vietnamese headers, 12 columns, phones that lost their zero, dates as text or as Excel dates,
addresses split into hamlet and commune) and as clean model values for the baselines. Of the
rows, 5 % repeat a person met earlier in the file (typed differently), 10 % are people already in
the database (`existing_people`), 2 % are invalid (a phone with too few digits).
"""

import json
import random
from dataclasses import dataclass
from datetime import date

from openpyxl import Workbook

from enrollment.models import Participant
from enrollment.units import HANOI_UNITS
from lms.text import fold, name_sort_key

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý", "Đinh", "Tạ"]
MIDDLE = ["Thị", "Văn", "Đức", "Thị Thu", "Quang", "Thị Ngọc", "Minh", "Hữu", "Thị Hồng", "Xuân", "Thanh", "Đình"]
GIVEN = ["Đào", "Đức", "Tuyết", "Bảo", "Lan Anh", "Khôi", "Hà", "Ất", "Ánh", "Đạt", "Hương", "Thắng", "Lâm",
         "Yến", "Tài", "Hoa", "Tâm", "Hùng", "Mai", "Ngọc", "Trang", "Dũng", "Phương", "Thảo", "Sơn", "Hạnh",
         "Cường"]  # fmt: skip
POSITIONS = ["Giám đốc HTX", "Chủ hộ kinh doanh", "Kế toán", "Thành viên HTX", "Cán bộ nông nghiệp xã",
             "Chủ trang trại"]  # fmt: skip
ORG_KINDS = ["HTX Nông nghiệp", "HTX Dịch vụ", "Công ty TNHH", "Hộ kinh doanh", "Trang trại", "HTX Gốm sứ"]
HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số điện thoại", "Số CCCD", "Email", "Chức vụ",
          "Đơn vị công tác", "Thôn/Xóm", "Xã/Phường", "Ghi chú"]  # fmt: skip
TITLE = [
    ["SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG HÀ NỘI", "", "", "", "", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["VĂN PHÒNG ĐIỀU PHỐI NÔNG THÔN MỚI", "", "", "", "", "", "Độc lập - Tự do - Hạnh phúc"],
    [],
    ["DANH SÁCH HỌC VIÊN THAM GIA LỚP TẬP HUẤN CHƯƠNG TRÌNH OCOP NĂM 2026"],
    [],
]
# The plain layout the baselines read: model field names, clean values, one header row.
PLAIN_FIELDS = ["full_name", "birth_date", "gender", "phone", "national_id", "email", "position"]


@dataclass
class Person:
    full_name: str
    birth_date: date
    gender: str
    phone: str
    national_id: str
    email: str
    position: str
    organization: str
    hamlet: str
    commune: str


def _communes():
    data = json.loads(HANOI_UNITS.read_text(encoding="utf-8"))
    return [row["name"] for row in data["pre_2025"]["communes"][::7] + data["current"]["communes"]]


def _person(index: int, rng: random.Random, communes) -> Person:
    given = rng.choice(GIVEN)
    female = given in {"Đào", "Tuyết", "Lan Anh", "Hà", "Ánh", "Hương", "Yến", "Hoa", "Mai", "Ngọc", "Trang", "Thảo"}
    middle = rng.choice([m for m in MIDDLE if ("Thị" in m) == female] or MIDDLE)
    full_name = f"{rng.choice(FAMILY)} {middle} {given}"
    commune = rng.choice(communes)
    return Person(
        full_name=full_name,
        birth_date=date(1955 + rng.randrange(45), 1 + rng.randrange(12), 1 + rng.randrange(28)),
        gender="female" if female else "male",
        phone=f"09{index:08d}",
        national_id=f"001{rng.randrange(2)}{index:08d}",
        email=f"hv{index}@ocop.vn" if rng.random() < 0.3 else "",
        position=rng.choice(POSITIONS),
        organization=f"{rng.choice(ORG_KINDS)} {commune} {index % 150}",
        hamlet=f"Thôn {rng.randrange(1, 12)}",
        commune=commune,
    )


def roster_rows(count: int, seed: int = 2026):
    """(people as they appear row by row, indexes of the invalid rows, people already in the database)."""
    rng = random.Random(seed)
    communes = _communes()
    rows, invalid, existing, fresh = [], set(), [], 0
    for position in range(count):
        draw = rng.random()
        if draw < 0.05 and rows:
            rows.append(rows[rng.randrange(len(rows))])  # the same person again
            continue
        person = _person(1_000_000 + fresh, rng, communes)
        fresh += 1
        if draw < 0.07:
            invalid.add(position)
            person.phone = f"{rng.randrange(10000, 99999)}"
        elif draw < 0.17:
            existing.append(person)
        rows.append(person)
    return rows, invalid, existing


def existing_people(people) -> list[Participant]:
    return [
        Participant(
            full_name=p.full_name,
            name_key=fold(p.full_name),
            sort_key=name_sort_key(p.full_name),
            birth_date=p.birth_date,
            birth_year=p.birth_date.year,
            gender=p.gender,
            phone=p.phone,
            national_id=p.national_id,
            email=p.email,
            category=Participant.Category.COOPERATIVE,
        )  # fmt: skip
        for p in people
    ]


def _as_typed(person: Person, number: int, rng: random.Random) -> list:
    """The row as a commune officer types it: every habit the reader has to undo."""
    phone = person.phone
    style = rng.random()
    if len(phone) == 10 and style < 0.4:
        phone = int(phone)  # Excel ate the zero
    elif len(phone) == 10 and style < 0.6:
        phone = f"{phone[:4]} {phone[4:7]} {phone[7:]}"
    born = person.birth_date
    birth = born if style < 0.5 else born.strftime("%d/%m/%Y") if style < 0.9 else born.year
    gender = "Nữ" if person.gender == "female" else "Nam"
    national_id = int(person.national_id) if style < 0.5 else person.national_id
    return [number, person.full_name, birth, gender, phone, national_id, person.email, person.position,
            person.organization, person.hamlet, person.commune, ""]  # fmt: skip


def write_organizer_xlsx(path, people) -> None:
    rng = random.Random(7)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Danh sách")
    for row in [*TITLE, HEADER]:
        sheet.append(row)
    for number, person in enumerate(people, start=1):
        sheet.append(_as_typed(person, number, rng))
    sheet.append([])
    sheet.append(["", "Tổng cộng: " + str(len(people)) + " học viên"])
    sheet.append(["", "", "", "", "", "", "", "Người lập biểu"])
    workbook.save(path)


def write_plain_xlsx(path, people) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("participants")
    sheet.append(["id", *PLAIN_FIELDS])
    for person in people:
        sheet.append(["", *(getattr(person, name) for name in PLAIN_FIELDS)])
    workbook.save(path)
