"""Reads shared by the enrollment pages. Each runs a fixed number of queries."""

from django.db.models import Prefetch
from django.utils import timezone

from certificates.models import Certificate

from .models import Enrollment, Offering


def learner_enrollments(user) -> list[Enrollment]:
    participant = getattr(user, "participant", None) if user.is_authenticated else None
    if participant is None:
        return []
    current = Prefetch(
        "certificates", queryset=Certificate.objects.filter(is_current=True), to_attr="current_certificates"
    )
    return list(
        Enrollment.objects.filter(participant=participant)
        .exclude(status=Enrollment.Status.CANCELLED)
        .select_related("offering__unit", "offering__course")
        .prefetch_related(current)
        .order_by("-offering__starts_on")
    )


def open_offerings(exclude_ids=(), limit=20) -> list[Offering]:
    today = timezone.localdate()
    return list(
        Offering.objects.filter(status=Offering.Status.OPEN, ends_on__gte=today)
        .exclude(pk__in=exclude_ids)
        .select_related("unit", "course")
        .order_by("starts_on", "code")[:limit]
    )


def offering_seats_taken(offering) -> int:
    """The one count of seats: what capacity is measured against."""
    return offering.enrollments.active().count()


def offering_has_started(offering) -> bool:
    return offering.starts_on <= timezone.localdate()
