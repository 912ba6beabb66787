import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from attendance.factories import SessionFactory
from enrollment import services
from enrollment.factories import OfferingFactory, ParticipantFactory
from enrollment.models import Enrollment, Participant
from tests.answers import outcome


@pytest.fixture
def learner(db):
    user = UserFactory(email="ngoc.anh@htx.example", first_name="Ánh", last_name="Đỗ Thị Ngọc")
    services.participant_link_user(user=user)
    return user


def test_register_then_waitlist_then_cancel_promotes(client, db):
    offering = OfferingFactory(capacity=1, title="Hội nghị triển khai OCOP xã Bát Tràng")
    first, second = UserFactory(), UserFactory()

    client.force_login(first)
    response = client.post(reverse("offering_register", args=[offering.code]), follow=True)
    assert "Bạn đã đăng ký thành công" in response.content.decode()
    client.force_login(second)
    response = client.post(reverse("offering_register", args=[offering.code]), follow=True)
    assert "danh sách chờ" in response.content.decode()

    client.force_login(first)
    client.post(reverse("offering_cancel", args=[offering.code]))
    assert Enrollment.objects.get(participant__user=second).status == Enrollment.Status.REGISTERED


def test_anonymous_visitors_are_asked_to_log_in_to_register(client, db):
    offering = OfferingFactory()
    response = client.post(reverse("offering_register", args=[offering.code]))
    assert outcome(response) == "login"
    assert not Enrollment.objects.exists()


def test_no_cancelling_online_once_the_class_has_started(client, learner):
    today = timezone.localdate()
    offering = OfferingFactory(starts_on=today - datetime.timedelta(days=1), ends_on=today + datetime.timedelta(days=1))
    enrollment = services.enrollment_create(offering=offering, participant=learner.participant)
    client.force_login(learner)
    client.post(reverse("offering_cancel", args=[offering.code]))
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.REGISTERED


def test_draft_offerings_are_hidden_from_learners(client, learner):
    offering = OfferingFactory(status="draft")
    client.force_login(learner)
    assert client.get(reverse("offering_detail", args=[offering.code])).status_code == 404


def test_my_classes_lists_the_learners_enrollments_and_open_offerings(client, learner):
    mine = OfferingFactory(title="Lớp quản trị hợp tác xã")
    services.enrollment_create(offering=mine, participant=learner.participant)
    OfferingFactory(title="Tham quan học tập tại Quảng Ninh", kind="study_tour")
    client.force_login(learner)
    html = client.get(reverse("my_classes")).content.decode()
    assert "Lớp quản trị hợp tác xã" in html
    assert "Đã đăng ký" in html
    assert "Tham quan học tập tại Quảng Ninh" in html


@pytest.mark.parametrize("size", [2, 25])
def test_my_classes_runs_a_constant_number_of_queries(client, learner, django_assert_max_num_queries, size):
    for _ in range(size):
        offering = OfferingFactory()
        SessionFactory.create_batch(2, offering=offering)
        services.enrollment_create(offering=offering, participant=learner.participant)
        OfferingFactory()
    client.force_login(learner)
    with django_assert_max_num_queries(11):  # two of them for the attendance of each class
        response = client.get(reverse("my_classes"))
    html = response.content.decode()
    assert html.count(">Đã đăng ký</span>") == size
    assert html.count("Lịch học: 2 buổi") == size
    assert html.count('class="card offering-card"') == size + min(size, 20)  # at most 20 open offerings


def test_confirming_an_email_a_roster_holds_links_the_account(client, db, mailoutbox):
    roster_person = services.participant_create(full_name="Vũ Đình Khôi", email="dinh.khoi@htx.example")
    client.post(
        reverse("account_signup"),
        {
            "full_name": "Vũ Đình Khôi",
            "email": "Dinh.Khoi@htx.example",
            "password1": "Mật-khẩu-dài-2025",
            "password2": "Mật-khẩu-dài-2025",
        },
    )
    roster_person.refresh_from_db()
    assert roster_person.user is None  # not before the address is proven
    link = re.search(r"https?://\S+/tai-khoan/confirm-email/\S+/", mailoutbox[0].body).group()  # in any wording
    client.post(urlsplit(link).path)
    roster_person.refresh_from_db()
    assert roster_person.user.email == "dinh.khoi@htx.example"
    assert Participant.objects.count() == 1


def test_registering_creates_no_second_person_for_a_known_email(client, db):
    ParticipantFactory(email="le.anh@htx.example", full_name="Lê Thị Ánh Tuyết")
    user = UserFactory(email="le.anh@htx.example")
    client.force_login(user)
    client.post(reverse("offering_register", args=[OfferingFactory().code]))
    assert Participant.objects.count() == 1
