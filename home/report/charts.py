"""Charts as SVG drawn on the server: the geometry here, the markup in templates/home/includes/.

No JavaScript and no CDN: the page prints as it looks, and the numbers sit in the
table under each chart for screen readers and for copying. Sizes are in SVG units
of a viewBox, so the chart scales with the page and on paper.
"""

import math
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

SERIES_CLASSES = ["chart-series-1", "chart-series-2", "chart-series-3"]


def nice_ceiling(value: float) -> int:
    """The round number (1, 2 or 5 times a power of ten) at or above `value`, at least 1."""
    if value <= 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    return next(int(step * power) for step in (1, 2, 5, 10) if step * power >= value)


@dataclass
class Rect:
    x: float
    y: float
    width: float
    height: float
    css: str
    title: str  # the tooltip: label and value


@dataclass
class Label:
    x: float
    y: float
    text: str
    anchor: str = "middle"


@dataclass
class Chart:
    title: str
    width: int
    height: int
    rects: list[Rect] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)  # category and value labels
    gridlines: list[tuple[float, float, float, float, str]] = field(default_factory=list)  # x1 y1 x2 y2 tick label
    markers: list[tuple[float, float, float, float, str]] = field(default_factory=list)  # target lines
    legend: list[tuple[str, str]] = field(default_factory=list)  # (css class, name)

    @property
    def is_empty(self) -> bool:
        return not self.rects


def _ticks(top: int) -> list[int]:
    step = top / 4 if top >= 4 and top % 4 == 0 else (top / 2 if top % 2 == 0 else top)
    return [round(step * n) for n in range(int(top / step) + 1)]


def columns(title: str, categories: list[str], series: list[tuple[str, list[int]]], *, height=240) -> Chart:
    """Stacked columns: one per category (the months), one colour per series (the kinds)."""
    left, bottom, top_pad = 36, 24, 12
    width = max(360, left + 44 * len(categories))
    plot_height = height - bottom - top_pad
    totals = [sum(values[i] for _name, values in series) for i in range(len(categories))]
    top = nice_ceiling(max(totals, default=0))
    chart = Chart(title, width, height, legend=[(SERIES_CLASSES[i], name) for i, (name, _v) in enumerate(series)])
    for tick in _ticks(top):
        y = top_pad + plot_height * (1 - tick / top)
        chart.gridlines.append((left, y, width, y, str(tick)))
    slot = (width - left) / max(len(categories), 1)
    for i, category in enumerate(categories):
        x = left + i * slot + slot * 0.15
        base = top_pad + plot_height
        for n, (name, values) in enumerate(series):
            if values[i]:
                bar = plot_height * values[i] / top
                base -= bar
                tooltip = f"{category} · {name}: {values[i]}"
                chart.rects.append(Rect(x, base, slot * 0.7, bar, SERIES_CLASSES[n], tooltip))
        if totals[i]:
            chart.labels.append(Label(x + slot * 0.35, base - 3, str(totals[i])))
        chart.labels.append(Label(x + slot * 0.35, height - 8, category))
    return chart


def bars(title: str, rows: list[tuple[str, int]], *, targets: dict[str, int] | None = None, label_width=190) -> Chart:
    """Horizontal bars, one per row, with an optional target line per row."""
    targets = targets or {}
    row_height, top_pad, width = 22, 18, 640
    height = top_pad + row_height * len(rows) + 8
    top = nice_ceiling(max([value for _label, value in rows] + list(targets.values()), default=0))
    plot = width - label_width - 40
    chart = Chart(title, width, height)
    for tick in _ticks(top):
        x = label_width + plot * tick / top
        chart.gridlines.append((x, top_pad - 4, x, height - 6, str(tick)))
    for i, (label, value) in enumerate(rows):
        y = top_pad + i * row_height
        length = plot * value / top
        chart.labels.append(Label(label_width - 6, y + 14, label, anchor="end"))
        if value:
            chart.rects.append(Rect(label_width, y + 3, length, row_height - 6, SERIES_CLASSES[0], f"{label}: {value}"))
        shown = f"{value}" if label not in targets else f"{value} / {targets[label]}"
        chart.labels.append(Label(label_width + length + 4, y + 14, shown, anchor="start"))
        if label in targets:
            x = label_width + plot * targets[label] / top
            chart.markers.append((x, y + 1, x, y + row_height - 1, f"{label}: {targets[label]}"))
    return chart


def report_charts(figures) -> dict[str, Chart]:
    """The dashboard's charts of a ProgramFigures."""
    from .figures import KINDS

    months = figures.months
    tracks = figures.tracks
    with_targets = [row for row in tracks if row.target]
    units = figures.listed_units
    if len(units) > 40:  # communes: only those with activity, or the chart is a wall
        units = [row for row in units if sum(row.counts.values())]
    return {
        "months": columns(
            _("Offerings by month"),
            [pgettext("short month", "M%(month)s") % {"month": month["month"]} for month in months],
            [(kind.label, [month[kind] for month in months]) for kind in KINDS],
        ),
        "classes": bars(
            _("Classes by track"), [(row.label, row.classes) for row in tracks],
            targets={row.label: row.target.classes for row in with_targets},
        ),
        "people": bars(
            _("People trained by track"), [(row.label, row.people) for row in tracks],
            targets={row.label: row.target.people for row in with_targets},
        ),
        "units": bars(
            _("Offerings by administrative unit"),
            [(row.unit.full_name, sum(row.counts.values())) for row in units[:60]],
        ),
        "categories": bars(
            _("People trained by category"), [(label, n) for _value, label, n in figures.people_by_category]
        ),
    }  # fmt: skip
