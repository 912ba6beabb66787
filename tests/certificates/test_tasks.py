"""The bulk run as a task: its state for the page, and where the drawing happens."""

from unittest import mock

import pytest

from certificates.models import Certificate
from certificates.tasks import certificates_issue_task, issue_progress, issue_started

from .test_services import finished_class, organizer  # noqa: F401 - the fixture


def test_inside_the_request_the_run_leaves_the_drawing_to_the_first_download(organizer, media):  # noqa: F811
    offering, _people = finished_class(organizer, {"Nguyễn Thị Hồng Đào": ("present",)})
    run = issue_started(offering.pk)
    assert issue_progress(offering.pk)["state"] == "queued" and issue_started(offering.pk) is None  # one at a time
    assert certificates_issue_task.call(offering.pk, organizer.pk, run) == {
        "issued": 1,
        "already": 0,
        "not_eligible": 0,
    }
    finished = issue_progress(offering.pk)
    assert (finished["run"], finished["state"], finished["running"], finished["issued"]) == (run, "finished", False, 1)
    certificate = Certificate.objects.get()
    assert not certificate.png and not certificate.pdf


def test_on_a_worker_the_run_draws_the_files_so_they_are_ready(organizer, media):  # noqa: F811
    offering, _people = finished_class(organizer, {"Nguyễn Thị Hồng Đào": ("present",)})
    with mock.patch("certificates.tasks.get_current_job", return_value=mock.Mock(meta={})):
        certificates_issue_task.call(offering.pk, organizer.pk, issue_started(offering.pk))
    certificate = Certificate.objects.get()
    assert certificate.png.read(8) == b"\x89PNG\r\n\x1a\n" and certificate.pdf.read(4) == b"%PDF"


def test_a_failed_run_is_marked_failed_and_another_may_start(organizer):  # noqa: F811
    offering, _people = finished_class(organizer, {"Nguyễn Thị Hồng Đào": ("present",)})
    run = issue_started(offering.pk)
    with mock.patch("certificates.tasks.certificates_issue_offering", side_effect=RuntimeError("disk full")):
        with pytest.raises(RuntimeError):
            certificates_issue_task.call(offering.pk, organizer.pk, run)
    assert issue_progress(offering.pk)["state"] == "failed" and not issue_progress(offering.pk)["running"]
    assert issue_started(offering.pk) not in (None, run)
