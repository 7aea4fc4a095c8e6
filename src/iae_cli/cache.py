"""A cache of validated data, as JSON in the user's cache folder.

Per data folder: `<key>.fiches.jsonl` (the signature on its first line, then one validated
fiche per line), `<key>.summaries.json` (the fiches' summary rows, in list order),
`<key>.items.jsonl` (a header line, then each fiche's item of `iae list --format json`),
`<key>.graph.json` and `<key>.titles.json` (each read only by the commands that need it), and
`<key>.index.json` (file names, roles, and where each fiche sits in the blob), written last.
Every file carries the signature: the data files' paths, sizes and modification times plus the
program and schema versions. Files are written atomically (temporary file, then rename); never
pickle; a stale, corrupt or unwritable cache is ignored and the data read again. The cache only
ever saves time: every answer is the same without it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from iae_cli import __version__

CACHE_FORMAT = 8
CACHE_ENV = "IAE_CACHE_DIR"
NO_CACHE_ENV = "IAE_NO_CACHE"


def _digest(text: str) -> str:
    try:  # CPython's own BLAKE2, without loading OpenSSL through hashlib (about 3 ms per run)
        from _blake2 import blake2b
    except ImportError:
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


def _base(data_dir: Path) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    return folder / _digest(str(data_dir.resolve()))[:24]


def _file(base: Path, name: str) -> Path:
    return base.with_name(f"{base.name}.{name}")


def read_section(data_dir: Path, name: str, expected: str) -> Any:
    """A cached section's data if its file exists, parses and carries the signature; else None."""
    base = _base(data_dir)
    if base is None:
        return None
    try:
        payload = json.loads(_file(base, f"{name}.json").read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(payload, dict) or payload.get("signature") != expected:
        return None
    return payload.get("data")


def read_lines(data_dir: Path, name: str, expected: str) -> tuple[dict[str, Any], bytes] | None:
    """A cached JSON-lines file: its header (the first line, which carries the signature) and the
    bytes after it, left for the caller to split, parse or copy as they are; else None."""
    base = _base(data_dir)
    if base is None:
        return None
    try:
        head, _newline, body = _file(base, f"{name}.jsonl").read_bytes().partition(b"\n")
        header = json.loads(head)
    except (OSError, ValueError):
        return None
    if not isinstance(header, dict) or header.get("signature") != expected or not body.endswith(b"\n"):
        return None  # stale, or cut short (every line ends with a newline, the last one included)
    return header, body


def exists(data_dir: Path, expected: str) -> bool:
    """Whether a complete cache for this signature is there (the index is written last)."""
    base = _base(data_dir)
    if base is None:
        return False
    try:
        with _file(base, "index.json").open("rb") as index:
            head = index.read(len(expected) + 16)
    except OSError:
        return False
    return head.startswith(b'{"signature":' + json.dumps(expected).encode())


def read_fiche(data_dir: Path, expected: str, offset: int, length: int) -> dict[str, Any] | None:
    """One cached fiche, or None when the blob is missing, stale or damaged."""
    base = _base(data_dir)
    if base is None:
        return None
    try:
        with _file(base, "fiches.jsonl").open("rb") as blob:
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


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def write(
    data_dir: Path,
    signature: str,
    index: dict[str, Any],
    sections: dict[str, str],
    fiches: dict[str, str],
    line_files: dict[str, tuple[dict[str, Any], list[str]]],
) -> dict[str, list[int]] | None:
    """Store the blob of fiches (JSON text by id), the sections (JSON text), the JSON-lines files
    (header, lines: each line one JSON text without a newline), then the index.

    Returns each fiche's [offset, length] in the blob, or None (and no error) when the
    cache folder cannot be written.
    """
    base = _base(data_dir)
    if base is None:
        return None
    offsets: dict[str, list[int]] = {}
    stamp = json.dumps(signature)

    def write_blob(out: Any) -> None:
        position = out.write(_encode(stamp + "\n"))
        for fiche_id, text in fiches.items():
            data = _encode(text + "\n")
            offsets[fiche_id] = [position, len(data)]
            position += out.write(data)

    def section(text: str) -> Any:
        return lambda out: out.write(_encode('{"signature":' + stamp + ',"data":' + text + "}"))

    def lines_file(header: dict[str, Any], lines: list[str]) -> Any:
        head = json.dumps({"signature": signature, **header}, ensure_ascii=False, separators=(",", ":"))
        return lambda out: out.write(_encode("\n".join([head, *lines]) + "\n"))

    try:
        base.parent.mkdir(parents=True, exist_ok=True)
        _replace(_file(base, "fiches.jsonl"), write_blob)
        for name, text in sections.items():
            _replace(_file(base, f"{name}.json"), section(text))
        for name, (header, lines) in line_files.items():
            _replace(_file(base, f"{name}.jsonl"), lines_file(header, lines))
        _replace(_file(base, "index.json"), section(json.dumps({**index, "offsets": offsets}, ensure_ascii=False)))
    except OSError:
        return None
    return offsets
