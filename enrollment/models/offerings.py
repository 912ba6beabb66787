"""Offerings (a class, a conference or a study tour) and enrollments in them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.roles import Role
from courses.models import TrackPage
from lms.params import bounded, sane_date_validators

# An offering's code is part of its address (/lop/HN-2026-SX-03/): letters and digits without diacritics,
# and "-", "_" or "." between them. A "/" would break every page that links to it.
CODE_PATTERN = r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?"
code_validator = RegexValidator(
    rf"\A{CODE_PATTERN}\Z",
    _("Use letters without diacritics, digits and “-”, “_” or “.” between them, for example HN-2026-SX-03."),
)


class Offering(models.Model):
    class Kind(models.TextChoices):
        CLASS = "class", _("Class")
        CONFERENCE = "conference", _("Conference")
        STUDY_TOUR = "study_tour", _("Study tour")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for registration")
        CLOSED = "closed", _("Registration closed")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    code = models.CharField(
        _("code"), max_length=30, unique=True, validators=[code_validator], help_text=_("For example HN-2019-SX-03.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.CLASS)
    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("course"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="offerings",
    )  # fmt: skip
    track = models.CharField(_("track"), max_length=20, choices=TrackPage.Code.choices, blank=True)
    title = models.CharField(_("title"), max_length=255)
    unit = models.ForeignKey(
        "enrollment.AdministrativeUnit", verbose_name=_("administrative unit"), on_delete=models.PROTECT,
        related_name="offerings",
    )  # fmt: skip
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    starts_on = models.DateField(_("starts on"), validators=sane_date_validators)
    ends_on = models.DateField(_("ends on"), validators=sane_date_validators)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, validators=bounded(100_000), help_text=_("Empty: no limit.")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    # Staff of the role only: the choices must never list every learner's name.
    organizers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organizers"),
        blank=True,
        related_name="offerings_organized",
        limit_choices_to={"groups__name": Role.ORGANIZER.value},
    )
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainers"),
        blank=True,
        related_name="offerings_taught",
        limit_choices_to={"groups__name": Role.TRAINER.value},
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("offering")
        verbose_name_plural = _("offerings")
        ordering = ["-starts_on", "code"]
        indexes = [models.Index(fields=["unit", "starts_on"]), models.Index(fields=["status", "starts_on"])]

    def __str__(self):
        return f"{self.code} – {self.title}"

    def clean(self):
        errors = {}
        if self.kind == self.Kind.CLASS and not self.course_id:
            errors["course"] = _("A class teaches a course: choose one.")
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The end date is before the start date.")
        if errors:
            raise ValidationError(errors)


class EnrollmentQuerySet(models.QuerySet):
    def active(self):
        """Enrollments that count: a seat taken, a learner of the class (Enrollment.ACTIVE)."""
        return self.filter(status__in=Enrollment.ACTIVE)


class Enrollment(models.Model):
    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        WAITLISTED = "waitlisted", _("Waiting list")
        CANCELLED = "cancelled", _("Cancelled")
        COMPLETED = "completed", _("Completed")
        NO_SHOW = "no_show", _("Did not attend")

    class Source(models.TextChoices):
        SELF = "self", _("Registered online")
        ROSTER = "roster", _("Roster import")
        STAFF = "staff", _("Added by staff")
        WALK_IN = "walk_in", _("Walk-in")

    # An active enrollment holds a seat, is on the attendance sheet, counts in the program's figures and
    # may read the lessons of the offering's course when the course is closed to others.
    ACTIVE = (Status.REGISTERED, Status.COMPLETED)

    participant = models.ForeignKey(
        "enrollment.Participant", verbose_name=_("participant"), on_delete=models.PROTECT, related_name="enrollments"
    )
    offering = models.ForeignKey(
        Offering, verbose_name=_("offering"), on_delete=models.CASCADE, related_name="enrollments"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.REGISTERED)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices, default=Source.STAFF)
    created_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EnrollmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrollment")
        verbose_name_plural = _("enrollments")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["participant", "offering"], name="unique_enrollment_per_offering")
        ]
        indexes = [models.Index(fields=["offering", "status", "created_at"])]

    def __str__(self):
        return f"{self.participant} – {self.offering.code}"
