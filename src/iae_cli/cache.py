"""A JSON index of validated data, kept in the user's cache folder.

Keyed on the data files' paths, sizes and modification times plus the program and
schema versions; written atomically (temporary file, then rename); never pickle; a
stale, corrupt or unwritable cache is ignored and the data read again. The cache only
ever saves time: every answer is the same without it.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from iae_cli import __version__

CACHE_FORMAT = 1
CACHE_ENV = "IAE_CACHE_DIR"
NO_CACHE_ENV = "IAE_NO_CACHE"


def cache_dir() -> Path | None:
    if os.environ.get(NO_CACHE_ENV):
        return None
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "iae"


def signature(data_dir: Path, files: list[tuple[str, os.stat_result]], schema_stamp: str) -> str:
    """A digest of everything an index depends on."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{CACHE_FORMAT}|{__version__}|{schema_stamp}|{data_dir.resolve()}\n".encode())
    for name, stat in files:
        digest.update(f"{name}|{stat.st_size}|{stat.st_mtime_ns}|{stat.st_ino}\n".encode())
    return digest.hexdigest()


def _cache_file(data_dir: Path) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    key = hashlib.blake2b(str(data_dir.resolve()).encode(), digest_size=12).hexdigest()
    return folder / f"index-{key}.json"


def read(data_dir: Path, expected_signature: str) -> dict[str, Any] | None:
    """The cached index if it exists, parses and matches the signature; else None."""
    path = _cache_file(data_dir)
    if path is None:
        return None
    try:
        with path.open("rb") as handle:
            payload = json.loads(handle.read())
    except (OSError, ValueError):
        return None
    if not isinstance(payload, dict) or payload.get("signature") != expected_signature:
        return None
    return payload


def write(data_dir: Path, payload: dict[str, Any]) -> bool:
    """Store the index atomically; False (and no error) when the folder is not writable."""
    path = _cache_file(data_dir)
    if path is None:
        return False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".index-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(payload, out, ensure_ascii=False, separators=(",", ":"))
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True
