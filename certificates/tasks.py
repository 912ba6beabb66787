"""Bulk issuing as a background task (django.tasks API), with its state in the shared cache.

One run at a time per offering: `issue_started` claims it (queued), the task marks it running with
its progress, then finished with its counts (or failed). The run carries an id, so that the clerk who
started it reads its result as this run's (certificates.admin_views); under the immediate backend the
task has run by the time `enqueue` returns, on RQ a worker runs it while the page shows its state.

Drawing the PNG and PDF is most of the work of issuing (about 60 ms a certificate). Inside the request
(the immediate backend of `make run` and the tests) the run leaves it to each certificate's first download
or the class's print, so that the page answers at once; on a worker it draws them, so they are ready.
"""

from uuid import uuid4

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django_tasks import task
from rq import get_current_job

from enrollment.models import Offering
from lms.queue import job_progress

from .services import certificates_issue_offering

HOUR = 60 * 60
QUEUED, RUNNING, FINISHED, FAILED = "queued", "running", "finished", "failed"


def _key(offering_id: int) -> str:
    return f"certificates:{offering_id}:progress"


def issue_progress(offering_id: int) -> dict | None:
    """The offering's last bulk run: {"state" (queued, running, finished, failed), "running" (queued or
    running), "run", "done", "total", "percent", and once finished "issued", "already", "not_eligible"}."""
    return cache.get(_key(offering_id))


def issue_started(offering_id: int) -> str | None:
    """Claim the offering's bulk run: the new run's id, or None if one is already queued or running."""
    previous = cache.get(_key(offering_id))
    if previous and not previous["running"]:
        cache.delete(_key(offering_id))  # the last run, finished or failed
    run = uuid4().hex
    claimed = {"state": QUEUED, "running": True, "run": run, "done": 0, "total": 0, "percent": 0}
    return run if cache.add(_key(offering_id), claimed, HOUR) else None


def issue_forget(offering_id: int, run: str) -> None:
    """Drop a finished run once its result has been shown to the clerk who started it."""
    current = cache.get(_key(offering_id))
    if current and current.get("run") == run and not current["running"]:
        cache.delete(_key(offering_id))


def issue_abandon(offering_id: int, run: str) -> None:
    """Release the claim of a run that could not be queued (the queue refused it), so the button comes back."""
    current = cache.get(_key(offering_id))
    if current and current.get("run") == run and current["state"] == QUEUED:
        cache.delete(_key(offering_id))


@task()
def certificates_issue_task(offering_id: int, user_id: int | None, run: str = "") -> dict:
    """Issue to everyone eligible in the offering who has no certificate yet; returns the counts
    ({"issued", "already", "not_eligible"}). Safe to run twice: the second run issues only what is missing."""
    key = _key(offering_id)

    def state(name: str, **values) -> None:
        cache.set(key, {"state": name, "running": name in (QUEUED, RUNNING), "run": run, **values}, HOUR)

    def progress(done, total):
        job_progress(done, total)
        state(RUNNING, done=done, total=total, percent=round(100 * done / total))

    state(RUNNING, done=0, total=0, percent=0)
    try:
        offering = Offering.objects.select_related("course", "unit").get(pk=offering_id)
        by = get_user_model().objects.filter(pk=user_id).first()
        on_worker = get_current_job() is not None
        report = certificates_issue_offering(offering=offering, by=by, progress=progress, draw=on_worker)
    except Exception:
        state(FAILED)
        raise
    counts = {
        "issued": len(report.issued), "already": len(report.already_issued), "not_eligible": len(report.not_eligible)
    }  # fmt: skip
    total = sum(counts.values())
    state(FINISHED, done=total, total=total, percent=100, **counts)
    return counts
