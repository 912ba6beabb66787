"""`/healthz` for load balancers and monitors, and production's choice of the RQ backend."""

import pytest
from django.urls import reverse
from django_rq import get_queue

from certificates.tasks import certificates_issue_task
from tests.lms.test_security import production_module
from tests.lms.test_settings import PRODUCTION, _manage

pytestmark = pytest.mark.django_db


def test_without_a_queue_healthz_answers_for_the_database_alone(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response["Cache-Control"].startswith("max-age=0")
    assert response.json() == {"status": "ok", "database": "ok", "queue": "none (tasks run inside the request)"}


def test_healthz_reports_workers_and_the_oldest_waiting_job_without_sign_in_or_personal_data(client, rq_tasks):
    assert client.get(reverse("healthz")).json() == {
        "status": "ok", "database": "ok", "redis": "ok", "workers": 0,
        "queues": {name: {"queued": 0, "oldest_queued_seconds": None} for name in ("default", "imports", "messages")},
    }  # fmt: skip
    certificates_issue_task.enqueue(12345, None)  # waits: no worker runs here
    report = client.get("/healthz").json()
    assert report["queues"]["default"]["queued"] == 1 and 0 <= report["queues"]["default"]["oldest_queued_seconds"] < 60
    assert get_queue("default").count == 1


def test_healthz_fails_when_redis_does_not_answer(client, rq_tasks, settings):
    settings.RQ_QUEUES = {**settings.RQ_QUEUES, "default": {"URL": "redis://127.0.0.1:1/0"}}
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json() == {"status": "error", "database": "ok", "redis": "error"}


def test_production_with_redis_runs_tasks_on_rq_and_the_probe_is_not_redirected_to_https():
    module = production_module(REDIS_URL="redis://cache.ocop.example:6379/2")
    assert module.TASKS["default"] == {
        "BACKEND": "django_tasks_rq.RQBackend",
        "QUEUES": ["default", "imports", "messages"],
    }
    assert {queue["URL"] for queue in module.RQ_QUEUES.values()} == {"redis://cache.ocop.example:6379/2"}
    assert module.RQ == {"JOB_CLASS": "lms.queue.Job", "QUEUE_CLASS": "lms.queue.TaskQueue"}
    assert module.SECURE_REDIRECT_EXEMPT == [r"^healthz$"]
    without = production_module(REDIS_URL="")
    assert without.TASKS["default"]["BACKEND"].endswith("ImmediateBackend")


def test_deploy_check_warns_when_redis_is_there_but_tasks_run_inside_the_request():
    immediate = "django_tasks.backends.immediate.ImmediateBackend"
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION, TASKS_BACKEND=immediate)
    assert result.returncode != 0 and "lms.W004" in result.stdout + result.stderr
