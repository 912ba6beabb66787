"""Reads of surveys: which survey an offering uses, when it opens, who has answered, and the results (per
offering, and summed over offerings by trainer, course and track). Each runs a fixed number of queries."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Case, Count, Exists, F, OuterRef, Q, Subquery, Sum, When
from django.urls import reverse
from django.utils import timezone

from attendance.models import Session
from enrollment import scope
from enrollment.models import Enrollment, Offering

from .models import OfferingSurvey, SurveyAnswer, SurveyAnswered, SurveyQuestion, SurveyResponse, SurveyTemplate

# Trainers see the results of an offering they teach once this many answers are in: below it, a handful of
# answers could be told apart by whoever taught the class.
TRAINER_THRESHOLD = 5
Group = SurveyQuestion.Group
GROUPS = [Group.ORGANISATION, Group.CONTENT, Group.TRAINER, Group.USEFULNESS]


# Which survey, when ------------------------------------------------------------------------------------------


def template_id_expression(prefix: str = ""):
    """SQL: the id of the survey template the offering at `prefix` ("" or "offering__") uses: its own choice
    (which may be none), else the default for its kind."""
    default = SurveyTemplate.objects.filter(default_for=OuterRef(f"{prefix}kind")).values("pk")[:1]
    return Case(
        When(**{f"{prefix}survey__isnull": False}, then=F(f"{prefix}survey__template_id")),
        default=Subquery(default),
    )


def offering_template(offering) -> SurveyTemplate | None:
    """The survey template `offering` uses, or None. One or two queries."""
    own = OfferingSurvey.objects.filter(offering=offering).select_related("template").first()
    if own is not None:
        return own.template
    return SurveyTemplate.objects.filter(default_for=offering.kind).first()


def template_questions(template) -> list[SurveyQuestion]:
    return list(template.questions.order_by("sort_order", "pk")) if template else []


def survey_opens_on(offering, sessions=None) -> datetime.date:
    """The day the survey opens: the day of the offering's last session (its last day when it has none)."""
    dates = [session.date for session in sessions] if sessions is not None else [
        date for date in Session.objects.filter(offering=offering).order_by("-date").values_list("date", flat=True)[:1]
    ]  # fmt: skip
    return max(dates) if dates else offering.ends_on


def survey_is_open(offering, sessions=None, today=None) -> bool:
    return (today or timezone.localdate()) >= survey_opens_on(offering, sessions)


def enrollment_answered(enrollment) -> bool:
    return SurveyAnswered.objects.filter(enrollment=enrollment).exists()


def learner_enrollment(user, offering) -> Enrollment | None:
    """`user`'s active enrollment in `offering`, or None."""
    participant = getattr(user, "participant", None) if user.is_authenticated else None
    if participant is None:
        return None
    return Enrollment.objects.active().filter(participant=participant, offering=offering).first()


@dataclass
class SurveyCard:
    """What a learner's class card says about its survey."""

    url: str
    answered: bool
    required: bool  # for the certificate


def survey_annotations() -> dict:
    """Annotations of an Enrollment queryset for survey_cards: its offering's template id and whether it has
    answered (no query of their own)."""
    return {
        "survey_template_id": template_id_expression("offering__"),
        "survey_done": Exists(SurveyAnswered.objects.filter(enrollment=OuterRef("pk"))),
    }


def survey_cards(enrollments, today=None) -> None:
    """Set `survey_card` (a SurveyCard, or None: no survey, not yet open, not an active enrollment) on each of
    `enrollments`, annotated with survey_annotations() and carrying `sessions_planned` (the learner's page).
    No query."""
    today = today or timezone.localdate()
    for enrollment in enrollments:
        offering = enrollment.offering
        enrollment.survey_card = None
        if enrollment.status not in Enrollment.ACTIVE or enrollment.survey_template_id is None:
            continue
        if not survey_is_open(offering, getattr(enrollment, "sessions_planned", None), today):
            continue
        required = bool(offering.course and offering.course.survey_required)
        enrollment.survey_card = SurveyCard(reverse("survey", args=[offering.code]), enrollment.survey_done, required)


def pending_enrollments(offering):
    """The active enrollments of `offering` that have not answered its survey, in name order."""
    return (
        offering.enrollments.active()
        .filter(survey_answered__isnull=True)
        .select_related("participant")
        .order_by("participant__sort_key", "pk")
    )


def answered_enrollment_ids(enrollment_ids) -> set[int]:
    return set(SurveyAnswered.objects.filter(enrollment_id__in=enrollment_ids).values_list("enrollment_id", flat=True))


def offerings_with_survey(offering_ids) -> set[int]:
    """Which of these offerings have a survey. One query."""
    return set(
        Offering.objects.filter(pk__in=offering_ids)
        .annotate(template=template_id_expression())
        .filter(template__isnull=False)
        .values_list("pk", flat=True)
    )


# Results of one offering -----------------------------------------------------------------------------------------


@dataclass
class QuestionResult:
    question: SurveyQuestion
    answered: int = 0  # responses that answered it
    total: int = 0  # sum of ratings (scale)
    counts: list[int] = field(default_factory=list)  # per rating 1-5, or per option
    texts: list[str] = field(default_factory=list)

    @property
    def average(self) -> float | None:
        return round(self.total / self.answered, 2) if self.question.kind == "scale" and self.answered else None

    @property
    def labels(self) -> list[str]:
        return [str(n) for n in range(1, 6)] if self.question.kind == "scale" else self.question.option_list

    @property
    def distribution(self) -> list[tuple[str, int, float]]:
        """(label, count, percent of those who answered) per rating or option."""
        return [
            (label, n, round(100 * n / self.answered, 1) if self.answered else 0.0)
            for label, n in zip(self.labels, self.counts, strict=False)
        ]


@dataclass
class OfferingResults:
    offering: Offering
    template: SurveyTemplate | None
    responses: int
    enrolled: int
    questions: list[QuestionResult]
    named: list = field(default_factory=list)  # (response id, person's name) for a named survey

    @property
    def response_rate(self) -> float | None:
        return min(100.0, round(100 * self.responses / self.enrolled, 1)) if self.enrolled else None

    @property
    def overall(self) -> float | None:
        return next((row.average for row in self.questions if row.question.is_overall), None)

    @property
    def groups(self) -> list[tuple[str, list[QuestionResult], list[QuestionResult]]]:
        """(group label, its rated questions, its other questions), in the order of the questions."""
        groups = []
        for row in self.questions:
            label = row.question.get_group_display()
            if not groups or groups[-1][0] != label:
                groups.append((label, [], []))
            groups[-1][1 if row.question.kind == "scale" else 2].append(row)
        return groups


def offering_results(offering, template=None) -> OfferingResults:
    """Counts, averages, distributions and free-text answers of `offering`'s survey. Five queries."""
    template = template or offering_template(offering)
    questions = template_questions(template)
    rows = {question.pk: QuestionResult(question) for question in questions}
    for row in rows.values():
        row.counts = [0] * len(row.labels)
    responses = SurveyResponse.objects.filter(offering=offering, template=template)
    answers = SurveyAnswer.objects.filter(response__in=responses)
    for question_id, scale, option, n in (
        answers.exclude(question__kind="text").values("question_id", "scale", "option")
        .annotate(n=Count("pk")).order_by().values_list("question_id", "scale", "option", "n")
    ):  # fmt: skip
        row = rows.get(question_id)
        if row is None:
            continue
        index = scale - 1 if scale is not None else option
        if index is not None and 0 <= index < len(row.counts):
            row.counts[index] += n
            row.total += (scale or 0) * n
    for question_id, n in (
        answers.values("question_id").annotate(n=Count("response_id", distinct=True)).order_by()
        .values_list("question_id", "n")
    ):  # fmt: skip
        if question_id in rows:
            rows[question_id].answered = n
    named = template is not None and not template.anonymous
    texts = answers.filter(question__kind="text").exclude(text="").order_by("question_id", "text")
    for question_id, text in texts.values_list("question_id", "text"):
        if question_id in rows:
            rows[question_id].texts.append(text)
    return OfferingResults(
        offering=offering, template=template, responses=responses.count(),
        enrolled=offering.enrollments.active().count(), questions=list(rows.values()),
        named=list(
            responses.filter(enrollment__isnull=False).values_list("pk", "enrollment__participant__full_name")
        ) if named else [],
    )  # fmt: skip


def results_visible_to(user, offering, responses: int) -> bool:
    """Whether `user` reads `offering`'s results: staff who may read results in its unit, or one of its
    trainers once TRAINER_THRESHOLD answers are in."""
    if user.has_perm("feedback.view_surveyresponse") and result_offerings(user).filter(pk=offering.pk).exists():
        return True
    return responses >= TRAINER_THRESHOLD and offering.trainers.filter(pk=user.pk).exists()


def result_offerings(user):
    """The offerings whose results `user` reads in full: with the permission, those of their units (every
    one for administrators); none without it."""
    if not user.has_perm("feedback.view_surveyresponse"):
        return Offering.objects.none()
    return scope.scope_offerings(user, Offering.objects.all())


# Summed over offerings ---------------------------------------------------------------------------------------------


@dataclass
class Satisfaction:
    """Sums over some offerings' surveys; averages read from them, so rows add up."""

    offerings: int = 0
    enrolled: int = 0  # active enrollments of those offerings
    responses: int = 0
    sums: dict = field(default_factory=dict)  # group or "overall" -> [sum of ratings, number of ratings]

    def add(self, other: "Satisfaction") -> None:
        self.offerings += other.offerings
        self.enrolled += other.enrolled
        self.responses += other.responses
        for key, (total, n) in other.sums.items():
            mine = self.sums.setdefault(key, [0, 0])
            mine[0] += total
            mine[1] += n

    def average(self, key) -> float | None:
        total, n = self.sums.get(key, (0, 0))
        return round(total / n, 2) if n else None

    @property
    def overall(self) -> float | None:
        return self.average("overall")

    @property
    def response_rate(self) -> float | None:
        return min(100.0, round(100 * self.responses / self.enrolled, 1)) if self.enrolled else None

    @property
    def group_averages(self) -> list[float | None]:
        return [self.average(group) for group in GROUPS]


def offering_satisfaction(offerings) -> dict[int, Satisfaction]:
    """For each of `offerings` (a queryset) that has a survey: its Satisfaction. Three queries."""
    with_survey = offerings.annotate(template=template_id_expression()).filter(template__isnull=False)
    result = {
        pk: Satisfaction(offerings=1, enrolled=n)
        for pk, n in with_survey.annotate(n=Count("enrollments", filter=Q(enrollments__status__in=Enrollment.ACTIVE)))
        .values_list("pk", "n")
    }  # fmt: skip
    for offering_id, n in (
        SurveyResponse.objects.filter(offering_id__in=list(result)).values("offering_id").annotate(n=Count("pk"))
        .order_by().values_list("offering_id", "n")
    ):  # fmt: skip
        result[offering_id].responses = n
    for offering_id, group, overall, total, n in (
        SurveyAnswer.objects.filter(response__offering_id__in=list(result), scale__isnull=False)
        .values("response__offering_id", "question__group", "question__is_overall")
        .annotate(total=Sum("scale"), n=Count("pk")).order_by()
        .values_list("response__offering_id", "question__group", "question__is_overall", "total", "n")
    ):  # fmt: skip
        sums = result[offering_id].sums
        for key in (group, "overall") if overall else (group,):
            mine = sums.setdefault(key, [0, 0])
            mine[0] += total
            mine[1] += n
    return result


def survey_counts(offerings) -> dict[int, tuple[int, int, int]]:
    """{offering id: (responses, sum of the overall ratings, number of them)} for the dashboard. One query."""
    overall = Q(answers__question__is_overall=True, answers__scale__isnull=False)
    return {
        offering_id: (n, total or 0, rated)
        for offering_id, n, total, rated in SurveyResponse.objects.filter(offering__in=offerings)
        .values("offering_id")
        .annotate(n=Count("pk", distinct=True), total=Sum("answers__scale", filter=overall),
                  rated=Count("answers", filter=overall))
        .order_by()
        .values_list("offering_id", "n", "total", "rated")
    }  # fmt: skip
