"""Background tasks whose worker died: finding them and putting them back in the queue.

What django-tasks-db 0.12 does (django_tasks_db/management/commands/db_worker.py, models.py):

- A worker claims a task in a short transaction (`select_for_update(skip_locked=True)` on
  PostgreSQL; on SQLite, which has no row locks, `BEGIN EXCLUSIVE` or Django's "EXCLUSIVE"
  transaction mode), marks it RUNNING with its worker id and commits, then runs the task outside
  any transaction, then marks it SUCCESSFUL or FAILED.
- SIGTERM, SIGINT or SIGQUIT once: the worker finishes the task it is running, then exits. A second
  signal raises SystemExit inside the task, which is recorded as the task's failure.
- A worker that is killed (SIGKILL, the OOM killer, systemd's stop timeout, a power cut) records
  nothing: the task stays RUNNING for ever. There is no heartbeat, no timeout and no requeue, and
  `prune_db_task_results` deletes only finished results.

So a task would be lost. `tasks_requeue` puts it back (READY), and `manage.py db_worker` (our
`ops/management/commands/db_worker.py`) calls it when it starts; `manage.py requeue_stale_tasks`
does the same by hand. A task is put back when its worker is known to be gone:

- its worker id is the starting worker's own (ids must be unique in the pool, so a worker
  started with a fixed `--worker-id` takes over what its dead predecessor held);
- its worker ran on this machine and that process no longer exists. Our worker ids are
  `host:pid:start` (the process's start time, from /proc on Linux), so a process that merely
  reuses the pid is not mistaken for the worker;
- it was interrupted by a forced stop (a second Ctrl+C: recorded as failed with SystemExit or
  KeyboardInterrupt, which is no failure of the task itself);
- or, only when asked (`requeue_stale_tasks --older-than MINUTES`), it started longer ago than
  that on a worker this machine cannot check (another machine's, or an id not of our form).

A task whose worker died MAX_ATTEMPTS times (a file that makes the worker run out of memory, say)
is not run again but marked failed with `WorkerLostError`, so a restarting worker does not loop on it.

Being put back means a task can run twice (its first run may have finished its work and been
killed before recording it): the project's tasks are written to be safe to run again (the
certificate batch issues only what is missing; a roster import commits with its own record and a
second run stops at it). See README, "Background worker".
"""

import os
import socket
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from django.db.models import Q
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks.signals import task_finished
from django_tasks_db.models import DBTaskResult

MAX_ATTEMPTS = 3  # claims by workers that then died; the next death marks the task failed
INTERRUPTED = ("builtins.SystemExit", "builtins.KeyboardInterrupt")  # how a forced stop is recorded
MAX_WORKER_ID = 64  # django-tasks-db's limit


class WorkerLostError(Exception):
    """Recorded as the error of a task given up after its workers died MAX_ATTEMPTS times."""


def _process(pid: int) -> tuple[str, str] | None:
    """(state, start time in clock ticks since boot) of a process, from /proc; None without /proc."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return ("gone", "") if Path("/proc/self/stat").exists() else None
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()  # after "pid (command name)": field 3 onwards
    return fields[0], fields[19]


def _host() -> str:
    return socket.gethostname()


def _worker_id(pid: int, start: str) -> str:
    suffix = f":{pid}:{start}"
    return _host()[: MAX_WORKER_ID - len(suffix)] + suffix


_TOKEN = os.urandom(4).hex()  # stands for the start time where there is no /proc


def worker_id_new() -> str:
    """`host:pid:start` for this process."""
    pid = os.getpid()
    process = _process(pid)
    return _worker_id(pid, process[1] if process else _TOKEN)


def worker_alive(worker_id: str) -> bool | None:
    """Whether the worker of this id still runs: True, False, or None when this machine cannot
    tell (an id of another machine, or not of our form)."""
    pid, _, start = worker_id.partition(":")[2].partition(":")
    if not (pid.isdigit() and start) or worker_id != _worker_id(int(pid), start):
        return None
    process = _process(int(pid))
    if process is not None:  # Linux: alive, not a zombie, and the same process (not a reused pid)
        state, started = process
        return state not in ("gone", "Z", "X") and started == start
    if int(pid) == os.getpid():
        return start == _TOKEN
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: it exists
        pass
    return True


@dataclass
class Recovery:
    requeued: list[DBTaskResult] = field(default_factory=list)
    given_up: list[DBTaskResult] = field(default_factory=list)
    unknown: list[DBTaskResult] = field(default_factory=list)  # running, on workers this machine cannot check


def _gone(result, *, worker_id, older_than, now) -> bool | None:
    if result.status == TaskResultStatus.FAILED:  # interrupted by a forced stop
        return True
    last = result.worker_ids[-1] if result.worker_ids else ""
    if worker_id and last == worker_id:
        return True
    alive = worker_alive(last)
    if alive is not None:
        return not alive
    if older_than is not None and result.started_at and result.started_at <= now - older_than:
        return True
    return None


def tasks_requeue(
    *, backend_name: str = "default", worker_id: str = "", older_than: timedelta | None = None, dry_run=False
) -> Recovery:
    """Put back in the queue the tasks of `backend_name` whose worker is gone (see the module's
    docstring). `worker_id`: the id of a worker about to start. Each change is one conditional
    UPDATE, so a task that finishes meanwhile is left as it is."""
    now = timezone.now()
    recovery = Recovery()
    stuck = DBTaskResult.objects.filter(backend_name=backend_name).filter(
        Q(status=TaskResultStatus.RUNNING) | Q(status=TaskResultStatus.FAILED, exception_class_path__in=INTERRUPTED)
    )
    for result in stuck.order_by("started_at"):
        gone = _gone(result, worker_id=worker_id, older_than=older_than, now=now)
        if not gone:
            if gone is None:
                recovery.unknown.append(result)
            continue
        unchanged = DBTaskResult.objects.filter(
            pk=result.pk, status=result.status, started_at=result.started_at, finished_at=result.finished_at
        )
        if len(result.worker_ids) >= MAX_ATTEMPTS:
            message = (
                f"{WorkerLostError.__module__}.{WorkerLostError.__qualname__}: tiến trình chạy nền đã dừng "
                f"{len(result.worker_ids)} lần khi đang chạy tác vụ này ({', '.join(result.worker_ids)}); "
                "không chạy lại nữa."
            )
            changes = {
                "status": TaskResultStatus.FAILED, "finished_at": now, "return_value": None, "traceback": message,
                "exception_class_path": f"{WorkerLostError.__module__}.{WorkerLostError.__qualname__}",
            }  # fmt: skip
            bucket = recovery.given_up
        else:
            changes = {
                "status": TaskResultStatus.READY, "finished_at": None, "return_value": None,
                "exception_class_path": "", "traceback": "",
            }  # fmt: skip
            bucket = recovery.requeued
        if dry_run or unchanged.update(**changes):
            bucket.append(result)
    for result in [] if dry_run else recovery.given_up:
        # Said as the worker says a failure, so that whoever waits on the task (a roster import's
        # progress page) learns that it will not finish.
        result.refresh_from_db()
        task_finished.send(sender=type(result.task.get_backend()), task_result=result.task_result)
    return recovery
