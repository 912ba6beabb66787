"""The few figures the public home page shows for the current year, cached for a few minutes."""

import datetime
from dataclasses import asdict, dataclass

from django.core.cache import cache
from django.utils import timezone

from certificates.models import Certificate
from enrollment.models import Enrollment, Offering

CACHE_SECONDS = 300


@dataclass
class Headline:
    year: int
    classes: int  # classes that have started this year
    people: int  # distinct people in offerings that have started this year
    certificates: int  # issued this year, current and not revoked


def headline_figures(today=None) -> Headline:
    today = today or timezone.localdate()
    key = f"home:headline:{today.isoformat()}"
    cached = cache.get(key)
    if cached is not None:
        return Headline(**cached)
    held = Offering.objects.filter(starts_on__range=(datetime.date(today.year, 1, 1), today)).exclude(
        status__in=(Offering.Status.DRAFT, Offering.Status.CANCELLED)
    )
    headline = Headline(
        year=today.year,
        classes=held.filter(kind=Offering.Kind.CLASS).count(),
        people=Enrollment.objects.filter(offering__in=held, status__in=Enrollment.ACTIVE)
        .values("participant_id")
        .distinct()
        .count(),
        certificates=Certificate.objects.filter(
            issued_on__year=today.year, is_current=True, revoked_at__isnull=True
        ).count(),
    )
    cache.set(key, asdict(headline), CACHE_SECONDS)
    return headline
