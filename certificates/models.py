"""Certificates: the template they are printed with, the certificates themselves (with a frozen
copy of what they certify), and the counters behind their serial numbers."""

import base64
import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import PreviewableMixin


class CertificateTemplate(PreviewableMixin, models.Model):
    """Who issues and signs, and how the certificate looks (managed by administrators; the admin
    previews it live with sample data)."""

    class Kind(models.TextChoices):
        COMPLETION = "completion", _("Certificate of completion")
        ATTENDANCE = "attendance", _("Certificate of attendance")

    class PageSize(models.TextChoices):
        A4 = "A4", "A4"
        A5 = "A5", "A5"

    class Orientation(models.TextChoices):
        LANDSCAPE = "landscape", _("Landscape")
        PORTRAIT = "portrait", _("Portrait")

    name = models.CharField(_("name"), max_length=120)
    page_size = models.CharField(_("page size"), max_length=2, choices=PageSize.choices, default=PageSize.A4)
    orientation = models.CharField(
        _("orientation"), max_length=10, choices=Orientation.choices, default=Orientation.LANDSCAPE
    )
    layout = models.JSONField(
        _("positions"), default=dict, blank=True,
        help_text=_(
            "Optional, in pixels of an A4 page at 150 dpi (1754 × 1240 landscape): office [x, y, width], "
            "motto [x, y], title_y, body_width, signing [x, y], signer_name_y, qr [x, y of its bottom]. "
            "Leave empty for the standard layout; the preview shows the result."
        ),
    )  # fmt: skip
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.COMPLETION)
    title = models.CharField(_("title on the certificate"), max_length=120, default="GIẤY CHỨNG NHẬN")
    issuer = models.CharField(
        _("issuing office"), max_length=255, default="VĂN PHÒNG ĐIỀU PHỐI CHƯƠNG TRÌNH OCOP THÀNH PHỐ HÀ NỘI"
    )
    parent_office = models.CharField(
        _("parent office"), max_length=255, blank=True, default="ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI"
    )
    place = models.CharField(_("place of signing"), max_length=80, default="Hà Nội")
    signer_name = models.CharField(_("signer's name"), max_length=120, blank=True)
    signer_title = models.CharField(_("signer's title"), max_length=120, default="CHÁNH VĂN PHÒNG")
    background = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("background"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=_("Optional: a landscape image, 1200 px wide or more; it replaces the frame."),
    )  # fmt: skip
    signature = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("signature"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=_("A PNG with a transparent background."),
    )  # fmt: skip
    seal = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("seal"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=_("A PNG with a transparent background; it is placed over the signature."),
    )  # fmt: skip
    is_default = models.BooleanField(_("default template"), default=False)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("is_default")]),
        FieldRowPanel([FieldPanel("page_size"), FieldPanel("orientation")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("title")]),
        MultiFieldPanel([FieldPanel("parent_office"), FieldPanel("issuer")], heading=_("Issuing office")),
        FieldRowPanel([FieldPanel("place"), FieldPanel("signer_title"), FieldPanel("signer_name")]),
        FieldRowPanel([FieldPanel("background"), FieldPanel("signature"), FieldPanel("seal")]),
        FieldPanel("layout"),
    ]

    class Meta:
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")
        constraints = [models.UniqueConstraint(fields=["is_default"], condition=Q(is_default=True), name="one_default")]

    def __str__(self):
        return self.name

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.background and self.background.width < self.background.height:
            raise ValidationError({"background": _("The background must be landscape (wider than high).")})
        if self.background and self.background.width < 1200:
            raise ValidationError({"background": _("The background is too small: at least 1200 px wide.")})
        self._clean_layout()

    def _clean_layout(self):
        from django.core.exceptions import ValidationError

        from .rendering import LAYOUTS

        defaults = LAYOUTS[self.orientation]
        if not isinstance(self.layout, dict):
            raise ValidationError({"layout": _("Write the positions as a JSON object, or leave it empty.")})
        for key, value in self.layout.items():
            if key not in defaults:
                raise ValidationError({"layout": _("Unknown position “%(key)s”.") % {"key": key}})
            expected = defaults[key]
            shape_ok = (
                isinstance(value, list) and len(value) == len(expected) and all(isinstance(v, int) for v in value)
                if isinstance(expected, list) else isinstance(value, int)
            )  # fmt: skip
            if not shape_ok or any(v < 0 or v > 1754 for v in (value if isinstance(value, list) else [value])):
                raise ValidationError(
                    {"layout": _("“%(key)s” must look like %(example)s (pixels, 0 to 1754).")
                     % {"key": key, "example": expected}}
                )  # fmt: skip

    def sample(self) -> "Certificate":
        """An unsaved certificate with this template's office and sample data, for the preview."""
        return Certificate(
            full_name="Công Tằng Tôn Nữ Thị Phương Thảo", birth_year=1990, title=self.title, kind=self.kind,
            course_title="Xây dựng và hoàn thiện hồ sơ sản phẩm OCOP cho hợp tác xã", offering_code="HN-2026-SX-01",
            starts_on=datetime.date(2026, 11, 2), ends_on=datetime.date(2026, 11, 3), hours=8, issuer=self.issuer,
            parent_office=self.parent_office, place=self.place, signer_name=self.signer_name,
            signer_title=self.signer_title, issued_on=timezone.localdate(), serial="HN-2026-000123",
            code="7KQ2-M9XD-4TRP-WB3H-C8NF", template=self,
        )  # fmt: skip

    def serve_preview(self, request, mode_name):
        from .rendering import certificate_files

        png, _pdf = certificate_files(self.sample(), request.build_absolute_uri("/xac-minh/7KQ2-M9XD-4TRP-WB3H-C8NF/"))
        image = base64.b64encode(png).decode()
        return HttpResponse(format_html(
            '<!doctype html><meta charset="utf-8"><title>{}</title><body style="margin:0;background:#ddd">'
            '<img alt="{}" src="data:image/png;base64,{}" style="display:block;max-width:100%;margin:auto"></body>',
            self.name, self.title, image,
        ))  # fmt: skip


class SerialCounter(models.Model):
    """The last serial number used by an issuing unit in a year (locked while a number is taken)."""

    unit = models.ForeignKey("enrollment.AdministrativeUnit", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="one_counter_per_unit_year")]

    def __str__(self):
        return f"{self.unit_id}/{self.year}: {self.last}"


class Certificate(models.Model):
    enrollment = models.ForeignKey(
        "enrollment.Enrollment", verbose_name=_("enrollment"), null=True, on_delete=models.SET_NULL,
        related_name="certificates",
    )  # fmt: skip
    template = models.ForeignKey(CertificateTemplate, null=True, on_delete=models.SET_NULL, related_name="+")
    serial = models.CharField(_("serial number"), max_length=40, unique=True)
    code = models.CharField(_("verification code"), max_length=32, unique=True)
    is_current = models.BooleanField(default=True, editable=False)  # False once replaced by a re-issue

    # The frozen copy: what the certificate says, whatever happens to the course, offering or person.
    full_name = models.CharField(_("full name"), max_length=150)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=CertificateTemplate.Kind.choices)
    course_title = models.CharField(_("course or event"), max_length=255)
    offering_code = models.CharField(_("offering"), max_length=30)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1, null=True, blank=True)
    issuer = models.CharField(_("issuing office"), max_length=255)
    parent_office = models.CharField(_("parent office"), max_length=255, blank=True)
    place = models.CharField(_("place of signing"), max_length=80)
    signer_name = models.CharField(_("signer's name"), max_length=120, blank=True)
    signer_title = models.CharField(_("signer's title"), max_length=120, blank=True)

    issued_on = models.DateField(_("issued on"), default=timezone.localdate)
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("issued by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    override_reason = models.TextField(_("issued despite the rules because"), blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_reason = models.TextField(_("reason for revocation"), blank=True)
    replaced_by = models.ForeignKey(
        "self", verbose_name=_("replaced by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    png = models.FileField(upload_to="certificates/%Y/", blank=True, editable=False)
    pdf = models.FileField(upload_to="certificates/%Y/", blank=True, editable=False)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "-pk"]
        constraints = [
            # One certificate in force per enrollment: issuing twice, concurrently or on a retry, cannot add one.
            models.UniqueConstraint(
                fields=["enrollment"], condition=Q(is_current=True, enrollment__isnull=False), name="one_per_enrollment"
            ),
        ]

    def __str__(self):
        return f"{self.serial} – {self.full_name}"

    @property
    def state(self) -> str:
        if self.replaced_by_id:
            return "replaced"
        if self.revoked_at:
            return "revoked"
        if self.expires_on and self.expires_on < timezone.localdate():
            return "expired"
        return "valid"
