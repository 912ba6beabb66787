"""Hostile values in the certificate template form, as a program administrator posts them.

The template's pictures (background, signature, seal) are Wagtail images: they are uploaded
through the image chooser's upload tab (every hostile image is in tests/courses/test_media_corpus.py;
the ones that matter most for a certificate are posted here as an administrator too) and then
chosen by id. A refused value re-renders the form (200) with a Vietnamese message, and no template
is written; the live preview never fails with a 500 either.
"""

import html
import json
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Collection

from accounts.factories import UserFactory
from accounts.roles import Role
from certificates.models import CertificateTemplate
from tests import corpus
from tests.answers import redirected_to
from tests.corpus import vi
from tests.courses.test_media_corpus import IMAGE_DOORS, damaged, shown, upload

Image = get_image_model()
ADD = "wagtailsnippets_certificates_certificatetemplate:add"
PREVIEW = "wagtailsnippets_certificates_certificatetemplate:preview_on_add"
LIST = "wagtailsnippets_certificates_certificatetemplate:list"
GOOD = {
    "name": "Mẫu Bát Tràng",
    "page_size": "A4",
    "orientation": "landscape",
    "kind": "completion",
    "title": "GIẤY CHỨNG NHẬN",
    "parent_office": "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI",
    "issuer": "VĂN PHÒNG ĐIỀU PHỐI CHƯƠNG TRÌNH OCOP THÀNH PHỐ HÀ NỘI",
    "place": "Hà Nội",
    "signer_title": "CHÁNH VĂN PHÒNG",
    "signer_name": "Nguyễn Văn Chí",
    "background": "",
    "signature": "",
    "seal": "",
    "layout": "{}",
}
INVALID_CHOICE = "Hãy chọn một lựa chọn hợp lệ. Lựa chọn đó không phải là một trong các lựa chọn khả thi."
NOT_JSON = "Hãy ghi các vị trí dạng đối tượng JSON, hoặc để trống."


@pytest.fixture
def administrator(db, client, media):
    user = UserFactory(role=Role.ADMINISTRATOR)
    client.force_login(user)
    return user


def image(size, title="Ảnh"):
    picture = Image(title=title, collection=Collection.get_first_root_node())
    picture.file.save(f"{title}.png", ContentFile(corpus.image_bytes(size)), save=False)
    picture.width, picture.height = size
    picture.save()
    return picture


def media_files(settings):
    """Files in MEDIA_ROOT, but for the thumbnails the chooser draws of an image already there."""
    root = Path(settings.MEDIA_ROOT)
    files = root.rglob("*") if root.exists() else []
    return sorted(str(p.relative_to(root)) for p in files if p.is_file() and p.parent.name != "images")


VALUES = {
    "background: text": ({"background": "abc"}, INVALID_CHOICE),
    "background: negative": ({"background": "-1"}, INVALID_CHOICE),
    "background: 20 digits": ({"background": "9" * 20}, INVALID_CHOICE),
    "background: a fraction": ({"background": "1.5"}, INVALID_CHOICE),
    "background: an image that is not there": ({"background": "987654"}, INVALID_CHOICE),
    # Django's words, which its catalogue has no Vietnamese for (to be added to locale_vendor/)
    "background: NUL": ({"background": "1\x00"}, vi("Null characters are not allowed.")),
    "background: portrait": ({"background": "portrait"}, "Ảnh nền phải là khổ ngang (rộng hơn cao)."),
    "background: 800 px wide": ({"background": "small"}, "Ảnh nền quá nhỏ: cần rộng ít nhất 1200 px."),
    "page size A0": ({"page_size": "A0"}, "Hãy chọn một lựa chọn hợp lệ. A0 không phải là một trong các lựa chọn"),
    "orientation": ({"orientation": "<b>chéo</b>"}, "Hãy chọn một lựa chọn hợp lệ. <b>chéo</b> không phải là"),
    "no name": ({"name": "   "}, "Trường này là bắt buộc."),
    "a 10,000-character name": ({"name": "Mẫu " * 2500}, "Giá trị này chỉ có tối đa 120 kí tự (hiện có 9999)"),
    "layout: not JSON": ({"layout": "qr: 120, 1120"}, NOT_JSON),
    "layout: a list": ({"layout": "[1, 2]"}, NOT_JSON),
    "layout: nested 100,000 deep": ({"layout": "[" * 100_000 + "]" * 100_000}, NOT_JSON),
    "layout: 20 digits": ({"layout": '{"qr": [99999999999999999999, 5]}'}, "“qr” phải có dạng [120, 1120]"),
    "layout: infinity": ({"layout": '{"qr": [1e999, 5]}'}, "“qr” phải có dạng [120, 1120]"),
    "layout: NaN": ({"layout": '{"title_y": NaN}'}, "“title_y” phải có dạng 330"),
    "layout: negative": ({"layout": '{"title_y": -5}'}, "“title_y” phải có dạng 330"),
    "layout: script as a key": ({"layout": json.dumps({corpus.SCRIPT: 1})}, f"Vị trí không rõ: “{corpus.SCRIPT}”."),
}


@pytest.mark.parametrize("change, message", VALUES.values(), ids=VALUES.keys())
def test_hostile_values_are_refused_with_a_message(change, message, administrator, client, settings):
    pictures = {"portrait": image((900, 1600)).pk, "small": image((800, 560), "Nhỏ").pk}
    before = media_files(settings)
    data = {**GOOD, **{key: pictures.get(value, value) for key, value in change.items()}}
    response = client.post(reverse(ADD), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in shown(page), response.context["form"].errors
    assert "Không thể tạo mẫu giấy chứng nhận do có lỗi." in shown(page)
    assert corpus.SCRIPT not in page and "<b>chéo" not in page
    assert not CertificateTemplate.objects.exists()
    assert media_files(settings) == before
    preview = client.post(reverse(PREVIEW), data)  # the live preview checks the same form
    assert preview.status_code == 200
    if preview.json()["is_valid"]:  # only a missing required field is previewed (with the field empty)
        assert change == {"name": "   "} and client.get(reverse(PREVIEW)).status_code == 200


def test_a_good_template_with_script_in_its_texts_is_saved_and_escaped(administrator, client):
    background = image((1754, 1240), "Nền")
    data = {**GOOD, "name": corpus.SCRIPT, "signer_name": corpus.SCRIPT, "background": background.pk,
            "layout": '{"qr": [140, 1100]}'}  # fmt: skip
    assert redirected_to(client.post(reverse(ADD), data)) == reverse(LIST)
    template = CertificateTemplate.objects.get()
    assert (template.name, template.layout) == (corpus.SCRIPT, {"qr": [140, 1100]})
    listing = client.get(reverse(LIST)).content.decode()
    assert html.escape(corpus.SCRIPT) in listing and corpus.SCRIPT not in listing
    preview = client.post(reverse(PREVIEW), data)
    assert preview.json() == {"is_valid": True, "is_available": True}
    page = client.get(reverse(PREVIEW)).content.decode()
    assert "data:image/png;base64," in page and corpus.SCRIPT not in page


def test_an_empty_layout_means_the_standard_one(administrator, client):
    assert redirected_to(client.post(reverse(ADD), {**GOOD, "layout": ""})) == reverse(LIST)
    assert CertificateTemplate.objects.get().layout == {}


BACKGROUNDS = {
    "truncated PNG": ("nen.png", lambda: corpus.image_bytes((1754, 1240), noise=True)[:30_000], damaged("nen.png")),
    "SVG with script": ("nen.svg", corpus.svg_with_script, "Định dạng hình ảnh không được hỗ trợ."),
    "HTML named .png": ("nen.png", corpus.html_bytes, "Hãy tải lên một hình ảnh hợp lệ."),
    "a decompression bomb": ("nen.png", lambda: corpus.png_claiming(30_000, 20_000), "có quá nhiều điểm ảnh"),
}


@pytest.mark.parametrize("name, make, message", BACKGROUNDS.values(), ids=BACKGROUNDS.keys())
def test_a_broken_background_is_refused_by_the_chooser_upload(name, make, message, administrator, client, tmp_path,
                                                              settings):  # fmt: skip
    answer = upload(client, IMAGE_DOORS["chooser"], corpus.write(tmp_path / name, make()), title="Nền")
    assert answer.status == 200 and not answer.stored
    assert message in answer.text
    assert not Image.objects.exists() and media_files(settings) == []
