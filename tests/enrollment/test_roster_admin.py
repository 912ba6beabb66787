import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.factories import UserFactory
from accounts.roles import Role
from enrollment import services
from enrollment.factories import OfferingFactory
from enrollment.models import AdministrativeUnit, Enrollment, RosterImport, RosterImportRow
from tests.answers import redirected_to

from .test_roster_import import make_roster


def _upload(client, offering, path, name="danh-sach.xlsx"):
    with open(path, "rb") as handle:
        upload = SimpleUploadedFile(name, handle.read())
    return client.post(reverse("enrollment:roster_upload", args=[offering.pk]), {"file": upload})


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
    assert response.url == reverse("enrollment:roster_preview", args=[history.pk])
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
    client.post(reverse("enrollment:roster_preview", args=[RosterImport.objects.get().pk]))
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
    assert client.get(reverse("enrollment:roster_upload", args=[offering.pk])).status_code == 404


def _ambiguous_roster(client, tmp_path):
    """A roster row whose phone and ID point to two different people of the organizer's unit."""
    offering, organizer = _setup()
    unit = offering.unit
    by_phone = services.participant_create(full_name="Đỗ Văn Hùng", phone="0912000222", unit=unit)
    by_id = services.participant_create(full_name="Đỗ Văn Hùng", national_id="001080000222", unit=unit)
    path = make_roster(tmp_path / "ds.xlsx", [[1, "Đỗ Văn Hùng", 1980, "0912000222", "001080000222", "", ""]])
    client.force_login(organizer)
    preview = _upload(client, offering, path).url
    [row] = RosterImportRow.objects.filter(status="ambiguous").values_list("row", flat=True)
    return offering, preview, f"row-{row}", (by_phone, by_id)


def test_a_roster_decision_naming_someone_of_another_commune_enrolls_no_one_and_reveals_nothing(client, db, tmp_path):
    offering, preview, field, _candidates = _ambiguous_roster(client, tmp_path)
    elsewhere = AdministrativeUnit.objects.get(scheme="current", name="Hồng Hà")
    stranger = services.participant_create(full_name="Lê Xuân Ất", phone="0987654321", national_id="001079000111",
                                           email="le.xuan.at@example.com", unit=elsewhere)  # fmt: skip
    page = client.post(preview, {field: str(stranger.pk)}, follow=True).content.decode()
    assert f"Dòng {field[4:]}: người được chọn không phải một trong những người khớp với dòng này." in page
    assert RosterImport.objects.get().status == "previewed"  # nothing started: choose again
    assert not offering.enrollments.exists()
    assert client.get(reverse("participants:edit", args=[stranger.pk])).status_code == 404
    assert "Lê Xuân Ất" not in page


@pytest.mark.parametrize("choice", ["²", "9" * 20, "9" * 5000, "-1", "1.0", " create", "\x00"])
def test_a_garbled_roster_decision_is_refused_and_the_import_can_still_be_made(client, db, tmp_path, choice):
    offering, preview, field, (by_phone, _by_id) = _ambiguous_roster(client, tmp_path)
    response = client.post(preview, {field: choice})
    assert redirected_to(response) == preview
    assert RosterImport.objects.get().status == "previewed"
    client.post(preview, {field: str(by_phone.pk)})  # the real choice still works
    assert RosterImport.objects.get().status == "imported"
    assert list(offering.enrollments.values_list("participant", flat=True)) == [by_phone.pk]


def test_a_candidate_of_another_unit_is_offered_without_their_details(client, db, tmp_path):
    offering, organizer = _setup()
    elsewhere = AdministrativeUnit.objects.get(scheme="current", name="Hồng Hà")
    services.participant_create(full_name="Khúc Thừa Dụ", phone="0912000333", unit=elsewhere)
    mine = services.participant_create(full_name="Khúc Thừa Mỹ", national_id="001080000333", unit=offering.unit)
    path = make_roster(tmp_path / "ds.xlsx", [[1, "Khúc Thừa Dụ", 1980, "0912000333", "001080000333", "", ""]])
    client.force_login(organizer)
    page = client.get(_upload(client, offering, path).url).content.decode()
    assert "Khúc Thừa Mỹ" in page  # the organizer's own person, with details
    assert "một người đã có hồ sơ ở đơn vị khác (không hiện thông tin)" in page
    own = ("Khúc Thừa Dụ</td>", 'Khúc Thừa Dụ <span class="roster-status', "<strong>Khúc Thừa Dụ</strong>")
    assert page.count("Khúc Thừa Dụ") == sum(page.count(place) for place in own)  # only the file's own name
    assert mine.pk


def test_wagtails_new_reads_moi_on_create_pages_and_the_rosters_new_reads_nguoi_moi(client, db, tmp_path):
    """The roster's "New" (a new person) has its own context, so Wagtail's "New" of every create page
    keeps Wagtail's translation: "Mới: Bài học", not "Người mới: Bài học"."""
    from courses.factories import CourseFactory

    client.force_login(UserFactory(role=Role.ADMINISTRATOR))
    course = CourseFactory()
    page = client.get(reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", course.pk])).content.decode()
    assert "<title>Mới: Bài học" in page and "Người mới" not in page

    offering, organizer = _setup()
    client.force_login(organizer)
    path = make_roster(tmp_path / "ds.xlsx", [[1, "Nguyễn Thị Hồng Đào", 1978, "0912345678", "", "", ""]])
    preview = client.get(_upload(client, offering, path).url).content.decode()
    assert "<li>Người mới: <strong>1</strong></li>" in preview and "Người mới (1)" in preview
