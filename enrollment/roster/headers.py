"""The headers a roster's columns go by: Vietnamese (with or without diacritics, with notes such as
"(dd/mm/yyyy)" or "(*)") and English, each mapped to one canonical key."""

import re
from dataclasses import dataclass

from lms.text import clean_text, fold

_ALIASES = {
    "stt": ["STT", "TT", "No.", "Số TT", "Số thứ tự"],
    "full_name": ["Họ và tên", "Họ tên", "Họ và tên học viên", "Họ tên học viên", "Tên học viên", "Full name", "Name"],
    "family_name": ["Họ", "Họ và tên đệm", "Họ đệm", "Họ và đệm", "Họ lót"],
    "given_name": ["Tên"],
    "birth_date": ["Ngày sinh", "Ngày tháng năm sinh", "Ngày, tháng, năm sinh", "Date of birth", "Birth date", "DOB"],
    "birth_year": ["Năm sinh", "Year of birth"],
    "gender": ["Giới tính", "Gender", "Sex"],
    "male": ["Nam", "Male"],
    "female": ["Nữ", "Female"],
    "phone": ["Số điện thoại", "SĐT", "Số ĐT", "Điện thoại", "ĐT", "Điện thoại liên hệ", "Phone", "Phone number"],
    "national_id": [
        "Số CCCD",
        "CCCD",
        "CMND",
        "Số CMND",
        "CCCD/CMND",
        "CMND/CCCD",
        "Số CCCD/CMND",
        "Số CMND/CCCD",
        "Số định danh",
        "Số định danh cá nhân",
        "National ID",
    ],  # fmt: skip
    "email": ["Email", "E-mail", "Thư điện tử", "Địa chỉ email"],
    "position": ["Chức vụ", "Position"],
    "organization": [
        "Đơn vị công tác",
        "Đơn vị",
        "Tên HTX",
        "Tên hợp tác xã",
        "Tổ chức",
        "Cơ quan",
        "Cơ quan/Đơn vị",
        "Nơi công tác",
        "Organization",
    ],  # fmt: skip
    "address": ["Địa chỉ", "Address"],
    "address_hamlet": ["Thôn", "Xóm", "Ấp", "Thôn/Xóm", "Thôn/Tổ"],
    "address_commune": ["Xã", "Phường", "Xã/Phường", "Thị trấn", "Xã/Phường/Thị trấn"],
    "address_district": ["Huyện", "Quận", "Quận/Huyện", "Huyện/Quận", "Thị xã"],
    "address_province": ["Tỉnh", "Tỉnh/Thành phố", "Tỉnh/TP"],
    "note": ["Ghi chú", "Note", "Notes"],
}
ADDRESS_PARTS = ("address_hamlet", "address_commune", "address_district", "address_province")  # most specific first
NAME_KEYS = frozenset({"full_name", "family_name", "given_name"})

_PARENTHESES = re.compile(r"\s*\([^)]*\)\s*")
_AROUND_SLASH = re.compile(r"\s*/\s*")


def _header_form(text) -> str:
    """Folded header text: "Số CCCD / CMND (*):" -> "so cccd/cmnd"."""
    folded = _AROUND_SLASH.sub("/", fold(text))
    return folded.replace("(*)", "").strip(" .:*")


_HEADERS = {_header_form(alias): key for key, aliases in _ALIASES.items() for alias in aliases}


def header_key(text) -> str | None:
    """The canonical key of a header cell, or None when it is not a header we know."""
    form = _header_form(text)
    if not form:
        return None
    if form in _HEADERS:
        return _HEADERS[form]
    return _HEADERS.get(_header_form(_PARENTHESES.sub(" ", form)))  # "Ngày sinh (dd/mm/yyyy)"


def recognised(cells) -> list[tuple[int, str]]:
    """(column index, key) of every cell that is a header we know."""
    return [(index, key) for index, value in enumerate(cells) if (key := header_key(value))]


def is_header_row(cells) -> bool:
    """Two known headers or more, one of them a name."""
    found = recognised(cells)
    return len(found) >= 2 and any(key in NAME_KEYS for _, key in found)


@dataclass
class Column:
    index: int
    key: str | None
    text: str  # header text as in the file


def header_columns(header: list, sub: list | None) -> list[Column]:
    """The table's columns from its header row and, for a two-row header, the row below it."""
    width = max(len(header), len(sub or []))
    columns, taken = [], set()
    for index in range(width):
        parent = clean_text(header[index]) if index < len(header) else ""
        child = clean_text(sub[index]) if sub and index < len(sub) else ""
        text = child or parent
        key = header_key(text) if text else None
        if key in taken:
            key = None  # a second "Ghi chú" is not read
        if key:
            taken.add(key)
        columns.append(Column(index, key, text))
    return columns
