"""Loading administrative units and resolving free-text addresses to them."""

import difflib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps as global_apps

from lms.text import fold

HANOI_UNITS = Path(__file__).with_name("data") / "hanoi_units.json"
PRE_2025, CURRENT = "pre-2025", "current"


def units_load(data: dict, apps=global_apps) -> dict[str, int]:
    """Create the units and the mapping in `data` (the hanoi_units.json layout) that do not exist yet.

    Idempotent: returns how many units and mappings it added.
    """
    Unit = apps.get_model("enrollment", "AdministrativeUnit")
    Mapping = apps.get_model("enrollment", "UnitMapping")
    existing = {(unit.scheme, unit.code): unit for unit in Unit.objects.all()}
    added = {"units": 0, "mappings": 0}

    def ensure(scheme, level, row, parent):
        key = (scheme, row["code"])
        if key not in existing:
            path = f"{parent.path}/{row['code']}" if parent else row["code"]
            existing[key] = Unit.objects.create(
                scheme=scheme, level=level, code=row["code"], name=row["name"], type=row["type"],
                parent=parent, path=path, name_key=fold(row["name"]),
            )  # fmt: skip
            added["units"] += 1
        return existing[key]

    # The province exists in a scheme only if the data has units of that
    # scheme: codes changed in 2025, so "27" before is not "27" after.
    province = data["province"]
    pre_2025 = data.get("pre_2025") or {"districts": [], "communes": []}
    current = data.get("current") or {"communes": []}
    if pre_2025["districts"] or pre_2025["communes"]:
        old_root = ensure(PRE_2025, "province", province, None)
        districts = {row["code"]: ensure(PRE_2025, "district", row, old_root) for row in pre_2025["districts"]}
        for row in pre_2025["communes"]:
            ensure(PRE_2025, "commune", row, districts[row["district"]])
    if current["communes"]:
        new_root = ensure(CURRENT, "province", province, None)
        for row in current["communes"]:
            ensure(CURRENT, "commune", row, new_root)

    pairs = set(Mapping.objects.values_list("old_id", "new_id"))
    new_rows = []
    for row in data["mapping"]:
        old = existing[(PRE_2025, row["old"])]
        for code in row["new"]:
            new = existing[(CURRENT, code)]
            if (old.pk, new.pk) not in pairs:
                pairs.add((old.pk, new.pk))
                new_rows.append(Mapping(old=old, new=new, partial=row["partial"]))
    Mapping.objects.bulk_create(new_rows)
    added["mappings"] = len(new_rows)
    return added


def hanoi_units_load(apps=global_apps) -> dict[str, int]:
    return units_load(json.loads(HANOI_UNITS.read_text(encoding="utf-8")), apps)


# A unit's type written before its name: "xã ", "huyện ", "tp ", "h. ", "q." …
_TYPE_PREFIX = re.compile(
    r"^(?:(?:thanh pho|tinh|quan|huyen|thi xa|phuong|xa|thi tran|dac khu|tp|tx|tt)\s+|(?:tp|tx|tt|h|q|p|x)\.\s*)"
)
_SEPARATORS = re.compile(r"\s*[,;/\-–]\s*|\s{2,}")


def _parts(text: str) -> list[str]:
    """Candidate unit names in the text, in order: each separated part, then
    its runs of up to four words (for "bat trang gia lam", typed without commas)."""
    parts = []
    for part in _SEPARATORS.split(fold(text)):
        words = _TYPE_PREFIX.sub("", part.strip(" .")).split()
        for size in range(min(4, len(words)), 0, -1):
            parts += [" ".join(words[start : start + size]) for start in range(len(words) - size + 1)]
    return list(dict.fromkeys(parts))


@dataclass
class Resolution:
    """Where a free-text address points: the pre-2025 unit and the current ones it became."""

    old: object = None
    current: list = field(default_factory=list)

    @property
    def found(self) -> bool:
        return self.old is not None or bool(self.current)

    @property
    def ambiguous(self) -> bool:
        return len(self.current) > 1


class UnitResolver:
    """Resolves many addresses with two queries in all: every commune-level unit (with its
    parent) is loaded on the first call, the 2025 mapping on the first old commune found.
    Results are kept per address, so a roster's repeated addresses cost nothing."""

    def __init__(self):
        self._communes = None  # name_key -> [units]
        self._targets = None  # old unit pk -> [current units]
        self._memo = {}

    def resolve(self, text: str) -> Resolution:
        """Resolve "Xã Bát Tràng, Huyện Gia Lâm, Hà Nội" or "bat trang - gia lam" to units.

        A pre-2025 commune is returned with every current unit that took part
        of it, the one with the closest name first. A current commune's name
        resolves to that commune alone.
        """
        if text not in self._memo:
            self._memo[text] = self._resolve(text)
        return self._memo[text]

    def _resolve(self, text: str) -> Resolution:
        parts = _parts(text or "")
        if not parts:
            return Resolution()
        communes = self._communes_by_name()
        first_name = next((part for part in parts if part in communes), None)
        if first_name is None:
            return Resolution()
        named = communes[first_name]
        old_matches = [unit for unit in named if unit.scheme == PRE_2025]
        if len(old_matches) > 1:  # the same commune name in several districts: the district decides
            old_matches = [unit for unit in old_matches if unit.parent and unit.parent.name_key in parts] or old_matches
        current_matches = [unit for unit in named if unit.scheme == CURRENT]
        mentions_district = any(unit.parent and unit.parent.name_key in parts for unit in old_matches)
        if old_matches and (mentions_district or not current_matches):
            old = old_matches[0]
            targets = list(self._targets_of().get(old.pk, []))
            targets.sort(key=lambda unit: -difflib.SequenceMatcher(None, unit.name_key, old.name_key).ratio())
            return Resolution(old=old, current=targets)
        return Resolution(old=None, current=current_matches[:1])

    def _communes_by_name(self) -> dict:
        if self._communes is None:
            from .models import AdministrativeUnit

            self._communes = {}
            for unit in AdministrativeUnit.objects.filter(level="commune").select_related("parent").order_by("pk"):
                self._communes.setdefault(unit.name_key, []).append(unit)
        return self._communes

    def _targets_of(self) -> dict:
        if self._targets is None:
            from .models import UnitMapping

            self._targets = {}
            for mapping in UnitMapping.objects.select_related("new").order_by("pk"):
                self._targets.setdefault(mapping.old_id, []).append(mapping.new)
        return self._targets


def unit_resolve(text: str) -> Resolution:
    """One address; see UnitResolver.resolve. Use a UnitResolver for many."""
    return UnitResolver().resolve(text)
