"""The periodic jobs, in one place. `manage.py rqcron ops.schedule` (RQ's cron scheduler; run one per
deployment) enqueues each task at its time; any worker runs it.

Each entry is a django.tasks task: RQ's cron takes the plain function, which the worker's job class
(django-tasks-rq's) finds again as the task by its dotted path.
"""

from django.conf import settings
from rq import cron

from .tasks import pages_publish_scheduled, queues_clean


def _every(task, **when):
    cron.register(task.func, queue_name=task.queue_name, meta={"backend_name": task.backend}, **when)


_every(pages_publish_scheduled, interval=settings.SCHEDULE_SECONDS)
_every(queues_clean, interval=settings.SCHEDULE_SECONDS)
# Reminders the day before a class will be registered here, e.g. cron="0 17 * * *".
