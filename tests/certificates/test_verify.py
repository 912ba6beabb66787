import pytest
from django.urls import reverse

from certificates import services
from certificates.models import Certificate

from .test_services import finished_class, organizer  # noqa: F401 - the fixture


@pytest.fixture
def certificate(organizer):  # noqa: F811
    offering, people = finished_class(organizer, {"Công Tằng Tôn Nữ Thị Phương Thảo": ("present",)})
    person = people["Công Tằng Tôn Nữ Thị Phương Thảo"].participant
    person.phone, person.national_id, person.email = "0912345678", "001190012345", "thao@htx.example"
    person.birth_year = 1990
    person.save()
    certificate, _created = services.certificate_issue(enrollment=people["Công Tằng Tôn Nữ Thị Phương Thảo"])
    return certificate


def test_a_valid_certificate_shows_what_verifies_it_and_nothing_personal(client, certificate):
    url = reverse("certificate_verify", args=[certificate.code])
    page = client.get(url).content.decode()
    assert "Giấy chứng nhận còn hiệu lực" in page
    assert "Công Tằng Tôn Nữ Thị Phương Thảo (1990)" in page and certificate.serial in page
    assert f"{certificate.starts_on:%d/%m/%Y} – {certificate.ends_on:%d/%m/%Y}" in page
    data = client.get(url + "?format=json").json()
    assert data["state"] == "valid" and data["name"] == "Công Tằng Tôn Nữ Thị Phương Thảo"
    for secret in ("0912345678", "001190012345", "thao@htx.example"):
        assert secret not in page and secret not in str(data)


def test_a_typed_code_is_forgiven(client, certificate):
    typed = certificate.code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    response = client.get(reverse("certificate_verify_form"), {"code": typed})
    assert response.url == reverse("certificate_verify", args=[certificate.code])


def test_revoked_replaced_and_unknown_codes(client, certificate, organizer):  # noqa: F811
    services.certificate_revoke(certificate=certificate, reason="Cấp nhầm", by=organizer)
    page = client.get(reverse("certificate_verify", args=[certificate.code])).content.decode()
    assert "Giấy chứng nhận đã bị thu hồi" in page
    skipped = ("id", "serial", "code", "enrollment", "revoked_at", "replaced_by")
    copied = {f.name: getattr(certificate, f.name) for f in Certificate._meta.concrete_fields if f.name not in skipped}
    new = Certificate.objects.create(
        **copied, serial="HN-2026-999999", code="AAAA-BBBB-CCCC-DDDD-EEEE", enrollment=None, replaced_by=certificate
    )
    replaced = client.get(reverse("certificate_verify", args=[new.code])).content.decode()
    assert "Giấy chứng nhận đã được thay thế" in replaced and certificate.code in replaced
    unknown = client.get(reverse("certificate_verify", args=["ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"]))
    garbage = client.get(reverse("certificate_verify", args=["<script>"]))
    assert unknown.status_code == garbage.status_code == 404
    assert "Không có giấy chứng nhận nào mang mã này" in unknown.content.decode()
    assert "<script>" not in garbage.content.decode()
    assert client.get(reverse("certificate_verify", args=["x"]) + "?format=json").json() == {"state": "not_found"}


def test_lookups_are_rate_limited_per_address(client, certificate):
    url = reverse("certificate_verify", args=["ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"])
    statuses = {client.get(url).status_code for _ in range(31)}
    assert statuses == {404, 429}


def test_an_expired_certificate_says_until_when(client, certificate):
    from datetime import timedelta

    from django.utils import timezone

    expired = timezone.localdate() - timedelta(days=1)
    Certificate.objects.filter(pk=certificate.pk).update(expires_on=expired)
    page = client.get(reverse("certificate_verify", args=[certificate.code])).content.decode()
    assert "Giấy chứng nhận đã hết hạn" in page and f"Giấy có hiệu lực đến ngày {expired:%d/%m/%Y}." in page


@pytest.mark.parametrize("typed", ["a/b", "../../admin", "7KQ2/M9XD", "%2F", "Đ" * 20])
def test_a_code_that_cannot_be_one_is_answered_on_the_form(client, db, typed):
    response = client.get(reverse("certificate_verify_form"), {"code": typed})
    assert response.status_code == 200
    assert "Mã xác minh gồm 20 chữ cái và chữ số" in response.content.decode()


def test_the_open_badge_shares_the_verification_limit(client, certificate):
    verify = reverse("certificate_verify", args=["ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"])
    for _ in range(30):
        client.get(verify)
    badge = client.get(reverse("certificate_badge", args=[certificate.code]))
    assert badge.status_code == 429 and badge.json() == {"state": "rate_limited"}


def test_a_signed_in_sender_is_limited_on_every_network(client, certificate):
    from accounts.factories import UserFactory

    client.force_login(UserFactory())
    verify = reverse("certificate_verify", args=["ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"])
    statuses = [client.get(verify, REMOTE_ADDR=f"203.0.113.{n % 200}").status_code for n in range(31)]
    assert statuses[-1] == 429
