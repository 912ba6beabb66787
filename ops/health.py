"""What `/healthz` reports: the database and Redis answering, workers alive, the oldest waiting job.

For a load balancer and a monitor: plain JSON, no personal data, no sign-in, answered in well under
a second even when Redis is down (short socket timeouts of its own connection)."""

import time

import redis
from django.conf import settings
from django.db import connection
from rq import Queue, Worker

REDIS_TIMEOUT = 1  # seconds


def _database() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # any driver's error means "not answering"
        return False


def queues_used() -> bool:
    """Whether tasks run on RQ (production with Redis) rather than inside the request."""
    return settings.TASKS["default"]["BACKEND"] == "django_tasks_rq.RQBackend"


def health() -> tuple[bool, dict]:
    """(healthy, report). Healthy when the database answers and, where tasks run on RQ, Redis does."""
    report = {"database": "ok" if _database() else "error"}
    healthy = report["database"] == "ok"
    if not queues_used():
        report["queue"] = "none (tasks run inside the request)"
        return healthy, report
    client = redis.Redis.from_url(
        settings.RQ_QUEUES["default"]["URL"], socket_timeout=REDIS_TIMEOUT, socket_connect_timeout=REDIS_TIMEOUT
    )
    try:
        client.ping()
        workers = Worker.all(connection=client)
        now = time.time()
        queues = {}
        for name in settings.TASK_QUEUES:
            queue = Queue(name, connection=client)
            oldest = None
            for job in queue.get_jobs(0, 1):
                if job.enqueued_at is not None:
                    oldest = round(now - job.enqueued_at.timestamp(), 1)
            queues[name] = {"queued": queue.count, "oldest_queued_seconds": oldest}
    except redis.RedisError:
        report["redis"] = "error"
        return False, report
    finally:
        client.close()
    report.update(redis="ok", workers=len(workers), queues=queues)
    return healthy, report
