"""An uploaded file between the check and the confirmation.

The bytes go to import-export's MediaStorage (MEDIA_ROOT/imports-pending/, shared by every server
and worker) under a name made here (a random uuid), never one a request supplies. What ties the
file to the page is a separate random token kept in the uploader's session with the file's name, kind
of import, digest and original name: a confirmation carries only the token, so it can reach no other
file than the one this person uploaded for this import, and a file changed on disk meanwhile (its
SHA-256 differs) is not imported. Files are removed when imported, when pushed out of the session
(MAX_PENDING per person), and after a day by the next upload.
"""

import hashlib
import os
import secrets
import tempfile
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from django.core.files.storage import default_storage
from import_export.tmp_storages import MediaStorage

from lms.params import single_line

FOLDER = "imports-pending"
SESSION_KEY = "pending_imports"
MAX_PENDING = 5
MAX_AGE_SECONDS = 24 * 3600


@dataclass(frozen=True)
class PendingUpload:
    token: str
    kind: str  # which import it was uploaded for
    name: str  # in the storage, ours
    filename: str  # as the person named it (shown, and used to name the file when it is read)
    sha256: str
    uploaded_at: float


def _storage(name=None) -> MediaStorage:
    return MediaStorage(name=name, MEDIA_FOLDER=FOLDER, read_mode="rb")


def _safe_filename(name: str, extension: str) -> str:
    stem = single_line(Path(str(name)).stem, 80).replace("/", "-").replace("\\", "-").strip(". ") or "tep"
    return f"{stem}{extension}"


def _pending(request) -> dict:
    entries = request.session.get(SESSION_KEY)
    return entries if isinstance(entries, dict) else {}


def pending_save(request, kind: str, upload, extension: str) -> PendingUpload:
    """Keep `upload` (a Django UploadedFile; `extension` checked by the form) for this person's import of
    `kind`."""
    _sweep()
    data = b"".join(upload.chunks())
    storage = _storage()
    storage.save(data)
    _stamp(storage.get_full_path())
    pending = PendingUpload(
        token=secrets.token_urlsafe(18), kind=kind, name=storage.name,
        filename=_safe_filename(upload.name, extension), sha256=hashlib.sha256(data).hexdigest(),
        uploaded_at=time.time(),
    )  # fmt: skip
    entries = _pending(request)
    entries[pending.token] = asdict(pending)
    for token in sorted(entries, key=lambda t: entries[t].get("uploaded_at", 0))[:-MAX_PENDING]:
        _remove(entries.pop(token).get("name"))
    request.session[SESSION_KEY] = entries
    return pending


def pending_get(request, kind: str, token) -> PendingUpload | None:
    """This person's upload for this import under `token`, or None."""
    entry = _pending(request).get(token) if isinstance(token, str) else None
    if not isinstance(entry, dict) or entry.get("kind") != kind:
        return None
    try:
        pending = PendingUpload(**entry)
    except TypeError:
        return None
    if time.time() - pending.uploaded_at > MAX_AGE_SECONDS:
        pending_discard(request, pending)
        return None
    return pending


def pending_read(pending: PendingUpload) -> bytes | None:
    """The file's bytes, or None when it is gone or no longer the file that was uploaded."""
    try:
        data = _storage(pending.name).read()
    except (OSError, ValueError):
        return None
    return data if hashlib.sha256(data).hexdigest() == pending.sha256 else None


@contextmanager
def local_copy(pending: PendingUpload, data: bytes):
    """The bytes as a file named as the person named it, in a folder of its own, for the readers."""
    with tempfile.TemporaryDirectory(prefix="import-") as folder:
        path = Path(folder) / pending.filename
        path.write_bytes(data)
        yield path


def pending_discard(request, pending: PendingUpload) -> None:
    entries = _pending(request)
    entries.pop(pending.token, None)
    request.session[SESSION_KEY] = entries
    _remove(pending.name)


def _remove(name) -> None:
    if not name:
        return
    try:
        _storage(name).remove()
    except OSError:
        pass


def _stamp(path) -> None:
    """Date the kept file by the clock the sweep reads (time.time()), not only the file system's: the two
    agree in production, but a test that moves the clock would otherwise see every new file as a year old."""
    try:
        now = time.time()
        os.utime(default_storage.path(path), (now, now))
    except (OSError, NotImplementedError):
        pass  # a storage without local paths keeps its own dates


def _sweep() -> None:
    """Remove uploads left unconfirmed for more than a day."""
    try:
        _folders, files = default_storage.listdir(FOLDER)
    except (OSError, NotImplementedError):
        return
    cutoff = time.time() - MAX_AGE_SECONDS
    for name in files:
        path = f"{FOLDER}/{name}"
        try:
            if default_storage.get_modified_time(path).timestamp() < cutoff:
                default_storage.delete(path)
        except (OSError, NotImplementedError):
            continue
