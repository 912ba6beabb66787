"""Rosters out: an offering's enrollments or a list of people, as XLSX or CSV.

The columns are the ones the importer reads, with Vietnamese headers, so an
export imported again changes nothing. Cells a spreadsheet would run as a
formula are escaped with a leading apostrophe.
"""

import tablib

from lms.spreadsheets import FORMULA_STARTS

HEADERS = [
    "STT", "Họ và tên", "Ngày sinh", "Năm sinh", "Giới tính", "Số điện thoại", "Số CCCD", "Email", "Chức vụ",
    "Đơn vị công tác", "Địa chỉ", "Trạng thái", "Ghi chú",
]  # fmt: skip
GENDERS = {"male": "Nam", "female": "Nữ"}


def safe_cell(value):
    """Escape text that Excel or LibreOffice would evaluate (formula injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _row(number, person, status=""):
    unit = f"{person.unit.get_type_display()} {person.unit.name}" if person.unit_id else ""
    return [
        number,
        person.full_name,
        person.birth_date.strftime("%d/%m/%Y") if person.birth_date else "",
        person.birth_year or "",
        GENDERS.get(person.gender, ""),
        person.phone,
        person.national_id,
        person.email,
        person.position,
        person.organization.name if person.organization_id else "",
        unit,
        status,
        "",
    ]


def roster_dataset(people_with_status) -> tablib.Dataset:
    """people_with_status: iterable of (participant, status label)."""
    dataset = tablib.Dataset(headers=HEADERS, title="Danh sách")
    for number, (person, status) in enumerate(people_with_status, start=1):
        dataset.append([safe_cell(value) for value in _row(number, person, status)])
    return dataset


def offering_dataset(offering) -> tablib.Dataset:
    enrollments = (
        offering.enrollments.exclude(status="cancelled")
        .select_related("participant__unit", "participant__organization")
        .order_by("participant__sort_key")
    )
    return roster_dataset((e.participant, e.get_status_display()) for e in enrollments)


def export_bytes(dataset: tablib.Dataset, fmt: str) -> bytes:
    if fmt == "csv":
        return ("\ufeff" + dataset.export("csv")).encode("utf-8")  # BOM: Excel opens UTF-8 correctly
    return dataset.export("xlsx")
