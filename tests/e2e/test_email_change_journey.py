"""A trainer changes their sign-in email from the admin's account page: the new address counts only
once confirmed from its inbox, on a phone too."""

import re

from playwright.sync_api import expect

from accounts.models import User

from .steps import log_in

CONFIRM_LINK = re.compile(r"https?://\S+/tai-khoan/confirm-email/\S+/")


def test_a_trainer_changes_their_email_and_it_counts_once_confirmed(page, screenshot, mailoutbox):
    log_in(page, "giangvien@ocop.example", "/admin/account/")
    expect(page.get_by_label("Địa chỉ email")).to_have_count(0)  # Wagtail's own field is gone
    page.get_by_role("tab", name="Thao tác khác").click()
    screenshot(page, "account-actions")
    page.get_by_role("link", name="Đổi email đăng nhập").click()
    expect(page.get_by_role("heading", name="Địa chỉ email")).to_be_visible()
    expect(page.get_by_label("Email hiện tại")).to_have_value("giangvien@ocop.example")
    page.get_by_label("Đổi sang").fill("tran.quoc.dat@vpdp-hanoi.example")
    screenshot(page, "email-change-filled")
    page.get_by_role("button", name="Đổi email").click()
    expect(page.get_by_text("tran.quoc.dat@vpdp-hanoi.example").first).to_be_visible()
    screenshot(page, "email-change-sent")
    assert User.objects.get(first_name="Đạt").email == "giangvien@ocop.example"  # not yet

    link = CONFIRM_LINK.search(mailoutbox[-1].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Xác nhận").click()
    expect(page.get_by_text("tran.quoc.dat@vpdp-hanoi.example").first).to_be_visible()
    screenshot(page, "email-change-confirmed")
    assert User.objects.get(first_name="Đạt").email == "tran.quoc.dat@vpdp-hanoi.example"
