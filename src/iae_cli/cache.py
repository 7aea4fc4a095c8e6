"""The cache of one data folder: validated data as JSON files in the user's cache folder, and
`CacheSource`, the catalog's source when that cache is fresh.

Per data folder (`<key>` is a digest of its path), every file carrying the signature:
  <key>.fiches.jsonl      the signature, then one validated fiche per line (read by offset)
  <key>.summaries.jsonl   a header, then each fiche's summary, one per line, in list order
  <key>.requirements.json what matching reads, as columns in list order } one file per section
  <key>.titles.json       fiche id -> title                             } of SECTIONS, each read
  <key>.graph.json        the career graph (nodes and merged edges)     } only by the commands
  <key>.doc-<name>.json   each data file of paths.DATA_FILES, validated } that need it
  <key>.items.jsonl       a header, then each fiche's `iae list --format json` item (list_items.py)
  <key>.index.json        file names, roles, each fiche's place in the blob: written last
  <key>.search.sqlite     the search index (search.py), stamped with the signature, stored just after
The signature is a digest of the data files' paths, sizes and modification times plus the program
and schema versions. Files are written atomically (temporary file, then rename); never pickle; a
stale, corrupt or unwritable cache is ignored and the data read again. The cache only ever saves
time: every answer is the same without it. Only this module knows these shapes: it turns records
into JSON rows and back (tests/test_cache.py checks that every answer survives the round trip).
"""

import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from iae_cli import __version__
from iae_cli.model import Diploma, Experience, Fiche, FicheSummary, Requirements, Role, Salary, TableBand, Title
from iae_cli.paths import DATA_FILES

if TYPE_CHECKING:
    from iae_cli.careers import CareerGraph
    from iae_cli.indexing import IndexRow
    from iae_cli.scan import ScanSource

CACHE_FORMAT = 12
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


def file_path(data_dir: Path, name: str) -> Path | None:
    """Where a cache file of this data folder goes (for files other modules write, such as the
    search index); None when caching is off."""
    base = _base(data_dir)
    return None if base is None else _file(base, name)


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


class CacheMiss(Exception):
    """A cache file vanished, went stale or broke after the cache was found fresh."""


# Records <-> JSON. NamedTuples encode as JSON arrays; each decoder names every position.


def _summary(row: list[Any]) -> FicheSummary:
    fiche_id, title, aliases, level, pages, salary, diploma, experience = row
    min_bac, max_bac, fields, alternatives, diploma_note, diploma_pages, asset_fields = diploma
    min_years, max_years, domain, experience_note, assets, table, experience_pages, standing = experience
    return FicheSummary(
        id=fiche_id,
        title=Title(*title),
        aliases=tuple(aliases),
        level=level,
        pages=pages,
        salary=Salary(*salary),
        diploma=Diploma(
            min_bac, max_bac, tuple(fields), tuple(alternatives), diploma_note, diploma_pages, tuple(asset_fields)
        ),
        experience=Experience(
            min_years,
            max_years,
            domain,
            experience_note,
            tuple(assets),
            TableBand(*table) if table else None,
            experience_pages,
            standing,
        ),
    )


def _graph_data(graph: "CareerGraph") -> dict[str, Any]:
    return {"nodes": graph.nodes, "edges": list(graph.edges.values())}


def _graph(data: dict[str, Any]) -> "CareerGraph":
    from iae_cli.careers import CareerGraph

    return CareerGraph(tuple(data["nodes"]), data["edges"])  # each edge built when first asked for


def _same(data: Any) -> Any:
    return data


class Section(NamedTuple):
    """A cache file holding one answer of the Source: `encode` turns the answer into JSON data
    (NamedTuples become arrays by themselves), `decode` turns that data back into the answer."""

    encode: Callable[[Any], Any]
    decode: Callable[[Any], Any]


def _requirements(data: list[list[Any]]) -> Requirements:
    ids, levels, min_bac, required_years, asset_years, standing, domains, alternatives = data
    accepted = [tuple(names) for names in alternatives]
    columns = Requirements(ids, levels, min_bac, required_years, asset_years, standing, domains, accepted)
    if len({len(column) for column in columns}) != 1:
        raise ValueError("columns of different lengths")
    return columns


# Source method -> its cache file. A new Source method that is worth caching gets one line here.
SECTIONS: dict[str, Section] = {
    "requirements": Section(_same, _requirements),
    "titles": Section(_same, _same),
    "graph": Section(_graph_data, _graph),
}


class CacheSource:
    """The catalog's source when the cache is fresh: each answer read from its own cache file.
    Raises CacheMiss when a file broke after the cache was checked."""

    def __init__(self, data_dir: Path, signature: str) -> None:
        self.data_dir = data_dir
        self.signature = signature
        self._index: dict[str, Any] | None = None
        self._summary_lines: list[str] | None = None

    def _read(self, name: str) -> Any:
        data = read_section(self.data_dir, name, self.signature)
        if data is None:
            raise CacheMiss(name)
        return data

    def _decoded(self, name: str) -> Any:
        try:
            return SECTIONS[name].decode(self._read(name))
        except (ValueError, TypeError, KeyError, IndexError):  # parsed, but not the shape written
            raise CacheMiss(name) from None

    def _lines(self) -> list[str]:
        if self._summary_lines is None:  # text: json.loads then skips guessing each line's encoding
            cached = read_lines(self.data_dir, "summaries", self.signature)
            if cached is None:
                raise CacheMiss("summaries")
            self._summary_lines = cached[1].decode("utf-8", "surrogateescape").split("\n")[:-1]
        return self._summary_lines

    def _index_data(self) -> dict[str, Any]:
        if self._index is None:
            self._index = self._read("index")
        return self._index

    def files(self) -> dict[str, str]:
        files: dict[str, str] = self._index_data()["files"]
        return files

    def roles(self) -> list[Role]:
        return [Role(*row) for row in self._index_data()["roles"]]

    def summaries(self) -> list[FicheSummary]:
        return self.summaries_at(range(len(self._lines())))

    def summaries_at(self, positions: Sequence[int]) -> list[FicheSummary]:
        lines = self._lines()
        try:  # the lines joined into one JSON array: one parse, not thousands
            return [_summary(row) for row in json.loads("[" + ",".join([lines[p] for p in positions]) + "]")]
        except (ValueError, TypeError, IndexError):
            raise CacheMiss("summaries") from None

    def requirements(self) -> Requirements:
        requirements: Requirements = self._decoded("requirements")
        return requirements

    def titles(self) -> dict[str, str]:
        titles: dict[str, str] = self._decoded("titles")
        return titles

    def graph(self) -> "CareerGraph":
        graph: CareerGraph = self._decoded("graph")
        return graph

    def _raw_fiche(self, fiche_id: str) -> dict[str, Any]:
        place = self._index_data()["offsets"].get(fiche_id)
        raw = read_fiche(self.data_dir, self.signature, *place) if place else None
        if raw is None or raw.get("id") != fiche_id:
            raise CacheMiss(fiche_id)
        return raw

    def fiche(self, fiche_id: str) -> Fiche:
        return Fiche.build(self._raw_fiche(fiche_id))

    def document(self, key: str) -> Any:
        return self._read(f"doc-{key}")

    def index_rows(self) -> "list[IndexRow]":
        """Built again from the cached fiches: only when the index stored at the first read is gone."""
        from iae_cli.corpus import fiche_row

        return [fiche_row(self._raw_fiche(fiche_id)) for fiche_id in self.files()]


def write_lines(data_dir: Path, name: str, header: dict[str, Any], lines: list[str]) -> None:
    """Store a JSON-lines file (`read_lines` reads it): the header with the signature, then each line
    (text without a newline); no error when the cache folder is not writable."""
    base = _base(data_dir)
    if base is None:
        return
    head = json.dumps(header, separators=(",", ":"))
    try:
        _replace(_file(base, f"{name}.jsonl"), lambda out: out.write(_encode("\n".join([head, *lines]) + "\n")))
    except OSError:
        return


def write(data_dir: Path, signature: str, source: "ScanSource") -> None:
    """Store the blob of fiches, every section and every data file, then the index (which marks the
    cache complete). Nothing is written, and no error raised, when the cache folder is not writable."""
    base = _base(data_dir)
    if base is None:
        return
    stamp = json.dumps(signature)
    offsets: dict[str, list[int]] = {}
    files = source.files()

    def write_blob(out: Any) -> None:
        position = out.write(_encode(stamp + "\n"))
        for fiche_id in files:
            data = _encode(source.raw_fiche_text(fiche_id) + "\n")
            offsets[fiche_id] = [position, len(data)]
            position += out.write(data)

    def section(data: Any) -> Any:
        text = json.dumps(data, ensure_ascii=False)
        return lambda out: out.write(_encode('{"signature":' + stamp + ',"data":' + text + "}"))

    def summary_lines(out: Any) -> None:
        lines = [json.dumps(summary, ensure_ascii=False) for summary in source.summaries()]
        out.write(_encode("\n".join([json.dumps({"signature": signature}), *lines]) + "\n"))

    try:
        base.parent.mkdir(parents=True, exist_ok=True)
        _replace(_file(base, "fiches.jsonl"), write_blob)
        _replace(_file(base, "summaries.jsonl"), summary_lines)
        for name, (encode, _decode) in SECTIONS.items():
            _replace(_file(base, f"{name}.json"), section(encode(getattr(source, name)())))
        for data_file in DATA_FILES:
            _replace(_file(base, f"doc-{data_file.key}.json"), section(source.document(data_file.key)))
        index = {"files": files, "roles": source.roles(), "offsets": offsets}
        _replace(_file(base, "index.json"), section(index))
    except OSError:
        return
