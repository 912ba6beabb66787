"""Put back in the queue the background tasks whose worker died.

django-tasks-db leaves a task RUNNING for ever when its worker is killed mid-task (see
ops/workers.py). `db_worker` (ops' version) already takes such tasks back when it starts, for
workers of the same machine; this command is for the rest: run it on the worker's machine after
a crash without restarting the worker, or with `--older-than MINUTES` for workers elsewhere (or
started with ids it cannot check), choosing MINUTES well above the longest task, since a task
still running there would then run twice at once. Workers of this machine are checked, never
aged out. `--dry-run` lists what it would do.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks.exceptions import InvalidTaskBackendError
from django_tasks_db.backend import DatabaseBackend

from ops.workers import MAX_ATTEMPTS, tasks_requeue


def _positive(value: str) -> int:
    number = int(value)
    if number <= 0:
        raise ValueError(value)
    return number


def _listing(results) -> str:
    return "; ".join(f"{result.pk} ({result.task_path})" for result in results)


class Command(BaseCommand):
    help = (
        "Put back in the queue the background tasks (django-tasks-db) left RUNNING by workers of this machine "
        "that died, or interrupted by a forced stop; with --older-than, also those started more than MINUTES "
        "ago by workers it cannot check (on other machines). A task whose workers died "
        f"{MAX_ATTEMPTS} times is marked failed instead."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than", type=_positive, metavar="MINUTES",
            help="Also put back running tasks started more than MINUTES ago by workers this machine cannot "
            "check (choose MINUTES above the longest task: one still running would run twice at once)",
        )  # fmt: skip
        parser.add_argument(
            "--backend", default=DEFAULT_TASK_BACKEND_ALIAS, help="Task backend alias (default: %(default)s)"
        )
        parser.add_argument("--dry-run", action="store_true", help="Only list what would be done")

    def handle(self, *args, older_than=None, backend="default", dry_run=False, **options):
        try:
            if not isinstance(task_backends[backend], DatabaseBackend):
                raise CommandError(f"“{backend}” không phải backend cơ sở dữ liệu (django_tasks_db.DatabaseBackend).")
        except InvalidTaskBackendError as error:
            raise CommandError(str(error)) from error
        recovery = tasks_requeue(
            backend_name=backend, older_than=timedelta(minutes=older_than) if older_than else None, dry_run=dry_run
        )
        will = "Sẽ " if dry_run else "Đã "
        if recovery.requeued:
            count = len(recovery.requeued)
            self.stdout.write(f"{will}đưa lại vào hàng đợi {count} tác vụ: {_listing(recovery.requeued)}.")
        if recovery.given_up:
            self.stdout.write(
                f"{will}đánh dấu thất bại {len(recovery.given_up)} tác vụ mà tiến trình chạy nền đã dừng "
                f"{MAX_ATTEMPTS} lần khi đang chạy: {_listing(recovery.given_up)}."
            )
        if recovery.unknown:
            self.stdout.write(
                f"Còn {len(recovery.unknown)} tác vụ đang chạy trên máy khác hoặc không kiểm tra được tiến trình "
                f"(dùng --older-than nếu chắc chắn tiến trình đó đã dừng): {_listing(recovery.unknown)}."
            )
        if not (recovery.requeued or recovery.given_up or recovery.unknown):
            self.stdout.write("Không có tác vụ nào bị bỏ dở.")
