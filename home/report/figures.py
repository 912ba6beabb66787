"""The program's figures for a report filter, in a fixed number of queries.

Counting rules, so that the dashboard, the command and the home page agree:

- An offering counts when it starts in the period and is neither a draft nor cancelled.
  A track keeps the offerings for every track (conferences have none).
- Enrollments are the active ones (registered or completed); people are distinct
  participants over them, so a person in three classes counts once.
- The attendance rate is attended (present or late; excused too where the course says
  so) out of expected: each active enrollment times each session already held.
  Unmarked sessions count as missed, as on the attendance pages.
- Certificates are current and not revoked. Completion is certificates out of the
  active enrollments of classes that have ended.
- Satisfaction is the average rating (1 to 5) of the surveys' overall question, over every
  form answered; its response rate is the forms answered out of the active enrollments of the
  offerings with a survey that have reached their last day (feedback.selectors).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.db import connection
from django.db.models import Count, F, Max, Q
from django.db.models.functions import Substr
from django.utils import timezone

from attendance.models import AttendanceRecord, Session
from certificates.models import Certificate
from courses.models import CoursePage, QuizAttempt, TrackPage
from enrollment.models import Enrollment, Offering, Participant
from feedback.selectors import survey_counts, template_id_expression

from ..models import TrainingTarget
from .filters import ReportFilter
from .geography import Geography, geography, offering_units_filter

Kind = Offering.Kind
KINDS = [Kind.CONFERENCE, Kind.CLASS, Kind.STUDY_TOUR]
TRACKS = list(TrackPage.Code)


@dataclass
class OfferingRow:
    pk: int
    code: str
    title: str
    kind: str
    track: str
    starts_on: object
    ends_on: object
    unit_id: int
    unit_scheme: str
    unit_path: str
    unit_name: str
    unit_type: str
    course_id: int | None
    survey_template_id: int | None  # the survey it uses (feedback), None: none
    enrollments: int = 0
    held: int = 0  # sessions already held
    attended: int = 0  # attendance records counted as attended
    certificates: int = 0
    responses: int = 0  # survey forms answered
    overall_sum: int = 0  # of the ratings of the survey's overall question
    overall_n: int = 0

    @property
    def expected(self) -> int:
        return self.enrollments * self.held

    @property
    def attendance_rate(self) -> float | None:
        return round(100 * self.attended / self.expected, 1) if self.expected else None

    @property
    def satisfaction(self) -> float | None:
        return round(self.overall_sum / self.overall_n, 2) if self.overall_n else None


def satisfaction_of(rows: list[OfferingRow], today) -> dict:
    """The satisfaction figure of `rows`: the average of the overall ratings, the forms answered and the
    response rate (of the offerings with a survey that have reached their last day)."""
    rated = sum(row.overall_n for row in rows)
    surveyed = [row for row in rows if row.survey_template_id is not None and row.ends_on <= today]
    enrolled = sum(row.enrollments for row in surveyed)
    answered = sum(row.responses for row in surveyed)
    return {
        "average": round(sum(row.overall_sum for row in rows) / rated, 2) if rated else None,
        "responses": sum(row.responses for row in rows),
        "response_rate": min(100.0, round(100 * answered / enrolled, 1)) if enrolled else None,
    }


@dataclass
class UnitRow:
    unit: object  # an AdministrativeUnit, or None for what was held above the listed level
    counts: Counter = field(default_factory=Counter)  # offerings by kind
    enrollments: int = 0
    people: int = 0


@dataclass
class TrackRow:
    track: str
    label: str
    classes: int
    people: int
    target: TrainingTarget | None

    @staticmethod
    def _percent(actual, planned):
        return round(100 * actual / planned) if planned else None

    @property
    def classes_percent(self):
        return self._percent(self.classes, self.target and self.target.classes)

    @property
    def people_percent(self):
        return self._percent(self.people, self.target and self.target.people)


@dataclass
class KnowledgeRow:
    course: str
    learners: int  # who took both tests
    before: float
    after: float

    @property
    def gain(self) -> float:
        return round(self.after - self.before, 1)


@dataclass
class ProgramFigures:
    filter: ReportFilter
    geography: Geography
    rows: list[OfferingRow]
    people_groups: list[tuple[str, str, int]]  # (category, gender, distinct people)
    people_by_track: dict[str, int]
    units: list[UnitRow]
    targets: dict[str, TrainingTarget]
    knowledge: list[KnowledgeRow]
    today: object

    @cached_property
    def offerings(self) -> dict[str, int]:
        counts = Counter(row.kind for row in self.rows)
        return {kind.value: counts[kind] for kind in KINDS}

    @cached_property
    def classes_by_track(self) -> dict[str, int]:
        counts = Counter(row.track for row in self.rows if row.kind == Kind.CLASS)
        return {track.value: counts[track] for track in TRACKS}

    @cached_property
    def people(self) -> int:
        return sum(n for _category, _gender, n in self.people_groups)

    def people_by(self, index: int, choices) -> list[tuple[str, str, int]]:
        """(value, label, distinct people) for each value that has any."""
        counts = Counter()
        for group in self.people_groups:
            counts[group[index]] += group[2]
        return [(value, label, counts[value]) for value, label in choices if counts[value]]

    @property
    def people_by_category(self):
        return self.people_by(0, Participant.Category.choices)

    @property
    def people_by_gender(self):
        return self.people_by(1, Participant.Gender.choices)

    @property
    def enrollments(self) -> int:
        return sum(row.enrollments for row in self.rows)

    @property
    def attendance_rate(self) -> float | None:
        expected = sum(row.expected for row in self.rows)
        return round(100 * sum(row.attended for row in self.rows) / expected, 1) if expected else None

    @property
    def certificates(self) -> int:
        return sum(row.certificates for row in self.rows)

    @property
    def completion_rate(self) -> float | None:
        ended = [row for row in self.rows if row.kind == Kind.CLASS and row.ends_on < self.today]
        enrolled = sum(row.enrollments for row in ended)
        return round(100 * sum(row.certificates for row in ended) / enrolled, 1) if enrolled else None

    @cached_property
    def satisfaction(self) -> dict:
        return satisfaction_of(self.rows, self.today)

    @cached_property
    def satisfaction_by_track(self) -> dict[str, dict]:
        return {
            track.value: satisfaction_of([row for row in self.rows if row.track == track], self.today)
            for track in TRACKS
            if not self.filter.track or track == self.filter.track
        }

    @cached_property
    def months(self) -> list[dict]:
        months = [{"month": month, "enrollments": 0, **dict.fromkeys(KINDS, 0)} for month in range(1, 13)]
        for row in self.rows:
            months[row.starts_on.month - 1][row.kind] += 1
            months[row.starts_on.month - 1]["enrollments"] += row.enrollments
        return months

    @cached_property
    def tracks(self) -> list[TrackRow]:
        return [
            TrackRow(track.value, track.label, self.classes_by_track[track], self.people_by_track.get(track, 0),
                     self.targets.get(track))
            for track in TRACKS
            if not self.filter.track or track == self.filter.track
        ]  # fmt: skip

    @cached_property
    def listed_units(self) -> list[UnitRow]:
        return [row for row in self.units if row.unit is not None]

    @cached_property
    def coverage(self) -> dict:
        listed = self.listed_units
        without = {
            kind: [row.unit.name for row in listed if not row.counts[kind]] for kind in (Kind.CONFERENCE, Kind.CLASS)
        }
        return {
            "level": self.geography.level,
            "units": len(listed),
            "with_conference": len(listed) - len(without[Kind.CONFERENCE]),
            "with_class": len(listed) - len(without[Kind.CLASS]),
            "without_conference": without[Kind.CONFERENCE],
            "without_class": without[Kind.CLASS],
        }

    def as_json(self) -> dict:
        f = self.filter
        return {
            "year": f.year,
            "date_from": f.date_from.isoformat(),
            "date_to": f.date_to.isoformat(),
            "unit": f.root.code if f.root else None,
            "offerings": self.offerings,
            "classes_by_track": self.classes_by_track,
            "people": self.people,
            "people_by_category": {value: n for value, _label, n in self.people_by_category},
            "people_by_gender": {value or "unknown": n for value, _label, n in self.people_by_gender},
            "enrollments": self.enrollments,
            "attendance_rate": self.attendance_rate,
            "certificates": self.certificates,
            "completion_rate": self.completion_rate,
            "satisfaction": {**self.satisfaction, "by_track": self.satisfaction_by_track},
            "targets": {
                row.track: {
                    "classes": row.classes,
                    "people": row.people,
                    "target_classes": row.target.classes,
                    "target_people": row.target.people,
                }
                for row in self.tracks
                if row.target
            },  # fmt: skip
            "knowledge_gain": [
                {"course": row.course, "learners": row.learners, "before": row.before, "after": row.after}
                for row in self.knowledge
            ],
            "coverage": self.coverage,
        }


def filtered_offerings(report_filter: ReportFilter):
    f = report_filter
    offerings = Offering.objects.filter(starts_on__range=(f.date_from, f.date_to)).exclude(
        status__in=(Offering.Status.DRAFT, Offering.Status.CANCELLED)
    )
    if f.track:
        offerings = offerings.filter(Q(track=f.track) | Q(track=""))
    if f.kind:
        offerings = offerings.filter(kind=f.kind)
    if f.viewer_unit_ids is not None:
        offerings = offerings.filter(unit__in=f.viewer_unit_ids)
    return offerings.filter(offering_units_filter(f.root))


def held_sessions(prefix: str = "", now=None) -> Q:
    """Sessions closed, or over by now (Session.has_been_held, in SQL)."""
    now = timezone.localtime(now)
    return (
        Q(**{f"{prefix}closed_at__isnull": False})
        | Q(**{f"{prefix}date__lt": now.date()})
        | Q(**{f"{prefix}date": now.date(), f"{prefix}ends_at__lte": now.time()})
    )


def _active_records(active_enrollments) -> Q:
    """Records of active enrollments, in the form each database plans well: PostgreSQL hashes the
    period's enrollments (a semi-join), where a join scans every enrollment ever made; SQLite joins
    by primary key, where an IN list makes it probe every (session, enrollment) pair."""
    if connection.vendor == "postgresql":
        return Q(enrollment__in=active_enrollments.values("pk"))
    return Q(enrollment__status__in=Enrollment.ACTIVE)


def _offering_rows(offerings, active_enrollments, now) -> list[OfferingRow]:
    fields = ("pk", "code", "title", "kind", "track", "starts_on", "ends_on", "unit_id", "unit__scheme", "unit__path",
              "unit__name", "unit__type", "course_id", "survey_template")  # fmt: skip
    listed = offerings.annotate(survey_template=template_id_expression()).order_by("starts_on", "code")
    rows = {values[0]: OfferingRow(*values) for values in listed.values_list(*fields)}
    per_offering = {
        "enrollments": active_enrollments.values("offering_id"),
        "held": Session.objects.filter(held_sessions(now=now), offering__in=offerings).values("offering_id"),
        "attended": AttendanceRecord.objects.filter(
            held_sessions("session__", now),
            Q(status__in=AttendanceRecord.ATTENDED)
            | Q(status=AttendanceRecord.Status.EXCUSED, session__offering__course__excused_counts_as_attended=True),
            _active_records(active_enrollments),
            session__offering__in=offerings,
        ).values(offering_id=F("session__offering_id")),
        "certificates": Certificate.objects.filter(
            enrollment__offering__in=offerings, is_current=True, revoked_at__isnull=True
        ).values(offering_id=F("enrollment__offering_id")),
    }
    for name, grouped in per_offering.items():
        for offering_id, n in grouped.annotate(n=Count("pk")).values_list("offering_id", "n"):
            setattr(rows[offering_id], name, n)
    for offering_id, (responses, overall_sum, overall_n) in survey_counts(offerings).items():
        row = rows[offering_id]
        row.responses, row.overall_sum, row.overall_n = responses, overall_sum, overall_n
    return list(rows.values())


def _unit_rows(geo: Geography, rows: list[OfferingRow], people_enrollments) -> list[UnitRow]:
    """One row per listed unit, and a first row (unit None) for what was held above their level."""
    by_unit = {unit.pk: UnitRow(unit) for unit in geo.units}
    above = UnitRow(None)
    offering_units = {}
    for row in rows:
        listed = geo.units_of(row.unit_id, row.unit_scheme, row.unit_path)
        offering_units[row.unit_id] = listed
        for target in [by_unit[pk] for pk in listed] or [above]:
            target.counts[row.kind] += 1
            target.enrollments += row.enrollments
    if all(row.unit_scheme == geo.scheme for row in rows):
        # Each offering falls under one listed unit, named by a prefix of its path: count in SQL.
        by_path = {unit.path: by_unit[unit.pk] for unit in geo.units}
        grouped = people_enrollments.values(prefix=Substr("offering__unit__path", 1, geo.path_length or 1))
        for prefix, n in grouped.annotate(n=Count("participant_id", distinct=True)).values_list("prefix", "n"):
            by_path.get(prefix, above).people += n
    else:  # mapped across the reform: an offering may fall under several units
        people = defaultdict(set)
        pairs = people_enrollments.values_list("offering__unit_id", "participant_id").distinct()
        for unit_id, participant_id in pairs:
            for pk in offering_units.get(unit_id) or [None]:
                people[pk].add(participant_id)
        for pk, members in people.items():
            (by_unit[pk] if pk else above).people = len(members)
    return [above, *by_unit.values()]


def _knowledge(rows: list[OfferingRow], offerings) -> list[KnowledgeRow]:
    """Average best pre-test and final-test scores, over the learners of these classes who took both."""
    courses = CoursePage.objects.filter(
        pk__in={row.course_id for row in rows if row.course_id}, pre_test__isnull=False, final_test__isnull=False
    ).values_list("title", "pre_test_id", "final_test_id")
    courses = list(courses)
    if not courses:
        return []
    tests = [test for _title, pre, final in courses for test in (pre, final)]
    best = {
        (lesson_id, user_id): float(score)
        for lesson_id, user_id, score in QuizAttempt.objects.filter(
            lesson_id__in=tests, user__participant__enrollments__offering__in=offerings.filter(kind=Kind.CLASS)
        )
        .values("lesson_id", "user_id")
        .annotate(best=Max("percent"))
        .values_list("lesson_id", "user_id", "best")
    }
    result = []
    for title, pre, final in courses:
        pairs = [
            (score, best[(final, user)]) for (lesson, user), score in best.items()
            if lesson == pre and (final, user) in best
        ]  # fmt: skip
        if pairs:
            before = round(sum(p for p, _f in pairs) / len(pairs), 1)
            after = round(sum(f for _p, f in pairs) / len(pairs), 1)
            result.append(KnowledgeRow(title, len(pairs), before, after))
    return result


def program_figures(report_filter: ReportFilter, *, now=None) -> ProgramFigures:
    """Everything the dashboard shows. About a dozen queries, whatever the size of the program."""
    now = now or timezone.now()
    offerings = filtered_offerings(report_filter)
    people_enrollments = Enrollment.objects.filter(offering__in=offerings, status__in=Enrollment.ACTIVE)
    rows = _offering_rows(offerings, people_enrollments, now)
    people_groups = list(  # a semi-join: each person once, without a DISTINCT per group
        Participant.objects.filter(pk__in=people_enrollments.values("participant_id"))
        .values("category", "gender")
        .annotate(n=Count("pk"))
        .values_list("category", "gender", "n")
        .order_by()
    )
    people_by_track = dict(
        people_enrollments.filter(offering__kind=Kind.CLASS)
        .values("offering__track")
        .annotate(n=Count("participant_id", distinct=True))
        .values_list("offering__track", "n")
    )
    geo = geography(report_filter.scheme, report_filter.root)
    targets = {}
    if report_filter.year and report_filter.is_whole_program:
        targets = {target.track: target for target in TrainingTarget.objects.filter(year=report_filter.year)}
    return ProgramFigures(
        filter=report_filter, geography=geo, rows=rows, people_groups=people_groups, people_by_track=people_by_track,
        units=_unit_rows(geo, rows, people_enrollments), targets=targets, knowledge=_knowledge(rows, offerings),
        today=timezone.localdate(now),
    )  # fmt: skip
