"""HTTP load (issue #9): the public pages a class leans on at once, served by gunicorn on 127.0.0.1.

Three endpoints, each under wrk's BENCH_HTTP_CLIENTS connections (50) for BENCH_HTTP_SECONDS (60),
beside the floor (bench/urls.py's plain Django view) under the same load:

- the certificate verification page (/xac-minh/<code>/), opened by anonymous visitors who scanned
  a certificate's QR code, each request from an address of its own;
- the check-in endpoint (POST /diem-danh/<pk>/<code>/ with the projector's current code): signed-in
  learners tapping "Check me in", going round 300 enrolled learners with a browser session each
  (the first pass marks them present, later taps get "you had already checked in");
- a lesson page with its quiz, of an open course, read by the same signed-in learners.

The server is what a deployment runs: `lms.settings.production` (bench/load_settings.py adds only the
floor's URL) on a throwaway PostgreSQL database (ocop_bench_load, dropped and created again each
run), Redis as the cache (keys under a prefix of the run, deleted afterwards), whitenoise serving
collected static files. Requests come as the reverse proxy forwards them (X-Forwarded-Proto: https,
X-Forwarded-For), so HTTPS redirects, secure cookies, CSRF (Origin and Referer checked) and the
per-address throttles all stay on: nothing is relaxed for the test. The verification throttle (30
lookups per address in 10 minutes) sees distinct visitors; the phone check-in throttle does not
apply to signed-in learners, who check in without phone and year of birth.

Gunicorn: sync workers, two per CPU (BENCH_HTTP_WORKERS; 4 on this 2-core machine). Page
rendering is CPU-bound Python, so more processes than cores gains nothing but the time each one
waits on PostgreSQL and Redis; a second worker per core covers that wait, and the cores are shared
with wrk, PostgreSQL and Redis anyway. Sync workers close the connection after each response, as
gunicorn does behind nginx.

A response counts as an error unless it is a 200 showing what the page should (the certificate's
serial, the check-in's confirmation, the lesson's quiz); so do socket errors and timeouts (10 s).
`make bench` fails if an endpoint has any. Without wrk (`apt-get install wrk`) the rows are skipped
with a note; BENCH_HTTP_SECONDS=0 skips them on purpose. `python -m bench http_load` runs this
module alone (`BENCH_HTTP_SECONDS=10` for a quick look). The servers: BENCH_HTTP_POSTGRES
(postgres://postgres@127.0.0.1:5432, a role that may create databases) and BENCH_HTTP_REDIS_URL.
"""

import http.client
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bench.harness import Result, text_table

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(__file__).with_suffix(".lua")
SECONDS = int(os.environ.get("BENCH_HTTP_SECONDS", "60"))
CLIENTS = int(os.environ.get("BENCH_HTTP_CLIENTS", "50"))
WORKERS = int(os.environ.get("BENCH_HTTP_WORKERS", str(2 * (os.cpu_count() or 1))))
POSTGRES = os.environ.get("BENCH_HTTP_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("BENCH_HTTP_REDIS_URL", "redis://127.0.0.1:6379/0")
DATABASE = "ocop_bench_load"
LEARNERS = 300
WARMUP_SECONDS = 2
TIMEOUT_SECONDS = 10
WRK_THREADS = 2
FLOOR = "plain Django view"
CODE_PLACEHOLDER = "PROJECTORCODE"


@dataclass
class LoadStats:
    requests: int
    seconds: float
    median_ms: float
    p99_ms: float
    errors: int
    error_detail: str = ""

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def wrk_stats(output: str) -> LoadStats:
    """The figures of one wrk run, from the line bench/http_load.lua's done() prints."""
    line = next((line for line in output.splitlines() if line.startswith("BENCH-JSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk printed no summary:\n{output}")
    data = json.loads(line.removeprefix("BENCH-JSON "))
    problems = {kind: data[kind] for kind in ("connect", "read", "write", "timeout") if data[kind]}
    if data["failed"]:
        problems[f"bad response (first: status {data['first_status']})"] = data["failed"]
    return LoadStats(
        requests=data["requests"],
        seconds=data["duration_us"] / 1e6,
        median_ms=data["p50_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        errors=sum(problems.values()),
        error_detail=", ".join(f"{kind}: {count}" for kind, count in problems.items()),
    )


@dataclass
class LoadSection:
    """The load rows: each endpoint's figures beside the floor's."""

    title: str
    floor: LoadStats | None = None
    rows: list[tuple[str, LoadStats]] = field(default_factory=list)
    note: str = ""

    @property
    def size(self) -> str:
        return f"{CLIENTS} clients × {SECONDS} s"

    @property
    def errors(self) -> int:
        return sum(stats.errors for _name, stats in self._all())

    def _all(self) -> list[tuple[str, LoadStats]]:
        return ([(f"{FLOOR} (floor)", self.floor)] if self.floor else []) + self.rows

    def results(self) -> list[Result]:
        """Median latencies, for the main table (ours against the floor, as every other row)."""
        return [
            Result(f"HTTP {name}", self.size, stats.median_ms, f"{FLOOR} (HTTP)", self.floor.median_ms)
            for name, stats in self.rows
        ]

    def table(self) -> str:
        if not self.floor:
            return f"HTTP load {self.note}"
        header = ("endpoint", "requests", "req/s", "median ms", "p99 ms", "errors", "req/s ÷ floor", "median ÷ floor")
        rows = [
            (
                name, f"{stats.requests:,}", f"{stats.rps:.1f}", f"{stats.median_ms:.1f}", f"{stats.p99_ms:.1f}",
                f"{stats.errors}" + (f" ({stats.error_detail})" if stats.errors else ""),
                f"{stats.rps / self.floor.rps:.3f}x" if self.floor.rps else "-",
                f"{stats.median_ms / self.floor.median_ms:.1f}x" if self.floor.median_ms else "-",
            )
            for name, stats in self._all()
        ]  # fmt: skip
        return "\n".join([self.title, text_table(header, rows)] + ([self.note] if self.note else []))

    def json_rows(self) -> list[dict]:
        if not self.floor:
            return [{"scenario": "HTTP load", "skipped": self.note}]
        return [
            {
                "scenario": f"HTTP load: {name}", "clients": CLIENTS, "seconds": SECONDS,
                "gunicorn": f"{WORKERS} sync workers", "requests": stats.requests, "rps": round(stats.rps, 1),
                "median_ms": round(stats.median_ms, 2), "p99_ms": round(stats.p99_ms, 2), "errors": stats.errors,
                "floor_rps": round(self.floor.rps, 1), "floor_median_ms": round(self.floor.median_ms, 2),
                "floor_p99_ms": round(self.floor.p99_ms, 2), "floor_errors": self.floor.errors,
                "rps_ratio": round(stats.rps / self.floor.rps, 4) if self.floor.rps else None,
                "median_ratio": round(stats.median_ms / self.floor.median_ms, 2) if self.floor.median_ms else None,
            }
            for name, stats in self.rows
        ]  # fmt: skip


def load_section() -> LoadSection:
    title = (
        f"HTTP load: gunicorn ({WORKERS} sync workers) + PostgreSQL + Redis on 127.0.0.1, "
        f"wrk {CLIENTS} clients × {SECONDS} s per endpoint"
    )
    if SECONDS <= 0:
        return LoadSection(title, note="skipped (BENCH_HTTP_SECONDS=0)")
    if shutil.which("wrk") is None:
        return LoadSection(title, note="skipped: wrk is not installed (`apt-get install wrk` adds these rows)")
    section = LoadSection(title)
    with _served_site() as site:
        floor = ("GET", site.plan["floor"], None, "ok")
        verify = ("GET", site.plan["verify"], None, site.plan["verify_marker"])
        lesson = ("GET", site.plan["lesson"], site.visitors, site.plan["lesson_marker"])
        scan = ("GET", site.checkin_path(), site.visitors, 'method="post"')  # the page a phone opens: "Check me in"
        for request in (floor, verify, scan, lesson):  # each page works, then every worker loads templates and caches
            site.check(*request)
            site.wrk(*request, WARMUP_SECONDS)
        section.floor = site.wrk(*floor, SECONDS)
        print(f"  loaded {FLOOR} ({section.size})", file=sys.stderr)
        for name, request in [
            ("certificate verification page", verify),
            ("check-in (signed-in learner, POST)", None),
            ("lesson page with quiz (signed-in)", lesson),
        ]:
            if request is None:  # the projector's code of this minute, good for the whole run
                request = ("POST", site.checkin_path(SECONDS), site.visitors, "checkin__done")
                site.check(*request)
            section.rows.append((name, site.wrk(*request, SECONDS)))
            print(f"  loaded {name} ({section.size})", file=sys.stderr)
    return section


@dataclass
class _Site:
    base: str
    origin: str
    plan: dict
    visitors: str

    def headers(self, method, path, visitors) -> tuple[dict, str | None]:
        """The headers of the first request bench/http_load.lua would send."""
        headers = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "10.0.0.0"}
        if not visitors:
            return headers, None
        cookie, token, address = Path(visitors).read_text().splitlines()[0].split("\t")
        headers.update({"Cookie": cookie, "X-Forwarded-For": address})
        if method != "POST":
            return headers, None
        headers.update(
            {"Content-Type": "application/x-www-form-urlencoded", "Origin": self.origin, "Referer": self.origin + path}
        )
        return headers, f"csrfmiddlewaretoken={token}"

    def check(self, method, path, visitors, marker) -> None:
        """One request as wrk will send it: a 200 whose page shows `marker`, or the run stops here."""
        host, port = self.base.removeprefix("http://").split(":")
        connection = http.client.HTTPConnection(host, int(port), timeout=30)
        try:
            headers, body = self.headers(method, path, visitors)
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            body = response.read().decode(errors="replace")
        finally:
            connection.close()
        if response.status != 200 or marker not in body:
            raise RuntimeError(f"{method} {path} answered {response.status} without {marker!r}:\n{body[:2000]}")

    def checkin_path(self, seconds: int = 0) -> str:
        """The check-in URL with the projector's code, still good `seconds` (+ 5) from now if it can be."""
        from attendance.models import Session
        from attendance.services import CODE_SECONDS, checkin_code

        left = 2 * CODE_SECONDS - time.time() % CODE_SECONDS  # this minute's code, and the previous one, are good
        if left < seconds + 5 <= 2 * CODE_SECONDS:
            time.sleep(left - CODE_SECONDS)  # wait for the next minute's code
        session = Session(pk=self.plan["checkin_session"], checkin_secret=self.plan["checkin_secret"])
        return self.plan["checkin"].replace(CODE_PLACEHOLDER, checkin_code(session))

    def wrk(self, method, path, visitors, marker, seconds) -> LoadStats:
        command = [
            "wrk", f"--threads={WRK_THREADS}", f"--connections={CLIENTS}", f"--duration={seconds}s",
            f"--timeout={TIMEOUT_SECONDS}s", f"--script={SCRIPT}", self.base,
            "--", method, path, self.origin, str(WRK_THREADS), marker, *([visitors] if visitors else []),
        ]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60, check=True)
        return wrk_stats(done.stdout)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _postgres(statement: str) -> None:
    import psycopg

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(statement)


def _exit_on_sigterm(signum, _frame):
    raise SystemExit(128 + signum)  # so that the cleanup below still runs


@contextmanager
def _served_site():
    """Seed a fresh database, start gunicorn on it; stop it and drop everything afterwards."""
    workdir = Path(tempfile.mkdtemp(prefix="bench-http-"))
    prefix = f"bench-http-{secrets.token_hex(4)}"
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "bench.load_settings", "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1", "DATABASE_URL": f"{POSTGRES}/{DATABASE}", "REDIS_URL": REDIS_URL,
        "BENCH_HTTP_CACHE_PREFIX": prefix, "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"), "LOG_LEVEL": "WARNING",
    }  # fmt: skip
    previous = signal.signal(signal.SIGTERM, _exit_on_sigterm)
    server = None
    log = workdir / "gunicorn.log"
    try:
        _postgres(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        _postgres(f"CREATE DATABASE {DATABASE}")
        print("  seeding the load test's database", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "bench.http_load", str(workdir)], env=env, cwd=ROOT, check=True)
        port = _free_port()
        with log.open("w") as output:
            server = subprocess.Popen(
                [
                    sys.executable, "-m", "gunicorn", "lms.wsgi:application", f"--bind=127.0.0.1:{port}",
                    f"--workers={WORKERS}", "--worker-class=sync", "--graceful-timeout=5", "--log-level=warning",
                ],
                env=env, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
        site = _Site(
            f"http://127.0.0.1:{port}", f"https://127.0.0.1:{port}",
            json.loads((workdir / "plan.json").read_text()), str(workdir / "visitors.tsv"),
        )  # fmt: skip
        _wait_until_serving(site, server, log)
        yield site
        if server.poll() is not None or "Traceback" in log.read_text():
            raise RuntimeError(f"gunicorn failed during the load:\n{log.read_text()[-5000:]}")
    finally:
        if server is not None:
            _stop(server)
        try:
            _postgres(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
            _cache_clear(prefix)
        finally:
            signal.signal(signal.SIGTERM, previous)
            shutil.rmtree(workdir, ignore_errors=True)


def _wait_until_serving(site, server, log, seconds=60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn stopped:\n{log.read_text()[-5000:]}")
        try:
            site.check("GET", site.plan["floor"], None, "ok")
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer within {seconds} s:\n{log.read_text()[-5000:]}")


def _stop(server) -> None:
    server.terminate()  # gunicorn's master stops its workers
    try:
        server.wait(15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)  # the group gunicorn leads: its master and workers
        server.wait()


def _cache_clear(prefix: str) -> None:
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
    if keys:
        client.delete(*keys)


def seed(workdir: Path) -> None:
    """In the child process, on bench/load_settings.py: migrate, collect static files, build the site
    with the project's own demo code, factories and services, and write plan.json and visitors.tsv."""
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client, override_settings

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    # Nobody here logs in with a password: a fast hasher saves minutes of PBKDF2.
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        plan, learners = _site_build()
    lines = []
    for index, user in enumerate(learners):
        client = Client()
        client.force_login(user)
        token = _csrf_secret()
        cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}; "
        cookie += f"{settings.CSRF_COOKIE_NAME}={token}"
        lines.append(f"{cookie}\t{token}\t10.200.{index // 256}.{index % 256}")
    (workdir / "visitors.tsv").write_text("\n".join(lines) + "\n")
    (workdir / "plan.json").write_text(json.dumps(plan))


def _csrf_secret() -> str:
    from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH
    from django.utils.crypto import get_random_string

    return get_random_string(CSRF_SECRET_LENGTH, allowed_chars=CSRF_ALLOWED_CHARS)


def _site_build():
    from datetime import time as clock
    from datetime import timedelta

    from django.urls import reverse
    from django.utils import timezone

    from accounts.factories import UserFactory
    from attendance.factories import SessionFactory
    from certificates.models import Certificate
    from courses.models import CoursePage, LessonPage
    from demo.build import demo_site_build
    from enrollment.factories import OfferingFactory
    from enrollment.models import AdministrativeUnit, Offering
    from enrollment.services import enrollment_create, participant_link_user

    demo_site_build(with_history=False)  # courses, this year's classes, a finished class with its certificate
    certificate = Certificate.objects.filter(is_current=True, revoked_at__isnull=True).first()
    lesson = next(
        lesson
        for lesson in LessonPage.objects.live().specific().order_by("path")
        if lesson.has_quiz and lesson.get_parent().specific.access == CoursePage.Access.OPEN
    )

    # A class in session now, check-in open: from this minute to the end of the day (from midnight,
    # when the day is nearly over: check-in opens half an hour before the start).
    now = timezone.localtime()
    day, start = now.date(), now.time().replace(second=0, microsecond=0)
    if now.time() >= clock(23, 30):
        day, start = day + timedelta(days=1), clock(0, 0)
    unit = AdministrativeUnit.objects.get(scheme="current", name="Bát Tràng")
    offering = OfferingFactory(
        code="BENCH-HTTP", kind=Offering.Kind.CLASS, unit=unit, starts_on=day, ends_on=day,
        title="Lớp tập huấn OCOP (đo tải)",
    )  # fmt: skip
    session = SessionFactory(offering=offering, date=day, starts_at=start, ends_at=clock(23, 59, 59))
    learners = [UserFactory(email=f"hocvien.tai{index}@ocop.example") for index in range(LEARNERS)]
    for user in learners:
        enrollment_create(offering=offering, participant=participant_link_user(user=user))
    plan = {
        "floor": reverse("bench_floor"),
        "verify": reverse("certificate_verify", args=[certificate.code]),
        "verify_marker": certificate.serial,
        "lesson": lesson.url,
        "lesson_marker": 'id="quiz"',
        "checkin": reverse("checkin", args=[session.pk, CODE_PLACEHOLDER]),
        "checkin_session": session.pk,
        "checkin_secret": session.checkin_secret,
    }
    return plan, learners


if __name__ == "__main__":
    seed(Path(sys.argv[1]))
