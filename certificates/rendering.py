"""Drawing a certificate: the layout of a Vietnamese "Giấy chứng nhận", as PNG and PDF.

The certificate is drawn on an A4 canvas at 150 dpi, landscape or portrait as its template says,
with each block where the template's layout puts it (LAYOUTS gives the defaults, in pixels of that
canvas); an A5 template is the same drawing scaled down. Fonts come from the
fontpkg-be-vietnam-pro package (full Vietnamese coverage), never from the system, so every
machine draws the same. Long names and titles shrink to fit their box.
"""

import io
from decimal import Decimal
from functools import lru_cache

import fontpkg
import segno
from PIL import Image, ImageDraw, ImageFont, PngImagePlugin

WIDTH, HEIGHT, DPI = 1754, 1240, 150  # A4 landscape at 150 dpi
PAGE_SCALE = {"A4": 1.0, "A5": 2**-0.5}
# Where each block goes on the A4 canvas: office [x centre, y, width], motto [x centre, y],
# title_y, body_width (name and course), signing [x centre, y], signer_name_y, qr [x, y bottom].
LAYOUTS = {
    "landscape": {"office": [430, 120, 640], "motto": [1284, 120], "title_y": 330, "body_width": 1354,
                  "signing": [1284, 900], "signer_name_y": 1120, "qr": [120, 1120]},
    "portrait": {"office": [330, 140, 520], "motto": [880, 140], "title_y": 430, "body_width": 1000,
                 "signing": [860, 1150], "signer_name_y": 1400, "qr": [110, 1650]},
}  # fmt: skip
PAPER, INK, RED, GOLD, MUTED = "#fffdf6", "#1d1d1b", "#9b1c1c", "#b8902f", "#55524a"
FAMILY = "Be Vietnam Pro"


@lru_cache(maxsize=64)
def font(size: int, weight: int = 400, italic: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(fontpkg.path(FAMILY, weight=weight, style="italic" if italic else "normal")), size)


def fitted(text: str, max_width: int, size: int, weight: int = 400, italic: bool = False, min_size: int = 18):
    """The largest font not above `size` in which `text` fits `max_width`."""
    while size > min_size and font(size, weight, italic).getlength(text) > max_width:
        size -= 2
    return font(size, weight, italic)


def _centered(draw, text, y, face, fill=INK, center=WIDTH // 2):
    draw.text((center, y), text, font=face, fill=fill, anchor="ma")
    return y + face.size * 1.3


def _wrapped(text: str, face, max_width: int, lines: int = 2) -> list[str]:
    words, result, line = text.split(), [], ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if face.getlength(candidate) <= max_width or not line:
            line = candidate
        else:
            result.append(line)
            line = word
    result.append(line)
    return result if len(result) <= lines else [*result[: lines - 1], " ".join(result[lines - 1 :])]


@lru_cache(maxsize=2)
def _frame(width: int, height: int) -> Image.Image:
    """The paper, the double border and the corner marks, drawn once per orientation."""
    image = Image.new("RGB", (width, height), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 40, width - 40, height - 40), outline=RED, width=10)
    draw.rectangle((62, 62, width - 62, height - 62), outline=GOLD, width=3)
    for x, y in ((62, 62), (width - 62, 62), (62, height - 62), (width - 62, height - 62)):
        draw.regular_polygon((x, y, 22), 4, rotation=45, fill=GOLD)
    return image


def layout_of(template) -> tuple[tuple[int, int], dict]:
    """((width, height) of the A4 canvas, the layout with the template's own positions applied)."""
    orientation = getattr(template, "orientation", "landscape") or "landscape"
    size = (WIDTH, HEIGHT) if orientation == "landscape" else (HEIGHT, WIDTH)
    return size, {**LAYOUTS[orientation], **(getattr(template, "layout", None) or {})}


def _qr_image(url: str, scale: int = 5) -> Image.Image:
    rows = list(segno.make(url, error="m").matrix_iter(scale=scale, border=2))
    image = Image.new("L", (len(rows[0]), len(rows)))
    image.putdata([0 if dark else 255 for row in rows for dark in row])
    return image


def hours_text(hours) -> str:
    """8 -> "8", 4.5 -> "4,5" (a Vietnamese decimal comma)."""
    return f"{Decimal(str(hours)).normalize():f}".replace(".", ",")


def _date_line(place: str, day) -> str:
    return f"{place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


@lru_cache(maxsize=16)
def _picture(name: str, box: tuple[int, int], cover: bool = False) -> Image.Image:
    """A template's image from storage, fitted into `box` (or covering it), cached by file name."""
    from django.core.files.storage import default_storage

    with default_storage.open(name, "rb") as handle:
        picture = Image.open(handle)
        picture.load()
    picture = picture.convert("RGBA")
    if cover:
        scale = max(box[0] / picture.width, box[1] / picture.height)
        picture = picture.resize((round(picture.width * scale), round(picture.height * scale)), Image.LANCZOS)
        left, top = (picture.width - box[0]) // 2, (picture.height - box[1]) // 2
        return picture.crop((left, top, left + box[0], top + box[1]))
    picture.thumbnail(box, Image.LANCZOS)
    return picture


def _template_image(template, field: str):
    image = getattr(template, field, None) if template is not None else None
    return image.file.name if image is not None and image.file else None


def certificate_image(certificate, verify_url: str) -> Image.Image:
    template = certificate.template if certificate.template_id or certificate.template else None
    (width, height), layout = layout_of(template)
    background = _template_image(template, "background")
    if background:
        image = Image.new("RGB", (width, height), PAPER)
        image.paste(_picture(background, (width, height), cover=True).convert("RGB"))
    else:
        image = _frame(width, height).copy()
    draw = ImageDraw.Draw(image)
    center = width // 2

    # Header: the office (left) and the national motto (right).
    office_x, y, office_width = layout["office"]
    if certificate.parent_office:
        face = fitted(certificate.parent_office, office_width, 26)
        y = _centered(draw, certificate.parent_office, y, face, center=office_x)
    issuer_lines = _wrapped(certificate.issuer, font(26, 700), office_width - 40)
    issuer_face = fitted(max(issuer_lines, key=len), office_width, 26, 700)
    for line in issuer_lines:
        y = _centered(draw, line, y, issuer_face, center=office_x)
    draw.line((office_x - 90, y + 4, office_x + 90, y + 4), fill=INK, width=2)
    motto_x, motto_y = layout["motto"]
    _centered(draw, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", motto_y, font(26, 700), center=motto_x)
    _centered(draw, "Độc lập - Tự do - Hạnh phúc", motto_y + 38, font(28, 600), center=motto_x)
    draw.line((motto_x - 205, motto_y + 80, motto_x + 205, motto_y + 80), fill=INK, width=2)

    # Body.
    body = layout["body_width"]
    y = (
        _centered(
            draw,
            certificate.title,
            layout["title_y"],
            fitted(certificate.title, body, 84, 800),
            fill=RED,
            center=center,
        )
        + 20
    )
    y = _centered(draw, "CHỨNG NHẬN ÔNG/BÀ", y, font(30, 500), fill=MUTED, center=center)
    name = fitted(certificate.full_name, body, 72, 700, italic=True)
    y = _centered(draw, certificate.full_name, y + 6, name, fill=RED, center=center) + 4
    if certificate.birth_year:
        y = _centered(draw, f"Năm sinh: {certificate.birth_year}", y, font(28), center=center)
    done = "Đã hoàn thành chương trình" if certificate.kind == "completion" else "Đã tham dự"
    y = _centered(draw, done, y + 14, font(30), center=center)
    course_face = fitted(certificate.course_title, body, 42, 700, min_size=30)
    for line in _wrapped(certificate.course_title, course_face, body):
        y = _centered(draw, line, y, course_face, center=center)
    period = f"Thời gian: từ ngày {certificate.starts_on:%d/%m/%Y} đến ngày {certificate.ends_on:%d/%m/%Y}"
    if certificate.hours:
        period += f" ({hours_text(certificate.hours)} giờ)"
    _centered(draw, period, y + 8, fitted(period, body, 28), center=center)

    # Signature block and verification.
    sign_x, sign_y = layout["signing"]
    y = _centered(
        draw, _date_line(certificate.place, certificate.issued_on), sign_y, font(26, italic=True), center=sign_x
    )
    _centered(draw, certificate.signer_title, y + 4, font(28, 700), center=sign_x)
    signature, seal = _template_image(template, "signature"), _template_image(template, "seal")
    if signature:
        picture = _picture(signature, (360, 120))
        image.paste(picture, (sign_x - picture.width // 2, sign_y + 90), picture)
    if seal:
        picture = _picture(seal, (200, 200))
        image.paste(picture, (sign_x - 200 - picture.width // 2, sign_y + 30), picture)
    if certificate.signer_name:
        _centered(draw, certificate.signer_name, layout["signer_name_y"], font(30, 700), center=sign_x)
    qr = _qr_image(verify_url)
    qr_x, qr_bottom = layout["qr"]
    image.paste(qr, (qr_x, qr_bottom - qr.height))
    text_x, small = qr_x + qr.width + 24, font(22)
    draw.text((text_x, qr_bottom - 115), f"Số hiệu: {certificate.serial}", font=font(24, 700), fill=INK)
    draw.text((text_x, qr_bottom - 80), f"Mã xác minh: {certificate.code}", font=small, fill=INK)
    draw.text((text_x, qr_bottom - 50), "Quét mã QR hoặc nhập mã tại", font=small, fill=MUTED)
    draw.text((text_x, qr_bottom - 22), verify_url.split("/xac-minh/")[0] + "/xac-minh/", font=small, fill=MUTED)
    scale = PAGE_SCALE.get(getattr(template, "page_size", "A4") or "A4", 1.0)
    if scale != 1.0:
        image = image.resize((round(width * scale), round(height * scale)), Image.LANCZOS)
    return image


def certificate_files(certificate, verify_url: str) -> tuple[bytes, bytes]:
    """(PNG, PDF) bytes. Both carry the document's properties as text (what a PDF viewer shows as the
    title, and what search and screen readers can read of a drawing)."""
    image = certificate_image(certificate, verify_url)
    title = f"{certificate.title.capitalize()}: {certificate.full_name}"
    subject = f"{certificate.course_title} ({certificate.starts_on:%d/%m/%Y} - {certificate.ends_on:%d/%m/%Y})"
    keywords = f"{certificate.serial}, {certificate.code}, {verify_url}"
    text = PngImagePlugin.PngInfo()
    for key, value in (("Title", title), ("Author", certificate.issuer), ("Description", subject),
                       ("Comment", keywords)):  # fmt: skip
        text.add_itxt(key, value)
    png, pdf = io.BytesIO(), io.BytesIO()
    image.save(png, "PNG", optimize=False, compress_level=3, pnginfo=text)
    image.save(pdf, "PDF", resolution=DPI, title=title, author=certificate.issuer, subject=subject,
               keywords=keywords, creator="OCOP LMS")  # fmt: skip
    return png.getvalue(), pdf.getvalue()
