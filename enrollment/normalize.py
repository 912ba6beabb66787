"""Normalisation of text that people type or that comes from Excel.

Every cell and form value goes through here before it is stored or compared.
"""

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def clean_text(value) -> str:
    """NFC, no zero-width characters, single spaces, trimmed."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value)).translate(_INVISIBLE)
    return _SPACES.sub(" ", text).strip()


def split_full_name(full_name: str) -> tuple[str, str]:
    """Split a Vietnamese full name into (family and middle names, given name).

    The given name (tên) is the last word: "Nguyễn Thị Hồng Đào" gives
    ("Nguyễn Thị Hồng", "Đào").
    """
    words = clean_text(full_name).split(" ")
    if len(words) == 1:
        return "", words[0]
    return " ".join(words[:-1]), words[-1]


def fold(value) -> str:
    """Text for comparing and searching without diacritics: lower case, no
    tone marks, đ as d. "Hợp tác xã Đồng Tâm" -> "hop tac xa dong tam".

    đ/Đ have no Unicode decomposition, so they are mapped explicitly.
    """
    text = clean_text(value).replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()
