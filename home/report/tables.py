"""The dashboard's tables, each one shown on the page and downloadable as XLSX.

A table is a title, headers and rows of plain values; the page and the spreadsheet
are drawn from the same object, so they never disagree.
"""

from dataclasses import dataclass

import tablib
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from enrollment.models import AdministrativeUnit, Offering
from enrollment.roster.export import safe_cell

from .figures import KINDS, ProgramFigures

Kind = Offering.Kind


@dataclass
class Table:
    slug: str
    title: str
    headers: list[str]
    rows: list[list]

    def dataset(self) -> tablib.Dataset:
        dataset = tablib.Dataset(headers=self.headers, title=self.title[:31])
        for row in self.rows:
            dataset.append([safe_cell("" if value is None else value) for value in row])
        return dataset


def summary(figures: ProgramFigures) -> Table:
    offerings = figures.offerings
    rows = [
        [_("Conferences"), offerings[Kind.CONFERENCE]],
        [_("Classes"), offerings[Kind.CLASS]],
        [_("Study tours"), offerings[Kind.STUDY_TOUR]],
        [_("People trained (each counted once)"), figures.people],
        [pgettext("report", "Enrollments"), figures.enrollments],
        [_("Attendance rate (%)"), figures.attendance_rate],
        [_("Certificates issued"), figures.certificates],
        [_("Completion in classes that have ended (%)"), figures.completion_rate],
        [_("Satisfaction: the surveys' overall question (1-5)"), figures.satisfaction["average"]],
        [_("Survey forms answered"), figures.satisfaction["responses"]],
        [_("Survey response rate (%)"), figures.satisfaction["response_rate"]],
    ]
    return Table("summary", _("Summary"), [_("Figure"), _("Value")], rows)


def tracks(figures: ProgramFigures) -> Table:
    rows = [
        [row.label, row.classes, row.target and row.target.classes, row.classes_percent, row.people,
         row.target and row.target.people, row.people_percent]
        for row in figures.tracks
    ]  # fmt: skip
    headers = [_("Track"), _("Classes"), _("Target: classes"), _("Of target (%)"), _("People"), _("Target: people"),
               _("Of target (%)")]  # fmt: skip
    return Table("tracks", _("Classes and people by track"), headers, rows)


def months(figures: ProgramFigures) -> Table:
    rows = [
        [_("Month %(month)s") % {"month": month["month"]}, *(month[kind] for kind in KINDS), month["enrollments"]]
        for month in figures.months
    ]
    headers = [_("Month"), *(kind.label for kind in KINDS), pgettext("report", "Enrollments")]
    return Table("months", _("Offerings by month"), headers, rows)


def people(figures: ProgramFigures) -> Table:
    rows = [[_("Category"), label, n] for _value, label, n in figures.people_by_category]
    rows += [[_("Gender"), label, n] for _value, label, n in figures.people_by_gender]
    return Table("people", _("People trained by category and gender"), [_("By"), _("Group"), _("People")], rows)


def units(figures: ProgramFigures) -> Table:
    rows = []
    for row in figures.units:
        if row.unit is None and not row.counts:
            continue
        name = row.unit.full_name if row.unit else _("Held at the level above")
        rows.append([name, *(row.counts[kind] for kind in KINDS), row.enrollments, row.people])
    headers = [
        _("Administrative unit"),
        *(kind.label for kind in KINDS),
        pgettext("report", "Enrollments"),
        _("People"),
    ]
    return Table("units", _("Offerings and people by administrative unit"), headers, rows)


def coverage(figures: ProgramFigures) -> Table:
    yes, no = _("Yes"), _("None")
    rows = [
        [row.unit.full_name, yes if row.counts[Kind.CONFERENCE] else no, yes if row.counts[Kind.CLASS] else no]
        for row in figures.listed_units
    ]
    return Table("coverage", _("Coverage"), [_("Administrative unit"), _("Conference"), _("Class")], rows)


def knowledge(figures: ProgramFigures) -> Table:
    rows = [[row.course, row.learners, row.before, row.after, row.gain] for row in figures.knowledge]
    headers = [_("Course"), _("Learners who took both tests"), _("Pre-test (%)"), _("Final test (%)"), _("Gain")]
    return Table("knowledge", _("Knowledge gain"), headers, rows)


def offerings(figures: ProgramFigures) -> Table:
    kinds, track_labels = dict(Kind.choices), dict(Offering._meta.get_field("track").choices)
    unit_types = dict(AdministrativeUnit.Type.choices)
    rows = [
        [row.code, row.title, kinds[row.kind], track_labels.get(row.track, ""), date_format(row.starts_on, "d/m/Y"),
         date_format(row.ends_on, "d/m/Y"), f"{unit_types[row.unit_type]} {row.unit_name}", row.enrollments,
         row.attendance_rate, row.certificates, row.responses, row.satisfaction]
        for row in figures.rows
    ]  # fmt: skip
    headers = [_("Code"), _("Title"), _("Kind"), _("Track"), _("Starts on"), _("Ends on"), _("Administrative unit"),
               pgettext("report", "Enrollments"), _("Attendance rate (%)"), _("Certificates"),
               _("Survey forms answered"), _("Satisfaction (1-5)")]  # fmt: skip
    return Table("offerings", _("Offerings"), headers, rows)


TABLES = {builder.__name__: builder for builder in (summary, tracks, months, people, units, coverage, knowledge,
                                                     offerings)}  # fmt: skip
