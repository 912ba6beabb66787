"""The certificate register (Sổ cấp giấy chứng nhận): per offering and per year, every certificate with its
state in Vietnamese, one query whatever its length, an organizer's year limited to their units."""

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accounts.factories import UserFactory
from accounts.roles import Role
from certificates import services
from certificates.models import Certificate
from certificates.register import register_dataset, year_certificates
from enrollment.models import AdministrativeUnit

from .test_services import finished_class

PEOPLE = ["Nguyễn Thị Hồng Đào", "Trần Văn Đức", "Lê Thị Ánh Tuyết", "Phạm Quốc Bảo"]
HEADER = ("STT", "Số hiệu", "Họ và tên", "Năm sinh", "Khóa học, chuyên đề", "Mã lớp", "Từ ngày", "Đến ngày",
          "Ngày cấp", "Tình trạng", "Ghi chú")  # fmt: skip


@pytest.fixture
def organizer(db):
    return UserFactory(role=Role.ORGANIZER, unit=AdministrativeUnit.objects.get(scheme="current", name="Bát Tràng"))


@pytest.fixture
def issued(organizer):
    """Four certificates of one class: one in force, one revoked, one replaced by a re-issue (in force),
    one expired."""
    offering, people = finished_class(organizer, {name: ("present",) for name in PEOPLE})
    services.certificates_issue_offering(offering=offering, by=organizer, notify=False, draw=False)
    certificate = {name: people[name].certificates.get() for name in PEOPLE}
    services.certificate_revoke(certificate=certificate[PEOPLE[1]], reason="Cấp nhầm người", by=organizer)
    people[PEOPLE[2]].participant.full_name = "Lê Thị Ánh Tuyết (sửa)"
    people[PEOPLE[2]].participant.save()
    services.certificate_reissue(certificate=certificate[PEOPLE[2]], by=organizer)
    Certificate.objects.filter(pk=certificate[PEOPLE[3]].pk).update(expires_on=timezone.localdate() - timedelta(days=1))
    return offering


def _rows(response):
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))


def test_an_offerings_register_lists_every_certificate_with_its_state(client, organizer, issued):
    client.force_login(organizer)
    page = client.get(reverse("certificates:offering", args=[issued.pk])).content.decode()
    assert reverse("certificates:offering_register", args=[issued.pk]) in page
    assert "Sổ cấp giấy chứng nhận (XLSX)" in page
    rows = _rows(client.get(reverse("certificates:offering_register", args=[issued.pk])))
    assert rows[0][0] == "SỔ CẤP GIẤY CHỨNG NHẬN" and rows[1][0].startswith(issued.code)
    assert rows[2][0] == f"Từ ngày {issued.starts_on:%d/%m/%Y} đến ngày {issued.ends_on:%d/%m/%Y}"
    header = rows.index(HEADER)
    body = rows[header + 1 :]
    by_name = {row[2]: row for row in body}
    assert len(body) == 5 and [row[0] for row in body] == [1, 2, 3, 4, 5]
    states = {name: row[9] for name, row in by_name.items()}
    assert states == {
        "Nguyễn Thị Hồng Đào": "Còn hiệu lực", "Trần Văn Đức": "Đã thu hồi", "Lê Thị Ánh Tuyết": "Đã được thay thế",
        "Lê Thị Ánh Tuyết (sửa)": "Còn hiệu lực", "Phạm Quốc Bảo": "Hết hiệu lực",
    }  # fmt: skip
    replacement = by_name["Lê Thị Ánh Tuyết (sửa)"][1]
    assert by_name["Lê Thị Ánh Tuyết"][10] == f"Thay bằng giấy số {replacement}"
    assert by_name["Trần Văn Đức"][10].endswith(": Cấp nhầm người")
    row = by_name["Nguyễn Thị Hồng Đào"]
    certificate = Certificate.objects.get(full_name="Nguyễn Thị Hồng Đào")
    assert row[1] == certificate.serial and row[4] == certificate.course_title and row[5] == issued.code
    assert [value.date() for value in row[6:9]] == [issued.starts_on, issued.ends_on, certificate.issued_on]


def test_the_register_is_one_query_whatever_its_length(organizer, issued, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        short = register_dataset(Certificate.objects.filter(pk__in=Certificate.objects.values("pk")[:2]))
    offering, _people = finished_class(organizer, {f"Học viên số {n}": ("present",) for n in range(40)})
    services.certificates_issue_offering(offering=offering, by=organizer, notify=False, draw=False)
    with django_assert_max_num_queries(1):
        long = register_dataset(Certificate.objects.all())
    assert (len(short), len(long)) == (2, 45)


def test_a_years_register_is_the_organizers_units_only(client, organizer, issued):
    year = Certificate.objects.first().issued_on.year
    other = UserFactory(role=Role.ORGANIZER, unit=AdministrativeUnit.objects.get(scheme="current", name="Hồng Hà"))
    admin = UserFactory(role=Role.ADMINISTRATOR)
    assert year_certificates(other, year).count() == 0
    assert year_certificates(organizer, year).count() == year_certificates(admin, year).count() == 5

    client.force_login(other)
    rows = _rows(client.get(reverse("certificates:register_export") + f"?year={year}"))
    assert [row[0] for row in rows[:2]] == ["SỔ CẤP GIẤY CHỨNG NHẬN", f"Năm {year}"] and rows[-1] == HEADER
    client.force_login(organizer)
    rows = _rows(client.get(reverse("certificates:register_export") + f"?year={year}"))
    assert len(rows) == 4 + 5 and "Trần Văn Đức" in {row[2] for row in rows}


def test_the_register_page_counts_the_states_and_reads_the_year_strictly(client, organizer, issued):
    client.force_login(organizer)
    year = Certificate.objects.first().issued_on.year
    page = client.get(reverse("certificates:register") + f"?year={year}").content.decode()
    assert "Sổ cấp giấy chứng nhận" in page
    for label, count in (("Giấy chứng nhận đã cấp", 5), ("Còn hiệu lực", 2), ("Đã thu hồi", 1),
                         ("Đã được thay thế", 1), ("Hết hiệu lực", 1)):  # fmt: skip
        assert f"{label}: <strong>{count}</strong>" in page, label
    for hostile in ("9" * 40, "²⁰²⁶", "1999", "-1", "<b>"):
        response = client.get(reverse("certificates:register") + f"?year={hostile}")
        assert response.status_code == 200 and f"register.xlsx?year={timezone.localdate().year}" in (
            response.content.decode()
        )  # fmt: skip
        assert client.get(reverse("certificates:register_export") + f"?year={hostile}").status_code == 200


def test_the_reports_menu_offers_the_register_to_those_who_may_read_it(rf, organizer):
    from wagtail.admin.menu import reports_menu

    request = rf.get("/admin/")
    request.user = organizer
    register = [str(item.label) for item in reports_menu.menu_items_for_request(request) if "register" in item.url]
    assert register == ["Sổ cấp giấy chứng nhận"]
    request.user = UserFactory(role=Role.TRAINER)
    assert not [item for item in reports_menu.menu_items_for_request(request) if "register" in item.url]


def test_certificates_whose_enrollment_was_deleted_stay_in_their_offerings_register(organizer, issued):
    from certificates.register import offering_certificates

    enrollment = Certificate.objects.get(full_name="Nguyễn Thị Hồng Đào").enrollment
    Certificate.objects.filter(enrollment=enrollment).update(enrollment=None)
    assert offering_certificates(issued).count() == 5
