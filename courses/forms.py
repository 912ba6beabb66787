"""The forms behind every image and document upload in the admin (lesson images and documents,
certificate backgrounds, signatures and seals): Wagtail's own, with three more checks.

Settings point Wagtail at them (WAGTAILIMAGES_IMAGE_FORM_BASE, WAGTAILDOCS_DOCUMENT_FORM_BASE), so
the single upload page, the multiple uploader and the chooser's upload tab all use them.

- Titles are stored NFC, without zero-width characters, in single spaces (as Excel cells are).
- An image's pixels are counted from its header before it is decoded, and an image whose data
  breaks off is refused with a message (Wagtail decodes first, and lets Pillow's error through).
- A document's content must be what its extension says: no web page or script named .pdf, no
  archive that unpacks to hundreds of megabytes, no password-protected Office file that learners
  cannot open.
"""

import warnings
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from lms.text import clean_text
from lms.uploads import (
    KIND_NAMES,
    DamagedArchiveError,
    OversizedArchiveError,
    content_kind,
    encrypted_office,
    zip_kind,
)

OFFICE_EXTENSIONS = ("docx", "xlsx", "pptx", "odt")  # zip archives, whose parts tell what they are


def _title(form):
    title = clean_text(form.cleaned_data.get("title"))
    if not title:
        raise ValidationError(form.fields["title"].error_messages["required"], code="required")
    return title


def _wrong(name: str, extension: str, kind: str) -> str:
    return _("“%(name)s” is not a real .%(extension)s file: it is %(kind)s.") % {
        "name": name, "extension": extension, "kind": KIND_NAMES[kind],
    }  # fmt: skip


def _office_problem(upload, name: str, extension: str, kind: str) -> str | None:
    """What is wrong with an Office file (password, not an archive, damaged, a bomb, another kind), or None."""
    try:
        if kind == "ole" and encrypted_office(upload):
            return _(
                "“%(name)s” is protected by a password, so learners could not open it. Remove the password, "
                "save the file and upload it again."
            ) % {"name": name}
        if kind != "zip":
            return _wrong(name, extension, kind)
        if zip_kind(upload) != extension:
            return _wrong(name, extension, "zip")
    except OversizedArchiveError:
        return _("“%(name)s” unpacks to an abnormally large size and cannot be added.") % {"name": name}
    except DamagedArchiveError:
        return _(
            "“%(name)s” is damaged or was not uploaded completely. Open it, save it again and upload it again."
        ) % {"name": name}
    finally:
        upload.seek(0)
    return None


def document_problem(upload) -> str | None:
    """Why the uploaded document cannot go into the library, or None."""
    name = Path(upload.name).name
    extension = Path(name).suffix.lower().lstrip(".")
    allowed = settings.WAGTAILDOCS_EXTENSIONS
    if extension not in allowed:
        return _("“%(name)s” cannot be added: the library takes only %(extensions)s files.") % {
            "name": name, "extensions": ", ".join(f".{ext}" for ext in allowed),
        }  # fmt: skip
    upload.seek(0)
    kind = content_kind(upload.read(2048))
    upload.seek(0)
    if extension == "pdf":
        return None if kind == "pdf" else _wrong(name, extension, kind)
    if extension in OFFICE_EXTENSIONS:
        return _office_problem(upload, name, extension, kind)
    # txt, csv: text, not a binary file nor markup that a browser would render as a page
    return None if kind == "text" else _wrong(name, extension, kind)


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, with two holes closed. Wagtail counts an image's pixels by decoding it
    whole, so a decompression bomb under Pillow's own limit (89 million pixels) is decoded before it
    is refused: here the pixels are counted from the header first. And an image whose data breaks
    off raises Pillow's OSError through the form (a 500): here it is a message."""

    def check_image_pixel_size(self, f):
        from PIL import Image

        source = f.image.f
        source.seek(0)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                with Image.open(source) as header:
                    width, height = header.size
        except Image.DecompressionBombError:
            width = height = None  # over twice Pillow's limit: super() says so in Wagtail's words
        except Exception:
            width = height = 0  # Willow read it, Pillow's header reader did not: decoding will tell
        finally:
            source.seek(0)
        if self.max_image_pixels and width and height and width * height > self.max_image_pixels:
            raise ValidationError(
                self.error_messages["file_too_many_pixels"]
                % {  # grouped as people read them: 100.000.000
                    "num_pixels": number_format(width * height, force_grouping=True),
                    "max_pixels_count": number_format(self.max_image_pixels, force_grouping=True),
                },
                code="file_too_many_pixels",
            )
        try:
            super().check_image_pixel_size(f)
        except ValidationError:
            raise
        except Exception:  # truncated data, a bad checksum, a codec error: all mean the same here
            raise ValidationError(
                _("The image “%(name)s” is damaged or was not uploaded completely. Save it again and upload it again.")
                % {"name": Path(f.name).name},
                code="invalid_image",
            ) from None


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail makes the field in its own formfield callback and has no setting for its class;
        # the field is this form's own copy, so it can be given the checked class.
        if type(self.fields.get("file")) is WagtailImageField:
            self.fields["file"].__class__ = CheckedImageField

    def clean_title(self):
        return _title(self)


class DocumentForm(BaseDocumentForm):
    def clean_title(self):
        return _title(self)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile) and (problem := document_problem(upload)):
            raise ValidationError(problem, code="invalid_document")
        return upload

    def _update_errors(self, errors):
        # Wagtail's Document.clean() checks the extension again, in words Django has no Vietnamese
        # for; once the file has been refused here, that second message is noise.
        if "file" in self._errors and hasattr(errors, "error_dict"):
            errors.error_dict.pop("file", None)
            if not errors.error_dict:
                return
        super()._update_errors(errors)
