import pytest
from django.core.cache import cache
from django.urls import reverse

from accounts.factories import UserFactory
from accounts.roles import Role
from certificates.models import Certificate
from enrollment.models import AdministrativeUnit
from tests.answers import outcome

from .test_services import finished_class, organizer  # noqa: F401 - the fixture


def _organizer_of_bat_trang():
    return UserFactory(role=Role.ORGANIZER, unit=AdministrativeUnit.objects.get(scheme="current", name="Bát Tràng"))


def test_the_page_shows_reasons_and_bulk_issues_to_the_eligible(client, organizer):  # noqa: F811
    offering, people = finished_class(
        organizer, {"Nguyễn Thị Hồng Đào": ("present", "present"), "Trần Văn Đức": ("present", "absent")}
    )
    client.force_login(_organizer_of_bat_trang())
    url = reverse("certificates:offering", args=[offering.pk])
    page = client.get(url).content.decode()
    assert "thiếu 1 buổi bắt buộc" in page and "Cấp cho 1 người đủ điều kiện" in page
    page = client.post(url, {"action": "issue_all"}, follow=True).content.decode()
    assert list(Certificate.objects.values_list("full_name", flat=True)) == ["Nguyễn Thị Hồng Đào"]
    assert "Đã cấp 1 giấy chứng nhận mới; 0 đã có; 1 chưa đủ điều kiện." in page  # this run's result
    assert "Lần chạy trước" not in page
    assert client.get(reverse("certificates:offering_status", args=[offering.pk])).json()["running"] is False
    assert "Đã cấp 1 giấy chứng nhận mới" not in client.get(url).content.decode()  # told once, not on every visit
    page = client.post(url, {"action": "issue_all"}, follow=True).content.decode()  # again: nothing new
    assert Certificate.objects.count() == 1
    assert "Đã cấp 0 giấy chứng nhận mới; 1 đã có; 1 chưa đủ điều kiện." in page


def test_a_run_still_in_the_queue_says_so_then_its_result_is_told_to_whoever_started_it(client, organizer, settings):  # noqa: F811
    from django.test import Client

    from certificates.tasks import certificates_issue_task, issue_progress

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default"]}}
    offering, people = finished_class(
        organizer, {"Nguyễn Thị Hồng Đào": ("present", "present"), "Trần Văn Đức": ("present", "absent")}
    )
    clerk, colleague = _organizer_of_bat_trang(), _organizer_of_bat_trang()
    client.force_login(clerk)
    url = reverse("certificates:offering", args=[offering.pk])
    page = client.post(url, {"action": "issue_all"}, follow=True).content.decode()
    assert "Đang cấp giấy chứng nhận… tải lại trang sau ít phút." in page
    assert "Trạng thái: <strong data-state-label>đang chờ trong hàng đợi</strong>" in page
    assert "Cấp cho 1 người đủ điều kiện" not in page and not Certificate.objects.exists()
    status = client.get(reverse("certificates:offering_status", args=[offering.pk])).json()
    assert status["running"] is True and status["state_label"] == "đang chờ trong hàng đợi"
    again = client.post(url, {"action": "issue_all"}, follow=True).content.decode()  # pressed again meanwhile
    assert "đang được cấp" in again

    certificates_issue_task.call(offering.pk, clerk.pk, issue_progress(offering.pk)["run"])  # a worker runs it
    other = Client()
    other.force_login(colleague)
    assert "Đã cấp 1 giấy chứng nhận mới" not in other.get(url).content.decode()  # not their run
    page = client.get(url).content.decode()
    assert "Đã cấp 1 giấy chứng nhận mới; 0 đã có; 1 chưa đủ điều kiện." in page and "Lần chạy trước" not in page
    assert "Đang cấp giấy chứng nhận" not in page
    assert "Đã cấp 1 giấy chứng nhận mới" not in client.get(url).content.decode()


def test_a_bulk_run_that_fails_says_so_and_the_button_comes_back(client, organizer):  # noqa: F811
    from unittest import mock

    offering, _people = finished_class(organizer, {"Nguyễn Thị Hồng Đào": ("present",)})
    client.force_login(_organizer_of_bat_trang())
    url = reverse("certificates:offering", args=[offering.pk])
    with mock.patch("certificates.tasks.certificates_issue_offering", side_effect=RuntimeError("disk full")):
        page = client.post(url, {"action": "issue_all"}, follow=True).content.decode()
    assert "Cấp giấy chứng nhận bị lỗi" in page and "Đã cấp" not in page
    assert "Cấp cho 1 người đủ điều kiện" in page and "Đang cấp giấy chứng nhận" not in page
    page = client.post(url, {"action": "issue_all"}, follow=True).content.decode()  # tried again
    assert "Đã cấp 1 giấy chứng nhận mới; 0 đã có; 0 chưa đủ điều kiện." in page


def test_a_bulk_run_answers_without_drawing_and_the_files_are_drawn_on_first_download(client, organizer, media):  # noqa: F811
    offering, people = finished_class(organizer, {"Nguyễn Thị Hồng Đào": ("present",), "Trần Văn Đức": ("present",)})
    client.force_login(_organizer_of_bat_trang())
    client.post(reverse("certificates:offering", args=[offering.pk]), {"action": "issue_all"})
    certificate = Certificate.objects.get(full_name="Trần Văn Đức")
    assert not certificate.png and not certificate.pdf
    response = client.get(reverse("certificate_download", args=[certificate.pk, "pdf"]))
    assert response.status_code == 200 and response.content[:4] == b"%PDF"
    certificate.refresh_from_db()
    assert certificate.pdf and certificate.png  # drawn once, kept


def test_override_revoke_and_reissue_from_the_page(client, organizer):  # noqa: F811
    offering, people = finished_class(organizer, {"Trần Văn Đức": ("absent",)})
    client.force_login(_organizer_of_bat_trang())
    url = reverse("certificates:offering", args=[offering.pk])
    enrollment = people["Trần Văn Đức"]
    client.post(url, {"action": "issue", "enrollment": enrollment.pk})
    assert not Certificate.objects.exists()
    client.post(url, {"action": "issue", "enrollment": enrollment.pk, "override_reason": "Học bù ngày 10/11"})
    certificate = Certificate.objects.get()
    client.post(url, {"action": "reissue", "certificate": certificate.pk})
    new = Certificate.objects.get(is_current=True)
    client.post(url, {"action": "revoke", "certificate": new.pk, "reason": "Cấp nhầm"})
    new.refresh_from_db()
    assert new.state == "revoked" and Certificate.objects.get(pk=certificate.pk).state == "replaced"


def test_other_units_and_trainers_cannot_reach_it(client, organizer):  # noqa: F811
    offering, _people = finished_class(organizer, {"A": ("present",)})
    client.force_login(
        UserFactory(role=Role.ORGANIZER, unit=AdministrativeUnit.objects.get(scheme="current", name="Hồng Hà"))
    )
    assert client.get(reverse("certificates:offering", args=[offering.pk])).status_code == 404
    client.force_login(UserFactory(role=Role.TRAINER))
    assert outcome(client.get(reverse("certificates:offering", args=[offering.pk]))) == "home"
    cache.clear()


def test_administrators_edit_the_template_and_preview_it_with_sample_data(client, db, rf):
    from certificates.models import CertificateTemplate
    from certificates.services import template_default

    template = template_default()
    admin = UserFactory(role=Role.ADMINISTRATOR)
    client.force_login(admin)
    listing = client.get(reverse("wagtailsnippets_certificates_certificatetemplate:list")).content.decode()
    assert "Mẫu mặc định (Hà Nội)" in listing
    preview = template.serve_preview(rf.get("/"), "").content.decode()
    assert preview.startswith("<!doctype html>") and "data:image/png;base64," in preview
    assert CertificateTemplate.objects.filter(is_default=True).count() == 1
    client.force_login(_organizer_of_bat_trang())
    assert outcome(client.get(reverse("wagtailsnippets_certificates_certificatetemplate:list"))) == "home"


def _issued(organizer, name="Trần Văn Đức"):  # noqa: F811
    offering, people = finished_class(organizer, {name: ("present",)})
    from certificates.services import certificate_issue

    certificate, _created = certificate_issue(enrollment=people[name], by=organizer)
    return offering, people[name], certificate


def test_a_crafted_reissue_of_a_revoked_certificate_gives_nothing_and_its_page_still_says_revoked(client, organizer):  # noqa: F811
    offering, _enrollment, certificate = _issued(organizer)
    client.force_login(_organizer_of_bat_trang())
    url = reverse("certificates:offering", args=[offering.pk])
    client.post(url, {"action": "revoke", "certificate": certificate.pk, "reason": "Cấp nhầm người"})
    page = client.post(url, {"action": "reissue", "certificate": certificate.pk}, follow=True).content.decode()
    assert "đã bị thu hồi nên không cấp lại từ giấy cũ được" in page
    assert Certificate.objects.count() == 1
    verification = client.get(reverse("certificate_verify", args=[certificate.code])).content.decode()
    assert "đã bị thu hồi" in verification.lower() and "thay thế" not in verification


def _row(page, serial):
    """The table row that shows the certificate `serial`."""
    start = page.index(serial, page.index("<tbody>"))
    return page[page.rindex("<tr>", 0, start) : page.index("</tr>", start)]


def test_after_a_mistaken_revocation_the_page_issues_a_new_certificate_by_the_rules(client, organizer):  # noqa: F811
    offering, enrollment, certificate = _issued(organizer)
    client.force_login(_organizer_of_bat_trang())
    url = reverse("certificates:offering", args=[offering.pk])
    client.post(url, {"action": "revoke", "certificate": certificate.pk, "reason": "Nhầm lớp"})
    row = _row(client.get(url).content.decode(), certificate.serial)
    assert "đã thu hồi" in row and ">Cấp lại</button>" in row and "Cấp lại (sửa tên)" not in row
    page = client.post(url, {"action": "issue", "enrollment": enrollment.pk}, follow=True).content.decode()
    new = Certificate.objects.get(is_current=True)
    assert f"Đã cấp giấy chứng nhận {new.serial}; giấy {certificate.serial} vẫn bị thu hồi." in page
    assert "còn hiệu lực" in _row(page, new.serial)
    assert new.pk != certificate.pk and new.state == "valid" and new.serial != certificate.serial
    certificate.refresh_from_db()
    assert certificate.state == "revoked" and certificate.replaced_by is None
    client.post(url, {"action": "issue", "enrollment": enrollment.pk})  # pressed twice: still one in force
    assert Certificate.objects.count() == 2


def test_a_revoked_certificate_of_someone_no_longer_eligible_needs_a_written_reason(client, organizer):  # noqa: F811
    offering, people = finished_class(organizer, {"Trần Văn Đức": ("absent",)})
    from certificates.services import certificate_issue, certificate_revoke

    enrollment = people["Trần Văn Đức"]
    certificate, _ = certificate_issue(enrollment=enrollment, by=organizer, override_reason="Học bù")
    certificate_revoke(certificate=certificate, reason="Không học bù", by=organizer)
    client.force_login(_organizer_of_bat_trang())
    url = reverse("certificates:offering", args=[offering.pk])
    assert "Cấp lại theo ngoại lệ" in client.get(url).content.decode()
    page = client.post(url, {"action": "issue", "enrollment": enrollment.pk}, follow=True).content.decode()
    assert "Chưa đủ điều kiện: thiếu 1 buổi bắt buộc" in page and Certificate.objects.count() == 1


@pytest.mark.parametrize(
    "data",
    [
        {"action": "issue", "enrollment": "abc"},
        {"action": "issue", "enrollment": "²"},
        {"action": "issue", "enrollment": "9" * 30},
        {"action": "revoke", "certificate": "abc", "reason": "x"},
        {"action": "reissue", "certificate": "1.5"},
        {"action": "reissue"},
    ],
)
def test_garbled_ids_on_the_certificates_page_answer_not_found(client, organizer, data):  # noqa: F811
    offering, _people = finished_class(organizer, {"Trần Văn Đức": ("present",)})
    client.force_login(_organizer_of_bat_trang())
    assert client.post(reverse("certificates:offering", args=[offering.pk]), data).status_code == 404
    assert not Certificate.objects.exists()


def test_issuing_to_someone_on_the_waiting_list_says_why(client, organizer):  # noqa: F811
    offering, people = finished_class(organizer, {"Trần Văn Đức": ("present",)})
    enrollment = people["Trần Văn Đức"]
    enrollment.status = "waitlisted"
    enrollment.save()
    client.force_login(_organizer_of_bat_trang())
    url = reverse("certificates:offering", args=[offering.pk])
    page = client.post(url, {"action": "issue", "enrollment": enrollment.pk}, follow=True).content.decode()
    assert "không còn trong danh sách lớp" in page and not Certificate.objects.exists()


def test_a_line_break_in_the_course_title_does_not_break_the_certificate_email(organizer, mailoutbox):  # noqa: F811
    from courses.factories import CourseFactory

    course = CourseFactory(title="Quản trị HTX\r\nBcc: ai.do@example.com")
    offering, people = finished_class(organizer, {"Trần Văn Đức": ("present",)}, course=course)
    person = people["Trần Văn Đức"].participant
    person.email = "duc@htx.example"
    person.save()
    from certificates.services import certificate_issue

    certificate, created = certificate_issue(enrollment=people["Trần Văn Đức"], by=organizer)
    assert created and len(mailoutbox) == 1
    assert mailoutbox[0].subject == "Giấy chứng nhận: Quản trị HTX Bcc: ai.do@example.com"
    assert mailoutbox[0].bcc == []


def test_the_certificates_in_force_print_as_one_pdf_in_the_sheets_name_order(client, organizer):  # noqa: F811
    import io

    from pypdf import PdfReader

    names = ["Trần Văn Đức", "Nguyễn Thị Hồng Đào", "Lê Văn Bình", "Đỗ Minh Châu"]
    offering, people = finished_class(organizer, {name: ("present",) for name in names})
    client.force_login(_organizer_of_bat_trang())
    url = reverse("certificates:offering", args=[offering.pk])
    client.post(url, {"action": "issue_all"})
    revoked = Certificate.objects.get(full_name="Đỗ Minh Châu")
    client.post(url, {"action": "revoke", "certificate": revoked.pk, "reason": "Cấp nhầm người"})
    assert "In 3 giấy chứng nhận đang hiệu lực (một tệp PDF)" in client.get(url).content.decode()

    response = client.get(reverse("certificates:offering_print", args=[offering.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert f"giay-chung-nhan-{offering.code}.pdf" in response["Content-Disposition"]
    pages = PdfReader(io.BytesIO(response.content)).pages
    assert len(pages) == 3  # the revoked one is not printed

    def drawing(page):
        return page.images[0].data  # the certificate is one drawn image a page

    order = ["Lê Văn Bình", "Nguyễn Thị Hồng Đào", "Trần Văn Đức"]  # Bình, Đào, Đức: as the sign-in sheet
    own = [drawing(PdfReader(Certificate.objects.get(full_name=name).pdf.open("rb")).pages[0]) for name in order]
    assert [drawing(page) for page in pages] == own


def test_printing_a_class_without_certificates_says_so_and_other_units_get_nothing(client, organizer):  # noqa: F811
    offering, _people = finished_class(organizer, {"Trần Văn Đức": ("present",)})
    client.force_login(_organizer_of_bat_trang())
    response = client.get(reverse("certificates:offering_print", args=[offering.pk]), follow=True)
    assert "không có giấy chứng nhận nào đang hiệu lực" in response.content.decode()
    client.force_login(
        UserFactory(role=Role.ORGANIZER, unit=AdministrativeUnit.objects.get(scheme="current", name="Hồng Hà"))
    )
    assert client.get(reverse("certificates:offering_print", args=[offering.pk])).status_code == 404
