import re

from playwright.sync_api import expect

from accounts.models import User
from accounts.roles import Role

CONFIRM_LINK = re.compile(r"https?://\S+/tai-khoan/confirm-email/\S+/")


def test_visitor_switches_language_signs_up_confirms_and_sees_learner_page(page, screenshot, mailoutbox):
    # The browser asks for English, but the program's language comes first.
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.get_by_role("heading", name="Ba nhóm đối tượng, ba chương trình đào tạo")).to_be_visible()
    screenshot(page, "home-vi")

    page.get_by_role("button", name="EN").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="Three audiences, three tracks")).to_be_visible()
    screenshot(page, "home-en")

    page.get_by_role("button", name="VI").click()
    expect(page.locator("html")).to_have_attribute("lang", "vi")

    page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Đăng ký").click()
    page.get_by_label("Họ và tên").fill("Nguyễn Thị Hồng Đào")
    page.get_by_label("Email").fill("hong.dao@htx-battrang.example")
    page.get_by_label("Mật khẩu", exact=True).fill("Gốm-Bát-Tràng-2025")
    page.get_by_label("Nhập lại mật khẩu").fill("Gốm-Bát-Tràng-2025")
    screenshot(page, "signup-filled")
    page.get_by_role("button", name="Đăng ký").click()

    expect(page.get_by_role("heading", name="Xác minh địa chỉ email của bạn")).to_be_visible()
    screenshot(page, "verification-sent")

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["hong.dao@htx-battrang.example"]
    link = CONFIRM_LINK.search(message.body).group(0)

    page.goto(link)
    screenshot(page, "confirm-email")
    page.get_by_role("button", name="Xác nhận").click()

    # Confirming does not sign in: the learner logs in with the new account.
    expect(page).to_have_url(re.compile(r"/tai-khoan/login/"))
    expect(page.get_by_text("Xin chào")).to_have_count(0)
    page.get_by_label("Email").fill("hong.dao@htx-battrang.example")
    page.get_by_label("Mật khẩu").fill("Gốm-Bát-Tràng-2025")
    screenshot(page, "login")
    page.get_by_role("button", name="Đăng nhập").click()

    expect(page.get_by_role("heading", name="Lớp học của tôi")).to_be_visible()
    expect(page.get_by_text("Xin chào, Nguyễn Thị Hồng Đào")).to_be_visible()
    expect(page.get_by_role("heading", name="Bạn chưa có lớp học nào")).to_be_visible()
    screenshot(page, "my-classes")

    user = User.objects.get(email="hong.dao@htx-battrang.example")
    assert (user.last_name, user.first_name) == ("Nguyễn Thị Hồng", "Đào")
    assert list(user.groups.values_list("name", flat=True)) == [Role.LEARNER.value]


def test_home_page_on_a_phone(phone, screenshot):
    phone.goto("/")
    expect(phone.get_by_role("link", name="Tạo tài khoản học viên")).to_be_visible()
    # Nothing wider than the screen: no sideways scrolling on a phone.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(phone, "home-phone")
