"""Reads shared by the enrollment pages. Each runs a fixed number of queries."""

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from . import scope
from .models import Enrollment, Offering, RosterImport, RosterImportRow


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


def rosters_waiting(user) -> list[RosterImport]:
    """Roster imports checked and waiting for the organizer's decision (import, settle the ambiguous rows,
    skip the rows with errors), in the offerings of `user`'s units, newest first. One replaced by a later
    upload of a file of the same name into the same offering (corrected and uploaded again), read since, is
    not waiting any more; one of a cancelled offering neither. Each has `ambiguous` and `errors` (its rows
    of those kinds). One query."""
    if not user.has_perm("enrollment.add_enrollment"):
        return []
    offerings = scope.scope_offerings(user, Offering.objects.exclude(status=Offering.Status.CANCELLED))
    replaced = RosterImport.objects.filter(
        offering=OuterRef("offering"), original_name=OuterRef("original_name"), created_at__gt=OuterRef("created_at")
    ).exclude(status__in=[RosterImport.Status.REJECTED, RosterImport.Status.FAILED])
    return list(
        RosterImport.objects.filter(status=RosterImport.Status.PREVIEWED, offering__in=offerings.values("pk"))
        .exclude(Exists(replaced))
        .select_related("offering", "uploaded_by")
        .annotate(
            ambiguous=Count("rows", filter=Q(rows__status__in=RosterImportRow.TO_SETTLE)),
            errors=Count("rows", filter=Q(rows__status=RosterImportRow.Status.ERROR)),
        )
        .order_by("-created_at", "-pk")
    )
