"""Steps the browser journeys share."""

from demo.build import DEMO_PASSWORD


def log_in(page, email, next_url="/admin/", password=DEMO_PASSWORD):
    page.goto(f"/tai-khoan/login/?next={next_url}")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
