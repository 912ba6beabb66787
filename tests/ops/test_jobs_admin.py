"""Settings > Background tasks: who may see it, what it lists, and a re-run that takes nothing on trust."""

import pytest
from django.urls import reverse
from django_rq import get_queue
from rq import SimpleWorker
from wagtail.admin.menu import settings_menu

from accounts.roles import Role
from certificates.tasks import certificates_issue_task
from lms.queue import Job
from ops.jobs import jobs_listed
from tests.answers import outcome

pytestmark = pytest.mark.django_db
URL = "/admin/ops/jobs/"


def _failed_job(settings):
    settings.TASK_QUEUES = {**settings.TASK_QUEUES, "default": {"timeout": 60, "retry": []}}
    result = certificates_issue_task.enqueue(987654, None)  # no such offering: it fails
    queue = get_queue("default")
    SimpleWorker([queue], connection=queue.connection, job_class=Job).work(burst=True)
    return result.id


def test_only_program_administrators_open_the_page_or_see_it_in_the_menu(client, demo, rf):
    assert reverse("ops:jobs") == URL
    for role in (Role.ORGANIZER, Role.TRAINER):
        client.force_login(demo[role.value])
        assert outcome(client.get(URL)) == "home"
        request = rf.get("/admin/")
        request.user = demo[role.value]
        assert "Background tasks" not in [str(item.label) for item in settings_menu.menu_items_for_request(request)]
    client.force_login(demo[Role.ADMINISTRATOR.value])
    page = client.get(URL).content.decode()
    assert "không có hàng đợi để liệt kê" in page  # tasks run inside the request here


def test_the_page_lists_a_failed_job_with_its_error_and_runs_it_again_once(client, demo, rq_tasks, settings):
    job_id = _failed_job(settings)
    client.force_login(demo[Role.ADMINISTRATOR.value])
    page = client.get(URL).content.decode()
    assert "Cấp giấy chứng nhận của lớp" in page and "Thất bại" in page
    assert "DoesNotExist: Offering matching query does not exist." in page

    response = client.post(URL, {"queue": "default", "job": job_id}, follow=True)
    assert "Tác vụ đã được đưa lại vào hàng đợi và sẽ chạy lại." in response.content.decode()
    assert [row.state for row in jobs_listed([get_queue("default")])] == ["queued"]
    again = client.post(URL, {"queue": "default", "job": job_id}, follow=True)  # no longer failed
    assert "Không có tác vụ thất bại nào như vậy." in again.content.decode()
    assert get_queue("default").count == 1


@pytest.mark.parametrize(
    "data",
    [
        {"queue": "default", "job": "../../etc"},
        {"queue": "default", "job": "x" * 65},
        {"queue": "secret", "job": "abc"},
        {"queue": "default", "job": "no-such-job"},
        {"queue": "default"},
        {},
    ],
)
def test_a_rerun_of_something_that_is_not_a_failed_job_is_refused_with_a_message(client, demo, rq_tasks, data):
    client.force_login(demo[Role.ADMINISTRATOR.value])
    response = client.post(URL, data, follow=True)
    assert response.status_code == 200 and "Không có tác vụ thất bại nào như vậy." in response.content.decode()


def test_an_organizer_cannot_rerun_a_job(client, demo, rq_tasks, settings):
    job_id = _failed_job(settings)
    client.force_login(demo[Role.ORGANIZER.value])
    assert outcome(client.post(URL, {"queue": "default", "job": job_id})) == "home"
    assert [row.state for row in jobs_listed([get_queue("default")])] == ["failed"]
