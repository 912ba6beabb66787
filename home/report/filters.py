"""What the dashboard and the report are asked for: a period, a track, a kind and a unit.

The period decides the administrative scheme: a period that ends before the reform of
1 July 2025 is reported by the districts of the day, any later period by the current
communes (records from before the reform are then shown under the communes their units
became). `current_units` asks for the current communes for an earlier period too.
"""

import datetime
from dataclasses import dataclass

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import TrackPage
from enrollment import scope
from enrollment.models import AdministrativeUnit, Offering

REFORM_DATE = datetime.date(2025, 7, 1)
PRE_2025, CURRENT = AdministrativeUnit.Scheme.PRE_2025, AdministrativeUnit.Scheme.CURRENT


@dataclass(frozen=True)
class ReportFilter:
    date_from: datetime.date
    date_to: datetime.date
    track: str = ""
    kind: str = ""
    unit: AdministrativeUnit | None = None  # the unit asked for; None: all the viewer may see
    current_units: bool = False
    viewer_unit_ids: object = scope.ALL  # what the viewer may see (enrollment/scope.py)
    viewer_unit: AdministrativeUnit | None = None  # an organizer's own unit; None for administrators

    @classmethod
    def for_year(cls, year: int, **options) -> "ReportFilter":
        return cls(datetime.date(year, 1, 1), datetime.date(year, 12, 31), **options)

    @property
    def year(self) -> int | None:
        """The calendar year the period is, if it is exactly one."""
        whole_year = (self.date_from.month, self.date_from.day, self.date_to.month, self.date_to.day) == (1, 1, 12, 31)
        return self.date_from.year if whole_year and self.date_from.year == self.date_to.year else None

    @property
    def scheme(self) -> str:
        return PRE_2025 if self.date_to < REFORM_DATE and not self.current_units else CURRENT

    @property
    def root(self) -> AdministrativeUnit | None:
        """The unit the report is about: the one asked for, else the viewer's own."""
        return self.unit or self.viewer_unit

    @property
    def is_whole_program(self) -> bool:
        """Not narrowed to a unit: the program's yearly targets apply."""
        return self.root is None


def _unit_label(unit: AdministrativeUnit) -> str:
    era = _("before 7/2025") if unit.scheme == PRE_2025 else _("current")
    return f"{'— ' * unit.path.count('/')}{unit.full_name} ({era})"


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, unit):
        return _unit_label(unit)


class ReportFilterForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
    date_from = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    track = forms.ChoiceField(
        label=_("Track"), required=False, choices=[("", _("All tracks")), *TrackPage.Code.choices]
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All kinds")), *Offering.Kind.choices])
    unit = UnitChoiceField(label=_("Administrative unit"), required=False, queryset=AdministrativeUnit.objects.none(),
                           empty_label=_("All units"))  # fmt: skip
    current_units = forms.BooleanField(
        label=_("Show earlier years under today's communes"), required=False,
        help_text=_("Records from before 1 July 2025 are counted under the communes their units became part of."),
    )  # fmt: skip

    def __init__(self, data=None, *, user=None, **kwargs):
        super().__init__(data, **kwargs)
        self.user = user
        # Provinces and districts of both schemes, and current communes: the units a report is read for.
        units = AdministrativeUnit.objects.exclude(scheme=PRE_2025, level=AdministrativeUnit.Level.COMMUNE)
        if user is not None:
            units = scope.scope_units(user, units)
        self.fields["unit"].queryset = units.order_by("-scheme", "path")

    def clean(self):
        data = super().clean()
        date_from, date_to = data.get("date_from"), data.get("date_to")
        if bool(date_from) != bool(date_to):
            raise forms.ValidationError(_("Give both ends of the period, or neither."))
        if date_from and date_to < date_from:
            self.add_error("date_to", _("The end of the period is before its start."))
        return data

    def report_filter(self) -> ReportFilter:
        """The filter the valid form asks for (the current year when no period is given)."""
        data = self.cleaned_data
        if data.get("date_from"):
            period = (data["date_from"], data["date_to"])
        else:
            year = data.get("year") or timezone.localdate().year
            period = (datetime.date(year, 1, 1), datetime.date(year, 12, 31))
        viewer = scope.visible_unit_ids(self.user) if self.user is not None else scope.ALL
        return ReportFilter(
            *period, track=data.get("track") or "", kind=data.get("kind") or "", unit=data.get("unit"),
            current_units=bool(data.get("current_units")), viewer_unit_ids=viewer,
            viewer_unit=None if viewer is scope.ALL else self.user.unit,
        )  # fmt: skip
