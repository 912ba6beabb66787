"""A sign-in email changes only once confirmed; nobody gets another person's record by typing their address."""

import re
from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from accounts.models import User
from accounts.roles import Role
from certificates.models import Certificate
from enrollment.factories import OfferingFactory
from enrollment.models import Offering, Participant
from tests.answers import redirected_to

ROSTER_EMAIL = "le.xuan.at@htx-battrang.example"


def _roster_person_with_a_certificate():
    """Lê Xuân Ất came in on a roster under ROSTER_EMAIL and holds a certificate; he has no account."""
    from tests.certificates.test_services import finished_class

    organizer = UserFactory(role=Role.ORGANIZER)
    offering, people = finished_class(organizer, {"Lê Xuân Ất": ("present",)})
    person = people["Lê Xuân Ất"].participant
    person.email = ROSTER_EMAIL
    person.save()
    from certificates.services import certificate_issue

    certificate, _created = certificate_issue(enrollment=people["Lê Xuân Ất"], by=organizer)
    return person, offering, certificate


def test_a_trainer_who_types_someone_elses_email_gets_none_of_their_classes_or_certificates(client, db):
    person, _offering, certificate = _roster_person_with_a_certificate()
    trainer = UserFactory(role=Role.TRAINER, email="trainer@ocop.example")
    User.objects.filter(pk=trainer.pk).update(email=ROSTER_EMAIL)  # typed, never confirmed
    open_class = OfferingFactory(status=Offering.Status.OPEN, title="Lớp tiếp thị sản phẩm OCOP")

    client.force_login(User.objects.get(pk=trainer.pk))
    client.post(reverse("offering_register", args=[open_class.code]))
    page = client.get(reverse("my_classes")).content.decode()
    assert "Lớp tiếp thị sản phẩm OCOP" in page and certificate.course_title not in page
    assert client.get(reverse("certificate_download", args=[certificate.pk, "pdf"])).status_code == 404
    person.refresh_from_db()
    assert person.user is None
    mine = Participant.objects.get(user=trainer)
    assert mine != person and mine.email == ""  # the typed address is someone else's: not stored twice


def test_the_admin_account_page_no_longer_changes_the_email(client, db):
    trainer = UserFactory(role=Role.TRAINER, email="trainer@ocop.example")
    client.force_login(trainer)
    page = client.get(reverse("wagtailadmin_account")).content.decode()
    assert 'name="name_email-email"' not in page
    assert reverse("account_email") in page and "Đổi email đăng nhập" in page
    client.post(reverse("wagtailadmin_account"), {"name_email-email": ROSTER_EMAIL, "name_email-first_name": "X"})
    trainer.refresh_from_db()
    assert trainer.email == "trainer@ocop.example"


def test_a_new_email_takes_effect_and_links_the_roster_record_only_once_confirmed(client, db, mailoutbox):
    person, _offering, certificate = _roster_person_with_a_certificate()
    learner = UserFactory(email="at.le@gmail.example", first_name="Ất", last_name="Lê Xuân")
    client.force_login(learner)
    response = client.post(reverse("account_email"), {"action_add": "", "email": ROSTER_EMAIL})
    assert redirected_to(response) == reverse("account_email")
    learner.refresh_from_db()
    assert learner.email == "at.le@gmail.example"  # not yet
    assert certificate.course_title not in client.get(reverse("my_classes")).content.decode()

    link = re.search(r"https?://\S+/tai-khoan/confirm-email/\S+/", mailoutbox[-1].body).group(0)
    client.post(urlsplit(link).path)
    learner.refresh_from_db()
    assert learner.email == ROSTER_EMAIL
    assert EmailAddress.objects.get(user=learner, email=ROSTER_EMAIL).verified
    person.refresh_from_db()
    assert person.user == learner
    assert client.get(reverse("certificate_download", args=[certificate.pk, "pdf"])).status_code == 200


def test_a_staff_account_created_with_capitals_in_its_email_can_sign_in(client, db, mailoutbox):
    client.force_login(UserFactory(role=Role.ADMINISTRATOR))
    response = client.post(reverse("wagtailusers_users:add"), {
        "username": "le.thu.ha", "email": "Le.Thu.Ha@VPDP-HaNoi.example", "first_name": "Hà", "last_name": "Lê Thu",
        "password1": "Mật-khẩu-dài-2026", "password2": "Mật-khẩu-dài-2026", "is_active": "on",
        "groups": [Group.objects.get(name=Role.ORGANIZER.value).pk],
    })  # fmt: skip
    assert redirected_to(response) == reverse("wagtailusers_users:index")
    assert User.objects.get(username="le.thu.ha").email == "le.thu.ha@vpdp-hanoi.example"
    client.logout()
    credentials = {"login": "Le.Thu.Ha@VPDP-HaNoi.example", "password": "Mật-khẩu-dài-2026"}
    response = client.post(reverse("account_login"), credentials)
    assert redirected_to(response) == reverse("account_email_verification_sent")  # found; first confirms
    assert mailoutbox[-1].to == ["le.thu.ha@vpdp-hanoi.example"]


def test_a_demo_password_still_works_for_verified_accounts(client, db):
    user = UserFactory(email="hoc.vien@htx.example")
    response = client.post(reverse("account_login"), {"login": "Hoc.Vien@HTX.example", "password": DEFAULT_PASSWORD})
    assert redirected_to(response) == reverse("my_classes")
    assert Certificate.objects.count() == 0 and user.is_authenticated
