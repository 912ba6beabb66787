"""Every catalogue is fully translated and its compiled .mo matches the .po."""

import gettext
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(ROOT.glob("locale*/vi/LC_MESSAGES/*.po"))


def _name(path):
    return f"{path.relative_to(ROOT).parts[0]}/{path.name}"


def test_all_catalogues_exist():
    assert [_name(path) for path in CATALOGUES] == [
        "locale/django.po",
        "locale_vendor/django.po",
        "locale_vendor/djangojs.po",
    ]


@pytest.mark.parametrize("po_path", CATALOGUES, ids=_name)
def test_catalogue_is_complete_and_compiled(po_path):
    catalogue = polib.pofile(str(po_path))
    assert not catalogue.untranslated_entries(), [e.msgid for e in catalogue.untranslated_entries()]
    assert not catalogue.fuzzy_entries(), [e.msgid for e in catalogue.fuzzy_entries()]

    with open(po_path.with_suffix(".mo"), "rb") as mo_file:
        compiled = gettext.GNUTranslations(mo_file)
    stale = [
        entry.msgid
        for entry in catalogue.translated_entries()
        if not entry.msgid_plural and compiled.pgettext(entry.msgctxt, entry.msgid) != entry.msgstr
        if entry.msgctxt
    ] + [
        entry.msgid
        for entry in catalogue.translated_entries()
        if not entry.msgid_plural and not entry.msgctxt and compiled.gettext(entry.msgid) != entry.msgstr
    ]
    assert not stale, f"{po_path.name}: .mo is older than .po; run `make messages`: {stale[:5]}"


def test_one_spelling_the_ministrys_hoa_khoa_thuy():
    """ "khóa", "hòa", "thủy", "Ủy ban": the tone mark of an open oa/oe/uy syllable on its first vowel,
    as the government's documents write it, in every catalogue, template and demo text (never "khoá")."""
    import re
    import unicodedata

    newer = [
        first + unicodedata.normalize("NFC", second + tone)
        for first, second in (("o", "a"), ("o", "e"), ("u", "y"), ("O", "a"), ("U", "y"))
        for tone in "\u0300\u0301\u0303\u0309\u0323"
    ]
    pattern = re.compile(r"(?<![qQ])(" + "|".join(newer) + r")(?![^\W\d_])")
    sources = [*CATALOGUES, *ROOT.glob("templates/**/*.html"), *ROOT.glob("demo/content/**/*.yaml"), ROOT / "README.md"]
    found = {
        str(path.relative_to(ROOT)): sorted(set(pattern.findall(path.read_text(encoding="utf-8")))) for path in sources
    }
    assert {path: words for path, words in found.items() if words} == {}
