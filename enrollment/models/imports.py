"""The history of roster imports: who imported which file into which offering, with what result."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RosterImport(models.Model):
    class Status(models.TextChoices):
        PREVIEWED = "previewed", _("Checked, not imported")
        IMPORTED = "imported", _("Imported")
        REJECTED = "rejected", _("Rejected")

    offering = models.ForeignKey(
        "enrollment.Offering", verbose_name=_("offering"), on_delete=models.CASCADE, related_name="roster_imports"
    )
    file = models.FileField(_("file"), upload_to="rosters/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("imported by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PREVIEWED)
    report = models.JSONField(_("result"), default=dict)
    rows = models.JSONField(default=list, editable=False)  # one outcome per row, for the preview
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)

    class Meta:
        verbose_name = _("roster import")
        verbose_name_plural = _("roster imports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.original_name} → {self.offering.code}"
