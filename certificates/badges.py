"""An Open Badges 3.0 credential (OpenBadgeCredential, a W3C Verifiable Credential) for a certificate.

The recipient is identified by a salted SHA-256 hash of their name, not the name itself, so the
file carries no personal data in clear; whoever holds it and knows the name can check it. The
status points to the verification page's JSON, which says whether the certificate was revoked.
Unsigned: the verification page is the authority (a signed proof needs a key service we do not run).
"""

import hashlib
from datetime import datetime, time

from django.urls import reverse
from django.utils import timezone

from .files import absolute_url

CONTEXTS = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]


def _moment(day, at=time(0, 0)) -> str:
    return timezone.make_aware(datetime.combine(day, at)).isoformat()


def certificate_badge(certificate) -> dict:
    verify = absolute_url(reverse("certificate_verify", args=[certificate.code]))
    completion = certificate.kind == "completion"
    achievement_type = "CertificateOfCompletion" if completion else "Certificate"
    criteria = (
        "Hoàn thành chương trình đào tạo theo quy định về chuyên cần và kiểm tra của khóa học."
        if completion
        else "Tham dự đầy đủ các buổi bắt buộc."
    )
    badge = {
        "@context": CONTEXTS,
        "id": verify,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"{certificate.title}: {certificate.course_title}",
        "description": f"{certificate.title} số {certificate.serial} do {certificate.issuer} cấp.",
        "issuer": {
            "id": absolute_url("/"),
            "type": ["Profile"],
            "name": certificate.issuer,
            "url": absolute_url("/"),
            **(
                {
                    "parentOrg": {
                        "id": absolute_url("/#co-quan-chu-quan"),
                        "type": ["Profile"],
                        "name": certificate.parent_office,
                    }
                }
                if certificate.parent_office
                else {}
            ),
        },  # fmt: skip
        "validFrom": _moment(certificate.issued_on),
        "awardedDate": certificate.issued_at.isoformat() if certificate.issued_at else _moment(certificate.issued_on),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityType": "name",
                    "hashed": True,
                    "identityHash": "sha256$"
                    + hashlib.sha256((certificate.full_name + certificate.code).encode()).hexdigest(),
                    "salt": certificate.code,
                }
            ],
            "activityStartDate": _moment(certificate.starts_on),
            "activityEndDate": _moment(certificate.ends_on, time(23, 59, 59)),
            "achievement": {
                "id": absolute_url(reverse("offering_detail", args=[certificate.offering_code])),
                "type": ["Achievement"],
                "achievementType": achievement_type,
                "name": certificate.course_title,
                "description": f"{certificate.course_title} ({certificate.offering_code}).",
                "criteria": {"narrative": criteria},
                "humanCode": certificate.offering_code,
                "inLanguage": "vi",
                **({"creditsAvailable": float(certificate.hours)} if certificate.hours else {}),
            },
        },
        "credentialStatus": {"id": verify + "?format=json", "type": "1EdTechRevocationList"},
    }
    if certificate.expires_on:
        badge["validUntil"] = _moment(certificate.expires_on, time(23, 59, 59))
    return badge
