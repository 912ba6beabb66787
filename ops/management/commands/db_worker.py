"""django-tasks-db's `db_worker`, which first takes back the tasks of workers that died.

This command replaces the package's own (`ops` comes before `django_tasks_db` in INSTALLED_APPS)
rather than living beside it under another name, so the worker everybody starts, from the README
or from django-tasks-db's documentation, is the one that recovers. It takes the same options.

Before the loop starts it calls `ops.workers.tasks_requeue`: a task left RUNNING by a worker of
this machine that no longer exists (killed by SIGKILL, the OOM killer, systemd's stop timeout), or
by a worker of the same `--worker-id`, or recorded as failed by a forced stop (a second Ctrl+C),
goes back in the queue, and this worker runs it again. Without `--worker-id` the id is
`host:pid:start` (`ops.workers.worker_id_new`), which is what lets a later worker tell that this
one is gone. Tasks of workers on other machines are left to `requeue_stale_tasks --older-than`.
"""

import logging

from django_tasks_db.management.commands import db_worker

from ops.workers import tasks_requeue, worker_id_new

logger = logging.getLogger("django_tasks_db")


class Command(db_worker.Command):
    help = (
        "Run a database background worker (django-tasks-db). It first puts back in the queue the tasks that "
        "workers of this machine left unfinished when they died (see ops/workers.py)."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(worker_id=None)  # chosen in handle(), in the process that runs the tasks

    def handle(self, *args, worker_id=None, verbosity=1, backend_name="default", **options):
        worker_id = worker_id or worker_id_new()
        self.configure_logging(verbosity)
        recovery = tasks_requeue(backend_name=backend_name, worker_id=worker_id)
        for result in recovery.requeued:
            logger.warning(
                "Đưa lại vào hàng đợi tác vụ %s (%s): tiến trình %s đã dừng khi đang chạy nó.",
                result.pk, result.task_path, result.worker_ids[-1] if result.worker_ids else "?",
            )  # fmt: skip
        for result in recovery.given_up:
            logger.error(
                "Bỏ tác vụ %s (%s): tiến trình chạy nền đã dừng %d lần khi đang chạy nó.",
                result.pk, result.task_path, len(result.worker_ids),
            )  # fmt: skip
        super().handle(*args, worker_id=worker_id, verbosity=verbosity, backend_name=backend_name, **options)
