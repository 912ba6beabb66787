"""Normalisation of text that people type or that comes from Excel.

Every cell and form value goes through here before it is stored or compared.
"""

import re
import unicodedata

from django.utils.translation import gettext as _

_SPACES = re.compile(r"\s+")
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def clean_text(value) -> str:
    """NFC, no zero-width characters, single spaces, trimmed."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value)).translate(_INVISIBLE)
    return _SPACES.sub(" ", text).strip()


_WORD_START = re.compile(r"(?<![^\s'’\-])\w")  # a letter at the start of a word, or after ' or - (H'Hen)


def name_proper_case(full_name) -> str:
    """A person's name in its proper form, NFC: a name typed all in capitals or all in lower case gets a
    capital at the start of each word ("LÊ VĂN TUẤN", "phạm thị hoa" -> "Lê Văn Tuấn", "Phạm Thị Hoa";
    "ĐỖ ĐỨC" -> "Đỗ Đức"; "H'HEN NIÊ" -> "H'Hen Niê"); a name already in mixed case is kept exactly as
    written ("Nguyễn thị Minh Khai" stays), since whoever typed it chose its capitals."""
    text = clean_text(full_name)
    if text != text.upper() and text != text.lower():
        return text  # mixed case: as written
    return _WORD_START.sub(lambda letter: letter.group().upper(), text.lower())


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


# "Hòa" and "Hoà", "Thủy" and "Thuỷ": the same name in the older and the newer place of the tone mark
# (a syllable ending in oa, oe or uy). Keys put the mark on the last vowel, as people write it either way.
_TONE_PLACES = {
    unicodedata.normalize("NFC", first + tone) + second: first + unicodedata.normalize("NFC", second + tone)
    for first, second in (("o", "a"), ("o", "e"), ("u", "y"))
    for tone in _TONE_MARKS
}
_OLD_TONE_PLACE = re.compile("(" + "|".join(_TONE_PLACES) + r")(?!\w)")


def name_match_key(full_name) -> str:
    """A name as people are told apart by it: lower case, tone marks kept ("Lê Văn Cường" and "Lê Văn
    Cương" are two given names), the tone's place in oa/oe/uy made one ("Hòa" = "Hoà")."""
    text = clean_text(full_name).lower()
    return _OLD_TONE_PLACE.sub(lambda match: _TONE_PLACES[match.group()], text)


def within_one_edit(first: str, second: str) -> bool:
    """At most one letter inserted, deleted or changed between the two."""
    if first == second:
        return True
    if abs(len(first) - len(second)) > 1:
        return False
    if len(first) > len(second):
        first, second = second, first
    start = 0
    while start < len(first) and first[start] == second[start]:
        start += 1
    if len(first) == len(second):
        return first[start + 1 :] == second[start + 1 :]
    return first[start:] == second[start + 1 :]


def one_digit_off(first: str, second: str) -> bool:
    """Two numbers of the same length that differ in exactly one digit (a phone or ID typed wrong)."""
    return len(first) == len(second) and sum(a != b for a, b in zip(first, second, strict=True)) == 1


class InvalidValueError(ValueError):
    """A value that cannot be normalised; the message is for people (Vietnamese)."""


_DIGITS = re.compile(r"\D+")

# Pre-2018 11-digit mobile prefixes and the 10-digit prefixes that replaced them (2018 renumbering).
OLD_MOBILE_PREFIXES = {
    "0162": "032", "0163": "033", "0164": "034", "0165": "035", "0166": "036", "0167": "037", "0168": "038",
    "0169": "039", "0120": "070", "0121": "079", "0122": "077", "0126": "076", "0128": "078", "0123": "083",
    "0124": "084", "0125": "085", "0127": "081", "0129": "082", "0186": "056", "0188": "058", "0199": "059",
}  # fmt: skip
MOBILE_PREFIXES = ("03", "05", "07", "08", "09")


def _digits_of(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # Excel turned the number into a float
    return _DIGITS.sub("", clean_text(value))


def normalize_phone(value) -> str:
    """One national form for a Vietnamese phone number, "" when empty.

    Accepts 0…, +84…, 84…, 0084…, numbers that lost their leading zero,
    pre-2018 11-digit mobiles (0168… becomes 038…) and landlines (02x…).
    """
    text = clean_text(value)
    if not text:
        return ""
    digits = _digits_of(value)
    if digits.startswith("0084"):
        digits = "0" + digits[4:]
    elif digits.startswith("84") and len(digits) in (11, 12) and not text.lstrip().startswith("0"):
        digits = "0" + digits[2:]
    elif not digits.startswith("0") and len(digits) in (9, 10):
        digits = "0" + digits  # Excel dropped the leading zero
    if len(digits) == 11 and digits[:4] in OLD_MOBILE_PREFIXES:
        digits = OLD_MOBILE_PREFIXES[digits[:4]] + digits[4:]
    if len(digits) == 10 and digits.startswith(MOBILE_PREFIXES):
        return digits
    if len(digits) == 11 and digits.startswith("02"):
        return digits
    raise InvalidValueError(_("Invalid phone number: “%(text)s”") % {"text": text})


def normalize_national_id(value) -> str:
    """A 12-digit CCCD or a 9-digit CMND, "" when empty.

    Excel drops leading zeros: 10 or 11 digits are a CCCD (whose first three
    digits are a province code, 001 to 096) and 8 digits a CMND.
    """
    text = clean_text(value)
    if not text:
        return ""
    digits = _digits_of(value)
    if len(digits) != len(text.replace(" ", "").replace(".", "")) and not isinstance(value, int | float):
        raise InvalidValueError(_("An ID number has digits only: “%(text)s”") % {"text": text})
    if len(digits) in (10, 11, 12):
        digits = digits.zfill(12)
        if not 1 <= int(digits[:3]) <= 96:
            raise InvalidValueError(
                _("Invalid CCCD number (province code %(code)s): “%(text)s”") % {"code": digits[:3], "text": text}
            )
        return digits
    if len(digits) in (8, 9):
        return digits.zfill(9)
    raise InvalidValueError(_("A CCCD number has 12 digits, a CMND 9: “%(text)s”") % {"text": text})


def normalize_email(value) -> str:
    return clean_text(value).lower()


_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_MARKS = {"\u0306": "ă", "\u0302": "â", "\u031b": "ơ"}  # breve, circumflex, horn make letters
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng


def _letters_and_tones(word: str):
    letters, tones = [], []
    for char in unicodedata.normalize("NFD", word.lower()):
        if char in _TONES:
            tones.append(_TONES[char])
        elif unicodedata.combining(char) and letters:
            base = letters[-1]
            combined = {"a\u0306": "ă", "a\u0302": "â", "e\u0302": "ê", "o\u0302": "ô", "o\u031b": "ơ", "u\u031b": "ư"}
            letters[-1] = combined.get(base + char, base)
        else:
            letters.append(char)
    primary = tuple(_ALPHABET.index(c) if c in _ALPHABET else 100 + ord(c) for c in letters)
    return primary, tuple(tones)


def vietnamese_sort_key(full_name: str):
    """Sort people the Vietnamese way: by given name (the last word), then the rest,
    in Vietnamese alphabet order (a ă â b c d đ e ê …), tone marks breaking ties."""
    words = clean_text(full_name).split(" ")
    ordered = [words[-1], *words[:-1]] if words else []
    keys = [_letters_and_tones(word) for word in ordered]
    return tuple(k[0] for k in keys), tuple(k[1] for k in keys)


def name_sort_key(full_name: str) -> str:
    """vietnamese_sort_key as a string the database can ORDER BY."""
    letters, tones = vietnamese_sort_key(full_name)
    words = ["".join(f"{min(index, 99):02d}" for index in word) for word in letters]
    return (" ".join(words) + " ~ " + " ".join("".join(map(str, word)) for word in tones))[:400]
