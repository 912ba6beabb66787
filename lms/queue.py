"""What our background work adds to RQ, and no more (README, "Background work").

Tasks are written with the django.tasks API; in production django-tasks-rq hands them to RQ, whose
workers run on any number of machines. RQ already has timeouts, retries with waits between them,
worker heartbeats (a job whose worker was killed is found abandoned and run again, or failed once
its retries are spent), a scheduler for `run_after`, and registries of queued, running, failed and
finished jobs. What is ours:

- `TaskQueue` gives every job its queue's timeout and retries (settings.TASK_QUEUES): django-tasks-rq
  creates jobs with neither, and a job without retries is never run again after its worker died.
  It also records who started the job (`job_started_by`) for the admin's job list.
- `Job` calls the task's failure callback (django.tasks' `task_finished`, FAILED) only when RQ will
  not run the job again; RQ calls it on every failed attempt, which would report a failure of a
  task that is about to be retried.
- `job_progress` writes a running job's progress where the admin's job list reads it.

Every task stays safe to run twice (a roster import commits once, a certificate batch issues only
what is missing): a worker killed after the work but before recording it makes RQ run it again.
"""

import contextvars

from django.conf import settings
from django_rq.queues import DjangoRQ
from django_tasks_rq.backend import Job as TaskJob
from rq import Retry, get_current_job

RESULT_TTL = 7 * 24 * 3600  # finished jobs stay listed for a week
FAILURE_TTL = 30 * 24 * 3600  # failed ones for a month

_request = contextvars.ContextVar("task_request", default=None)


def job_started_by(request) -> contextvars.Token:
    """Remember the request being served: a job it enqueues records its user (read only then)."""
    return _request.set(request)


def job_started_by_reset(token: contextvars.Token) -> None:
    _request.reset(token)


def _starter() -> dict | None:
    user = getattr(_request.get(), "user", None)
    if user is None or not user.is_authenticated:
        return None
    return {"id": user.pk, "name": user.get_full_name() or user.get_username()}


class TaskQueue(DjangoRQ):
    def create_job(self, func, *args, **kwargs):
        policy = settings.TASK_QUEUES.get(self.name, {})
        waits = policy.get("retry") or []
        kwargs.setdefault("timeout", policy.get("timeout"))
        if waits and kwargs.get("retry") is None:
            kwargs["retry"] = Retry(max=len(waits), interval=waits)
        kwargs.setdefault("result_ttl", RESULT_TTL)
        kwargs.setdefault("failure_ttl", FAILURE_TTL)
        started_by = _starter()
        if started_by:
            kwargs["meta"] = {**(kwargs.get("meta") or {}), "started_by": started_by}
        return super().create_job(func, *args, **kwargs)


class Job(TaskJob):
    def execute_failure_callback(self, *args, **kwargs):
        if self.retries_left:  # RQ runs it again
            return None
        return super().execute_failure_callback(*args, **kwargs)


def job_progress(done: int, total: int) -> None:
    """Record a running job's progress (nothing outside a worker); written when the percent changes."""
    job = get_current_job()
    if job is None:
        return
    percent = round(100 * done / total) if total else 0
    if job.meta.get("progress", {}).get("percent") != percent:
        job.meta["progress"] = {"done": done, "total": total, "percent": percent}
        job.save_meta()
