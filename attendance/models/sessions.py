"""A session (buổi): one dated meeting of an offering."""

import secrets
from datetime import datetime, timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lms.params import bounded, sane_date_validators


def _new_secret() -> str:
    return secrets.token_urlsafe(24)


class Session(models.Model):
    class State(models.TextChoices):
        """Where a session stands, wherever it is shown (the learner's classes, the admin's list of
        sessions, the sheet): one definition, in Hanoi's time like every date of the program."""

        UPCOMING = "upcoming", pgettext_lazy("session state", "Upcoming")
        IN_PROGRESS = "in_progress", pgettext_lazy("session state", "In progress")
        OVER = "over", pgettext_lazy("session state", "Over")
        CLOSED = "closed", pgettext_lazy("session state", "Closed")

    offering = models.ForeignKey(
        "enrollment.Offering", verbose_name=_("offering"), on_delete=models.CASCADE, related_name="sessions"
    )
    title = models.CharField(_("title"), max_length=120, help_text=_("For example “Ngày 1 - Sáng”."))
    date = models.DateField(_("date"), validators=sane_date_validators)
    starts_at = models.TimeField(_("starts at"))
    ends_at = models.TimeField(_("ends at"))
    venue = models.CharField(_("venue"), max_length=255, blank=True, help_text=_("Only if not the offering's venue."))
    required = models.BooleanField(_("required"), default=True)
    late_after_minutes = models.PositiveSmallIntegerField(
        _("late after (minutes)"),
        default=15,
        validators=bounded(240),
        help_text=_("A QR check-in this long after the start counts as late."),
    )
    phone_checkin = models.BooleanField(
        _("check-in with phone and year of birth"),
        default=False,
        help_text=_("Learners without an account identify themselves with their phone and year of birth."),
    )
    checkin_secret = models.CharField(max_length=64, default=_new_secret, editable=False)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["date", "starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["offering", "date", "starts_at"], name="one_session_per_start"),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.date:%d/%m/%Y})"

    def starts(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.date, self.starts_at))

    def ends(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.date, self.ends_at))

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    def state_at(self, now=None) -> "Session.State":
        """Closed (by the organizers, whatever the time), over (its end has passed), in progress
        (between its start and its end) or upcoming."""
        now = now or timezone.now()
        if self.is_closed:
            return self.State.CLOSED
        if now >= self.ends():
            return self.State.OVER
        if now >= self.starts():
            return self.State.IN_PROGRESS
        return self.State.UPCOMING

    @property
    def state(self) -> "Session.State":
        return self.state_at()

    def has_been_held(self, now=None) -> bool:
        """Closed, or over: it counts in attendance rates."""
        return self.state_at(now) in (self.State.CLOSED, self.State.OVER)

    def late_from(self) -> datetime:
        return self.starts() + timedelta(minutes=self.late_after_minutes)
