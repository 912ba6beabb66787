"""Administrative units as the lists write them, and back.

A cell names a unit by its name with or without its type ("Xã Bát Tràng", "Bát Tràng", "xa bat trang",
"X. Bát Tràng"), followed after a comma by the units above it when the name alone is not enough
("Xã Bát Tràng, Huyện Gia Lâm"), or by its statistics office code ("10279"). Names and codes exist in
both schemes (before and since the 1 July 2025 reform): a cell may say which with "(trước 1/7/2025)"
or "(từ 1/7/2025)"; otherwise the scheme of the row's date decides (`prefer`), then the current one.
What `unit_label` writes reads back as the same unit.
"""

import datetime
import re

from django.utils.translation import gettext as _
from import_export import widgets

from lms.dataimport.widgets import parse_day
from lms.text import clean_text, fold

from .. import scope
from ..models import AdministrativeUnit
from ..unit_files import split_type

REFORM_DAY = datetime.date(2025, 7, 1)
PRE_2025, CURRENT = AdministrativeUnit.Scheme.PRE_2025, AdministrativeUnit.Scheme.CURRENT
PRE_2025_MARK = "(trước 1/7/2025)"
_MARKS = {"truoc 1/7/2025": PRE_2025, "truoc 2025": PRE_2025, "cu": PRE_2025, "tu 1/7/2025": CURRENT, "moi": CURRENT}
_TRAILING_MARK = re.compile(r"\s*\(([^()]*)\)\s*$")
_ABBREVIATIONS = {"tp": "thành phố", "tx": "thị xã", "tt": "thị trấn", "q": "quận", "h": "huyện", "p": "phường",
                  "x": "xã"}  # fmt: skip
_ABBREVIATED = re.compile(r"^(tp|tx|tt|q|h|p|x)\s*\.\s*", re.IGNORECASE)
_CODE = re.compile(r"[0-9]{2,5}")


def scheme_of(day) -> str:
    """The scheme of units in force on `day` (the current one when there is no day)."""
    return PRE_2025 if day and day < REFORM_DAY else CURRENT


def unit_label(unit, parent=None) -> str:
    """How a list writes `unit` so that it reads back as the same one: a current unit by its type and
    name; a unit from before the reform with its district (for a commune) and the mark."""
    if unit.scheme == CURRENT:
        return unit.full_name
    text = unit.full_name
    if unit.level == AdministrativeUnit.Level.COMMUNE and parent is not None:
        text = f"{text}, {parent.full_name}"
    return f"{text} {PRE_2025_MARK}"


def _name_and_type(text: str) -> tuple[str | None, str]:
    text = _ABBREVIATED.sub(lambda match: _ABBREVIATIONS[match.group(1).lower()] + " ", clean_text(text))
    unit_type, name = split_type(text)
    return unit_type, fold(name)


class UnitLookup:
    """Units by what a cell writes, for one user: every unit is read once (one query), and those of the
    user's units once more, so a unit of another unit is told apart from one that does not exist."""

    def __init__(self, user):
        self.units = {unit.pk: unit for unit in AdministrativeUnit.objects.all()}
        visible = scope.visible_unit_ids(user)
        self.visible = None if visible is scope.ALL else set(
            AdministrativeUnit.objects.filter(pk__in=visible).values_list("pk", flat=True)
        )  # fmt: skip
        self.by_name, self.by_code = {}, {}
        for unit in self.units.values():
            self.by_name.setdefault(unit.name_key, []).append(unit)
            self.by_code.setdefault(unit.code, []).append(unit)

    def parent(self, unit):
        return self.units.get(unit.parent_id)

    def label(self, unit) -> str:
        return unit_label(unit, self.parent(unit))

    def _ancestors(self, unit):
        while (unit := self.parent(unit)) is not None:
            yield unit

    def _candidates(self, text: str) -> tuple[list, str | None]:
        scheme = None
        if match := _TRAILING_MARK.search(text):
            scheme = _MARKS.get(fold(match.group(1)))
            if scheme:
                text = text[: match.start()]
        text = clean_text(text)
        if _CODE.fullmatch(text):
            found = list(self.by_code.get(text, []))
        else:
            first, *above = [part for part in re.split(r"\s*[,;]\s*|\s+-\s+", text) if part]
            unit_type, name = _name_and_type(first)
            found = [unit for unit in self.by_name.get(name, []) if unit_type in (None, unit.type)]
            for part in above:
                part_type, part_name = _name_and_type(part)
                found = [
                    unit for unit in found
                    if any(a.name_key == part_name and part_type in (None, a.type) for a in self._ancestors(unit))
                ]  # fmt: skip
        if scheme:
            found = [unit for unit in found if unit.scheme == scheme]
        return found, scheme

    def find(self, text, prefer=CURRENT, *, mine=True):
        """The unit `text` names (None when it is empty). Raises ValueError with a message for people when
        it names none, several, or (with `mine`) one outside the user's units."""
        text = clean_text(text)
        if not text:
            return None
        found, _scheme = self._candidates(text)
        if len({unit.scheme for unit in found}) > 1:
            found = [unit for unit in found if unit.scheme == prefer]
        if len(found) > 1:
            found.sort(key=lambda unit: unit.path)
            options = "; ".join(self.label(unit) for unit in found[:4])
            raise ValueError(
                _("“%(value)s” could be several units (%(options)s): add the district after a comma, or write "
                  "the statistics office code") % {"value": text[:80], "options": options}
            )  # fmt: skip
        if not found:
            raise ValueError(
                _("unknown administrative unit “%(value)s”: write it as the list of units does, for example "
                  "“Xã Bát Tràng”") % {"value": text[:80]}
            )  # fmt: skip
        unit = found[0]
        if mine and self.visible is not None and unit.pk not in self.visible:
            raise ValueError(_("“%(value)s” is not one of your administrative units") % {"value": self.label(unit)})
        return unit


class UnitWidget(widgets.Widget):
    """A unit of the importing user's units (see UnitLookup). `date_column`: the column whose date
    chooses the scheme; `required`: an empty cell is refused ("required_unless_admin": for those who
    do not see every unit, since a record without a unit would be out of their sight)."""

    def __init__(self, *, date_column=None, required=True, **kwargs):
        super().__init__(**kwargs)
        self.date_column, self.required = date_column, required
        self.resource = None

    def bind(self, resource):
        self.resource = resource
        if self.required == "required_unless_admin":
            self.required = not resource.user.has_perm("enrollment.manage_all_units")

    @property
    def lookup(self) -> UnitLookup:
        if getattr(self.resource, "unit_lookup", None) is None:
            self.resource.unit_lookup = UnitLookup(self.resource.user)
        return self.resource.unit_lookup

    def clean(self, value, row=None, **kwargs):
        if not clean_text(value):
            if self.required:
                raise ValueError(_("empty: write the administrative unit, for example “Xã Bát Tràng”"))
            return None
        day = None
        if self.date_column and row and clean_text(row.get(self.date_column)):
            try:
                day = parse_day(row[self.date_column])
            except ValueError:
                day = None
        return self.lookup.find(value, prefer=scheme_of(day))

    def render(self, value, obj=None, **kwargs):
        return self.lookup.label(value) if value is not None else ""
