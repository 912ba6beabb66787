"""The site as emails name it and link to it: one configured base URL (WAGTAILADMIN_BASE_URL: the address
`make run` serves in development, the site's HTTPS address in production) and the site's name, never the
host name a request happened to carry."""

from urllib.parse import urljoin, urlsplit

from django.conf import settings


class EmailSite:
    """What allauth's email templates call `current_site`."""

    @property
    def name(self) -> str:
        return str(settings.WAGTAIL_SITE_NAME)

    @property
    def domain(self) -> str:
        return urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc


def site_url(url: str) -> str:
    """`url` (a path, or an absolute URL whose host is dropped) on the configured base URL."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return urljoin(settings.WAGTAILADMIN_BASE_URL, path)
