"""What every page type of ours shares."""

from django.utils.text import slugify

from .text import fold


def slug_ascii(value) -> str:
    """ "Bảo quản & đóng gói sản phẩm" -> "bao-quan-dong-goi-san-pham"."""
    return slugify(fold(value))


class AsciiSlugMixin:
    """Slugs are ASCII, folded from what the editor typed or, left empty, from the title: a link sent by
    Zalo or SMS reads "/bao-quan-san-pham/", not "/b%E1%BA%A3o-qu…/". Wagtail's ASCII mode
    (WAGTAIL_ALLOW_UNICODE_SLUGS = False) is not used: its field drops the letters with two marks
    ("sản phẩm" -> "sn-phm"), so the field keeps the diacritics and the page folds them when saved,
    before Wagtail's own checks, so that the folded slug is the one checked for clashes."""

    def full_clean(self, *args, **kwargs):
        self.slug = slug_ascii(self.slug or self.title)
        super().full_clean(*args, **kwargs)
