"""The dashboard page and its XLSX tables: who may see them, what they show, how many queries."""

import datetime
import io
import re

import openpyxl
import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from accounts.roles import Role
from enrollment.factories import OfferingFactory, ParticipantFactory
from enrollment.models import AdministrativeUnit, Enrollment, Offering
from home.models import TrainingTarget
from tests.answers import outcome

URL = "/admin/dashboard/"


def district(name):
    return AdministrativeUnit.objects.get(scheme="pre-2025", level="district", name=name)


def program(size: int):
    """`size` producer classes in Gia Lâm in 2019, two people each, and a conference in Đông Anh."""
    for n in range(size):
        day = datetime.date(2019, 1 + n % 12, 5)
        offering = OfferingFactory(unit=district("Gia Lâm"), kind=Offering.Kind.CLASS, track="producers",
                                   starts_on=day, ends_on=day, status="completed")  # fmt: skip
        for _ in range(2):
            Enrollment.objects.create(offering=offering, participant=ParticipantFactory(gender="female"))
    OfferingFactory(unit=district("Đông Anh"), starts_on=datetime.date(2019, 3, 1), ends_on=datetime.date(2019, 3, 1),
                    status="completed")  # fmt: skip


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(role=Role.ADMINISTRATOR))
    return client


@pytest.mark.parametrize(("role", "answer"), [(None, "login"), (Role.LEARNER, "login"), (Role.TRAINER, "home")])
def test_only_staff_with_the_dashboard_permission_get_in(client, role_user, role, answer):
    user = role_user(role)
    if user:
        client.force_login(user)
    assert outcome(client.get(URL + "?year=2019")) == answer
    assert outcome(client.get(URL + "summary.xlsx?year=2019")) == answer


def test_the_administrator_sees_the_year_in_figures_charts_and_coverage(admin_client):
    program(3)
    TrainingTarget.objects.create(year=2019, track="producers", classes=15, people=600)
    response = admin_client.get(URL, {"year": 2019})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bảng số liệu chương trình" in html
    assert "Gia Lâm" in html and "Hai Bà Trưng" in html  # listed among the districts without a class
    assert html.count("<svg") >= 5 and "<rect" in html
    assert re.search(r'<rect class="chart-series-1" x="\d+(\.\d)?" y="\d+(\.\d)?"', html)  # not "130,6" in Vietnamese
    figures = response.context["figures"]
    assert figures.offerings == {"conference": 1, "class": 3, "study_tour": 0}
    assert figures.people == 6
    assert figures.coverage["with_class"] == 1 and figures.coverage["with_conference"] == 1


def test_the_dashboard_runs_a_constant_number_of_queries(admin_client, django_assert_max_num_queries):
    program(2)
    with django_assert_max_num_queries(40) as small:
        admin_client.get(URL, {"year": 2019})
    program(30)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert admin_client.get(URL, {"year": 2019}).status_code == 200


def test_every_table_downloads_as_xlsx_with_vietnamese_headers(admin_client):
    program(2)
    for table in ("summary", "tracks", "months", "people", "units", "coverage", "knowledge", "offerings"):
        response = admin_client.get(reverse("dashboard:export", args=[table]), {"year": 2019, "track": "producers"})
        assert response.status_code == 200, table
        assert response["Content-Disposition"] == f'attachment; filename="bao-cao-2019-{table}.xlsx"'
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        headers = [cell.value for cell in sheet[1]]
        assert all(headers), table
    sheet = openpyxl.load_workbook(io.BytesIO(admin_client.get(URL + "units.xlsx?year=2019").content)).active
    assert [cell.value for cell in sheet[1]] == ["Đơn vị hành chính", "Hội nghị", "Lớp tập huấn", "Tham quan học tập",
                                                 "Lượt học viên", "Số người"]  # fmt: skip
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["Huyện Gia Lâm"][2] == 2 and rows["Huyện Gia Lâm"][5] == 4


def test_bad_filters_get_a_clear_message_not_a_500(admin_client):
    response = admin_client.get(URL, {"date_from": "2019-05-01", "date_to": "2019-01-01"})
    assert response.status_code == 400
    assert "trước ngày bắt đầu" in response.content.decode()
    for query in ({"year": "abc"}, {"year": "99999999999"}, {"unit": "999999"}, {"track": "<script>"}):
        assert admin_client.get(URL, query).status_code == 400, query
        assert admin_client.get(URL + "summary.xlsx", query).status_code == 400, query
    assert admin_client.get(URL + "nothing.xlsx?year=2019").status_code == 404


def test_an_organizer_reads_only_their_district(client, db):
    program(2)
    organizer = UserFactory(role=Role.ORGANIZER, unit=district("Đông Anh"))
    client.force_login(organizer)
    response = client.get(URL, {"year": 2019})
    assert response.status_code == 200
    assert response.context["figures"].offerings == {"conference": 1, "class": 0, "study_tour": 0}
    assert client.get(URL, {"year": 2019, "unit": district("Gia Lâm").pk}).status_code == 400
