"""Reading one roster cell: dates and years of birth in every form Excel and people write them,
genders, emails. Each parser returns the value or raises InvalidValueError with a message for people."""

import re
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from lms.spreadsheets import cell_text
from lms.text import InvalidValueError, clean_text, fold, normalize_email

MIN_BIRTH_YEAR = 1950  # for a bare year ("1978"); full dates are accepted from 1900
MARKS = {"x", "v", "1", "co", "yes", "✓", "√", "+", "*"}  # "this one" in a "Nam" or "Nữ" column

_DMY = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")
_YMD = re.compile(r"(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")
_MY = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{4})")
_EXCEL_EPOCH = date(1899, 12, 30)
_MALE = {"nam", "male", "m", "trai"}
_FEMALE = {"nu", "female", "f", "gai"}


def _invalid_birth_date(shown) -> InvalidValueError:
    return InvalidValueError(_("Invalid date of birth: “%(value)s”") % {"value": shown})


def _birth_year(year: int, shown) -> int:
    today = date.today()
    if not MIN_BIRTH_YEAR <= year <= today.year:
        raise InvalidValueError(
            _("Invalid year of birth: “%(value)s” (it must be from %(first)s to %(last)s)")
            % {"value": shown, "first": MIN_BIRTH_YEAR, "last": today.year}
        )
    return year


def _birth_date(day: int, month: int, year: int, shown) -> date:
    try:
        born = date(year, month, day)
    except ValueError:
        raise InvalidValueError(_("This date of birth does not exist: “%(value)s”") % {"value": shown}) from None
    if born > date.today() or born.year < 1900:
        raise _invalid_birth_date(shown)
    return born


def parse_birth(value) -> tuple[date | None, int | None]:
    """(birth date, birth year) from an Excel date, a date string (dd/mm/yyyy, d/m/yy, d-m-yyyy,
    d.m.yyyy, yyyy-mm-dd), mm/yyyy or a bare four-digit year. Raises InvalidValueError."""
    if value is None or (isinstance(value, str) and not clean_text(value)):
        return None, None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        born = _birth_date(value.day, value.month, value.year, value.strftime("%d/%m/%Y"))
        return born, born.year
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer():
            number = int(value)
            if 1000 <= number <= 9999:
                return None, _birth_year(number, number)
            if 10000 <= number <= 80000:  # a date serial number that Excel did not format as a date
                born = _EXCEL_EPOCH + timedelta(days=number)
                return _birth_date(born.day, born.month, born.year, number), born.year
        raise _invalid_birth_date(cell_text(value))
    text = clean_text(value)
    if match := _DMY.fullmatch(text):
        day, month, year = (int(part) for part in match.groups())
        if len(match.group(3)) == 2:
            year += 2000 if 2000 + year <= date.today().year else 1900
        born = _birth_date(day, month, year, text)
        return born, born.year
    if match := _YMD.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
        born = _birth_date(day, month, year, text)
        return born, born.year
    if match := _MY.fullmatch(text):
        if not 1 <= int(match.group(1)) <= 12:
            raise _invalid_birth_date(text)
        return None, _birth_year(int(match.group(2)), text)
    if re.fullmatch(r"\d{4}", text):
        return None, _birth_year(int(text), text)
    if re.fullmatch(r"\d{2}", text):
        raise InvalidValueError(_("Write the year of birth with all 4 digits: “%(value)s”") % {"value": text})
    raise InvalidValueError(
        _("Invalid date of birth: “%(value)s” (write it as day/month/year, for example 05/03/1978)") % {"value": text}
    )


def parse_gender(value) -> str:
    """The gender a cell names: "male", "female", or "" for an empty cell."""
    folded = fold(cell_text(value)).strip(" .")
    if not folded:
        return ""
    if folded in _MALE:
        return "male"
    if folded in _FEMALE:
        return "female"
    raise InvalidValueError(_("Unclear gender: “%(value)s” (write Nam or Nữ)") % {"value": cell_text(value)})


def parse_email(value) -> str:
    email = normalize_email(cell_text(value))
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise InvalidValueError(_("Invalid email: “%(value)s”") % {"value": cell_text(value)}) from None
    return email
