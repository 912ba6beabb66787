"""What a response answers, as a person would see it: a page, or where a redirect takes them."""

from urllib.parse import urlsplit

from django.urls import reverse


def outcome(response) -> int | str:
    """A response as the permission matrix writes it: its status, or where a redirect leads
    ("login": the sign-in page; "home": the admin's home, Wagtail's "no permission"; "redirect": elsewhere)."""
    if response.status_code not in (301, 302, 303):
        return response.status_code
    target = urlsplit(response.url).path
    if target == reverse("account_login"):
        return "login"
    if target == reverse("wagtailadmin_home"):
        return "home"
    return "redirect"


def redirected_to(response) -> str | None:
    """The path a redirect leads to (None when the response is not a redirect)."""
    if response.status_code not in (301, 302, 303):
        return None
    return urlsplit(response.url).path
