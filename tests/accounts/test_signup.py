import re

from allauth.account.models import EmailAddress
from django.conf import settings
from django.urls import reverse

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from accounts.models import User
from accounts.roles import Role

SIGNUP = {
    "full_name": "  Nguyễn   Thị Hồng Đào ",
    "email": "hong.dao@htx-battrang.example",
    "password1": "Gốm-Bát-Tràng-2025",
    "password2": "Gốm-Bát-Tràng-2025",
}


def test_signup_creates_an_unverified_learner_and_sends_a_vietnamese_confirmation(client, demo, mailoutbox):
    response = client.post(reverse("account_signup"), SIGNUP)
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")

    user = User.objects.get(email="hong.dao@htx-battrang.example")
    assert (user.last_name, user.first_name) == ("Nguyễn Thị Hồng", "Đào")
    assert list(user.groups.values_list("name", flat=True)) == [Role.LEARNER.value]
    assert not user.has_perm("wagtailadmin.access_admin")
    assert not EmailAddress.objects.get(user=user).verified

    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject.startswith("[OCOP]")
    assert "Xác nhận" in mailoutbox[0].subject or "xác nhận" in mailoutbox[0].body.lower()
    # Greeted by the site's name and linked to the configured address, whatever host the request named.
    assert "Đào tạo OCOP" in mailoutbox[0].body and "testserver" not in mailoutbox[0].body
    assert f"{settings.WAGTAILADMIN_BASE_URL}/tai-khoan/confirm-email/" in mailoutbox[0].body


def test_login_waits_for_email_confirmation_then_lands_on_my_classes(client, demo, mailoutbox):
    client.post(reverse("account_signup"), SIGNUP)
    client.logout()
    credentials = {"login": SIGNUP["email"], "password": SIGNUP["password1"]}

    response = client.post(reverse("account_login"), credentials)
    assert response.url == reverse("account_email_verification_sent")

    link = re.search(r"https?://\S+/tai-khoan/confirm-email/\S+/", mailoutbox[-1].body).group(0)
    path = link.split(settings.WAGTAILADMIN_BASE_URL, 1)[1]
    assert client.get(path).status_code == 200
    client.post(path)
    assert EmailAddress.objects.get(email=SIGNUP["email"]).verified

    client.logout()
    response = client.post(reverse("account_login"), credentials, follow=True)
    assert response.request["PATH_INFO"] == reverse("my_classes")
    assert "Nguyễn Thị Hồng Đào" in response.content.decode()


def test_a_single_word_name_is_refused_with_a_message_next_to_the_field(client, demo):
    response = client.post(reverse("account_signup"), {**SIGNUP, "full_name": "Đào"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vui lòng nhập đầy đủ họ và tên" in html
    assert 'class="field field--invalid"' in html
    assert not User.objects.filter(email=SIGNUP["email"]).exists()


def test_an_email_already_used_in_another_case_creates_no_second_account(client, demo, mailoutbox):
    UserFactory(email="hong.dao@htx-battrang.example")
    response = client.post(reverse("account_signup"), {**SIGNUP, "email": "Hong.Dao@HTX-BatTrang.example"})
    # allauth does not reveal which emails have accounts: the visitor sees the
    # usual "check your email" page and the owner gets an "account exists" mail.
    assert response.url == reverse("account_email_verification_sent")
    assert User.objects.filter(email__iexact=SIGNUP["email"]).count() == 1
    assert len(mailoutbox) == 1
    assert "/tai-khoan/password/reset/" in mailoutbox[0].body


def test_learners_log_in_with_their_email(client, demo):
    user = UserFactory(email="le.van.minh@ocop.example")
    response = client.post(
        reverse("account_login"), {"login": "le.van.minh@ocop.example", "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    assert response.url == reverse("my_classes")
    assert int(client.session["_auth_user_id"]) == user.pk


def test_repeated_failed_logins_are_rate_limited(client, demo):
    UserFactory(email="bi.khoa@ocop.example")
    wrong = {"login": "bi.khoa@ocop.example", "password": "sai-mat-khau"}
    messages = [client.post(reverse("account_login"), wrong).content.decode() for _attempt in range(6)]
    assert "Bạn đã đăng nhập sai quá nhiều lần" not in messages[0]
    assert "Bạn đã đăng nhập sai quá nhiều lần" in messages[-1]
    # Even the right password is refused until the window passes.
    right = client.post(reverse("account_login"), {**wrong, "password": DEFAULT_PASSWORD})
    assert "_auth_user_id" not in client.session
    assert right.status_code in (200, 429)


def test_password_reset_sends_a_link(client, demo, mailoutbox):
    UserFactory(email="quen.mat.khau@ocop.example")
    response = client.post(reverse("account_reset_password"), {"email": "quen.mat.khau@ocop.example"})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert "/tai-khoan/password/reset/key/" in mailoutbox[0].body
