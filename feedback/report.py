"""Survey results summed over offerings: a year's by track, course and trainer, and one trainer's offerings.

Offerings with different templates add up by the groups every template shares (organisation, content,
trainers, usefulness) and the overall question. A fixed number of queries whatever the number of offerings.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from courses.models import TrackPage
from enrollment.models import Offering

from .selectors import TRAINER_THRESHOLD, Satisfaction, offering_satisfaction, result_offerings


@dataclass
class OfferingRow:
    offering: Offering
    satisfaction: Satisfaction
    trainers: list[tuple[int, str]] = field(default_factory=list)  # (user id, name)
    hidden: bool = False  # below the trainers' threshold: counted, not shown


@dataclass
class Row:
    label: str
    satisfaction: Satisfaction = field(default_factory=Satisfaction)
    key: object = None


@dataclass
class SurveyReport:
    offerings: list[OfferingRow]
    total: Satisfaction
    tracks: list[Row]
    courses: list[Row]
    trainers: list[Row]


def _trainers(offering_ids) -> dict[int, list[tuple[int, str]]]:
    pairs = Offering.trainers.through.objects.filter(offering_id__in=offering_ids).values_list(
        "offering_id", "user_id", "user__last_name", "user__first_name"
    )
    found = {}
    for offering_id, user_id, last, first in pairs.order_by("user__first_name", "user__last_name"):
        found.setdefault(offering_id, []).append((user_id, f"{last} {first}".strip()))
    return found


def _rows(offerings) -> list[OfferingRow]:
    """Every offering of `offerings` with a survey, oldest first."""
    satisfaction = offering_satisfaction(offerings)
    trainers = _trainers(list(satisfaction))
    chosen = Offering.objects.filter(pk__in=list(satisfaction)).select_related("course").order_by("starts_on", "code")
    return [OfferingRow(offering, satisfaction[offering.pk], trainers.get(offering.pk, [])) for offering in chosen]


def _add(rows: dict, key, label, satisfaction) -> None:
    rows.setdefault(key, Row(label, key=key)).satisfaction.add(satisfaction)


def year_offerings(user, year: int):
    """The offerings of `year` whose results `user` reads in full (not drafts, not cancelled)."""
    return (
        result_offerings(user)
        .filter(starts_on__range=(datetime.date(year, 1, 1), datetime.date(year, 12, 31)))
        .exclude(status__in=[Offering.Status.DRAFT, Offering.Status.CANCELLED])
    )


def survey_report(offerings) -> SurveyReport:
    """Results of `offerings` (a queryset), summed by track, course and trainer. Five queries."""
    rows = _rows(offerings)
    total, tracks, courses, trainers = Satisfaction(), {}, {}, {}
    track_labels = dict(TrackPage.Code.choices)
    for row in rows:
        offering, satisfaction = row.offering, row.satisfaction
        total.add(satisfaction)
        _add(tracks, offering.track, track_labels.get(offering.track, _("Every track (conferences)")), satisfaction)
        if offering.course_id:
            _add(courses, offering.course_id, offering.course.title, satisfaction)
        else:
            _add(courses, offering.kind, offering.get_kind_display(), satisfaction)
        for user_id, name in row.trainers:
            _add(trainers, user_id, name, satisfaction)
    order = {code: n for n, code in enumerate(TrackPage.Code.values)}
    return SurveyReport(
        offerings=rows, total=total,
        tracks=sorted(tracks.values(), key=lambda row: order.get(row.key, len(order))),
        courses=sorted(courses.values(), key=lambda row: row.label),
        trainers=sorted(trainers.values(), key=lambda row: row.label.split()[-1:] + [row.label]),
    )  # fmt: skip


def trainer_offerings(viewer, trainer):
    """The offerings `trainer` teaches that `viewer` may read about: all of them for the trainer, those of
    the viewer's units for organizers (every one for administrators)."""
    held = Offering.objects.exclude(status__in=[Offering.Status.DRAFT, Offering.Status.CANCELLED])
    taught = held.filter(trainers=trainer)
    if viewer.pk == trainer.pk and not viewer.has_perm("feedback.view_surveyresponse"):
        return taught
    return taught.filter(pk__in=result_offerings(viewer).values("pk"))


def trainer_report(viewer, trainer) -> SurveyReport:
    """One trainer's offerings and their results. Read by the trainer themselves, an offering with fewer
    than TRAINER_THRESHOLD answers is listed without its figures, and left out of the totals."""
    rows = _rows(trainer_offerings(viewer, trainer))
    own = viewer.pk == trainer.pk and not viewer.has_perm("feedback.view_surveyresponse")
    total = Satisfaction()
    for row in rows:
        row.hidden = own and row.satisfaction.responses < TRAINER_THRESHOLD
        if not row.hidden:
            total.add(row.satisfaction)
    return SurveyReport(offerings=rows, total=total, tracks=[], courses=[], trainers=[])
