import json
from pathlib import Path

import jsonschema
import pytest
from django.urls import reverse

from certificates import services
from certificates.badges import certificate_badge

from .test_services import finished_class, organizer  # noqa: F401 - the fixture

# 1EdTech's published schema (openbadges-specification, docs/schema/achievementcredential.json, July 2024),
# kept beside the test so that CI validates against it wherever the repository is checked out.
SCHEMA = Path(__file__).with_name("data") / "ob_v3p0_achievementcredential_schema.json"


@pytest.fixture
def certificate(organizer):  # noqa: F811
    offering, people = finished_class(organizer, {"Công Tằng Tôn Nữ Thị Phương Thảo": ("present",)})
    person = people["Công Tằng Tôn Nữ Thị Phương Thảo"].participant
    person.phone, person.email = "0912345678", "thao@htx.example"
    person.save()
    certificate, _created = services.certificate_issue(enrollment=people["Công Tằng Tôn Nữ Thị Phương Thảo"])
    return certificate


def test_the_badge_validates_against_the_open_badges_3_schema(certificate):
    schema = json.loads(SCHEMA.read_text())
    badge = certificate_badge(certificate)
    jsonschema.Draft201909Validator(schema, format_checker=jsonschema.FormatChecker()).validate(badge)
    assert badge["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert badge["credentialSubject"]["achievement"]["achievementType"] == "CertificateOfCompletion"
    certificate.expires_on = certificate.issued_on.replace(year=certificate.issued_on.year + 2)
    jsonschema.Draft201909Validator(schema).validate(certificate_badge(certificate))


def test_the_badge_download_carries_no_personal_data_in_clear(client, certificate):
    response = client.get(reverse("certificate_badge", args=[certificate.code.lower()]))
    assert response["Content-Disposition"] == f'attachment; filename="open-badge-{certificate.serial}.json"'
    text = response.content.decode()
    for secret in ("Công Tằng Tôn Nữ", "0912345678", "thao@htx.example"):
        assert secret not in text
    assert json.loads(text)["credentialStatus"]["id"].endswith(f"/xac-minh/{certificate.code}/?format=json")
