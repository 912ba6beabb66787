"""The history of roster imports: who imported which file into which offering, with what result,
and the outcome of each row (for the preview, kept for the record)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class RosterImport(models.Model):
    class Status(models.TextChoices):
        CHECKING = "checking", _("Being checked")
        PREVIEWED = "previewed", _("Checked, not imported")
        IMPORTING = "importing", _("Being imported")
        IMPORTED = "imported", _("Imported")
        REJECTED = "rejected", _("Rejected")
        FAILED = "failed", _("Failed")

    RUNNING = (Status.CHECKING, Status.IMPORTING)

    offering = models.ForeignKey(
        "enrollment.Offering", verbose_name=_("offering"), on_delete=models.CASCADE, related_name="roster_imports"
    )
    file = models.FileField(_("file"), upload_to="rosters/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("imported by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CHECKING)
    report = models.JSONField(_("result"), default=dict)
    estimated_rows = models.PositiveIntegerField(default=0, editable=False)  # for the progress bar
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)

    class Meta:
        verbose_name = _("roster import")
        verbose_name_plural = _("roster imports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.original_name} → {self.offering.code}"

    @property
    def is_running(self) -> bool:
        return self.status in self.RUNNING


class MatchKey(models.TextChoices):
    """What found a roster row's person on record (enrollment.roster.matching)."""

    ID = "id", _("ID number")
    PHONE = "phone", _("Phone number")
    EMAIL = "email", _("Email")
    NAME = "name", _("Full name and year of birth")


class RosterImportRow(models.Model):
    """What the check (then the import) made of one row of the file."""

    class Status(models.TextChoices):
        NEW = "new", pgettext_lazy("roster row", "New")
        MATCHED = "matched", _("Matched")
        DUPLICATE = "duplicate", _("Duplicate in file")
        AMBIGUOUS = "ambiguous", _("Ambiguous")
        NEAR = "near", _("May be a duplicate")  # close to someone (enrollment.roster.matching), for the clerk
        ERROR = "error", _("Error")
        SKIPPED = "skipped", _("Skipped")
        INVALID = "invalid", _("Skipped: errors")  # an error row left out when the valid rows were imported

    TO_SETTLE = (Status.AMBIGUOUS, Status.NEAR)  # rows the clerk decides: who is this?

    roster_import = models.ForeignKey(RosterImport, on_delete=models.CASCADE, related_name="rows")
    row = models.PositiveIntegerField(_("row"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    full_name = models.CharField(_("full name"), max_length=255, blank=True)
    participant = models.ForeignKey(
        "enrollment.Participant", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    candidates = models.JSONField(default=list)  # participant ids an ambiguous row may be
    messages = models.JSONField(default=list)  # errors and warnings, as shown
    # A row with errors: its cells as read (text, under the import's report["columns"], at most
    # reader.MAX_CELL_KEPT characters each), to give it back to be corrected.
    values = models.JSONField(default=list, blank=True)
    # What was made of the cells: [what, as typed, as stored] (what: full_name, birth, phone, national_id,
    # email, address, the last with the unit it resolved to), shown beside each other in the preview.
    cleaned = models.JSONField(default=list, blank=True)
    matched_on = models.CharField(_("matched on"), max_length=10, choices=MatchKey.choices, blank=True)

    class Meta:
        ordering = ["row"]
        indexes = [models.Index(fields=["roster_import", "status", "row"])]
        constraints = [models.UniqueConstraint(fields=["roster_import", "row"], name="roster_row_once")]

    def __str__(self):
        return f"{self.row}: {self.full_name} ({self.status})"
