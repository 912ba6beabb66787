"""The background jobs staff see: every job of our queues in RQ's registries, and a failed one put back."""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.utils.translation import gettext_lazy as _
from rq.job import JobStatus

from lms.queue import Job

TASK_LABELS = {
    "certificates.tasks.certificates_issue_task": _("Issue an offering's certificates"),
    "enrollment.roster.tasks.roster_check": _("Check a roster"),
    "enrollment.roster.tasks.roster_apply": _("Import a roster"),
    "ops.tasks.pages_publish_scheduled": _("Publish scheduled pages"),
    "ops.tasks.queues_clean": _("Clean the queues"),
    "wagtail.tasks.update_reference_index_task": _("Update the references between pages and files"),
}


def task_label(path: str) -> str:
    return TASK_LABELS.get(path, path)


STATES = ("queued", "scheduled", "started", "failed", "finished")


@dataclass(frozen=True)
class JobRow:
    id: str
    queue: str
    state: str
    task: str
    args: list
    started_by: str
    progress: dict | None
    enqueued_at: datetime | None
    started_at: datetime | None
    ended_at: datetime | None
    error: str
    retries_left: int


def _registry_ids(queue, state: str) -> list[str]:
    if state == "queued":
        return queue.get_job_ids()
    # The queue's own registries carry its job class: a registry cleaning up with RQ's plain Job could not
    # call a task's failure callback.
    registry = {
        "scheduled": queue.scheduled_job_registry,
        "started": queue.started_job_registry,
        "failed": queue.failed_job_registry,
        "finished": queue.finished_job_registry,
    }[state]
    return registry.get_job_ids()


def _last_line(traceback: str) -> str:
    """ "DoesNotExist: Offering matching query does not exist." from a traceback's last line."""
    lines = traceback.strip().splitlines()
    if not lines:
        return ""
    kind, colon, message = lines[-1].partition(": ")
    return f"{kind.rsplit('.', 1)[-1]}{colon}{message}"


def _aware(moment):
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment


def jobs_listed(queues, limit: int = 200) -> list[JobRow]:
    """Our jobs in every state, newest first, at most `limit` per state and queue."""
    rows = []
    for queue in queues:
        for state in STATES:
            ids = _registry_ids(queue, state)[-limit:]
            for job in Job.fetch_many(ids, connection=queue.connection):
                if job is None:
                    continue
                error = ""
                if state == "failed":
                    result = job.latest_result()
                    error = (result.exc_string if result else "") or ""
                rows.append(
                    JobRow(
                        id=job.id,
                        queue=queue.name,
                        state=state,
                        task=job.func_name,
                        args=list(job.args or []),
                        started_by=(job.meta.get("started_by") or {}).get("name", ""),
                        progress=job.meta.get("progress"),
                        enqueued_at=_aware(job.enqueued_at),
                        started_at=_aware(job.started_at),
                        ended_at=_aware(job.ended_at),
                        error=_last_line(error),
                        retries_left=job.retries_left or 0,
                    )
                )
    moment = datetime.min.replace(tzinfo=UTC)
    return sorted(rows, key=lambda row: row.enqueued_at or row.ended_at or moment, reverse=True)


def job_rerun(queue, job_id: str) -> bool:
    """Put a failed job back in its queue; False when it is not (or no longer) failed."""
    registry = queue.failed_job_registry
    if job_id not in registry.get_job_ids():
        return False
    job = Job.fetch(job_id, connection=queue.connection)
    if job.get_status() != JobStatus.FAILED:
        return False
    registry.requeue(job)
    return True
