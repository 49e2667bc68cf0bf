"""Uploaded contact files between "check" and "import": on disk, not in the session row.

The file was kept base64-encoded in the session, so every request of that board member read
and wrote up to 2.7 MB of session data. Now the session holds a random token and the file
name; the file waits in CONTACT_IMPORT_DIR (readable by the site's user only) and is deleted
when the import is confirmed, or after a day.
"""

import os
import re
import time
import uuid
from pathlib import Path

from django.conf import settings

MAX_AGE_SECONDS = 86400
_TOKEN = re.compile(r"^[0-9a-f]{32}$")


def _folder() -> Path:
    folder = Path(settings.CONTACT_IMPORT_DIR)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def _path(token: str) -> Path:
    if not _TOKEN.match(token or ""):
        raise FileNotFoundError(token)
    return _folder() / f"{token}.upload"


def _forget_old(folder: Path) -> None:
    cutoff = time.time() - MAX_AGE_SECONDS
    for old in folder.glob("*.upload"):
        try:
            if old.stat().st_mtime < cutoff:
                old.unlink()
        except FileNotFoundError:
            pass


def keep(content: bytes) -> str:
    """Store the upload; returns the token that finds it again."""
    folder = _folder()
    _forget_old(folder)
    token = uuid.uuid4().hex
    descriptor = os.open(folder / f"{token}.upload", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(content)
    # The age check reads time.time(); stamp the file by the same clock rather than the
    # filesystem's, so the two can never disagree (a clock set apart, a restored backup).
    now = time.time()
    os.utime(folder / f"{token}.upload", (now, now))
    return token


def take(token: str) -> bytes | None:
    """The upload for this token, removed from disk; None when it is gone or expired."""
    try:
        path = _path(token)
        if path.stat().st_mtime < time.time() - MAX_AGE_SECONDS:
            path.unlink()
            return None
        content = path.read_bytes()
        path.unlink()
    except FileNotFoundError:
        return None
    return content
