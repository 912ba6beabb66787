"""Values a request carries, read one way everywhere: a number, an id, a date, a line of text.

A sender may put anything in a field: "²" and "١٢" (str.isdigit() says yes, int() may not), a
5,000-digit number, an id beyond the database's integers, the year 9999, a newline in a title that
ends up in an email subject. Each reader here answers None (or raises the form's error) instead.
"""

import datetime

from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

MAX_ID = 2**63 - 1  # BigAutoField
# Dates of training records: nothing before the program's first records, nothing past this century.
EARLIEST_DATE = datetime.date(2000, 1, 1)
LATEST_DATE = datetime.date(2099, 12, 31)


def parse_int(value, *, minimum: int = 0, maximum: int = MAX_ID) -> int | None:
    """The whole number written in ASCII digits 0-9, within [minimum, maximum]; None for anything else."""
    text = value.strip() if isinstance(value, str) else str(value) if isinstance(value, int) else ""
    if not text or not (text.isascii() and text.isdigit()) or len(text) > len(str(maximum)):
        return None
    number = int(text)
    return number if minimum <= number <= maximum else None


def parse_id(value) -> int | None:
    """A database id (1 and up), or None."""
    return parse_int(value, minimum=1)


def bounded(maximum: int, minimum: int = 0) -> list:
    """Validators for a number a form takes: the same bounds on SQLite and PostgreSQL (SQLite would store
    a 99,999-minute grace time that PostgreSQL's small integer refuses with an error page)."""
    return [MinValueValidator(minimum), MaxValueValidator(maximum)]


DATE_RANGE_MESSAGE = _("Enter a date between 01/01/2000 and 31/12/2099.")
sane_date_validators = [
    MinValueValidator(EARLIEST_DATE, DATE_RANGE_MESSAGE),
    MaxValueValidator(LATEST_DATE, DATE_RANGE_MESSAGE),
]


def single_line(text: str, limit: int = 200) -> str:
    """Text that goes into a header (an email subject, a file name): one line, no control characters."""
    cleaned = "".join(" " if not character.isprintable() else character for character in str(text))
    return " ".join(cleaned.split())[:limit]
