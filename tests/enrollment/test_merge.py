import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from accounts.roles import Role
from enrollment import services
from enrollment.factories import OfferingFactory
from enrollment.models import AdministrativeUnit, Enrollment, Participant, ParticipantMerge
from tests.answers import redirected_to


@pytest.fixture
def pair(db):
    unit = AdministrativeUnit.objects.get(scheme="current", name="Bát Tràng")
    kept = services.participant_create(full_name="Nguyễn Thị Hồng Đào", phone="0912345678", unit=unit)
    duplicate = services.participant_create(
        full_name="Nguyễn Thị Hồng Đào", email="hong.dao@htx.example", national_id="001089012345", unit=unit,
        position="Giám đốc HTX",
    )  # fmt: skip
    return kept, duplicate


def test_merge_moves_enrollments_keeps_chosen_values_and_logs(pair):
    kept, duplicate = pair
    shared, only_duplicate = OfferingFactory(), OfferingFactory()
    services.enrollment_create(offering=shared, participant=kept)
    services.enrollment_create(offering=shared, participant=duplicate)
    services.enrollment_create(offering=only_duplicate, participant=duplicate)
    user = UserFactory(role=Role.ADMINISTRATOR)

    log = services.participant_merge(survivor=kept, duplicate=duplicate, take={"position"}, by=user)

    kept.refresh_from_db()
    assert (kept.phone, kept.email, kept.national_id, kept.position) == (
        "0912345678", "hong.dao@htx.example", "001089012345", "Giám đốc HTX",
    )  # fmt: skip
    assert not Participant.objects.filter(pk=duplicate.pk).exists()
    assert Enrollment.objects.filter(participant=kept).count() == 2
    assert Enrollment.objects.count() == 2
    assert (log.enrollments_moved, log.merged_by, log.merged_data["email"]) == (1, user, "hong.dao@htx.example")


def test_the_survivors_values_win_unless_taken(pair):
    kept, duplicate = pair
    Participant.objects.filter(pk=kept.pk).update(position="Chủ tịch UBND xã")
    services.participant_merge(survivor=kept, duplicate=duplicate)
    kept.refresh_from_db()
    assert kept.position == "Chủ tịch UBND xã"


def test_a_person_cannot_be_merged_with_themselves(pair):
    with pytest.raises(services.EnrollmentError):
        services.participant_merge(survivor=pair[0], duplicate=pair[0])


def test_staff_merge_from_the_admin(client, pair):
    kept, duplicate = pair
    client.force_login(UserFactory(role=Role.ADMINISTRATOR))
    url = reverse("participants:merge", args=[kept.pk])
    compare = client.get(url, {"duplicate": duplicate.pk})
    assert "hong.dao@htx.example" in compare.content.decode()
    response = client.post(url, {"duplicate": duplicate.pk, "take": ["position"]})
    assert redirected_to(response) == reverse("participants:edit", args=[kept.pk])
    assert ParticipantMerge.objects.get().survivor == kept


def test_organizers_cannot_merge_people_of_another_unit(client, pair):
    kept, _duplicate = pair
    other = AdministrativeUnit.objects.get(scheme="current", name="Hồng Hà")
    client.force_login(UserFactory(role=Role.ORGANIZER, unit=other))
    assert client.get(reverse("participants:merge", args=[kept.pk])).status_code == 404


def test_organizers_merge_people_of_their_own_unit(client, pair):
    kept, duplicate = pair
    client.force_login(UserFactory(role=Role.ORGANIZER, unit=kept.unit))
    response = client.post(reverse("participants:merge", args=[kept.pk]), {"duplicate": duplicate.pk})
    assert redirected_to(response) == reverse("participants:edit", args=[kept.pk])
    assert not Participant.objects.filter(pk=duplicate.pk).exists()


def test_learners_are_refused(client, pair):
    client.force_login(UserFactory(role=Role.LEARNER))
    response = client.get(reverse("participants:merge", args=[pair[0].pk]))
    assert response.status_code == 302 and not response.url.startswith("/admin/participants/")


def test_the_edit_page_offers_the_merge(client, pair):
    client.force_login(UserFactory(role=Role.ADMINISTRATOR))
    html = client.get(reverse("participants:edit", args=[pair[0].pk])).content.decode()
    assert reverse("participants:merge", args=[pair[0].pk]) in html
