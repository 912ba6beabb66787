"""Redis for the tests that run RQ: the tests' own database (settings.RQ_QUEUES), emptied before and
after each; skipped with a clear reason where no Redis answers (CI has one)."""

import pytest
from django_rq import get_connection


@pytest.fixture
def rq_tasks(settings):
    """The RQ backend for django.tasks, on an empty Redis database."""
    connection = get_connection("default")
    try:
        connection.ping()
    except Exception as error:  # redis.exceptions.ConnectionError and friends
        pytest.skip(f"no Redis at {settings.RQ_REDIS_URL}: {error}")
    connection.flushdb()
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": list(settings.TASK_QUEUES)}}
    yield connection
    connection.flushdb()
