"""A program administrator reads the background tasks under Settings, finds a certificate batch that
failed (its class was not in the database yet), and runs it again once it is; RQ runs every job, on a
worker started by the test against the tests' own Redis database."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Max
from django.utils import timezone
from django_rq import get_queue
from playwright.sync_api import expect
from rq import SimpleWorker

from attendance import services as attendance
from attendance.factories import SessionFactory
from attendance.services import Mark
from certificates.models import Certificate
from certificates.tasks import certificates_issue_task
from enrollment.factories import OfferingFactory, ParticipantFactory
from enrollment.models import AdministrativeUnit, Enrollment, Offering
from lms.queue import Job, job_started_by, job_started_by_reset
from tests.ops.redis import rq_tasks  # noqa: F401  (fixture)

from .steps import log_in

PEOPLE = ["Nguyễn Thị Hồng Đào", "Trần Văn Đức"]


def _work():
    queue = get_queue("default")
    SimpleWorker([queue], connection=queue.connection, job_class=Job).work(burst=True)


def _conference(pk, organizer):
    unit = AdministrativeUnit.objects.get(scheme="current", name="Bát Tràng")
    held = timezone.localdate() - timedelta(days=10)
    offering = OfferingFactory(pk=pk, unit=unit, kind=Offering.Kind.CONFERENCE, starts_on=held, ends_on=held,
                               code="HN-2026-HN-07", title="Hội nghị triển khai OCOP xã Bát Tràng")  # fmt: skip
    session = SessionFactory(offering=offering, date=held)
    enrollments = [Enrollment.objects.create(offering=offering, participant=ParticipantFactory(full_name=name))
                   for name in PEOPLE]  # fmt: skip
    attendance.attendance_save(session=session, marks={e.pk: Mark("present") for e in enrollments}, by=organizer)
    attendance.session_close(session=session, by=organizer)


@pytest.mark.django_db(transaction=True)
def test_an_administrator_finds_a_failed_batch_and_runs_it_again(page, rq_tasks, settings, screenshot):  # noqa: F811
    settings.TASK_QUEUES = {**settings.TASK_QUEUES, "default": {"timeout": 120, "retry": []}}
    organizer = get_user_model().objects.get(email="tochuc@ocop.example")
    pk = (Offering.objects.aggregate(last=Max("pk"))["last"] or 0) + 100
    token = job_started_by(SimpleNamespace(user=organizer))
    certificates_issue_task.enqueue(pk, organizer.pk)  # the class is not there yet: it fails
    job_started_by_reset(token)
    _work()

    log_in(page, "quantri@ocop.example", "/admin/")
    page.get_by_role("button", name="Cài đặt").click()
    page.get_by_role("link", name="Tác vụ nền").click()
    expect(page.get_by_role("heading", name="Tác vụ nền")).to_be_visible()
    row = page.get_by_role("row").filter(has_text="Cấp giấy chứng nhận của lớp")
    expect(row).to_contain_text("Thất bại")
    expect(row).to_contain_text("Lê Thị Hồng Nhung")
    expect(row).to_contain_text("DoesNotExist")
    screenshot(page, "failed")

    _conference(pk, organizer)
    row.get_by_role("button", name="Chạy lại").click()
    expect(page.get_by_text("Tác vụ đã được đưa lại vào hàng đợi và sẽ chạy lại.")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="Cấp giấy chứng nhận của lớp")).to_contain_text("Vào hàng đợi")
    _work()
    page.reload()
    row = page.get_by_role("row").filter(has_text="Cấp giấy chứng nhận của lớp")
    expect(row).to_contain_text("Hoàn thành")
    expect(row).to_contain_text("2 / 2 (100%)")
    expect(row.get_by_role("button", name="Chạy lại")).to_have_count(0)
    screenshot(page, "finished")
    assert sorted(Certificate.objects.filter(enrollment__offering_id=pk).values_list("full_name", flat=True)) == sorted(
        PEOPLE
    )
