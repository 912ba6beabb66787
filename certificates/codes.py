"""Verification codes and serial numbers.

A verification code is 20 symbols of Crockford's base32 (no I, L, O or U), 100 random bits,
written in groups of four for reading aloud: "7KQ2-M9XD-4TRP-WB3H-C8NF". What a person types
is forgiven: any case, spaces or dashes, and O for 0, I or L for 1, U for V.
"""

import re
import secrets

from django.conf import settings

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH, GROUP = 20, 4
_LOOK_ALIKES = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


def code_new() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return "-".join(raw[index : index + GROUP] for index in range(0, LENGTH, GROUP))


def code_normalize(text: str) -> str | None:
    """The stored form of a typed code, or None when it cannot be one."""
    raw = re.sub(r"[\s\-_.]", "", (text or "").upper()).translate(_LOOK_ALIKES)
    if len(raw) != LENGTH or any(char not in ALPHABET for char in raw):
        return None
    return "-".join(raw[index : index + GROUP] for index in range(0, LENGTH, GROUP))


def serial_format(*, prefix: str, year: int, number: int) -> str:
    """settings.CERTIFICATE_SERIAL_FORMAT, e.g. "{prefix}-{year}-{number:06d}" -> HN-2019-000123."""
    return settings.CERTIFICATE_SERIAL_FORMAT.format(prefix=prefix, year=year, number=number)


def unit_prefix(unit) -> str:
    """The issuing unit's short name in serials: settings.CERTIFICATE_UNIT_PREFIXES by unit code
    (Hà Nội, "01", is "HN"), else the unit's code."""
    return settings.CERTIFICATE_UNIT_PREFIXES.get(unit.code, unit.code)
