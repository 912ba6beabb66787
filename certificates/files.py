"""A certificate's PNG and PDF: drawn on issue and stored, drawn again when a file has gone missing."""

import io

from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse
from pypdf import PdfWriter

from .rendering import certificate_files


def absolute_url(path: str) -> str:
    """The site's address for `path` (QR codes, e-mails and badges leave the site)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def verify_url(certificate) -> str:
    return absolute_url(reverse("certificate_verify", args=[certificate.code]))


def certificate_render(certificate) -> None:
    png, pdf = certificate_files(certificate, verify_url(certificate))
    name = certificate.serial
    certificate.png.save(f"{name}.png", ContentFile(png), save=False)
    certificate.pdf.save(f"{name}.pdf", ContentFile(pdf), save=False)
    type(certificate).objects.filter(pk=certificate.pk).update(png=certificate.png.name, pdf=certificate.pdf.name)


def certificate_file(certificate, fmt: str) -> bytes:
    """The stored file, re-rendered first if it is missing from storage."""
    field = getattr(certificate, fmt)
    if not field or not field.storage.exists(field.name):
        certificate_render(certificate)
        field = getattr(certificate, fmt)
    with field.open("rb") as handle:
        return handle.read()


def certificates_pdf(certificates) -> bytes:
    """One PDF of the certificates' own PDFs, one page each, in the order given: a class's certificates
    printed in one go for wet signature and the red seal."""
    writer = PdfWriter()
    for certificate in certificates:
        writer.append(io.BytesIO(certificate_file(certificate, "pdf")))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
