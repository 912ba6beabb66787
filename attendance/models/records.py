"""Attendance records: one per enrollment and session, and the history of their changes."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AttendanceRecord(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        LATE = "late", _("Late")
        EXCUSED = "excused", _("Excused")
        ABSENT = "absent", _("Absent")

    class Method(models.TextChoices):
        SHEET = "sheet", _("Attendance sheet")
        QR = "qr", _("QR check-in")
        PHONE = "phone", _("Phone and year of birth")
        IMPORT = "import", _("Sign-in sheet import")
        WALK_IN = "walk_in", _("Walk-in")
        CLOSE = "close", _("Session closed")

    ATTENDED = (Status.PRESENT, Status.LATE)

    enrollment = models.ForeignKey(
        "enrollment.Enrollment", verbose_name=_("enrollment"), on_delete=models.CASCADE, related_name="attendance"
    )
    session = models.ForeignKey(
        "attendance.Session", verbose_name=_("session"), on_delete=models.CASCADE, related_name="records"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    method = models.CharField(_("method"), max_length=10, choices=Method.choices)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    note = models.CharField(_("note"), max_length=255, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("attendance record")
        verbose_name_plural = _("attendance records")
        constraints = [models.UniqueConstraint(fields=["enrollment", "session"], name="one_record_per_session")]
        indexes = [models.Index(fields=["session", "status"])]

    def __str__(self):
        return f"{self.enrollment_id} @ {self.session_id}: {self.status}"


class AttendanceChange(models.Model):
    """Who changed a record, from what to what, when and how."""

    record = models.ForeignKey(AttendanceRecord, on_delete=models.CASCADE, related_name="changes")
    old_status = models.CharField(_("from"), max_length=10, blank=True)
    new_status = models.CharField(_("to"), max_length=10)
    method = models.CharField(_("method"), max_length=10, choices=AttendanceRecord.Method.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("changed by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("attendance change")
        verbose_name_plural = _("attendance changes")
        ordering = ["-changed_at", "-pk"]

    def __str__(self):
        return f"{self.record_id}: {self.old_status} → {self.new_status}"
