"""Bulk issuing as a background task (django.tasks API), with its progress in the shared cache."""

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django_tasks import task

from enrollment.models import Offering
from lms.queue import job_progress

from .services import certificates_issue_offering

HOUR = 60 * 60


def _key(offering_id: int) -> str:
    return f"certificates:{offering_id}:progress"


def issue_progress(offering_id: int) -> dict | None:
    """{"running", "done", "total", "percent", and once finished "issued", "already", "not_eligible"}."""
    return cache.get(_key(offering_id))


def issue_started(offering_id: int) -> bool:
    """Claim the offering's bulk run; False if one is already running."""
    previous = cache.get(_key(offering_id))
    if previous and not previous["running"]:
        cache.delete(_key(offering_id))  # the last run's summary
    return cache.add(_key(offering_id), {"running": True, "done": 0, "total": 0, "percent": 0}, HOUR)


@task()
def certificates_issue_task(offering_id: int, user_id: int | None) -> None:
    key = _key(offering_id)
    offering = Offering.objects.select_related("course", "unit").get(pk=offering_id)
    by = get_user_model().objects.filter(pk=user_id).first()

    def progress(done, total):
        job_progress(done, total)
        cache.set(key, {"running": True, "done": done, "total": total, "percent": round(100 * done / total)}, HOUR)

    try:
        report = certificates_issue_offering(offering=offering, by=by, progress=progress)
    except Exception:
        cache.delete(key)
        raise
    total = len(report.issued) + len(report.already_issued) + len(report.not_eligible)
    cache.set(key, {
        "running": False, "done": total, "total": total, "percent": 100, "issued": len(report.issued),
        "already": len(report.already_issued), "not_eligible": len(report.not_eligible),
    }, HOUR)  # fmt: skip
