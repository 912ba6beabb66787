"""Two servers, two workers, one database, one Redis: a deployment on more than one machine, rehearsed.

Started here, as a deployment runs them (README, "Background work"): two gunicorn servers with the
production settings on two ports, two `manage.py rqworker` (one with RQ's scheduler, which puts
retried jobs back at their time) and `manage.py rqcron ops.schedule` (the registries cleaned every
few seconds instead of every minute), against this test's PostgreSQL database, a Redis database of
the tests' own and one media folder. An organizer submits 20 roster imports and 20 certificate
batches, alternately through both servers; one worker is killed with SIGKILL (with the job it was
running) in the middle. Afterwards every job finished exactly once in effect: every file imported
once, every eligible person holds exactly one certificate, serial numbers have no gap or repeat,
and nothing is left queued, scheduled or running.

It needs PostgreSQL (SQLite cannot take two servers and two workers writing at once): CI's
PostgreSQL run has it; elsewhere, and in the runs on a shifted clock (OCOP_TEST_NOW, which the
servers and workers do not share), it is skipped with the reason.
"""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_rq import get_queue
from rq.job import JobStatus

from accounts.factories import UserFactory
from accounts.roles import Role
from attendance import services as attendance
from attendance.factories import SessionFactory
from attendance.services import Mark
from certificates.models import Certificate, SerialCounter
from enrollment.factories import OfferingFactory, ParticipantFactory, UnitFactory
from enrollment.models import Enrollment, Offering, Participant, RosterImport

ROUNDS = 20
PEOPLE_PER_BATCH = 8
ROWS_PER_ROSTER = 30
TIMEOUT = 420  # seconds: a killed job waits out its heartbeat (90 s) and its first retry (30 s)
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"]
GIVEN = ["Thị Hồng Đào", "Văn Đức", "Thị Ánh Tuyết", "Quốc Bảo", "Thị Lan Anh", "Đình Khôi", "Minh Châu"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(condition, what, processes=(), timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while not condition():
        for process in processes:
            if process.poll() is not None:
                pytest.fail(f"{process.name} exited ({process.returncode}) before {what}:\n{process.log.read_text()}")
        if time.monotonic() > deadline:
            logs = "\n".join(f"--- {p.name}\n{p.log.read_text()[-3000:]}" for p in processes)
            pytest.fail(f"timed out waiting for {what}\n{logs}")
        time.sleep(0.1)


class Deployment:
    def __init__(self, database_url, tmp_path):
        self.tmp_path, self.processes = tmp_path, []
        self.env = {
            **os.environ, "DJANGO_SETTINGS_MODULE": "lms.settings.production", "DATABASE_URL": database_url,
            "DJANGO_SECRET_KEY": settings.SECRET_KEY,  # the sessions this test signs in with
            "ALLOWED_HOSTS": "127.0.0.1", "REDIS_URL": settings.RQ_REDIS_URL, "SECURE_SSL_REDIRECT": "false",
            "MEDIA_ROOT": str(tmp_path / "media"), "SCHEDULE_SECONDS": "2", "PYTHONUNBUFFERED": "1",
        }  # fmt: skip
        self.env.pop("TASKS_BACKEND", None)

    def start(self, name, *command):
        log = self.tmp_path / f"{name}.log"
        with log.open("wb") as sink:
            process = subprocess.Popen(
                command, cwd=settings.BASE_DIR, env=self.env, stdout=sink, stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: a kill takes its children too
            )  # fmt: skip
        process.name, process.log = name, log
        self.processes.append(process)
        return process

    def server(self, name):
        port = _free_port()
        process = self.start(name, sys.executable, "-m", "gunicorn", "lms.wsgi", "--bind", f"127.0.0.1:{port}",
                             "--workers", "2", "--timeout", "120")  # fmt: skip
        process.url = f"http://127.0.0.1:{port}"
        _wait_for(lambda: _answers(process.url), f"{name} to answer", [process], timeout=60)
        return process

    def worker(self, name, *options):
        return self.start(name, sys.executable, "manage.py", "rqworker", "default", "imports", "messages",
                          "--name", name, *options)  # fmt: skip

    def kill(self, process):
        """SIGKILL to the worker and its work horse (RQ's horse leads a session of its own), as when
        their machine is lost: the job dies with them and nobody records anything."""
        for pid in [process.pid, *_descendants(process.pid)]:
            os.kill(pid, signal.SIGKILL)
        process.wait(timeout=30)
        self.processes.remove(process)

    def stop_all(self):
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=30)


def _descendants(pid: int) -> list[int]:
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _answers(url) -> bool:
    try:
        return requests.get(f"{url}/healthz", timeout=2).status_code == 200
    except requests.RequestException:
        return False


@pytest.fixture
def deployment(request, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the two-server rehearsal needs PostgreSQL (DATABASE_URL=postgres://…), as CI's second run has")
    if os.environ.get("OCOP_TEST_NOW"):
        pytest.skip("the servers and workers run on the real clock, not the test's shifted one")
    request.getfixturevalue("rq_tasks")
    started = Deployment(request.getfixturevalue("database_url"), tmp_path)
    yield started
    started.stop_all()


class Organizer:
    """An organizer's browser, reduced to what the pages receive: a session cookie and a CSRF token."""

    def __init__(self, user):
        client = Client()
        client.force_login(user)
        token = secrets.token_hex(16)  # a CSRF secret: 32 letters and digits
        self.session = requests.Session()
        self.session.headers["Cookie"] = f"sessionid={client.cookies['sessionid'].value}; csrftoken={token}"
        self.session.headers["X-CSRFToken"] = token

    def post(self, server, path, **kwargs):
        response = self.session.post(server.url + path, allow_redirects=False, timeout=60, **kwargs)
        assert response.status_code == 302, (path, response.status_code, response.text[:2000])
        return response


def _conference(unit, number, first_person):
    held = timezone.localdate() - timedelta(days=20)
    offering = OfferingFactory(unit=unit, kind=Offering.Kind.CONFERENCE, starts_on=held, ends_on=held,
                               code=f"HN-2026-HN-{200 + number}", title=f"Hội nghị OCOP số {number}")  # fmt: skip
    session = SessionFactory(offering=offering, date=held)
    enrollments = [
        Enrollment.objects.create(offering=offering, participant=ParticipantFactory(full_name=_name(first_person + n)))
        for n in range(PEOPLE_PER_BATCH)
    ]
    absent = enrollments[-1].pk  # one person in each is not eligible
    marks = {e.pk: Mark("absent" if e.pk == absent else "present") for e in enrollments}
    attendance.attendance_save(session=session, marks=marks, by=None)
    attendance.session_close(session=session, by=None)
    return offering


def _name(n: int) -> str:
    return f"{FAMILY[n % len(FAMILY)]} {GIVEN[n % len(GIVEN)]} {n:04d}"


def _roster(number: int) -> bytes:
    """Rows of new people (phones 098…, apart from the factories' 090…), found by nobody twice."""
    rows = [
        f"{row},{_name(10_000 + number * 100 + row)},098{number:02d}{row:05d}" for row in range(1, ROWS_PER_ROSTER + 1)
    ]
    return ("STT,Họ và tên,Số điện thoại\n" + "\n".join(rows) + "\n").encode()


def _jobs_running_on(worker_name) -> list:
    running = []
    for name in settings.TASK_QUEUES:
        queue = get_queue(name)
        ids = queue.started_job_registry.get_job_ids()
        for job in queue.job_class.fetch_many(ids, connection=queue.connection):
            if job is not None and job.worker_name == worker_name and job.get_status() == JobStatus.STARTED:
                running.append(job)
    return running


def _all_done(imports, offerings, eligible) -> bool:
    if RosterImport.objects.filter(pk__in=imports).exclude(status=RosterImport.Status.IMPORTED).exists():
        return False
    if Certificate.objects.filter(enrollment__offering__in=offerings).count() < eligible:
        return False
    for name in settings.TASK_QUEUES:
        queue = get_queue(name)
        if queue.count or queue.started_job_registry.count or queue.scheduled_job_registry.count:
            return False
    return True


@pytest.mark.django_db(transaction=True)
def test_two_servers_and_two_workers_one_killed_run_every_job_exactly_once(deployment):
    unit = UnitFactory(code="01", name="Hà Nội", level="province", type="city")
    organizer = UserFactory(role=Role.ORGANIZER)
    organizer.unit = unit
    organizer.save(update_fields=["unit"])
    import_offerings = [OfferingFactory(unit=unit, code=f"HN-2026-HN-{100 + n}") for n in range(ROUNDS)]
    batch_offerings = [_conference(unit, n, n * PEOPLE_PER_BATCH) for n in range(ROUNDS)]
    eligible = ROUNDS * (PEOPLE_PER_BATCH - 1)

    servers = [deployment.server("server-1"), deployment.server("server-2")]
    deployment.worker("worker-a", "--with-scheduler")
    doomed = deployment.worker("worker-b")
    deployment.start("scheduler", sys.executable, "manage.py", "rqcron", "ops.schedule")
    browser = Organizer(organizer)

    uploads = []
    for n in range(ROUNDS):
        here, there = servers[n % 2], servers[(n + 1) % 2]
        browser.post(here, reverse("enrollment:roster_upload", args=[import_offerings[n].pk]),
                     files={"file": (f"danh-sach-{n}.csv", _roster(n), "text/csv")})  # fmt: skip
        uploads.append(RosterImport.objects.filter(offering=import_offerings[n]).latest("pk").pk)
        browser.post(
            there, reverse("certificates:offering", args=[batch_offerings[n].pk]), data={"action": "issue_all"}
        )
        if n == ROUNDS // 2:  # the middle: worker B dies with whatever it is running
            _wait_for(lambda: _jobs_running_on("worker-b"), "worker B to be running a job", deployment.processes)
            deployment.kill(doomed)
            killed = _jobs_running_on("worker-b")  # still "running": on a worker that is gone
            import sys as _s

            print("KILLED", [(j.id, j.func_name, j.retries_left, j.get_status()) for j in killed], file=_s.stderr)

    # Each checked roster is confirmed, through the server the organizer happens to be on.
    confirmed = set()

    def confirm_checked():
        for n, pk in enumerate(uploads):
            if (
                pk not in confirmed
                and RosterImport.objects.filter(pk=pk, status=RosterImport.Status.PREVIEWED).exists()
            ):
                browser.post(servers[n % 2], reverse("enrollment:roster_preview", args=[pk]))
                confirmed.add(pk)
        return len(confirmed) == ROUNDS

    _wait_for(confirm_checked, "every roster to be checked", deployment.processes)
    _wait_for(lambda: _all_done(uploads, batch_offerings, eligible), "every job to finish", deployment.processes)

    for job in killed:  # found abandoned once its heartbeat stopped, and run again
        job.refresh()
        assert job.get_status() == JobStatus.FINISHED and job.retries_left < len(
            settings.TASK_QUEUES[job.origin]["retry"]
        )
    # Every file imported once: each row one person, enrolled once.
    assert Participant.objects.filter(enrollments__offering__in=import_offerings).count() == ROUNDS * ROWS_PER_ROSTER
    assert Enrollment.objects.filter(offering__in=import_offerings).count() == ROUNDS * ROWS_PER_ROSTER
    assert sorted(RosterImport.objects.values_list("report__created", flat=True)) == [ROWS_PER_ROSTER] * ROUNDS
    # Every eligible person holds exactly one certificate; serial numbers without gap or repeat.
    issued = Certificate.objects.filter(enrollment__offering__in=batch_offerings)
    assert issued.count() == eligible and issued.values("enrollment").distinct().count() == eligible
    assert all(issued.values_list("is_current", flat=True))
    numbers = sorted(int(serial.rsplit("-", 1)[1]) for serial in issued.values_list("serial", flat=True))
    assert numbers == list(range(1, eligible + 1))
    assert SerialCounter.objects.get().last == eligible
    # Nothing left behind, and nothing failed.
    for name in settings.TASK_QUEUES:
        queue = get_queue(name)
        assert (queue.count, queue.started_job_registry.count, queue.scheduled_job_registry.count) == (
            0,
            0,
            0,
        )
        assert queue.failed_job_registry.count == 0, name
