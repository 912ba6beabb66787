"""The certificate register (Sổ cấp giấy chứng nhận): every certificate issued, in force or not, as the
office files it: per offering, or per year of issue. A django-import-export Resource (export only)
reads each certificate's frozen copy, so the register says what the certificate says whatever became
of the course, the offering or the person; the whole register is one query.

The register is an official document in Vietnamese: its title, headers and states are written in
Vietnamese whatever the interface's language, as the sign-in sheet's are.
"""

import tablib
from django.db.models import Count, Q
from django.utils import timezone
from import_export import resources, widgets
from import_export.fields import Field

from enrollment import scope

from .models import Certificate

STATE_LABELS = {
    "valid": "Còn hiệu lực",
    "revoked": "Đã thu hồi",
    "replaced": "Đã được thay thế",
    "expired": "Hết hiệu lực",
}


def _day(value):
    return value.strftime("%d/%m/%Y") if value else ""


class CertificateRegisterResource(resources.ModelResource):
    number = Field(column_name="STT")
    serial = Field("serial", "Số hiệu")
    full_name = Field("full_name", "Họ và tên")
    birth_year = Field("birth_year", "Năm sinh", widget=widgets.IntegerWidget(coerce_to_string=False))
    course_title = Field("course_title", "Khóa học, chuyên đề")
    offering_code = Field("offering_code", "Mã lớp")
    starts_on = Field("starts_on", "Từ ngày", widget=widgets.DateWidget(coerce_to_string=False))
    ends_on = Field("ends_on", "Đến ngày", widget=widgets.DateWidget(coerce_to_string=False))
    issued_on = Field("issued_on", "Ngày cấp", widget=widgets.DateWidget(coerce_to_string=False))
    state = Field(column_name="Tình trạng")
    note = Field(column_name="Ghi chú")

    class Meta:
        model = Certificate
        fields = ("number", "serial", "full_name", "birth_year", "course_title", "offering_code", "starts_on",
                  "ends_on", "issued_on", "state", "note")  # fmt: skip
        export_order = fields

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.counter = 0

    def dehydrate_number(self, certificate):
        self.counter += 1
        return self.counter

    def dehydrate_state(self, certificate):
        return STATE_LABELS[certificate.state]

    def dehydrate_note(self, certificate):
        state = certificate.state
        if state == "replaced":
            return f"Thay bằng giấy số {certificate.replaced_by.serial}"
        if state == "revoked":
            when = timezone.localdate(certificate.revoked_at).strftime("%d/%m/%Y")
            return f"Thu hồi ngày {when}: {certificate.revoked_reason}".rstrip(": ")
        if state == "expired":
            return f"Hết hạn ngày {_day(certificate.expires_on)}"
        if certificate.expires_on:
            return f"Có hiệu lực đến ngày {_day(certificate.expires_on)}"
        return ""


def _ordered(certificates):
    return certificates.select_related("replaced_by").order_by("issued_on", "serial", "pk")


def offering_certificates(offering):
    """Every certificate issued for the offering, also those whose enrollment was since deleted (they
    keep the offering's code)."""
    return Certificate.objects.filter(
        Q(enrollment__offering=offering) | Q(enrollment__isnull=True, offering_code=offering.code)
    )


def visible_certificates(user):
    """The certificates of the offerings of the user's units (administrators: all, also those whose
    enrollment was deleted)."""
    units = scope.visible_unit_ids(user)
    everything = Certificate.objects.all()
    return everything if units is scope.ALL else everything.filter(enrollment__offering__unit__in=units)


def year_certificates(user, year: int):
    """The user's certificates issued in `year`."""
    return visible_certificates(user).filter(issued_on__year=year)


def register_dataset(certificates) -> tablib.Dataset:
    dataset = CertificateRegisterResource().export(_ordered(certificates))
    dataset.title = "Sổ cấp GCN"
    return dataset


def state_counts(certificates) -> dict[str, int]:
    """How many of the certificates are in each state, in one query."""
    today = timezone.localdate()
    replaced = Q(replaced_by__isnull=False)
    revoked = Q(revoked_at__isnull=False) & ~replaced
    expired = Q(expires_on__lt=today) & ~replaced & Q(revoked_at__isnull=True)
    return certificates.aggregate(
        total=Count("pk"), replaced=Count("pk", filter=replaced), revoked=Count("pk", filter=revoked),
        expired=Count("pk", filter=expired),
    )  # fmt: skip
