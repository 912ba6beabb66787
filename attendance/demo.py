"""Demo sessions: a morning-and-afternoon schedule for each demo offering of the current year."""

from django.utils import timezone

from enrollment.models import Offering

from .services import schedule_generate


def attendance_demo_build() -> None:
    """Idempotent: existing sessions are kept."""
    year = timezone.localdate().year
    for offering in Offering.objects.filter(code__startswith=f"HN-{year}-", code__endswith="-01"):
        days = (offering.ends_on - offering.starts_on).days + 1
        schedule_generate(offering=offering, first_day=offering.starts_on, days=days)
