"""A JSON index of validated data, kept in the user's cache folder.

Two files per data folder: `<key>.index.json` (fiche summaries, roles, and where each
fiche sits in the blob) and `<key>.fiches.jsonl` (the signature on its first line, then
one validated fiche per line). Keyed on the data files' paths, sizes and modification
times plus the program and schema versions; written atomically (temporary file, then
rename; the blob before the index); never pickle; a stale, corrupt or unwritable cache is
ignored and the data read again. The cache only ever saves time: every answer is the
same without it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from iae_cli import __version__

CACHE_FORMAT = 2
CACHE_ENV = "IAE_CACHE_DIR"
NO_CACHE_ENV = "IAE_NO_CACHE"


def _digest(text: str) -> str:
    from hashlib import blake2b

    return blake2b(text.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()


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
    lines = [f"{CACHE_FORMAT}|{__version__}|{schema_stamp}|{data_dir.resolve()}"]
    lines += [f"{name}|{st.st_size}|{st.st_mtime_ns}|{st.st_ino}" for name, st in files]
    return _digest("\n".join(lines))


def _paths(data_dir: Path) -> tuple[Path, Path] | None:
    folder = cache_dir()
    if folder is None:
        return None
    key = _digest(str(data_dir.resolve()))[:24]
    return folder / f"{key}.index.json", folder / f"{key}.fiches.jsonl"


def read_index(data_dir: Path, expected: str) -> dict[str, Any] | None:
    """The cached index if it exists, parses and matches the signature; else None."""
    paths = _paths(data_dir)
    if paths is None:
        return None
    try:
        payload = json.loads(paths[0].read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(payload, dict) or payload.get("signature") != expected:
        return None
    return payload


def read_fiche(data_dir: Path, expected: str, offset: int, length: int) -> dict[str, Any] | None:
    """One cached fiche, or None when the blob is missing, stale or damaged."""
    paths = _paths(data_dir)
    if paths is None:
        return None
    try:
        with paths[1].open("rb") as blob:
            if json.loads(blob.readline()) != expected:
                return None
            blob.seek(offset)
            raw = json.loads(blob.read(length))
    except (OSError, ValueError):
        return None
    return raw if isinstance(raw, dict) else None


def _replace(target: Path, write: Any) -> None:
    import tempfile

    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".iae-", suffix=".tmp")
    renamed = False
    try:
        with os.fdopen(handle, "wb") as out:
            write(out)
        os.replace(temporary, target)
        renamed = True
    finally:
        if not renamed:
            Path(temporary).unlink(missing_ok=True)


def write(data_dir: Path, index: dict[str, Any], fiches: dict[str, str]) -> bool:
    """Store the blob of fiches (JSON text by id), then the index with their offsets.

    Returns False, without error, when the cache folder cannot be written.
    """
    paths = _paths(data_dir)
    if paths is None:
        return False
    index_path, blob_path = paths
    offsets: dict[str, list[int]] = {}

    def write_blob(out: Any) -> None:
        position = out.write(json.dumps(index["signature"]).encode() + b"\n")
        for fiche_id, text in fiches.items():
            data = text.encode("utf-8", "surrogateescape") + b"\n"
            offsets[fiche_id] = [position, len(data)]
            position += out.write(data)

    try:
        index_path.parent.mkdir(parents=True, exist_ok=True)
        _replace(blob_path, write_blob)
        text = json.dumps({**index, "offsets": offsets}, ensure_ascii=False)
        _replace(index_path, lambda out: out.write(text.encode("utf-8", "surrogateescape")))
    except OSError:
        return False
    return True
