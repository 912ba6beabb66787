import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.roles import Role
from attendance import services as attendance
from attendance.factories import SessionFactory
from attendance.services import Mark
from certificates import codes, services
from certificates.models import Certificate
from certificates.services import CertificateError
from courses.factories import CourseFactory
from enrollment.factories import OfferingFactory, ParticipantFactory
from enrollment.models import AdministrativeUnit, Enrollment, Offering
from enrollment.units import hanoi_units_load


@pytest.fixture
def organizer(db):
    return UserFactory(role=Role.ORGANIZER)


def finished_class(organizer, marks, *, course=None, optional=()):
    """A class in Bát Tràng with one session per mark column; marks: {name: (status, ...)}."""
    unit = AdministrativeUnit.objects.get(scheme="current", name="Bát Tràng")
    course = course or CourseFactory(title="Xây dựng hồ sơ sản phẩm OCOP", min_attendance_percent=75)
    ended = timezone.localdate() - timedelta(days=30)
    offering = OfferingFactory(unit=unit, kind=Offering.Kind.CLASS, course=course, starts_on=ended - timedelta(days=1),
                               ends_on=ended)  # fmt: skip
    width = len(next(iter(marks.values())))
    sessions = [SessionFactory(offering=offering, required=n not in optional) for n in range(width)]
    people = {}
    for name, statuses in marks.items():
        people[name] = Enrollment.objects.create(offering=offering, participant=ParticipantFactory(full_name=name))
        for session, status in zip(sessions, statuses, strict=True):
            attendance.attendance_save(session=session, marks={people[name].pk: Mark(status)}, by=organizer)
    for session in sessions:
        attendance.session_close(session=session, by=organizer)
    return offering, people


def test_codes_are_grouped_random_and_forgiving_when_typed():
    code = codes.code_new()
    assert len(code) == 24 and code.count("-") == 4 and code != codes.code_new()
    assert set(code.replace("-", "")) <= set(codes.ALPHABET)
    assert codes.code_normalize(code.lower().replace("-", " ")) == code
    assert codes.code_normalize("7kq2m9xd4trpwb3hc8nf".replace("0", "O")) == "7KQ2-M9XD-4TRP-WB3H-C8NF"
    assert codes.code_normalize("OIL0-1111-1111-1111-1111") == "0110-1111-1111-1111-1111"
    assert codes.code_normalize("too short") is None


def test_eligibility_gives_reasons_in_plain_vietnamese(organizer):
    offering, people = finished_class(
        organizer,
        {"Nguyễn Thị Hồng Đào": ("present", "late", "present", "present"),
         "Trần Văn Đức": ("present", "absent", "absent", "present"),
         "Lê Văn Bình": ("present", "excused", "present", "present")},
    )  # fmt: skip
    report = services.certificates_issue_offering(offering=offering, by=organizer)
    assert [c.full_name for c in report.issued] == ["Nguyễn Thị Hồng Đào"]
    reasons = {e.enrollment.participant.full_name: e.reasons for e in report.not_eligible}
    assert reasons["Trần Văn Đức"] == ["thiếu 2 buổi bắt buộc", "chuyên cần 50 %, dưới mức tối thiểu 75 %"]
    assert reasons["Lê Văn Bình"] == ["thiếu 1 buổi bắt buộc"]


def test_a_final_test_and_all_lessons_can_be_required(organizer):
    from courses.factories import LessonFactory

    course = CourseFactory(min_attendance_percent=50, require_all_lessons=True)
    final = LessonFactory(parent=course, with_quiz=True)
    course.final_test = final
    course.save()
    offering, _people = finished_class(organizer, {"Phạm Quốc Bảo": ("present",)}, course=course)
    [verdict] = services.offering_eligibility(offering)
    assert verdict.reasons == ["chưa học xong các bài trực tuyến (0/1 bài)", "chưa làm bài kiểm tra cuối khóa"]


def test_serials_run_per_issuing_unit_and_year_and_issuing_twice_adds_nothing(organizer):
    offering, people = finished_class(organizer, {"A Đào": ("present",), "B Đức": ("present",)})
    first = services.certificates_issue_offering(offering=offering, by=organizer)
    year = timezone.localdate().year
    assert sorted(c.serial for c in first.issued) == [f"HN-{year}-000001", f"HN-{year}-000002"]
    again = services.certificates_issue_offering(offering=offering, by=organizer)
    assert (len(again.issued), len(again.already_issued)) == (0, 2)
    certificate, created = services.certificate_issue(enrollment=people["A Đào"], by=organizer)
    assert not created and Certificate.objects.count() == 2


def test_staff_can_override_with_a_written_reason(organizer):
    offering, people = finished_class(organizer, {"Trần Văn Đức": ("absent",)})
    with pytest.raises(CertificateError, match="Chưa đủ điều kiện: thiếu 1 buổi bắt buộc"):
        services.certificate_issue(enrollment=people["Trần Văn Đức"], by=organizer)
    certificate, created = services.certificate_issue(
        enrollment=people["Trần Văn Đức"], by=organizer, override_reason="Học bù theo Quyết định 12/QĐ-VPĐP"
    )
    assert created and certificate.override_reason == "Học bù theo Quyết định 12/QĐ-VPĐP"


def test_the_frozen_copy_survives_renaming_the_person_and_deleting_the_course(organizer):
    offering, people = finished_class(organizer, {"Công Tằng Tôn Nữ Thị Phương Thảo": ("present",)})
    certificate, _created = services.certificate_issue(enrollment=people["Công Tằng Tôn Nữ Thị Phương Thảo"])
    person = people["Công Tằng Tôn Nữ Thị Phương Thảo"].participant
    person.full_name = "Tên Đã Đổi"
    person.save()
    Offering.objects.filter(pk=offering.pk).update(course=None)
    offering.course.delete()
    certificate.refresh_from_db()
    assert (certificate.full_name, certificate.course_title) == (
        "Công Tằng Tôn Nữ Thị Phương Thảo", "Xây dựng hồ sơ sản phẩm OCOP",
    )  # fmt: skip
    assert certificate.state == "valid"


def test_revoking_and_reissuing(organizer):
    offering, people = finished_class(organizer, {"Nguyen Thi Dao": ("present",)})
    old, _created = services.certificate_issue(enrollment=people["Nguyen Thi Dao"])
    person = people["Nguyen Thi Dao"].participant
    person.full_name = "Nguyễn Thị Đào"
    person.save()
    new = services.certificate_reissue(certificate=old, by=organizer)
    old.refresh_from_db()
    assert (old.state, old.replaced_by, new.full_name, new.state) == ("replaced", new, "Nguyễn Thị Đào", "valid")
    assert new.serial != old.serial and new.code != old.code
    with pytest.raises(CertificateError):
        services.certificate_revoke(certificate=new, reason=" ")
    services.certificate_revoke(certificate=new, reason="Cấp nhầm người", by=organizer)
    new.refresh_from_db()
    assert new.state == "revoked" and new.revoked_reason == "Cấp nhầm người"


@pytest.mark.django_db(transaction=True)
def test_concurrent_issuing_numbers_every_certificate_once():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises every write; the race is only meaningful on PostgreSQL")
    hanoi_units_load()  # an earlier transactional test flushed the units the migrations loaded
    organizer = UserFactory(role=Role.ORGANIZER)
    offering, people = finished_class(organizer, {f"Học Viên {n}": ("present",) for n in range(12)})
    barrier, errors = threading.Barrier(6), []

    def issue():
        try:
            barrier.wait()
            services.certificates_issue_offering(offering=offering, by=organizer)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=issue) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    serials = sorted(Certificate.objects.values_list("serial", flat=True))
    assert len(serials) == 12 and len(set(serials)) == 12
    assert Certificate.objects.values("enrollment").distinct().count() == 12


def test_the_issue_certificates_command(organizer):
    import json
    from io import StringIO

    from django.core.management import call_command

    offering, _people = finished_class(organizer, {"Nguyễn Thị Hồng Đào": ("present",), "Trần Văn Đức": ("absent",)})
    out = StringIO()
    call_command("issue_certificates", "--offering", offering.code, "--json", stdout=out)
    report = json.loads(out.getvalue())
    assert [item["name"] for item in report["issued"]] == ["Nguyễn Thị Hồng Đào"]
    assert report["not_eligible"][0]["reasons"] == ["thiếu 1 buổi bắt buộc", "chuyên cần 0 %, dưới mức tối thiểu 75 %"]
    text = StringIO()
    call_command("issue_certificates", "--offering", offering.code, stdout=text)
    assert "cấp mới 0, đã cấp từ trước 1, chưa đủ điều kiện 1." in text.getvalue()


def test_the_learner_is_emailed_and_downloads_the_pdf_from_my_classes(client, organizer, mailoutbox):
    from django.urls import reverse

    offering, people = finished_class(organizer, {"Nguyễn Thị Hồng Đào": ("present",)})
    learner = UserFactory(role=Role.LEARNER, email="dao@htx-battrang.example")
    person = people["Nguyễn Thị Hồng Đào"].participant
    person.user = learner
    person.save()
    certificate, _created = services.certificate_issue(enrollment=people["Nguyễn Thị Hồng Đào"], by=organizer)
    assert mailoutbox[0].to == ["dao@htx-battrang.example"] and certificate.serial in mailoutbox[0].body
    client.force_login(learner)
    page = client.get(reverse("my_classes")).content.decode()
    assert "Tải giấy chứng nhận (PDF)" in page
    pdf = client.get(reverse("certificate_download", args=[certificate.pk, "pdf"]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    certificate.pdf.delete(save=False)  # gone from storage: drawn again on demand
    assert client.get(reverse("certificate_download", args=[certificate.pk, "png"])).content.startswith(b"\x89PNG")
    assert client.get(reverse("certificate_download", args=[certificate.pk, "pdf"])).content.startswith(b"%PDF")
    client.force_login(UserFactory(role=Role.LEARNER))
    assert client.get(reverse("certificate_download", args=[certificate.pk, "pdf"])).status_code == 404


def test_every_character_of_a_long_vietnamese_name_has_a_glyph():
    from certificates.rendering import fitted, font

    text = "Công Tằng Tôn Nữ Thị Phương Thảo ĐẶNG ẤẦẨẪẬ ắằẳẵặ ếềểễệ ốồổỗộ ớờởỡợ ứừửữự ýỳỷỹỵ đĐ ơƠ ưƯ"
    for weight, italic in ((400, False), (700, False), (700, True), (800, False)):
        face = font(40, weight, italic)
        notdef = face.getmask("\U0010fffd")  # a code point no font has: what a missing glyph looks like
        for char in set(text) - {" "}:
            mask = face.getmask(char)
            assert mask.getbbox() is not None, char  # drawn, not blank
            assert (mask.size, bytes(mask)) != (notdef.size, bytes(notdef)), char  # and not the missing-glyph box
    assert fitted("Công Tằng Tôn Nữ " * 6, 1000, 72, 700, italic=True).size < 72


def test_issuing_without_drawing_stores_no_file_and_the_first_download_draws_it(client, organizer, mailoutbox):
    offering, people = finished_class(organizer, {"Nguyễn Thị Hồng Đào": ("present",)})
    learner = UserFactory(role=Role.LEARNER, email="dao@htx-battrang.example")
    person = people["Nguyễn Thị Hồng Đào"].participant
    person.user = learner
    person.save()
    report = services.certificates_issue_offering(offering=offering, by=organizer, notify=False, draw=False)
    [certificate] = report.issued
    certificate.refresh_from_db()
    assert not certificate.png and not certificate.pdf and not mailoutbox
    client.force_login(learner)
    from django.urls import reverse

    pdf = client.get(reverse("certificate_download", args=[certificate.pk, "pdf"]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    certificate.refresh_from_db()
    assert certificate.pdf and certificate.png  # drawn once, stored for the next download
    assert client.get(reverse("certificate_download", args=[certificate.pk, "png"])).content.startswith(b"\x89PNG")


def test_a_class_of_the_old_units_takes_its_serial_from_todays_province(organizer):
    """Hà Nội is "01" before and after 2025: one office, one counter, never the same serial twice."""
    old_commune = AdministrativeUnit.objects.get(scheme="pre-2025", name="Bát Tràng")
    new_class, _people = finished_class(organizer, {"Nguyễn Thị Hồng Đào": ("present",)})
    old_class, _people = finished_class(organizer, {"Trần Văn Đức": ("present",)})
    Offering.objects.filter(pk=old_class.pk).update(unit=old_commune)
    old_class.refresh_from_db()
    first = services.certificates_issue_offering(offering=new_class, by=organizer, notify=False, draw=False)
    second = services.certificates_issue_offering(offering=old_class, by=organizer, notify=False, draw=False)
    year = timezone.localdate().year
    assert [c.serial for c in first.issued + second.issued] == [f"HN-{year}-000001", f"HN-{year}-000002"]
    assert services.issuing_unit(old_class) == services.issuing_unit(new_class)
