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
