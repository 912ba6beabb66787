"""Staff screens: organizers of two units never see each other's data; lists run fixed queries."""

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from accounts.roles import Role
from enrollment import services
from enrollment.factories import OfferingFactory, ParticipantFactory
from enrollment.models import AdministrativeUnit, Offering, Participant
from tests.answers import outcome, redirected_to

CURRENT, PRE = AdministrativeUnit.Scheme.CURRENT, AdministrativeUnit.Scheme.PRE_2025


@pytest.fixture
def two_units(db):
    bat_trang = AdministrativeUnit.objects.get(scheme=CURRENT, name="Bát Tràng")
    hong_ha = AdministrativeUnit.objects.get(scheme=CURRENT, name="Hồng Hà")
    people = {
        "a": services.participant_create(full_name="Nguyễn Văn Gốm", unit=bat_trang, phone="0912000001"),
        "b": services.participant_create(full_name="Trần Thị Sông Hồng", unit=hong_ha, phone="0912000002"),
    }
    offerings = {
        "a": OfferingFactory(unit=bat_trang, title="Hội nghị OCOP Bát Tràng"),
        "b": OfferingFactory(unit=hong_ha),
    }
    organizers = {
        "a": UserFactory(role=Role.ORGANIZER, unit=bat_trang),
        "b": UserFactory(role=Role.ORGANIZER, unit=hong_ha),
    }
    return {"people": people, "offerings": offerings, "organizers": organizers}


def test_organizers_list_only_their_units_people_and_offerings(client, two_units):
    client.force_login(two_units["organizers"]["a"])
    people = client.get(reverse("participants:index")).content.decode()
    assert "Nguyễn Văn Gốm" in people and "Trần Thị Sông Hồng" not in people
    offerings = client.get(reverse("offerings:index")).content.decode()
    assert two_units["offerings"]["a"].code in offerings and two_units["offerings"]["b"].code not in offerings


def test_organizers_cannot_open_another_units_records(client, two_units):
    client.force_login(two_units["organizers"]["a"])
    other_person = two_units["people"]["b"]
    other_offering = two_units["offerings"]["b"]
    assert client.get(reverse("participants:edit", args=[other_person.pk])).status_code == 404
    assert client.get(reverse("offerings:edit", args=[other_offering.pk])).status_code == 404
    response = client.post(reverse("participants:edit", args=[other_person.pk]), {"full_name": "Đổi tên trái phép"})
    assert response.status_code == 404
    other_person.refresh_from_db()
    assert other_person.full_name == "Trần Thị Sông Hồng"


def test_an_organizer_can_only_pick_their_own_units_in_forms(client, two_units):
    client.force_login(two_units["organizers"]["a"])
    form = client.get(reverse("offerings:add")).context["form"]
    choices = form.fields["unit"].queryset
    assert choices.filter(scheme=CURRENT).get().name == "Bát Tràng"
    assert set(choices.filter(scheme=PRE).values_list("name", flat=True)) >= {"Bát Tràng"}
    assert not choices.filter(name="Hồng Hà").exists()


def test_a_current_commune_covers_the_old_communes_that_became_part_of_it(client, two_units):
    old_bat_trang = AdministrativeUnit.objects.get(scheme=PRE, name="Bát Tràng")
    person = services.participant_create(full_name="Lê Văn Men", unit=old_bat_trang, phone="0912000003")
    client.force_login(two_units["organizers"]["a"])
    assert client.get(reverse("participants:edit", args=[person.pk])).status_code == 200


def test_administrators_see_every_unit(client, two_units):
    client.force_login(UserFactory(role=Role.ADMINISTRATOR))
    people = client.get(reverse("participants:index")).content.decode()
    assert "Nguyễn Văn Gốm" in people and "Trần Thị Sông Hồng" in people


@pytest.mark.parametrize(("role", "sent_to"), [(Role.LEARNER, "login"), (Role.TRAINER, "home")])
def test_learners_and_trainers_do_not_reach_the_people_lists(client, two_units, role, sent_to):
    client.force_login(UserFactory(role=role))
    assert outcome(client.get(reverse("participants:index"))) == sent_to


def test_search_finds_people_without_diacritics_by_phone_and_by_id(client, two_units):
    services.participant_create(full_name="Đỗ Thị Ngọc Ánh", national_id="001089012345", phone="0389123456")
    client.force_login(UserFactory(role=Role.ADMINISTRATOR))
    index = reverse("participants:index")
    assert "Đỗ Thị Ngọc Ánh" in client.get(index, {"q": "do thi ngoc anh"}).content.decode()
    assert "Đỗ Thị Ngọc Ánh" in client.get(index, {"q": "+84 389 123 456"}).content.decode()
    assert "Đỗ Thị Ngọc Ánh" in client.get(index, {"q": "089012345"}).content.decode()
    assert "Đỗ Thị Ngọc Ánh" not in client.get(index, {"q": "nguyen"}).content.decode()


def test_units_are_read_only_even_for_administrators(client, db):
    client.force_login(UserFactory(role=Role.ADMINISTRATOR))
    unit = AdministrativeUnit.objects.get(scheme=CURRENT, name="Bát Tràng")
    assert client.get(reverse("units:index")).status_code == 200
    assert outcome(client.get(reverse("units:edit", args=[unit.pk]))) == "home"


def test_staff_add_a_participant_to_an_offering_through_the_service(client, two_units):
    client.force_login(two_units["organizers"]["a"])
    offering = two_units["offerings"]["a"]
    response = client.post(
        reverse("enrollments:add"),
        {"offering": offering.pk, "participant": two_units["people"]["a"].pk, "status": "registered"},
    )
    assert redirected_to(response) == reverse("enrollments:index")
    assert offering.enrollments.get().source == "staff"


@pytest.mark.parametrize("size", [5, 60])
def test_participant_and_offering_lists_run_a_constant_number_of_queries(
    client, db, django_assert_max_num_queries, size
):
    unit = AdministrativeUnit.objects.get(scheme=CURRENT, name="Bát Tràng")
    ParticipantFactory.create_batch(size, unit=unit)
    OfferingFactory.create_batch(size, unit=unit)
    client.force_login(UserFactory(role=Role.ORGANIZER, unit=unit))
    with django_assert_max_num_queries(12):
        assert client.get(reverse("participants:index")).status_code == 200
    with django_assert_max_num_queries(11):
        assert client.get(reverse("offerings:index")).status_code == 200
    assert Participant.objects.count() == size


def test_participants_filter_by_unit_name_typed_without_diacritics(client, two_units):
    client.force_login(UserFactory(role=Role.ADMINISTRATOR))
    html = client.get(reverse("participants:index"), {"unit_name": "bat trang"}).content.decode()
    assert "Nguyễn Văn Gốm" in html and "Trần Thị Sông Hồng" not in html


def test_organizers_record_ocop_products_of_their_units_organizations(client, two_units):
    from enrollment.factories import OrganizationFactory
    from enrollment.models import OcopProduct

    bat_trang = two_units["organizers"]["a"].unit
    cooperative = OrganizationFactory(name="HTX Gốm sứ Bát Tràng", unit=bat_trang)
    elsewhere = OrganizationFactory(name="HTX Sông Hồng", unit=two_units["organizers"]["b"].unit)
    client.force_login(two_units["organizers"]["a"])
    form = client.get(reverse("ocop_products:add")).context["form"]
    assert list(form.fields["organization"].queryset) == [cooperative]
    response = client.post(
        reverse("ocop_products:add"),
        {"organization": cooperative.pk, "name": "Bình gốm men lam", "stars": 4, "year": 2024},
    )
    assert redirected_to(response) == reverse("ocop_products:index")
    assert OcopProduct.objects.get().organization == cooperative
    response = client.post(
        reverse("ocop_products:add"), {"organization": elsewhere.pk, "name": "Trà sen", "stars": 3, "year": 2024}
    )
    assert response.status_code == 200
    assert OcopProduct.objects.count() == 1


def test_each_offering_links_to_its_enrollments(client, two_units):
    offering = two_units["offerings"]["a"]
    services.enrollment_create(offering=offering, participant=two_units["people"]["a"])
    client.force_login(two_units["organizers"]["a"])
    html = client.get(reverse("offerings:index")).content.decode()
    link = reverse("enrollments:index") + f"?offering={offering.pk}"
    assert link in html
    listing = client.get(link).content.decode()
    assert "Nguyễn Văn Gốm" in listing


def test_an_offerings_staff_choices_list_staff_of_the_role_and_the_unit_never_learners(client, two_units):
    trainer = UserFactory(role=Role.TRAINER, first_name="Hùng", last_name="Phan Văn")
    learner = UserFactory(role=Role.LEARNER, first_name="Nguyệt", last_name="Lưu Thị")
    client.force_login(two_units["organizers"]["a"])
    form = client.get(reverse("offerings:add")).context["form"]
    assert list(form.fields["trainers"].queryset) == [trainer]
    assert list(form.fields["organizers"].queryset) == [two_units["organizers"]["a"]]
    assert learner.get_full_name() not in client.get(reverse("offerings:add")).content.decode()


def test_a_person_with_enrollments_is_not_deleted_and_the_reason_is_shown(client, two_units):
    person = two_units["people"]["a"]
    services.enrollment_create(offering=two_units["offerings"]["a"], participant=person)
    client.force_login(UserFactory(role=Role.ADMINISTRATOR))
    response = client.post(reverse("participants:delete", args=[person.pk]), follow=True)
    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == [
        "Không thể xóa “Nguyễn Văn Gốm”: vẫn còn ghi danh gắn với mục này."
    ]
    assert Participant.objects.filter(pk=person.pk).exists()


@pytest.mark.parametrize("code", ["HN/2026/X", "HN 2026", "HN-2026-Đ1", "-HN-2026", "HN?x=1", "HN%2F1"])
def test_an_offering_code_that_cannot_be_part_of_an_address_is_refused_with_a_reason(client, two_units, code):
    organizer = two_units["organizers"]["a"]
    client.force_login(organizer)
    response = client.post(reverse("offerings:add"), {
        "code": code, "kind": "conference", "title": "Hội nghị triển khai OCOP", "unit": organizer.unit.pk,
        "starts_on": "2026-12-20", "ends_on": "2026-12-20", "status": "open",
    })  # fmt: skip
    assert response.status_code == 200
    assert "Chỉ dùng chữ cái không dấu, chữ số và" in response.content.decode()
    assert not Offering.objects.filter(code=code).exists()


def test_an_old_offering_code_with_a_slash_is_rewritten_and_my_classes_opens_for_everyone(client, db):
    from importlib import import_module

    from django.apps import apps

    good = OfferingFactory(status=Offering.Status.OPEN, code="HN-2026-X")
    for code in ("HN/2026/X", "HN/2026-X"):
        Offering.objects.filter(pk=OfferingFactory(status=Offering.Status.OPEN).pk).update(code=code)
    import_module("enrollment.migrations.0009_offering_codes_fit_urls").fix_codes(apps, None)
    assert sorted(Offering.objects.values_list("code", flat=True)) == ["HN-2026-X", "HN-2026-X-2", "HN-2026-X-3"]
    good.refresh_from_db()
    assert good.code == "HN-2026-X"
    client.force_login(UserFactory())
    page = client.get(reverse("my_classes"))
    assert page.status_code == 200 and "/lop/HN-2026-X-2/" in page.content.decode()


@pytest.mark.parametrize("listing", ["enrollments:index", "sessions:index"])
def test_the_offering_filter_lists_only_the_organizers_own_offerings(client, two_units, listing):
    hidden = two_units["offerings"]["b"]
    Offering.objects.filter(pk=hidden.pk).update(title="Bản nháp lớp Sông Hồng", status="draft")
    client.force_login(two_units["organizers"]["a"])
    page = client.get(reverse(listing)).content.decode()
    assert "Hội nghị OCOP Bát Tràng" in page
    assert "Bản nháp lớp Sông Hồng" not in page and hidden.code not in page
    filtered = client.get(reverse(listing), {"offering": hidden.pk})
    assert filtered.status_code == 200 and "Bản nháp lớp Sông Hồng" not in filtered.content.decode()


def test_another_units_organizer_is_not_announced_on_a_persons_edit_page(client, two_units):
    from django.contrib.contenttypes.models import ContentType
    from wagtail.admin.models import EditingSession

    person = two_units["people"]["a"]
    ping = reverse("wagtailadmin_editing_sessions:ping", args=["enrollment", "participant", person.pk, 1])
    client.force_login(two_units["organizers"]["b"])
    assert client.post(ping).status_code == 404
    assert not EditingSession.objects.exists()
    client.force_login(two_units["organizers"]["a"])
    assert client.post(ping).status_code == 200
    assert EditingSession.objects.get().content_type == ContentType.objects.get_for_model(Participant)


def _full_conference(two_units):
    offering = two_units["offerings"]["a"]
    Offering.objects.filter(pk=offering.pk).update(capacity=1)
    seated = services.enrollment_create(offering=offering, participant=two_units["people"]["a"])
    waiting = services.enrollment_create(
        offering=offering, participant=ParticipantFactory(full_name="Lê Thị Ánh", unit=offering.unit)
    )
    return offering, seated, waiting


def test_cancelling_a_seat_on_the_enrollment_edit_page_gives_it_to_the_first_person_waiting(client, two_units):
    offering, seated, waiting = _full_conference(two_units)
    assert waiting.status == "waitlisted"
    client.force_login(two_units["organizers"]["a"])
    edit = reverse("enrollments:edit", args=[seated.pk])
    other = two_units["offerings"]["b"]
    response = client.post(edit, {"status": "cancelled", "offering": other.pk, "participant": waiting.participant.pk})
    assert redirected_to(response) == reverse("enrollments:index")
    seated.refresh_from_db()
    waiting.refresh_from_db()
    assert (seated.status, seated.offering, seated.participant.full_name) == ("cancelled", offering, "Nguyễn Văn Gốm")
    assert waiting.status == "registered"


def test_seating_someone_from_the_waiting_list_on_the_edit_page_needs_a_free_seat(client, two_units):
    _offering, _seated, waiting = _full_conference(two_units)
    client.force_login(two_units["organizers"]["a"])
    response = client.post(reverse("enrollments:edit", args=[waiting.pk]), {"status": "registered"})
    assert (
        response.status_code == 200 and "Lớp đã đủ chỗ nên không xếp thêm người này được" in response.content.decode()
    )
    waiting.refresh_from_db()
    assert waiting.status == "waitlisted"


def test_an_organization_created_in_the_admin_is_found_by_a_roster_naming_it(client, two_units, tmp_path):
    from enrollment.models import Organization
    from enrollment.roster import read_roster
    from enrollment.roster.importer import roster_import

    from .test_roster_import import make_roster

    organizer = two_units["organizers"]["a"]
    client.force_login(organizer)
    response = client.post(
        reverse("organizations:add"),
        {"kind": "cooperative", "name": "  HTX Gốm sứ  Đại Đồng ", "tax_code": "", "unit": organizer.unit.pk},
    )
    assert redirected_to(response) == reverse("organizations:index")
    cooperative = Organization.objects.get()
    assert (cooperative.name, cooperative.name_key) == ("HTX Gốm sứ Đại Đồng", "htx gom su dai dong")
    rows = [[1, "Phạm Văn Khải", 1975, "0912000777", "", "HTX GỐM SỨ ĐẠI ĐỒNG", ""]]
    roster = read_roster(make_roster(tmp_path / "ds.xlsx", rows))
    roster_import(roster=roster, offering=two_units["offerings"]["a"])
    assert Participant.objects.get(full_name="Phạm Văn Khải").organization == cooperative
    assert Organization.objects.count() == 1
