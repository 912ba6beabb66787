"""Steps the browser journeys share."""

from demo.build import DEMO_PASSWORD


def log_in(page, email, next_url="/admin/", password=DEMO_PASSWORD):
    page.goto(f"/tai-khoan/login/?next={next_url}")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


def admin_message_shown(page):
    """Wait until the admin's message has slid into view (Wagtail shows it with a transition), so that a
    screenshot shows it."""
    page.wait_for_function(
        "() => { const m = document.querySelector('.messages li');"
        " return m && m.getBoundingClientRect().top >= 0"
        " && document.querySelector('.messages').getAnimations({subtree: true}).length === 0; }"
    )
