"""Upload safety every upload shares: what a file really is, read from its bytes rather than its
name; whether an Office file is password-protected; whether an archive is a zip bomb.

Office files (.xlsx, .docx, .pptx, .ods, .odt) are zip archives: one whose parts unpack far
beyond their size is a zip bomb, refused before anything reads it. Spreadsheets build on this in
lms.spreadsheets; documents in courses.forms.
"""

import re
import zipfile

from django.utils.translation import gettext_lazy

MAX_UNPACKED_BYTES = 400 * 1024 * 1024
MAX_PACK_RATIO = 200  # above 10 MB unpacked

ZIP_SIGNATURE = b"PK\x03\x04"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Office 97–2003 files, and password-protected Office files
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Excel saves a password-protected .xlsx (Word a .docx) inside an OLE container with this stream.
ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
_MARKUP = re.compile(rb"<(?:!doctype html|html|table|svg|\?xml|script|\?php|body|iframe)")
_IMAGE_SIGNATURES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8")
_PROGRAM_SIGNATURES = (b"MZ", b"\x7fELF", b"#!")

# What an Office Open XML archive holds (the first part found names it), and the OpenDocument mimetypes.
_OFFICE_PARTS = {"xlsx": "xl/workbook.xml", "docx": "word/document.xml", "pptx": "ppt/presentation.xml"}
_OPENDOCUMENT = {
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.text": "odt",
}

# The kinds content_kind tells apart, as a person would name them ("… it is %(kind)s").
KIND_NAMES = {
    "zip": gettext_lazy("a ZIP archive or an Office file of another kind"),
    "ole": gettext_lazy("an Office 97–2003 file"),
    "pdf": gettext_lazy("a PDF file"),
    "markup": gettext_lazy("a web page or script (HTML, SVG, XML)"),
    "image": gettext_lazy("a picture"),
    "program": gettext_lazy("a program"),
    "binary": gettext_lazy("a file of unknown type"),
    "text": gettext_lazy("a text file"),
}


class DamagedArchiveError(Exception):
    """The zip archive cannot be read: damaged, or cut off during the upload."""


class OversizedArchiveError(Exception):
    """A part of the zip archive would unpack too large (`part`, its ZipInfo): a zip bomb."""

    def __init__(self, part: zipfile.ZipInfo):
        super().__init__(part.filename)
        self.part = part


def content_kind(head: bytes) -> str:
    """What a file's first bytes (2 KB is plenty) say it is: "zip" (also every Office Open XML and
    OpenDocument file), "ole" (Office 97–2003, or a password-protected Office file), "pdf",
    "markup" (HTML, SVG, XML, PHP), "image", "program", "binary" or "text"."""
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(ZIP_SIGNATURE):
        return "zip"
    if head.startswith(OLE_SIGNATURE):
        return "ole"
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if _MARKUP.match(lowered):
        return "markup"
    if head.startswith(_IMAGE_SIGNATURES) or head[8:12] == b"WEBP":
        return "image"
    if head.startswith(_PROGRAM_SIGNATURES):
        return "program"
    if b"\x00" in head and not head.startswith(UTF16_BOMS):  # UTF-16 text has NULs too
        return "binary"
    return "text"


def oversized_part(archive: zipfile.ZipFile) -> zipfile.ZipInfo | None:
    """The first part that would unpack beyond 400 MB, or beyond 10 MB at more than 200:1 (sizes as the
    archive claims them, which is what zipfile would unpack to at most); None when there is none."""
    for info in archive.infolist():
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_UNPACKED_BYTES or (info.file_size > 10 * 1024 * 1024 and ratio > MAX_PACK_RATIO):
            return info
    return None


def zip_kind(source) -> str:
    """What a zip archive (a path or a file object) holds: "xlsx", "docx", "pptx", "ods", "odt", or
    "zip" for anything else. Raises OversizedArchiveError for a zip bomb (checked first, whatever it
    holds) and DamagedArchiveError when the archive cannot be read."""
    try:
        with zipfile.ZipFile(source) as archive:
            if info := oversized_part(archive):
                raise OversizedArchiveError(info)
            names = set(archive.namelist())
            for kind, part in _OFFICE_PARTS.items():
                if part in names:
                    return kind
            if "mimetype" in names:
                return _OPENDOCUMENT.get(archive.read("mimetype").strip(), "zip")
            return "zip"
    except (zipfile.BadZipFile, OSError, EOFError, KeyError, RuntimeError, NotImplementedError) as error:
        raise DamagedArchiveError(str(error)) from None


def encrypted_office(stream) -> bool:
    """Whether the file object holds a password-protected Office file (an OLE container with an
    "EncryptionInfo" stream). Reads it from the start, a megabyte at a time; leaves it at the end."""
    stream.seek(0)
    if stream.read(len(OLE_SIGNATURE)) != OLE_SIGNATURE:
        return False
    tail = b""
    while chunk := stream.read(1 << 20):
        if ENCRYPTION_INFO in tail + chunk:
            return True
        tail = chunk[-len(ENCRYPTION_INFO) :]
    return False
