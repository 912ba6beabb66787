"""Upload safety every upload shares. Office files (.xlsx, .docx, .ods) are zip archives: one whose
parts unpack far beyond their size is a zip bomb, refused before anything reads it."""

import zipfile

MAX_UNPACKED_BYTES = 400 * 1024 * 1024
MAX_PACK_RATIO = 200  # above 10 MB unpacked


def oversized_part(archive: zipfile.ZipFile) -> zipfile.ZipInfo | None:
    """The first part that would unpack beyond 400 MB, or beyond 10 MB at more than 200:1 (sizes as the
    archive claims them, which is what zipfile would unpack to at most); None when there is none."""
    for info in archive.infolist():
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_UNPACKED_BYTES or (info.file_size > 10 * 1024 * 1024 and ratio > MAX_PACK_RATIO):
            return info
    return None
