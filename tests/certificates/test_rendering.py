import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from wagtail.images.models import Image as WagtailImage

from certificates.rendering import certificate_image
from certificates.services import template_default


def wagtail_image(title, size, draw):
    picture = Image.new("RGBA", size, (0, 0, 0, 0))
    draw(ImageDraw.Draw(picture))
    data = io.BytesIO()
    picture.save(data, "PNG")
    return WagtailImage.objects.create(title=title, file=ImageFile(data, name=f"{title}.png"))


@pytest.fixture
def signed_template(db):
    template = template_default()
    template.signature = wagtail_image(
        "chu-ky",
        (600, 200),
        lambda d: d.line([(20, 150), (200, 40), (320, 160), (580, 30)], fill=(20, 40, 160), width=8),
    )
    template.seal = wagtail_image(
        "con-dau", (300, 300), lambda d: d.ellipse((10, 10, 290, 290), outline=(200, 20, 20, 220), width=14)
    )
    template.save()
    return template


def test_the_signature_and_the_seal_are_drawn_over_the_signing_block(signed_template, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://daotao.ocop.example"
    image = certificate_image(signed_template.sample(), "https://daotao.ocop.example/xac-minh/X/")
    assert image.size == (1754, 1240)
    reds = sum(
        1
        for x in range(1000, 1300)
        for y in range(930, 1130)
        if image.getpixel((x, y))[0] > 180 > image.getpixel((x, y))[1] + 60
    )
    assert reds > 500  # the seal's ring
    blues = sum(
        1
        for x in range(1100, 1460)
        for y in range(990, 1110)
        if image.getpixel((x, y))[2] > 120 > image.getpixel((x, y))[0]
    )
    assert blues > 300  # the signature's stroke


def test_a_portrait_background_is_refused(db):
    template = template_default()
    template.background = wagtail_image("nen-doc", (800, 1200), lambda d: None)
    with pytest.raises(ValidationError, match="khổ ngang"):
        template.full_clean()


def test_portrait_a5_and_moved_blocks(db, tmp_path):
    template = template_default()
    template.orientation, template.page_size = "portrait", "A5"
    template.layout = {"title_y": 500}
    template.full_clean()
    image = certificate_image(template.sample(), "https://daotao.ocop.example/xac-minh/X/")
    assert image.size == (877, 1240)  # A4 portrait scaled to A5 at 150 dpi
    template.layout = {"title": 5}
    with pytest.raises(ValidationError, match="Vị trí không rõ"):
        template.full_clean()
    template.layout = {"signing": [100]}
    with pytest.raises(ValidationError, match="signing"):
        template.full_clean()
