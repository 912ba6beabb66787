"""A session (buổi): one dated meeting of an offering."""

import secrets
from datetime import datetime, timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.params import bounded, sane_date_validators


def _new_secret() -> str:
    return secrets.token_urlsafe(24)


class Session(models.Model):
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

    def has_been_held(self, now=None) -> bool:
        """Closed, or over: it counts in attendance rates."""
        return self.is_closed or (now or timezone.now()) >= self.ends()

    def late_from(self) -> datetime:
        return self.starts() + timedelta(minutes=self.late_after_minutes)
