"""Hostile and awkward lesson images and documents, uploaded through every door Wagtail's admin
has: the upload page, the multiple uploader and the chooser's upload tab (where a trainer adds an
image or a document while writing a lesson, and an administrator a certificate's background).

A refused file gets a clear Vietnamese message (on the re-rendered form, or in the uploader's JSON
answer, both 200 as Wagtail sends them; never a 500, never a success) and writes nothing: no image,
document or pending upload row, no file in MEDIA_ROOT. A file that is fine but has a hostile title
or file name is stored, with its title as NFC text, and shown escaped.
"""

import html
import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, UploadedFile

from accounts.factories import UserFactory
from accounts.roles import Role
from tests import corpus
from tests.corpus import vi

Image = get_image_model()
Document = get_document_model()


@dataclass(frozen=True)
class Door:
    url: str
    style: str  # "page", "multiple" or "chooser"
    prefix: str = ""


IMAGE_DOORS = {
    "upload page": Door("wagtailimages:add", "page"),
    "multiple uploader": Door("wagtailimages:add_multiple", "multiple"),
    "chooser": Door("wagtailimages_chooser:create", "chooser", "image-chooser-upload"),
}
DOCUMENT_DOORS = {
    "upload page": Door("wagtaildocs:add", "page"),
    "multiple uploader": Door("wagtaildocs:add_multiple", "multiple"),
    "chooser": Door("wagtaildocs_chooser:create", "chooser", "document-chooser-upload"),
}


def shown(markup: str) -> str:
    """Text as read: entities decoded, every run of spaces (non-breaking ones too) a single space."""
    return " ".join(html.unescape(markup).split())


@dataclass
class Answer:
    status: int
    stored: bool  # what the door says: saved (a redirect, "success", the chosen item)
    text: str  # what the person reads, markup removed from entities (for matching messages)
    raw: str  # as sent (for checking that markup is escaped)


def upload(client, door, path, title=None):
    collection = Collection.get_first_root_node().pk
    name = path.name
    with open(path, "rb") as handle:
        if door.style == "page":
            data = {"title": title or name, "file": handle, "collection": collection}
        elif door.style == "multiple":
            data = {"files[]": handle, "collection": collection, **({"title": title} if title else {})}
        else:
            data = {f"{door.prefix}-title": title or name, f"{door.prefix}-file": handle,
                    f"{door.prefix}-collection": collection}  # fmt: skip
        response = client.post(reverse(door.url), data, headers={"x-requested-with": "XMLHttpRequest"})
    raw = response.content.decode()
    if door.style == "page":
        return Answer(response.status_code, response.status_code == 302, shown(raw), raw)
    answer = json.loads(raw)
    if door.style == "multiple":
        text = answer.get("error_message", "") if not answer["success"] else answer.get("form", "")
        return Answer(response.status_code, answer["success"], shown(text), raw)
    text = answer.get("htmlFragment", "")
    return Answer(response.status_code, answer["step"] != "reshow_creation_form", shown(text), raw)


def media_files(settings):
    root = Path(settings.MEDIA_ROOT)
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()) if root.exists() else []


@pytest.fixture
def trainer(db, client, media):
    user = UserFactory(role=Role.TRAINER)
    client.force_login(user)
    return user


def nothing_written(settings):
    assert not Image.objects.exists() and not Document.objects.exists()
    assert not UploadedFile.objects.exists()
    assert media_files(settings) == []


# --------------------------------------------------------------------------- images

NOT_AN_IMAGE = "Hãy tải lên một hình ảnh hợp lệ. Tập tin mà bạn đã tải không phải là hình ảnh hoặc đã bị hư hỏng."
UNSUPPORTED = "Định dạng hình ảnh không được hỗ trợ. Định dạng được hỗ trợ: AVIF, GIF, JPG, JPEG, PNG, WEBP."


def damaged(name):
    return vi("The image “%(name)s” is damaged or was not uploaded completely. Save it again and upload it again.",
              name=name)  # fmt: skip


def corrupted(data: bytes) -> bytes:
    """The same length, the header intact, the compressed pixels overwritten from the middle on."""
    middle = len(data) // 2
    return data[:middle] + bytes(range(256)) * 8 + data[middle + 2048 :]


IMAGES = {
    "empty": ("anh.png", lambda: b"", "Tập tin được gửi là rỗng."),
    "11 MB": ("anh.png", None, "Tệp này quá lớn (11,0 MB). Dung lượng tệp tối đa 10,0 MB."),
    "HTML named .png": ("anh.png", corpus.html_bytes, NOT_AN_IMAGE),
    "SVG with script named .png": ("anh.png", corpus.svg_with_script, "Không phải hình ảnh .png hợp lệ"),
    "SVG with script": ("anh.svg", corpus.svg_with_script, UNSUPPORTED),
    "PHP named .jpg": ("anh.jpg", corpus.php_script, NOT_AN_IMAGE),
    "PDF named .png": ("anh.png", corpus.pdf_bytes, NOT_AN_IMAGE),
    "program named .png": ("anh.png", lambda: b"MZ\x90\x00" + bytes(2000), NOT_AN_IMAGE),
    "JPEG named .png": (
        "anh.png",
        lambda: corpus.image_bytes(fmt="JPEG"),
        "Không phải hình ảnh .png hợp lệ. Phần mở rộng không khớp với định dạng tệp (jpeg)",
    ),  # fmt: skip
    "PNG named .png.php": ("anh.png.php", corpus.image_bytes, UNSUPPORTED),
    "truncated PNG": ("anh.png", lambda: corpus.image_bytes(noise=True)[:20_000], damaged("anh.png")),
    "truncated JPEG": ("anh.jpg", lambda: corpus.image_bytes(fmt="JPEG", noise=True)[:5_000], damaged("anh.jpg")),
    "PNG with its pixels scrambled": ("anh.png", lambda: corrupted(corpus.image_bytes(noise=True)), damaged("anh.png")),
    "48 million pixels claimed": (
        "anh.png",
        lambda: corpus.png_claiming(8000, 6000),
        "Tệp này có quá nhiều điểm ảnh (48.000.000). Số điểm ảnh tối đa 40.000.000.",
    ),  # fmt: skip
    "100 million pixels claimed": (
        "anh.png",
        lambda: corpus.png_claiming(10_000, 10_000),
        "Tệp này có quá nhiều điểm ảnh (100.000.000). Số điểm ảnh tối đa 40.000.000.",
    ),  # fmt: skip
    "2.5 billion pixels claimed": (
        "anh.png",
        lambda: corpus.png_claiming(50_000, 50_000),
        "Tệp này có quá nhiều điểm ảnh (không xác định). Số điểm ảnh tối đa",
    ),  # fmt: skip
}


def image_file(tmp_path, name, make):
    path = tmp_path / name
    if make is None:  # over the size limit: a real PNG, then zeros that take no disk space
        return corpus.sparse(path, 11 * corpus.MB, head=corpus.image_bytes((64, 64)))
    return corpus.write(path, make())


@pytest.mark.parametrize("door", IMAGE_DOORS.values(), ids=IMAGE_DOORS.keys())
@pytest.mark.parametrize("name, make, message", IMAGES.values(), ids=IMAGES.keys())
def test_image_corpus(door, name, make, message, trainer, client, settings, tmp_path):
    answer = upload(client, door, image_file(tmp_path, name, make), title="Ảnh bìa")
    assert answer.status == 200 and not answer.stored, answer.text[:300]
    assert message in answer.text
    nothing_written(settings)


# --------------------------------------------------------------------------- documents


def not_real(name, extension, kind):
    return vi("“%(name)s” is not a real .%(extension)s file: it is %(kind)s.", name=name, extension=extension,
              kind=vi(kind))  # fmt: skip


ALLOWED = ".csv, .docx, .odt, .pdf, .pptx, .txt, .xlsx"
MARKUP = "a web page or script (HTML, SVG, XML)"


def docx_bomb(tmp_path):
    return corpus.with_zip_bomb(corpus.word_zip(tmp_path / "bai-giang.docx")).read_bytes()


DOCUMENTS = {
    "empty": ("bai-giang.pdf", lambda tmp: b"", "Tập tin được gửi là rỗng."),
    "21 MB": ("bai-giang.pdf", None, "Tệp này quá lớn (21,0 MB). Dung lượng tệp tối đa 20,0 MB."),
    ".html": (
        "bai-giang.html",
        lambda tmp: corpus.html_bytes(),
        vi(
            "“%(name)s” cannot be added: the library takes only %(extensions)s files.",
            name="bai-giang.html",
            extensions=ALLOWED,
        ),
    ),  # fmt: skip
    ".svg": (
        "so-do.svg",
        lambda tmp: corpus.svg_with_script(),
        vi(
            "“%(name)s” cannot be added: the library takes only %(extensions)s files.",
            name="so-do.svg",
            extensions=ALLOWED,
        ),
    ),  # fmt: skip
    ".pdf.exe": (
        "bai-giang.pdf.exe",
        lambda tmp: b"MZ" + bytes(100),
        vi(
            "“%(name)s” cannot be added: the library takes only %(extensions)s files.",
            name="bai-giang.pdf.exe",
            extensions=ALLOWED,
        ),
    ),  # fmt: skip
    "HTML named .pdf": ("bai-giang.pdf", lambda tmp: corpus.html_bytes(), not_real("bai-giang.pdf", "pdf", MARKUP)),
    "SVG named .pdf": ("bai-giang.pdf", lambda tmp: corpus.svg_with_script(), not_real("bai-giang.pdf", "pdf", MARKUP)),
    "PHP named .txt": ("ghi-chu.txt", lambda tmp: corpus.php_script(), not_real("ghi-chu.txt", "txt", MARKUP)),
    "HTML named .csv": ("ds.csv", lambda tmp: corpus.html_bytes(), not_real("ds.csv", "csv", MARKUP)),
    "program named .txt": (
        "ghi-chu.txt",
        lambda tmp: b"MZ\x90\x00" + bytes(200),
        not_real("ghi-chu.txt", "txt", "a program"),
    ),
    "PNG named .pdf": (
        "bai-giang.pdf",
        lambda tmp: corpus.image_bytes(),
        not_real("bai-giang.pdf", "pdf", "a picture"),
    ),
    "PDF named .docx": (
        "bai-giang.docx",
        lambda tmp: corpus.pdf_bytes(),
        not_real("bai-giang.docx", "docx", "a PDF file"),
    ),
    "Word named .xlsx": (
        "bang.xlsx",
        lambda tmp: corpus.word_zip(tmp / "w.docx").read_bytes(),
        not_real("bang.xlsx", "xlsx", "a ZIP archive or an Office file of another kind"),
    ),  # fmt: skip
    "truncated .docx": (
        "bai-giang.docx",
        lambda tmp: corpus.truncated(corpus.xlsx(tmp / "x.docx", [["x"] * 8] * 400)).read_bytes(),
        vi(
            "“%(name)s” is damaged or was not uploaded completely. Open it, save it again and upload it again.",
            name="bai-giang.docx",
        ),
    ),  # fmt: skip
    "password-protected .docx": (
        "bai-giang.docx",
        lambda tmp: corpus.encrypted_office(tmp / "e.docx").read_bytes(),
        vi(
            "“%(name)s” is protected by a password, so learners could not open it. Remove the password, save the "
            "file and upload it again.",
            name="bai-giang.docx",
        ),
    ),  # fmt: skip
    "zip bomb .docx": (
        "bai-giang.docx",
        docx_bomb,
        vi("“%(name)s” unpacks to an abnormally large size and cannot be added.", name="bai-giang.docx"),
    ),  # fmt: skip
}


def document_file(tmp_path, name, make):
    path = tmp_path / name
    if make is None:
        return corpus.sparse(path, 21 * corpus.MB, head=corpus.pdf_bytes())
    return corpus.write(path, make(tmp_path))


@pytest.mark.parametrize("door", DOCUMENT_DOORS.values(), ids=DOCUMENT_DOORS.keys())
@pytest.mark.parametrize("name, make, message", DOCUMENTS.values(), ids=DOCUMENTS.keys())
def test_document_corpus(door, name, make, message, trainer, client, settings, tmp_path):
    answer = upload(client, door, document_file(tmp_path, name, make), title="Bài giảng")
    assert answer.status == 200 and not answer.stored, answer.text[:300]
    assert message in answer.text
    assert "File extension" not in answer.text  # Django's own words for it have no Vietnamese
    nothing_written(settings)


# --------------------------------------------------------------------------- good files, hostile names


@pytest.mark.parametrize("door", IMAGE_DOORS.values(), ids=IMAGE_DOORS.keys())
def test_an_image_with_script_in_its_title_and_name_is_stored_and_shown_escaped(door, trainer, client, tmp_path):
    path = corpus.write(tmp_path / f"{corpus.SCRIPT_FILE_NAME}.png", corpus.image_bytes())
    title = None if door.style == "multiple" else corpus.SCRIPT
    answer = upload(client, door, path, title=title)
    assert answer.stored
    image = Image.objects.get()
    assert image.title == (corpus.SCRIPT if title else f"{corpus.SCRIPT_FILE_NAME}.png")
    assert "<" not in Path(image.file.name).name and ">" not in Path(image.file.name).name
    listing = client.get(reverse("wagtailimages:index")).content.decode()
    escaped = html.escape(image.title, quote=False)
    assert escaped in listing or html.escape(image.title) in listing
    assert image.title not in listing


@pytest.mark.parametrize("door", DOCUMENT_DOORS.values(), ids=DOCUMENT_DOORS.keys())
def test_a_document_with_script_in_its_title_and_name_is_stored_and_shown_escaped(door, trainer, client, tmp_path):
    path = corpus.write(tmp_path / f"{corpus.SCRIPT_FILE_NAME}.pdf", corpus.pdf_bytes())
    title = None if door.style == "multiple" else corpus.SCRIPT
    assert upload(client, door, path, title=title).stored
    document = Document.objects.get()
    assert "<" not in Path(document.file.name).name
    listing = client.get(reverse("wagtaildocs:index")).content.decode()
    assert html.escape(document.title) in listing and document.title not in listing


@pytest.mark.parametrize(
    "doors, make, model",
    [(IMAGE_DOORS, corpus.image_bytes, Image), (DOCUMENT_DOORS, corpus.pdf_bytes, Document)],
    ids=["image", "document"],
)
def test_titles_are_stored_nfc_without_invisible_characters(doors, make, model, trainer, client, tmp_path):
    extension = "png" if model is Image else "pdf"
    for number, door in enumerate(doors.values()):
        # The multiple uploader's script sends the file's name as its title.
        path = corpus.write(tmp_path / f"{number}.{extension}", make(size=(1600, 900 + number)) if model is Image
                             else make() + b"%" * number)  # fmt: skip
        answer = upload(client, door, path, title=f"{corpus.NFD_ZERO_WIDTH}\u200b {number}")
        assert answer.stored, answer.text[:300]
    titles = sorted(model.objects.values_list("title", flat=True))
    assert titles == [f"{corpus.NFC_CLEAN} {number}" for number in range(3)]
    assert all(unicodedata.is_normalized("NFC", title) for title in titles)


def test_a_title_of_invisible_characters_only_is_refused(trainer, client, settings, tmp_path):
    path = corpus.write(tmp_path / "anh.png", corpus.image_bytes())
    answer = upload(client, IMAGE_DOORS["upload page"], path, title="\u200b\u200d\ufeff")
    assert answer.status == 200 and not answer.stored
    assert "Trường này là bắt buộc." in answer.text
    nothing_written(settings)


def test_good_office_files_and_text_are_accepted(trainer, client, tmp_path):
    files = {
        "bang.xlsx": corpus.xlsx(tmp_path / "b.xlsx", [["Họ và tên"], ["Đào"]]).read_bytes(),
        "bai.docx": corpus.word_zip(tmp_path / "w.docx").read_bytes(),
        "ds.csv": "Họ và tên,Năm sinh\nĐào,1978\n".encode("utf-8-sig"),
        "ghi-chu.txt": "Ghi chú buổi học".encode("utf-16"),
        "de-cuong.pdf": corpus.pdf_bytes(),
    }
    for name, data in files.items():
        assert upload(client, DOCUMENT_DOORS["upload page"], corpus.write(tmp_path / name, data)).stored, name
    assert Document.objects.count() == len(files)
