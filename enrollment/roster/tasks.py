"""Roster checks and imports started from the admin, as background tasks (the django.tasks API).

With the immediate backend (the default) they run inside the upload request; in production they
run on an RQ worker ("imports" queue, lms/queue.py) while the page polls `roster_progress`. Progress lives in the
cache rather than the database, because the import's own transaction hides its writes (and a
check is rolled back entirely); a worker in another process needs a shared cache (Redis).

Either task may run twice: a worker that dies mid-task leaves it to be run again (RQ finds the
job abandoned when its heartbeat stops, and retries it), and the first run may have finished its work before
the worker died. So an import commits its people, its enrollments and its own record ("imported")
in one transaction, under its offering's lock: a run cut short leaves nothing, and a second run
finds the record no longer "importing" and does nothing (a row without ID, phone or birth year
would otherwise make a second person). A check likewise records its result only while the record
still says "checking".
"""

import logging
from contextlib import nullcontext

from django.core.cache import cache
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks.signals import task_finished

from lms.queue import job_progress

from ..models import Offering, RosterImport, RosterImportRow
from .importer import ImportReport, roster_import
from .reader import RosterFileError, open_roster

logger = logging.getLogger(__name__)


def _progress_key(import_id: int) -> str:
    return f"roster-import:{import_id}:progress"


def roster_progress(history: RosterImport) -> dict:
    """{"status", "running", "done", "total", "percent"} for the progress bar (static/js/progress.js)."""
    done = cache.get(_progress_key(history.pk), 0) if history.is_running else history.report.get("rows", 0)
    total = max(history.estimated_rows, done, 1)
    percent = 100 if not history.is_running else min(99, round(100 * done / total))
    return {"status": history.status, "running": history.is_running, "done": done, "total": total, "percent": percent}


def _summary(report: ImportReport) -> dict:
    return {**report.as_json(), "columns": report.columns}  # columns: the rows-with-errors download's header


def store_rows(history: RosterImport, report: ImportReport) -> None:
    """Every row's outcome, a batch at a time as the report reads them back (never all in memory)."""
    history.rows.all().delete()
    for batch in report.outcomes.batches():
        RosterImportRow.objects.bulk_create(
            RosterImportRow(
                roster_import=history,
                row=outcome.row,
                status=outcome.status,
                full_name=outcome.full_name[:255],
                participant_id=outcome.participant_id,
                candidates=outcome.candidates,
                messages=outcome.messages,
                values=outcome.values or [],
                cleaned=outcome.cleaned,
                matched_on=outcome.matched_on,
            )  # fmt: skip
            for outcome in batch
        )


def _run(import_id: int, *, dry_run: bool, decisions: dict) -> None:
    history = RosterImport.objects.select_related("offering").get(pk=import_id)
    running = RosterImport.Status.CHECKING if dry_run else RosterImport.Status.IMPORTING
    if history.status != running:  # a second run: the first one finished before its worker died
        logger.info("Roster import %s is already %s; nothing to do", history.pk, history.status)
        return
    key = _progress_key(import_id)
    cache.set(key, 0, timeout=24 * 3600)
    try:
        _check_or_import(history, key, dry_run=dry_run, decisions=decisions)
    finally:
        cache.delete(key)


def _progress(key: str, done: int, estimated: int) -> None:
    cache.set(key, done, timeout=24 * 3600)
    job_progress(done, max(estimated, done))


def _still_running(history: RosterImport) -> bool:
    """False if another run of the task has finished the record meanwhile. Takes the offering's row
    lock first, the one the importer holds until it commits, so two runs take turns (the record's
    own row is left unlocked: the confirm button's update must not wait for a long import)."""
    Offering.objects.select_for_update().only("pk").get(pk=history.offering_id)
    return RosterImport.objects.filter(pk=history.pk, status=history.status).exists()


def _check_or_import(history: RosterImport, key: str, *, dry_run: bool, decisions: dict) -> None:
    try:
        # An import and its record commit together (a check writes nothing but its record).
        with nullcontext() if dry_run else transaction.atomic():
            if not dry_run and not _still_running(history):
                return
            with open_roster(history.file.path) as roster:
                if dry_run:
                    history.estimated_rows = roster.estimated_rows or 0
                    history.save(update_fields=["estimated_rows"])
                report = roster_import(
                    roster=roster, offering=history.offering, dry_run=dry_run, skip_invalid=not dry_run,
                    decisions=decisions, progress=lambda done: _progress(key, done, history.estimated_rows),
                )  # fmt: skip
            _record(history, report, dry_run=dry_run)
    except RosterFileError as error:
        history.status = RosterImport.Status.REJECTED
        history.report = {"errors": [{"row": e.row, "column": e.column, "message": e.message} for e in error.errors]}
        history.report["file_error"] = error.message
        history.save(update_fields=["status", "report"])
        return
    except Exception:
        # Not marked failed here: the queue may run the task again (roster_task_failed marks it
        # once no try is left).
        logger.exception("Roster import %s failed", history.pk)
        raise


def _record(history: RosterImport, report: ImportReport, *, dry_run: bool) -> None:
    with transaction.atomic():
        if not _still_running(history):
            return
        store_rows(history, report)
        history.report = _summary(report)
        history.estimated_rows = report.rows
        if dry_run:
            history.status = RosterImport.Status.PREVIEWED
        else:
            history.status, history.imported_at = RosterImport.Status.IMPORTED, timezone.now()
        history.save()


@task(queue_name="imports")
def roster_check(import_id: int) -> None:
    """Read the uploaded file and preview what importing it would do (nothing is written)."""
    _run(import_id, dry_run=True, decisions={})


@task(queue_name="imports")
def roster_apply(import_id: int, decisions: dict[str, int | str]) -> None:
    """Import the checked file; `decisions` ({row number: "create" | "skip" | participant id}) settle
    the ambiguous rows, and rows with errors or left undecided are skipped."""
    _run(import_id, dry_run=False, decisions={int(row): choice for row, choice in decisions.items()})


@receiver(task_finished)
def roster_task_failed(sender, task_result, **kwargs) -> None:
    """A roster task failed for good (an error on its last try, or its worker died on every try):
    its import stops showing progress and says it failed."""
    if task_result.status != TaskResultStatus.FAILED or task_result.task.func not in (
        roster_check.func,
        roster_apply.func,
    ):
        return
    RosterImport.objects.filter(pk=task_result.args[0], status__in=RosterImport.RUNNING).update(
        status=RosterImport.Status.FAILED
    )
