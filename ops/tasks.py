"""Periodic work, run as tasks on the queue (ops/schedule.py says when)."""

from django.conf import settings
from django.core.management import call_command
from django_rq import get_queue
from django_tasks import task
from rq.registry import clean_registries


@task()
def pages_publish_scheduled() -> None:
    """Wagtail's scheduled publishing: pages whose go-live time has come, and those whose expiry has."""
    call_command("publish_scheduled", verbosity=0)


@task()
def queues_clean() -> None:
    """RQ's registries cleaned: a job whose worker died (its heartbeat has stopped) is run again or,
    its tries spent, failed; finished and failed jobs past their time are forgotten."""
    for name in settings.TASK_QUEUES:
        clean_registries(get_queue(name))
