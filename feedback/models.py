"""Surveys after a class (phiếu khảo sát): templates of questions, the survey each offering uses, the
answers, and, apart from them, the fact that an enrollment has answered.

Anonymity is structural. An answer (SurveyResponse and its SurveyAnswer rows) names no person, carries no
time and has a random id, so neither a column nor the order of ids links it to whoever gave it; the fact that
someone answered is a separate row (SurveyAnswered, one per enrollment: a unique constraint), which is what
makes each person answer once and reminders reach only those who have not. A template may be made named
(`anonymous` off): its responses then keep their enrollment.
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from enrollment.models import Offering

SCALE = range(1, 6)  # the 1-5 scale of every rated question


class SurveyTemplate(ClusterableModel):
    """A form of questions (administrators, Cài đặt > Mẫu phiếu khảo sát). One template per kind of
    offering is its default; an offering may use another, or none."""

    code = models.SlugField(
        _("code"), max_length=50, unique=True, blank=True, null=True,
        help_text=_("Set on the templates the system ships (standard-class, ...); leave empty for your own."),
    )  # fmt: skip
    name = models.CharField(_("name"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True, help_text=_("Shown above the questions."))
    default_for = models.CharField(
        _("default for"), max_length=20, choices=Offering.Kind.choices, blank=True,
        help_text=_("Offerings of this kind use this template unless another is chosen for them."),
    )  # fmt: skip
    anonymous = models.BooleanField(
        _("anonymous"), default=True,
        help_text=_("Answers are stored without the person; only the fact that they answered is kept. Untick to "
                    "keep who gave each answer (a named survey)."),
    )  # fmt: skip

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("default_for")]),
        FieldPanel("anonymous"),
        FieldPanel("intro"),
        InlinePanel("questions", heading=_("Questions"), label=_("Question"), min_num=1),
    ]

    class Meta:
        verbose_name = _("survey template")
        verbose_name_plural = _("survey templates")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["default_for"], condition=~Q(default_for=""), name="one_default_per_kind")
        ]

    def __str__(self):
        return self.name


class SurveyQuestion(Orderable):
    class Group(models.TextChoices):
        ORGANISATION = "organisation", _("Organisation and venue")
        CONTENT = "content", _("Content")
        TRAINER = "trainer", _("Trainers and speakers")
        USEFULNESS = "usefulness", _("Usefulness")
        OVERALL = "overall", _("Overall")

    class Kind(models.TextChoices):
        SCALE = "scale", _("Scale from 1 to 5")
        SINGLE = "single", _("One choice")
        MULTIPLE = "multiple", _("Several choices")
        TEXT = "text", _("Free text")

    template = ParentalKey(SurveyTemplate, on_delete=models.CASCADE, related_name="questions")
    group = models.CharField(_("group"), max_length=20, choices=Group.choices, default=Group.CONTENT)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SCALE)
    text = models.CharField(_("question"), max_length=500)
    options = models.TextField(_("options"), blank=True, help_text=_("For choices: one option per line."))
    low_label = models.CharField(_("label of 1"), max_length=60, blank=True, help_text=_("Empty: “Very dissatisfied”."))
    high_label = models.CharField(_("label of 5"), max_length=60, blank=True, help_text=_("Empty: “Very satisfied”."))
    required = models.BooleanField(_("required"), default=True)
    is_overall = models.BooleanField(
        _("overall satisfaction"), default=False,
        help_text=_("The dashboard's satisfaction figure is the average of this question (a 1-5 scale)."),
    )  # fmt: skip

    panels = [
        FieldRowPanel([FieldPanel("group"), FieldPanel("kind"), FieldPanel("required")]),
        FieldPanel("text"),
        FieldPanel("options"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("low_label"), FieldPanel("high_label"), FieldPanel("is_overall")])],
            heading=_("Scale"),
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("survey question")
        verbose_name_plural = _("survey questions")

    def __str__(self):
        return self.text

    @property
    def option_list(self) -> list[str]:
        return [line.strip() for line in self.options.splitlines() if line.strip()]

    @property
    def is_choice(self) -> bool:
        return self.kind in (self.Kind.SINGLE, self.Kind.MULTIPLE)

    def clean(self):
        errors = {}
        if self.is_choice and len(self.option_list) < 2:
            errors["options"] = _("A choice question needs at least two options, one per line.")
        if not self.is_choice and self.options.strip():
            errors["options"] = _("Only choice questions have options.")
        if self.is_overall and self.kind != self.Kind.SCALE:
            errors["is_overall"] = _("The overall satisfaction question is a scale from 1 to 5.")
        if errors:
            raise ValidationError(errors)


class OfferingSurvey(models.Model):
    """The survey an offering uses when it is not its kind's default: another template, or none. Recorded
    too when the first answer comes in, so that the answers and the survey stay together whatever the
    defaults become."""

    offering = models.OneToOneField(Offering, verbose_name=_("offering"), on_delete=models.CASCADE,
                                    related_name="survey")  # fmt: skip
    template = models.ForeignKey(
        SurveyTemplate, verbose_name=_("survey template"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="offering_surveys",
    )  # fmt: skip

    class Meta:
        verbose_name = _("survey of an offering")
        verbose_name_plural = _("surveys of offerings")

    def __str__(self):
        return f"{self.offering.code}: {self.template or '—'}"


class Channel(models.TextChoices):
    ONLINE = "online", _("Online")
    PAPER = "paper", _("Paper form")


class SurveyResponse(models.Model):
    """One filled form. No person (unless the template is named), no time, a random id."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    offering = models.ForeignKey(Offering, verbose_name=_("offering"), on_delete=models.CASCADE,
                                 related_name="survey_responses")  # fmt: skip
    template = models.ForeignKey(SurveyTemplate, on_delete=models.PROTECT, related_name="responses")
    # Only for a named template (SurveyTemplate.anonymous off).
    enrollment = models.ForeignKey(
        "enrollment.Enrollment", null=True, blank=True, on_delete=models.SET_NULL, related_name="named_responses"
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices, default=Channel.ONLINE)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        # Trainers: the results of the offerings they teach, once enough answers are in (selectors.py).
        permissions = [("view_own_results", "Can view the survey results of the offerings they teach")]
        indexes = [models.Index(fields=["offering", "template"])]

    def __str__(self):
        return f"{self.offering.code}: {self.pk}"


class SurveyAnswer(models.Model):
    """The answer to one question: a rating (1-5), one row per option chosen (its place in the list, from 0),
    or a text."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.PROTECT, related_name="answers")
    scale = models.PositiveSmallIntegerField(null=True, blank=True)
    option = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        constraints = [
            models.CheckConstraint(
                condition=Q(scale__isnull=True) | Q(scale__gte=1, scale__lte=5), name="survey_scale_1_to_5"
            ),
            models.CheckConstraint(condition=Q(option__isnull=True) | Q(option__lte=200), name="survey_option_bounded"),
        ]
        indexes = [models.Index(fields=["question", "scale"]), models.Index(fields=["question", "option"])]

    def __str__(self):
        return str(self.scale or self.option or self.text[:40])


class SurveyAnswered(models.Model):
    """That an enrollment has answered its offering's survey (online, or a paper form handed in): one row,
    never two (the constraint settles a double submission), and nothing about what they answered."""

    enrollment = models.OneToOneField("enrollment.Enrollment", verbose_name=_("enrollment"),
                                      on_delete=models.CASCADE, related_name="survey_answered")  # fmt: skip
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices, default=Channel.ONLINE)
    answered_on = models.DateField(_("answered on"))

    class Meta:
        verbose_name = _("survey answered")
        verbose_name_plural = _("surveys answered")

    def __str__(self):
        return f"{self.enrollment_id}: {self.answered_on}"


class SurveyReminder(models.Model):
    """A reminder sent to an enrollment that had not answered: at most one a day each."""

    enrollment = models.ForeignKey("enrollment.Enrollment", on_delete=models.CASCADE, related_name="survey_reminders")
    sent_on = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["enrollment", "sent_on"], name="one_survey_reminder_a_day")]

    def __str__(self):
        return f"{self.enrollment_id}: {self.sent_on}"
