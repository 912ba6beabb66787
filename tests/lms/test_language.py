from django.urls import reverse


def test_vietnamese_is_the_default_even_when_the_browser_asks_for_english(client, demo):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "Ba nhóm đối tượng, ba chương trình đào tạo" in html
    assert response["Content-Language"] == "vi"


def test_the_switcher_changes_the_language_and_back(client, demo):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"}, follow=True)
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Three audiences, three tracks" in html
    assert "My classes" in html

    response = client.post(reverse("set_language"), {"language": "vi", "next": "/"}, follow=True)
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "Lớp học của tôi" in html


def test_an_unknown_language_cookie_falls_back_to_vietnamese(client, demo):
    client.cookies["django_language"] = "fr"
    assert '<html lang="vi">' in client.get("/").content.decode()


def test_account_pages_are_in_vietnamese(client, demo):
    html = client.get(reverse("account_login")).content.decode()
    assert "Đăng nhập" in html
    assert "Quên mật khẩu?" in html
    html = client.get(reverse("account_signup")).content.decode()
    assert "Họ và tên" in html
    assert "Nhập lại mật khẩu" in html
