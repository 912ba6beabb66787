"""Which units a report lists, and under which of them each offering falls.

The listed units are the level under the report's root in the report's scheme: the
districts of a province before the 2025 reform, the communes of a province after it,
the communes of a district, or a commune itself. An offering falls under the listed
unit it was held in (or under); an offering held above that level (a city conference)
falls under none. When the report is in current communes, an offering from before the
reform falls under every current commune that took part of its unit (a district
conference under all the communes its district's communes became part of).
"""

from dataclasses import dataclass
from functools import cached_property

from django.db.models import Q

from enrollment.models import AdministrativeUnit, UnitMapping
from enrollment.scope import units_within

from .filters import CURRENT, PRE_2025

Level = AdministrativeUnit.Level


@dataclass
class Geography:
    scheme: str
    level: str  # "district" or "commune": the level of the listed units
    units: list[AdministrativeUnit]

    def __post_init__(self):
        self._by_path = {unit.path: unit.pk for unit in self.units}
        # Codes have fixed widths per level, so a path prefix names the listed unit.
        self.path_length = len(self.units[0].path) if self.units else 0

    def units_of(self, unit_id: int, scheme: str, path: str) -> set[int]:
        """The listed units an offering held in that unit falls under (usually one, none above the level)."""
        if scheme == self.scheme:
            listed = self._by_path.get(path[: self.path_length])
            return {listed} if listed else set()
        return self.mapped.get(unit_id, set()) if scheme == PRE_2025 else set()

    @cached_property
    def mapped(self) -> dict[int, set[int]]:
        """Pre-2025 unit id (a commune, and its district) -> the listed current communes it became part of.
        One query, made only when a report in current communes meets a record from before the reform."""
        mapped: dict[int, set[int]] = {}
        listed = [unit.pk for unit in self.units]
        rows = UnitMapping.objects.filter(new_id__in=listed).values_list("old_id", "old__parent_id", "new_id")
        for old_id, district_id, new_id in rows:
            mapped.setdefault(old_id, set()).add(new_id)
            if district_id is not None:
                mapped.setdefault(district_id, set()).add(new_id)
        return mapped


def geography(scheme: str, root: AdministrativeUnit | None) -> Geography:
    """The listed units of a report in `scheme` about `root` (None: every province). One query."""
    units = AdministrativeUnit.objects.filter(scheme=scheme).order_by("path")
    if root is None or root.level == Level.PROVINCE:
        level = Level.DISTRICT if scheme == PRE_2025 else Level.COMMUNE
        units = units.filter(level=level, **({"path__startswith": root.path} if root else {}))
    elif root.scheme == scheme:
        level = Level.COMMUNE
        units = units.filter(level=level, path__startswith=root.path)
    else:  # a unit of the other scheme: the communes it maps to or from
        level = Level.COMMUNE
        own = AdministrativeUnit.objects.filter(scheme=root.scheme, path__startswith=root.path).values("id")
        if root.scheme == CURRENT:
            units = units.filter(level=level, mapped_to__new__in=own).distinct()
        else:
            units = units.filter(level=level, mapped_from__old__in=own).distinct()
    return Geography(scheme, level, list(units))


def offering_units_filter(root: AdministrativeUnit | None) -> Q:
    """Offerings held in `root` or under it, across the reform."""
    return Q() if root is None else Q(unit__in=units_within(root))
