"""Reads shared by the enrollment pages. Each runs a fixed number of queries."""

from django.utils import timezone

from .models import Enrollment, Offering


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


def learns_in_a_class_of(course, user) -> bool:
    """Registered in, or having completed, a class of `course` (courses.selectors.READER_CHECKS)."""
    return Enrollment.objects.active().filter(participant__user=user, offering__course=course).exists()
