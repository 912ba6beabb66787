"""Organizations and participants: people with or without a login."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lms.params import bounded


class Organization(models.Model):
    class Kind(models.TextChoices):
        COOPERATIVE = "cooperative", _("Cooperative (HTX)")
        ENTERPRISE = "enterprise", _("Enterprise")
        HOUSEHOLD = "household", _("Household business")
        FARM = "farm", _("Farm")
        AGENCY = "agency", _("Government agency")
        OTHER = "other", _("Other")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=255)
    name_key = models.CharField(max_length=255, editable=False, db_index=True)
    tax_code = models.CharField(_("registration or tax code"), max_length=20, blank=True)
    unit = models.ForeignKey(
        "enrollment.AdministrativeUnit", verbose_name=_("unit"), null=True, blank=True, on_delete=models.PROTECT
    )

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["name_key"]
        constraints = [
            models.UniqueConstraint(fields=["tax_code"], condition=~Q(tax_code=""), name="unique_organization_tax_code")
        ]

    def __str__(self):
        return self.name


class OcopProduct(models.Model):
    class Category(models.TextChoices):
        """The product groups of the OCOP evaluation criteria (Decision 148/QĐ-TTg, 2023)."""

        FOOD = "food", _("Food")
        BEVERAGES = "beverages", _("Beverages")
        HERBAL = "herbal", _("Herbal products")
        TEXTILES = "textiles", _("Textiles and garments")
        CRAFTS = "crafts", _("Souvenirs, furniture and decoration")
        TOURISM = "tourism", _("Community tourism services and tourist sites")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="products")
    name = models.CharField(_("product"), max_length=255)
    stars = models.PositiveSmallIntegerField(_("stars"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    year = models.PositiveSmallIntegerField(_("year ranked"), validators=bounded(2100, minimum=2000))
    category = models.CharField(_("product group"), max_length=20, choices=Category.choices, blank=True)

    class Meta:
        verbose_name = _("OCOP product")
        verbose_name_plural = _("OCOP products")
        ordering = ["-year", "name"]

    def __str__(self):
        return f"{self.name} ({self.stars}★, {self.year})"


class Participant(models.Model):
    class Gender(models.TextChoices):
        MALE = "male", _("Male")
        FEMALE = "female", _("Female")
        UNKNOWN = "", _("Not stated")

    class Category(models.TextChoices):
        STEERING = "steering", _("Steering board")
        COUNCIL = "council", _("Evaluation council")
        ADVISORY = "advisory", _("Advisory team")
        OFFICER = "officer", _("Program officer")
        COOPERATIVE = "cooperative", _("Cooperative")
        ENTERPRISE = "enterprise", _("Enterprise")
        HOUSEHOLD = "household", _("Household business")
        FARM = "farm", _("Farm")
        OTHER = "other", _("Other")

    full_name = models.CharField(_("full name"), max_length=150)
    # Folded name for search ("nguyen thi hong dao") and a key that sorts in
    # Vietnamese order (given name first); both kept by the services.
    name_key = models.CharField(max_length=150, editable=False, db_index=True)
    sort_key = models.CharField(max_length=400, editable=False, db_index=True)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    birth_year = models.PositiveSmallIntegerField(
        _("year of birth"), null=True, blank=True, validators=bounded(2100, minimum=1900)
    )
    phone = models.CharField(_("phone"), max_length=15, blank=True)
    email = models.EmailField(_("email"), blank=True)
    national_id = models.CharField(_("national ID (CCCD/CMND)"), max_length=12, blank=True)
    position = models.CharField(_("position"), max_length=150, blank=True)
    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="participants",
    )  # fmt: skip
    unit = models.ForeignKey(
        "enrollment.AdministrativeUnit", verbose_name=_("unit"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="participants",
    )  # fmt: skip
    category = models.CharField(_("category"), max_length=20, choices=Category.choices, default=Category.OTHER)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("account"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="participant",
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["sort_key"]
        constraints = [
            models.UniqueConstraint(fields=["phone"], condition=~Q(phone=""), name="unique_participant_phone"),
            models.UniqueConstraint(fields=["email"], condition=~Q(email=""), name="unique_participant_email"),
            models.UniqueConstraint(
                fields=["national_id"], condition=~Q(national_id=""), name="unique_participant_national_id"
            ),
        ]
        # A roster's namesakes and near-duplicates are looked for by year of birth and a prefix of the name
        # (enrollment.roster.matching); PostgreSQL reads a LIKE prefix as a range with pattern operators.
        indexes = [
            models.Index(fields=["unit", "sort_key"]),
            *(
                models.Index(fields=["birth_year", key], opclasses=["int2_ops", "varchar_pattern_ops"],
                             name=f"participant_year_{key}")
                for key in ("name_key", "sort_key")
            ),
        ]  # fmt: skip

    def __str__(self):
        return self.full_name


class ParticipantMerge(models.Model):
    """A record of two participants merged into one: who, when, what was kept."""

    survivor = models.ForeignKey(
        Participant, verbose_name=_("kept"), null=True, on_delete=models.SET_NULL, related_name="merges"
    )
    merged_name = models.CharField(_("merged person"), max_length=150)
    merged_data = models.JSONField(_("merged person's details"))
    choices = models.JSONField(_("values taken from the merged person"))
    enrollments_moved = models.PositiveIntegerField(_("enrollments moved"), default=0)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("merged by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("merged at"), auto_now_add=True)

    class Meta:
        verbose_name = _("participant merge")
        verbose_name_plural = _("participant merges")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.merged_name} → {self.survivor}"
