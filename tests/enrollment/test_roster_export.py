import csv
import io
import json
from io import StringIO

from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from accounts.factories import UserFactory
from accounts.roles import Role
from enrollment import services
from enrollment.factories import OfferingFactory
from enrollment.models import AdministrativeUnit, Participant
from enrollment.roster.export import safe_cell
from tests.answers import outcome


def _people(offering, unit):
    org_people = [
        services.participant_create(
            full_name="Nguyễn Thị Hồng Đào", phone="0912345678", national_id="001089012345", birth_year=1978,
            gender="female", unit=unit, position="Giám đốc HTX",
        ),
        services.participant_create(full_name="=HYPERLINK(\"http://x\")", phone="0912000999", unit=unit),
        services.participant_create(full_name="-Trần Văn Đức", email="duc@htx.example", unit=unit),
    ]  # fmt: skip
    for person in org_people:
        services.enrollment_create(offering=offering, participant=person)
    return org_people


def test_formula_cells_are_escaped():
    assert safe_cell("=1+1") == "'=1+1"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("\tx") == "'\tx"
    assert safe_cell("Nguyễn Văn An") == "Nguyễn Văn An"
    assert safe_cell(1978) == 1978


def test_export_xlsx_has_vietnamese_headers_and_escaped_cells(client, db):
    unit = AdministrativeUnit.objects.get(scheme="current", name="Bát Tràng")
    offering = OfferingFactory(unit=unit)
    _people(offering, unit)
    client.force_login(UserFactory(role=Role.ORGANIZER, unit=unit))
    response = client.get(reverse("enrollment:offering_export", args=[offering.pk, "xlsx"]))
    assert response["Content-Disposition"].endswith(f'danh-sach-{offering.code}.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[0][:3] == ("STT", "Họ và tên", "Ngày sinh")
    names = [row[1] for row in rows[1:]]
    assert '\'=HYPERLINK("http://x")' in names and "'-Trần Văn Đức" in names
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_export_csv_has_a_bom_and_escapes(client, db):
    unit = AdministrativeUnit.objects.get(scheme="current", name="Bát Tràng")
    offering = OfferingFactory(unit=unit)
    _people(offering, unit)
    client.force_login(UserFactory(role=Role.ADMINISTRATOR))
    content = client.get(reverse("enrollment:offering_export", args=[offering.pk, "csv"])).content
    assert content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0][1] == "Họ và tên"
    assert any(row[1] == '\'=HYPERLINK("http://x")' for row in rows)


def test_export_then_import_changes_nothing(client, db, tmp_path):
    unit = AdministrativeUnit.objects.get(scheme="current", name="Bát Tràng")
    offering = OfferingFactory(unit=unit)
    _people(offering, unit)
    before = list(Participant.objects.order_by("pk").values())
    client.force_login(UserFactory(role=Role.ADMINISTRATOR))
    for fmt in ("xlsx", "csv"):
        path = tmp_path / f"export.{fmt}"
        path.write_bytes(client.get(reverse("enrollment:offering_export", args=[offering.pk, fmt])).content)
        out = StringIO()
        call_command("import_roster", str(path), "--offering", offering.code, "--json", stdout=out)
        report = json.loads(out.getvalue())
        assert (report["created"], report["matched"], report["enrolled"], report["already_enrolled"]) == (0, 3, 0, 3)
        assert report["errors"] == [] and report["ambiguous"] == []
    assert list(Participant.objects.order_by("pk").values()) == before


def test_other_units_cannot_export(client, db):
    unit = AdministrativeUnit.objects.get(scheme="current", name="Bát Tràng")
    offering = OfferingFactory(unit=unit)
    other = AdministrativeUnit.objects.get(scheme="current", name="Hồng Hà")
    client.force_login(UserFactory(role=Role.ORGANIZER, unit=other))
    assert client.get(reverse("enrollment:offering_export", args=[offering.pk, "xlsx"])).status_code == 404
    client.force_login(UserFactory(role=Role.LEARNER))
    assert outcome(client.get(reverse("enrollment:participants_export", args=["xlsx"]))) == "login"


def test_participant_list_export_is_scoped(client, db):
    unit = AdministrativeUnit.objects.get(scheme="current", name="Bát Tràng")
    other = AdministrativeUnit.objects.get(scheme="current", name="Hồng Hà")
    services.participant_create(full_name="Lê Văn Men", unit=unit, phone="0912000101")
    services.participant_create(full_name="Phạm Thị Sen", unit=other, phone="0912000102")
    client.force_login(UserFactory(role=Role.ORGANIZER, unit=unit))
    sheet = load_workbook(
        io.BytesIO(client.get(reverse("enrollment:participants_export", args=["xlsx"])).content)
    ).active
    assert [row[1] for row in list(sheet.values)[1:]] == ["Lê Văn Men"]
