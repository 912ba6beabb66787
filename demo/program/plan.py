"""An offering as planned (who comes, on which days), and the calendar arithmetic of the plans."""

import datetime
from dataclasses import dataclass, field

from enrollment.models import AdministrativeUnit

DAY = datetime.timedelta(days=1)


@dataclass
class Plan:
    """One offering as planned: who comes, on which days."""

    code: str
    kind: str
    track: str
    title: str
    unit: AdministrativeUnit
    venue: str
    starts_on: datetime.date
    days: int
    afternoon: bool = True
    capacity: int | None = None
    people: list[int] = field(default_factory=list)  # person numbers, in roster order

    @property
    def ends_on(self) -> datetime.date:
        return self.starts_on + (self.days - 1) * DAY


def workdays(start, end, holidays=frozenset()) -> list[datetime.date]:
    days = []
    while start <= end:
        if start.weekday() < 5 and start not in holidays:
            days.append(start)
        start += DAY
    return days


def spread_starts(count, start, end, length, holidays=frozenset()) -> list[datetime.date]:
    """`count` first days spread evenly over [start, end], each followed by `length` - 1 workdays."""
    open_days = set(workdays(start, end + length * DAY, holidays))
    candidates = [d for d in sorted(open_days) if d <= end and all(d + i * DAY in open_days for i in range(length))]
    return [candidates[round(i * (len(candidates) - 1) / max(count - 1, 1))] for i in range(count)]


def hall(unit) -> str:
    return f"Hội trường UBND {unit.type} {unit.name}"


def next_weekday(date, weekday) -> datetime.date:
    return date + ((weekday - date.weekday()) % 7) * DAY
