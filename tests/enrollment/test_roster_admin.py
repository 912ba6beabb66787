from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.factories import UserFactory
from accounts.roles import Role
from enrollment import services
from enrollment.factories import OfferingFactory
from enrollment.models import AdministrativeUnit, Enrollment, RosterImport

from .test_roster_import import make_roster


def _upload(client, offering, path, name="danh-sach.xlsx"):
    with open(path, "rb") as handle:
        upload = SimpleUploadedFile(name, handle.read())
    return client.post(reverse("roster_upload", args=[offering.pk]), {"file": upload})


def _setup(db_unit_name="Bát Tràng"):
    unit = AdministrativeUnit.objects.get(scheme="current", name=db_unit_name)
    return OfferingFactory(unit=unit), UserFactory(role=Role.ORGANIZER, unit=unit)


def test_upload_preview_then_confirm(client, db, tmp_path):
    offering, organizer = _setup()
    known = services.participant_create(full_name="Đỗ Văn Hùng", phone="0912000222")
    services.participant_create(full_name="Đỗ Văn Hùng", national_id="001080000222")
    path = make_roster(
        tmp_path / "ds.xlsx",
        [
            [1, "Nguyễn Thị Hồng Đào", 1978, "0912345678", "", "HTX Gốm sứ Bát Tràng", ""],
            [2, "Nguyễn Thị Hồng Đào", 1978, "912345678", "", "", ""],
            [3, "Đỗ Văn Hùng", 1980, "0912000222", "001080000222", "", ""],
        ],
    )
    client.force_login(organizer)
    response = _upload(client, offering, path)
    history = RosterImport.objects.get()
    assert response.url == reverse("roster_preview", args=[history.pk])
    html = client.get(response.url).content.decode()
    assert "Trùng trong tệp" in html and "Không rõ ràng" in html
    assert not Enrollment.objects.exists()

    client.post(response.url, {"row-8": str(known.pk)})
    history.refresh_from_db()
    assert history.status == "imported"
    assert set(offering.enrollments.values_list("participant__full_name", flat=True)) == {
        "Nguyễn Thị Hồng Đào", "Đỗ Văn Hùng",
    }  # fmt: skip
    assert offering.enrollments.filter(participant=known).exists()


def test_a_file_with_errors_cannot_be_imported_from_the_preview(client, db, tmp_path):
    offering, organizer = _setup()
    path = make_roster(tmp_path / "ds.xlsx", [[1, "Bùi Văn Ất", 1979, "12345", "", "", ""]])
    client.force_login(organizer)
    preview = client.get(_upload(client, offering, path).url).content.decode()
    assert "Số điện thoại" in preview and "Số điện thoại không hợp lệ" in preview
    assert "Nhập những người này vào lớp" not in preview
    client.post(reverse("roster_preview", args=[RosterImport.objects.get().pk]))
    assert not Enrollment.objects.exists()


def test_wrong_extension_and_unreadable_files_get_a_message_and_write_nothing(client, db, tmp_path):
    offering, organizer = _setup()
    client.force_login(organizer)
    bad = tmp_path / "virus.exe"
    bad.write_bytes(b"MZ\x90\x00")
    response = _upload(client, offering, bad, name="virus.exe")
    assert response.status_code == 200
    assert "Chỉ nhập được tệp" in response.content.decode()
    fake = tmp_path / "fake.xlsx"
    fake.write_text("không phải Excel")
    response = _upload(client, offering, fake, name="fake.xlsx")
    page = client.get(response.url).content.decode()
    assert "không đúng định dạng .xlsx" in page and "Không có gì được ghi" in page
    assert RosterImport.objects.get().status == "rejected"
    assert not Enrollment.objects.exists()


def test_organizers_of_another_unit_cannot_import(client, db, tmp_path):
    offering, _organizer = _setup()
    _other_offering, outsider = _setup("Hồng Hà")
    client.force_login(outsider)
    assert client.get(reverse("roster_upload", args=[offering.pk])).status_code == 404
