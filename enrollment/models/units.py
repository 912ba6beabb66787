"""Administrative units before and after the 1 July 2025 reform, and how old maps to new."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AdministrativeUnit(models.Model):
    class Scheme(models.TextChoices):
        PRE_2025 = "pre-2025", _("Before 1 July 2025 (province, district, commune)")
        CURRENT = "current", _("Since 1 July 2025 (province, commune)")

    class Level(models.TextChoices):
        PROVINCE = "province", _("Province")
        DISTRICT = "district", _("District")
        COMMUNE = "commune", _("Commune")

    class Type(models.TextChoices):
        PROVINCE = "tỉnh", "Tỉnh"
        URBAN_DISTRICT = "quận", "Quận"
        RURAL_DISTRICT = "huyện", "Huyện"
        TOWN = "thị xã", "Thị xã"
        CITY = "thành phố", "Thành phố"
        WARD = "phường", "Phường"
        COMMUNE = "xã", "Xã"
        TOWNSHIP = "thị trấn", "Thị trấn"
        SPECIAL_ZONE = "đặc khu", "Đặc khu"

    scheme = models.CharField(_("scheme"), max_length=10, choices=Scheme.choices)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    code = models.CharField(_("statistics office code"), max_length=10)
    name = models.CharField(_("name"), max_length=100)
    type = models.CharField(_("type"), max_length=30, choices=Type.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    # Codes from the province down ("01/001/00001"): a unit and everything under it share the prefix.
    path = models.CharField(max_length=40, editable=False)
    name_key = models.CharField(max_length=100, editable=False, db_index=True)

    class Meta:
        verbose_name = _("administrative unit")
        verbose_name_plural = _("administrative units")
        ordering = ["scheme", "path"]
        permissions = [("manage_all_units", _("Can see and change the data of every administrative unit"))]
        constraints = [models.UniqueConstraint(fields=["scheme", "code"], name="unique_unit_code_per_scheme")]
        indexes = [models.Index(fields=["scheme", "path"])]

    def __str__(self):
        return f"{self.get_type_display()} {self.name}"

    @property
    def full_name(self) -> str:
        return f"{self.get_type_display()} {self.name}"


class UnitMapping(models.Model):
    """A pre-2025 commune and one current commune that took all or part of it."""

    old = models.ForeignKey(AdministrativeUnit, on_delete=models.CASCADE, related_name="mapped_to")
    new = models.ForeignKey(AdministrativeUnit, on_delete=models.CASCADE, related_name="mapped_from")
    partial = models.BooleanField(_("partly merged"), default=False)

    class Meta:
        verbose_name = _("unit mapping")
        verbose_name_plural = _("unit mappings")
        constraints = [models.UniqueConstraint(fields=["old", "new"], name="unique_unit_mapping")]

    def __str__(self):
        return f"{self.old} → {self.new}"
