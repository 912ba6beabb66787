"""Reads of certificates shared by the admin's pages. Each runs a fixed number of queries."""

from datetime import timedelta

from enrollment import scope
from enrollment.models import Offering

from .eligibility import certificates_due

# An offering that ended longer ago than this no longer asks for its certificates on the admin's home (its
# certificates page still offers them): the home is a to-do list, not the archive of past years.
DUE_WITHIN_DAYS = 90


def offerings_with_certificates_to_issue(user, today) -> list[Offering]:
    """The offerings of `user`'s units (administrators: every one) that ended in the last DUE_WITHIN_DAYS
    days with enrollments eligible for a certificate and without one; each with `due`, how many. Most
    recently ended first. A fixed number of queries whatever the number of offerings."""
    if not user.has_perm("certificates.add_certificate"):
        return []
    ended = Offering.objects.filter(ends_on__lt=today, ends_on__gte=today - timedelta(days=DUE_WITHIN_DAYS)).exclude(
        status__in=[Offering.Status.DRAFT, Offering.Status.CANCELLED]
    )
    offerings = scope.scope_offerings(user, ended)
    due = certificates_due(offerings)
    result = list(Offering.objects.filter(pk__in=list(due)).order_by("-ends_on", "code"))
    for offering in result:
        offering.due = due[offering.pk]
    return result
