"""The catalog of one data folder: what commands ask for, from one Source chosen once per run.

A data folder holds `metiers/<id>.yaml` (one fiche each), `roles.yaml` and the data files of
`paths.DATA_FILES` (`secteur.yaml`, `glossaire.yaml`…). `Catalog.open` checks the folder and
picks the source: `CacheSource` (cache.py) when the cache is fresh, else `ScanSource` (scan.py),
built from a full read that checks everything and then fills the cache. Both answer the same
questions, the `Source` protocol below, with the same named records.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from iae_cli import cache
from iae_cli.errors import DataError
from iae_cli.model import Fiche, FicheSummary, GlossaryTerm, Requirements, Role
from iae_cli.paths import DATA_FILES, ROLES_FILE, schema_dir
from iae_cli.scan import ScanSource, check_folder, list_fiche_files, scan_folder

if TYPE_CHECKING:  # the career graph and the search index are imported only by the commands that use them
    from iae_cli.careers import CareerGraph
    from iae_cli.indexing import IndexRow, IndexWriter
    from iae_cli.later import LaterFacts, RomeTable
    from iae_cli.list_items import ListItems
    from iae_cli.money import PriceIndex
    from iae_cli.search import SearchIndex

Answer = TypeVar("Answer")


class Source(Protocol):
    """Where the catalog's answers come from. Two implementations: `scan.ScanSource` (a full read
    of the folder) and `cache.CacheSource` (a fresh cache). A new kind of answer is a new method
    here, on both, and (when worth caching) one line in `cache.SECTIONS`."""

    def files(self) -> dict[str, str]:
        """Fiche id -> file name (relative to the folder), in file order."""
        ...

    def roles(self) -> list[Role]:
        """The posts of roles.yaml, in file order."""
        ...

    def summaries(self) -> list[FicheSummary]:
        """Every fiche's summary, in list order (level as in the study, then id)."""
        ...

    def summaries_at(self, positions: Sequence[int]) -> list[FicheSummary]:
        """Some fiches' summaries, by their positions in list order (without building the others)."""
        ...

    def requirements(self) -> Requirements:
        """What matching reads of every fiche, as columns in list order."""
        ...

    def titles(self) -> dict[str, str]:
        """Fiche id -> title (masculine), without building the summaries."""
        ...

    def graph(self) -> CareerGraph:
        """The career graph over fiches and roles."""
        ...

    def fiche(self, fiche_id: str) -> Fiche:
        """One whole fiche (the id is known to exist)."""
        ...

    def document(self, key: str) -> Any:
        """The validated content of the data file `key` of paths.DATA_FILES (None: optional, absent)."""
        ...

    def index_rows(self) -> list[IndexRow]:
        """Each fiche's row of the search index, in file order (the other entries are the catalog's)."""
        ...


def _signature(data_dir: Path, fiche_files: list[tuple[str, os.stat_result | None]]) -> str | None:
    """What the cache depends on; None when a file cannot be stat'ed (then no cache is used)."""
    stats: list[tuple[str, os.stat_result]] = []
    for name, stat in fiche_files:
        if stat is None:
            return None
        stats.append((name, stat))
    absent = []
    for name, required in [(ROLES_FILE, True), *((f.file, f.required) for f in DATA_FILES)]:
        try:
            stats.append((name, (data_dir / name).stat()))
        except OSError:
            if required:
                return None
            absent.append(name)
    schemas = sorted(os.scandir(schema_dir()), key=lambda e: e.name)
    stamp = ",".join(f"{e.name}:{e.stat().st_size}:{e.stat().st_mtime_ns}" for e in schemas)
    return cache.signature(data_dir, stats, stamp + "|absent:" + ",".join(absent))


def _read_folder(data_dir: Path, signature: str | None, writer: IndexWriter | None = None) -> ScanSource:
    """Read and check every file (DataError on any problem), then fill the cache; each fiche's
    search row goes to `writer` as the scan reads it."""
    scan = scan_folder(data_dir, list_fiche_files(data_dir), writer)
    if scan.problems:
        raise DataError(scan.problems)
    source = ScanSource(scan)
    if signature:
        cache.write(data_dir, signature, source)
    return source


class Catalog:
    """The validated data of one folder. Each answer is asked of the source once, when a command
    first needs it: `iae list` never reads the career graph, `iae show` never reads the summaries."""

    def __init__(self, data_dir: Path, source: Source, signature: str | None) -> None:
        self.data_dir = data_dir
        self._source = source
        self._signature = signature
        self._answers: dict[str, Any] = {}

    @classmethod
    def open(cls, data_dir: Path) -> Catalog:
        """Check a folder and choose the source; DataError when the data is unusable."""
        check_folder(data_dir)
        signature = _signature(data_dir, list_fiche_files(data_dir))
        if signature and cache.exists(data_dir, signature):
            return cls(data_dir, cache.CacheSource(data_dir, signature), signature)
        return cls._read(data_dir, signature)

    @classmethod
    def _read(cls, data_dir: Path, signature: str | None) -> Catalog:
        """A full read; with a cache to fill, the search index is written with it, each fiche's row
        as the scan reads it, so that no later search reads the fiches again."""
        path = cache.file_path(data_dir, "search.sqlite") if signature else None
        writer = None
        if path is not None and signature:
            from iae_cli.indexing import IndexWriter

            writer = IndexWriter.create(path, signature)
        read = False
        try:
            catalog = cls(data_dir, _read_folder(data_dir, signature, writer), signature)
            read = True
        finally:
            if writer is not None and not read:  # the data had problems: no index of it is kept
                writer.abandon()
        if writer is not None:
            if signature and cache.exists(data_dir, signature):
                catalog._answers["search index"] = writer.finish(catalog._other_rows())
            else:  # the cache could not be written: no index beside it either
                writer.abandon()
        return catalog

    def _ask(self, question: Callable[[Source], Answer]) -> Answer:
        try:
            return question(self._source)
        except cache.CacheMiss:  # the cache broke after it was found fresh: read the folder, once
            self._source = _read_folder(self.data_dir, self._signature)
            return question(self._source)

    def _memo(self, name: str, question: Callable[[Source], Answer]) -> Answer:
        if name not in self._answers:
            self._answers[name] = self._ask(question)
        answer: Answer = self._answers[name]
        return answer

    @property
    def files(self) -> dict[str, str]:
        """Fiche id -> file name, in file order."""
        return self._memo("files", lambda source: source.files())

    @property
    def roles(self) -> dict[str, Role]:
        return self._memo("roles", lambda source: {role.id: role for role in source.roles()})

    @property
    def summaries(self) -> dict[str, FicheSummary]:
        """Fiche summaries by id, in list order (level, then id)."""
        return self._memo("summaries", lambda source: {s.id: s for s in source.summaries()})

    def requirements(self) -> Requirements:
        """What matching reads of every fiche, as columns in list order (match.match_requirements)."""
        return self._memo("requirements", lambda source: source.requirements())

    def summaries_at(self, positions: Sequence[int]) -> list[FicheSummary]:
        """Summaries by their positions in list order: from the loaded table, else only those built."""
        if "summaries" in self._answers:
            every = self._memo("summary list", lambda _source: list(self.summaries.values()))
            return [every[position] for position in positions]
        return self._ask(lambda source: source.summaries_at(positions))

    def graph(self) -> CareerGraph:
        """The career graph over fiches and roles."""
        return self._memo("graph", lambda source: source.graph())

    def fiche(self, fiche_id: str) -> Fiche:
        """One whole fiche, by its id (resolve a typed name first: cli/names.py)."""
        return self._ask(lambda source: source.fiche(fiche_id))

    def document(self, key: str) -> Any:
        """The validated content of a data file of paths.DATA_FILES, by its key."""
        return self._memo(f"document:{key}", lambda source: source.document(key))

    def sector(self) -> dict[str, Any]:
        """The sector data, as validated against secteur.schema.json."""
        sector: dict[str, Any] = self.document("sector")
        return sector

    def glossary(self) -> tuple[GlossaryTerm, ...]:
        return tuple(GlossaryTerm.build(term) for term in self.document("glossary")["terms"])

    def search_index(self) -> SearchIndex:
        """The full-text index of this data: from the cache when it matches the data's signature,
        else built (and stored when the cache folder is writable)."""
        return self._memo("search index", lambda _source: self._search_index())

    def _search_index(self) -> SearchIndex:
        from iae_cli.indexing import build
        from iae_cli.search import SearchIndex

        path = cache.file_path(self.data_dir, "search.sqlite") if self._signature else None
        if path is not None and self._signature:
            stored = SearchIndex.open(path, self._signature)
            if stored is not None:
                return stored
        rows = [*self._ask(lambda source: source.index_rows()), *self._other_rows()]
        return build(rows, path, self._signature or "")

    def _other_rows(self) -> Iterator[IndexRow]:
        """The search rows of everything but the fiches: roles, sector, glossary, later facts, ROME."""
        from iae_cli import corpus
        from iae_cli.indexing import index_row

        titles = {fiche_id: self.title_of(fiche_id) for fiche_id in self.files}
        others = corpus.entries(self.roles.values(), self.sector(), self.glossary(), self.later(), self.rome(), titles)
        return map(index_row, others)

    def later(self) -> LaterFacts | None:
        """The facts after the study (depuis-2008.yaml); None when the folder has none."""
        from iae_cli.later import LaterFacts

        raw = self.document("later")
        return None if raw is None else LaterFacts.build(raw)

    def rome(self) -> RomeTable | None:
        """The proposed links to ROME codes (rome.yaml); None when the folder has none."""
        from iae_cli.later import RomeTable

        raw = self.document("rome")
        return None if raw is None else RomeTable.build(raw)

    def prices(self) -> PriceIndex | None:
        """The price-index table (prix.yaml); None when the folder has none."""
        from iae_cli.money import PriceIndex

        raw = self.document("prices")
        return None if raw is None else PriceIndex.build(raw)

    def title_of(self, node_id: str) -> str:
        """The title of a fiche or role, without building every summary."""
        if node_id in self.files:
            if "summaries" in self._answers:
                return self.summaries[node_id].title.masculine
            return self._memo("titles", lambda source: source.titles())[node_id]
        return self.roles[node_id].title

    def summary_of(self, fiche_id: str) -> FicheSummary:
        """One summary: from the loaded table, else from the fiche itself (one read, not all)."""
        if "summaries" in self._answers:
            return self.summaries[fiche_id]
        return self.fiche(fiche_id).summary

    def list_items(self, encode: Callable[[FicheSummary], str], name: str = "items") -> ListItems:
        """Each fiche's item of `iae list` as compact JSON text (`encode`, from the render layer,
        writes one: the JSON item, or the table's row), in list order, with the count of each
        level. Kept in the cache under `name` after the first use: a list is then cached text,
        with no summary built or encoded."""
        from iae_cli import list_items

        items = list_items.read(self.data_dir, self._signature, name) if self._signature else None
        if items is None:
            counts: dict[str, int] = {}
            summaries = list(self.summaries.values())
            for summary in summaries:
                counts[summary.level] = counts.get(summary.level, 0) + 1
            items = list_items.ListItems(list(counts.items()), [encode(summary) for summary in summaries])
            if self._signature:
                list_items.write(self.data_dir, self._signature, items, name)
        return items
