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
    url = reverse("offering_certificates", args=[offering.pk])
    page = client.get(url).content.decode()
    assert "thiếu 1 buổi bắt buộc" in page and "Cấp cho 1 người đủ điều kiện" in page
    client.post(url, {"action": "issue_all"})
    assert list(Certificate.objects.values_list("full_name", flat=True)) == ["Nguyễn Thị Hồng Đào"]
    page = client.get(url).content.decode()
    assert "Lần chạy trước: cấp mới 1, đã có 0, chưa đủ điều kiện 1." in page
    assert client.get(reverse("offering_certificates_status", args=[offering.pk])).json()["running"] is False
    client.post(url, {"action": "issue_all"})  # again: nothing new
    assert Certificate.objects.count() == 1


def test_override_revoke_and_reissue_from_the_page(client, organizer):  # noqa: F811
    offering, people = finished_class(organizer, {"Trần Văn Đức": ("absent",)})
    client.force_login(_organizer_of_bat_trang())
    url = reverse("offering_certificates", args=[offering.pk])
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
    assert client.get(reverse("offering_certificates", args=[offering.pk])).status_code == 404
    client.force_login(UserFactory(role=Role.TRAINER))
    assert outcome(client.get(reverse("offering_certificates", args=[offering.pk]))) == "home"
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
