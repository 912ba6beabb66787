from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who can sign in.

    Vietnamese names are stored the Django way round: ``first_name`` holds the
    given name (tên, the last word) and ``last_name`` the family and middle
    names (họ và tên đệm), so ordering by (first_name, last_name) is
    Vietnamese name order. ``get_full_name`` puts them back in reading order.
    """

    unit = models.ForeignKey(
        "enrollment.AdministrativeUnit",
        verbose_name=_("administrative unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="staff",
        help_text=_("Organizers see and change the offerings and people of this unit and the units under it."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="accounts_user_email_ci_unique",
                violation_error_message=_("A user with this email already exists."),
            )
        ]

    def clean(self):
        # Sign-in looks the address up as typed in lower case (allauth), so an address stored with a
        # capital letter (an administrator's "Mixed.Case@...") could never sign in.
        super().clean()
        self.email = self.email.strip().lower()

    def get_full_name(self):
        return " ".join(part for part in (self.last_name, self.first_name) if part)

    def get_short_name(self):
        return self.first_name or self.email

    def __str__(self):
        return self.get_full_name() or self.email or self.username


def user_display(user) -> str:
    """How allauth names a user in messages: their name, not a generated username."""
    return user.get_full_name() or user.email
