"""Drawing a certificate: A4 landscape, the layout of a Vietnamese "Giấy chứng nhận", as PNG and PDF.

Fonts come from the fontpkg-be-vietnam-pro package (full Vietnamese coverage), never from the
system, so every machine draws the same. Long names and titles shrink to fit their box.
"""

import io
from decimal import Decimal
from functools import lru_cache

import fontpkg
import segno
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT, DPI = 1754, 1240, 150  # A4 landscape at 150 dpi
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


@lru_cache(maxsize=1)
def _frame() -> Image.Image:
    """The paper, the double border and the corner marks, drawn once."""
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 40, WIDTH - 40, HEIGHT - 40), outline=RED, width=10)
    draw.rectangle((62, 62, WIDTH - 62, HEIGHT - 62), outline=GOLD, width=3)
    for x, y in ((62, 62), (WIDTH - 62, 62), (62, HEIGHT - 62), (WIDTH - 62, HEIGHT - 62)):
        draw.regular_polygon((x, y, 22), 4, rotation=45, fill=GOLD)
    return image


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
    background = _template_image(template, "background")
    if background:
        image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
        image.paste(_picture(background, (WIDTH, HEIGHT), cover=True).convert("RGB"))
    else:
        image = _frame().copy()
    draw = ImageDraw.Draw(image)
    left, right = 430, WIDTH - 470

    # Header: the office (left) and the national motto (right).
    y = 120
    if certificate.parent_office:
        y = _centered(draw, certificate.parent_office, y, fitted(certificate.parent_office, 640, 26), center=left)
    issuer_lines = _wrapped(certificate.issuer, font(26, 700), 600)
    issuer_face = fitted(max(issuer_lines, key=len), 640, 26, 700)
    for line in issuer_lines:
        y = _centered(draw, line, y, issuer_face, center=left)
    draw.line((left - 90, y + 4, left + 90, y + 4), fill=INK, width=2)
    motto = font(26, 700)
    _centered(draw, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 120, motto, center=right)
    _centered(draw, "Độc lập - Tự do - Hạnh phúc", 158, font(28, 600), center=right)
    draw.line((right - 205, 200, right + 205, 200), fill=INK, width=2)

    # Body.
    y = 330
    y = _centered(draw, certificate.title, y, font(84, 800), fill=RED) + 20
    y = _centered(draw, "CHỨNG NHẬN ÔNG/BÀ", y, font(30, 500), fill=MUTED)
    name = fitted(certificate.full_name, WIDTH - 400, 72, 700, italic=True)
    y = _centered(draw, certificate.full_name, y + 6, name, fill=RED) + 4
    if certificate.birth_year:
        y = _centered(draw, f"Năm sinh: {certificate.birth_year}", y, font(28))
    done = "Đã hoàn thành chương trình" if certificate.kind == "completion" else "Đã tham dự"
    y = _centered(draw, done, y + 14, font(30))
    course_face = fitted(certificate.course_title, WIDTH - 360, 42, 700, min_size=30)
    for line in _wrapped(certificate.course_title, course_face, WIDTH - 360):
        y = _centered(draw, line, y, course_face)
    period = f"Thời gian: từ ngày {certificate.starts_on:%d/%m/%Y} đến ngày {certificate.ends_on:%d/%m/%Y}"
    if certificate.hours:
        period += f" ({hours_text(certificate.hours)} giờ)"
    _centered(draw, period, y + 8, font(28))

    # Signature block (right) and verification (left).
    y = 900
    y = _centered(draw, _date_line(certificate.place, certificate.issued_on), y, font(26, italic=True), center=right)
    y = _centered(draw, certificate.signer_title, y + 4, font(28, 700), center=right)
    signature, seal = _template_image(template, "signature"), _template_image(template, "seal")
    if signature:
        picture = _picture(signature, (360, 120))
        image.paste(picture, (right - picture.width // 2, 990), picture)
    if seal:
        picture = _picture(seal, (200, 200))
        image.paste(picture, (right - 200 - picture.width // 2, 930), picture)
    if certificate.signer_name:
        _centered(draw, certificate.signer_name, 1120, font(30, 700), center=right)
    qr = _qr_image(verify_url)
    image.paste(qr, (120, HEIGHT - 120 - qr.height))
    text_x = 120 + qr.width + 24
    small = font(22)
    draw.text((text_x, HEIGHT - 235), f"Số hiệu: {certificate.serial}", font=font(24, 700), fill=INK)
    draw.text((text_x, HEIGHT - 200), f"Mã xác minh: {certificate.code}", font=small, fill=INK)
    draw.text((text_x, HEIGHT - 170), "Quét mã QR hoặc nhập mã tại", font=small, fill=MUTED)
    draw.text((text_x, HEIGHT - 142), verify_url.split("/xac-minh/")[0] + "/xac-minh/", font=small, fill=MUTED)
    return image


def certificate_files(certificate, verify_url: str) -> tuple[bytes, bytes]:
    """(PNG, PDF) bytes."""
    image = certificate_image(certificate, verify_url)
    png, pdf = io.BytesIO(), io.BytesIO()
    image.save(png, "PNG", optimize=False, compress_level=3)
    image.save(pdf, "PDF", resolution=DPI)
    return png.getvalue(), pdf.getvalue()
