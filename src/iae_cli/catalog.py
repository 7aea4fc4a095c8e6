"""The catalog of one data folder: what commands ask for, from the cache when it is fresh.

A data folder holds `metiers/<id>.yaml` (one fiche each), `roles.yaml`, `secteur.yaml`
and `glossaire.yaml`. `Catalog.open` checks the folder and its cache; the first read (or a
read after any change) goes through `scan`, which checks everything.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from iae_cli import cache
from iae_cli.errors import DataError, Problem
from iae_cli.model import Fiche, FicheSummary, GlossaryTerm, Role
from iae_cli.paths import GLOSSARY_FILE, ROLES_FILE, SECTOR_FILE, schema_dir
from iae_cli.scan import (
    Scan,
    check_folder,
    graph_of,
    list_fiche_files,
    load_checked,
    scan_folder,
    show_path,
)

if TYPE_CHECKING:  # the career graph is imported only by the commands that walk it
    from iae_cli.careers import CareerGraph


def _signature(data_dir: Path, fiche_files: list[tuple[str, os.stat_result | None]]) -> str | None:
    stats: list[tuple[str, os.stat_result]] = []
    for name, stat in fiche_files:
        if stat is None:
            return None
        stats.append((name, stat))
    for name in (ROLES_FILE, SECTOR_FILE, GLOSSARY_FILE):
        try:
            stats.append((name, (data_dir / name).stat()))
        except OSError:
            return None
    schemas = sorted(os.scandir(schema_dir()), key=lambda e: e.name)
    stamp = ",".join(f"{e.name}:{e.stat().st_size}:{e.stat().st_mtime_ns}" for e in schemas)
    return cache.signature(data_dir, stats, stamp)


def _titles(scan: Scan) -> dict[str, str]:
    return {fiche_id: json.loads(row)[1][0] for fiche_id, row in scan.summaries.items()}


class ListItems(NamedTuple):
    """Each fiche's item of `iae list --format json`, as compact JSON text, in list order, and
    how many fiches each level has. Cached as lines: a header with the counts, then one item per line."""

    levels: list[tuple[str, int]]
    items: list[str]

    @classmethod
    def of_scan(cls, scan: Scan) -> ListItems:
        order = scan.list_order()
        counts: dict[str, int] = {}
        for fiche_id in order:
            counts[scan.levels[fiche_id]] = counts.get(scan.levels[fiche_id], 0) + 1
        return cls(list(counts.items()), [scan.list_items[i] for i in order])

    @classmethod
    def from_lines(cls, header: dict[str, Any], body: bytes) -> ListItems | None:
        """The items from their cached lines (ASCII); None when they do not add up."""
        levels = header.get("levels")
        if not isinstance(levels, list) or not all(
            isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], str) and type(pair[1]) is int
            for pair in levels
        ):
            return None
        try:
            items = body.decode("ascii").split("\n")[:-1]
        except UnicodeDecodeError:
            return None
        if len(items) != sum(n for _level, n in levels):
            return None
        return cls([(level, n) for level, n in levels], items)

    def of_level(self, level: str | None) -> list[str]:
        if level is None:
            return self.items
        start = 0
        for name, count in self.levels:
            if name == level:
                return self.items[start : start + count]
            start += count
        return []


class SummaryTable(Mapping[str, FicheSummary]):
    """Fiche summaries by id, in list order; each is built from its cached row when first used."""

    def __init__(self, rows: list[list[Any]]) -> None:
        self._rows = rows
        self._built: list[FicheSummary | None] = [None] * len(rows)
        self._position: dict[str, int] | None = None

    def _index(self, fiche_id: object) -> int | None:
        if self._position is None:
            self._position = {row[0]: i for i, row in enumerate(self._rows)}
        return self._position.get(fiche_id) if isinstance(fiche_id, str) else None

    def __getitem__(self, fiche_id: str) -> FicheSummary:
        index = self._index(fiche_id)
        if index is None:
            raise KeyError(fiche_id)
        summary = self._built[index]
        if summary is None:
            summary = self._built[index] = FicheSummary.from_row(self._rows[index])
        return summary

    def __contains__(self, fiche_id: object) -> bool:
        return self._index(fiche_id) is not None

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[str]:
        return (row[0] for row in self._rows)

    def values(self) -> list[FicheSummary]:  # type: ignore[override]
        """All summaries in list order, built in one pass."""
        build, built = FicheSummary.from_row, self._built
        for index, summary in enumerate(built):
            if summary is None:
                built[index] = build(self._rows[index])
        return list(built)  # type: ignore[arg-type]  # every slot is filled above; a copy, not the table


class Catalog:
    """The validated data of one folder. File names, roles, summaries, the mobility graph and
    whole fiches are each read only when a command asks for them, from the cache when fresh."""

    def __init__(
        self,
        data_dir: Path,
        signature: str | None,
        scan: Scan | None = None,
        offsets: dict[str, list[int]] | None = None,
    ) -> None:
        self.data_dir = data_dir
        self._signature = signature
        self._scan = scan
        self._offsets = offsets
        self._index: dict[str, Any] | None = None
        self._list_items: ListItems | None = None
        self._summaries: SummaryTable | None = None
        self._titles: dict[str, str] | None = None

    @classmethod
    def open(cls, data_dir: Path) -> Catalog:
        """Check a folder and its cache; DataError when the data is unusable."""
        check_folder(data_dir)
        fiche_files = list_fiche_files(data_dir)
        signature = _signature(data_dir, fiche_files)
        if signature and cache.exists(data_dir, signature):
            return cls(data_dir, signature)
        return cls._fromscan(data_dir, fiche_files, signature)

    @classmethod
    def _fromscan(
        cls, data_dir: Path, fiche_files: list[tuple[str, os.stat_result | None]], signature: str | None
    ) -> Catalog:
        scan = scan_folder(data_dir, fiche_files)
        if scan.problems:
            raise DataError(scan.problems)
        offsets = None
        if signature:
            sections = {
                "summaries": "[" + ",".join(scan.summaries[i] for i in scan.list_order()) + "]",
                "graph": json.dumps(graph_of(scan).to_rows(), ensure_ascii=False),
                "titles": json.dumps(_titles(scan), ensure_ascii=False),
            }
            index = {"files": scan.files, "roles": scan.roles}
            items = ListItems.of_scan(scan)
            line_files = {"items": ({"levels": items.levels}, items.items)}
            offsets = cache.write(data_dir, signature, index, sections, scan.fiches, line_files)
        return cls(data_dir, signature, scan=scan, offsets=offsets)

    def _rescan(self) -> Scan:
        """The cache vanished or broke after it was checked: read the files again."""
        fresh = Catalog._fromscan(self.data_dir, list_fiche_files(self.data_dir), self._signature)
        assert fresh._scan is not None
        self._scan, self._offsets = fresh._scan, fresh._offsets
        return fresh._scan

    def _index_data(self) -> dict[str, Any]:
        if self._index is None:
            if self._scan is not None:
                self._index = {"files": self._scan.files, "roles": self._scan.roles, "offsets": self._offsets or {}}
            else:
                cached = cache.read_section(self.data_dir, "index", self._signature or "")
                if cached is None:
                    scan = self._rescan()
                    cached = {"files": scan.files, "roles": scan.roles, "offsets": self._offsets or {}}
                self._index = cached
        return self._index

    @property
    def files(self) -> dict[str, str]:
        """Fiche id -> file name, in file order."""
        files: dict[str, str] = self._index_data()["files"]
        return files

    @property
    def roles(self) -> dict[str, Role]:
        return {r["id"]: Role(r["id"], r["title"], r.get("note"), r["pages"]) for r in self._index_data()["roles"]}

    def _section(self, name: str) -> Any:
        """A cached section, or the same from a fresh read."""
        if self._scan is None and self._signature:
            data = cache.read_section(self.data_dir, name, self._signature)
            if data is not None:
                return data
        scan = self._scan if self._scan is not None else self._rescan()
        if name == "graph":
            return json.loads(json.dumps(graph_of(scan).to_rows()))
        if name == "summaries":
            return [json.loads(scan.summaries[i]) for i in scan.list_order()]
        return _titles(scan)

    def graph(self) -> CareerGraph:
        """The career graph over fiches and roles (merged edges come from the cache when fresh)."""
        from iae_cli.careers import CareerGraph

        return CareerGraph.from_rows([*self.files, *self.roles], self._section("graph"))

    @property
    def summaries(self) -> SummaryTable:
        """Fiche summaries by id, in list order (level, then id); each is built when first used."""
        if self._summaries is None:
            self._summaries = SummaryTable(self._section("summaries"))
        return self._summaries

    def list_items(self, level: str | None = None) -> list[str]:
        """Each fiche's item of `iae list --format json`, as compact JSON text, in list order: a
        list in JSON is then a concatenation of cached text, with no summary built or encoded."""
        if self._list_items is None:
            if self._scan is None and self._signature:
                cached = cache.read_lines(self.data_dir, "items", self._signature)
                self._list_items = ListItems.from_lines(*cached) if cached is not None else None
            if self._list_items is None:
                scan = self._scan if self._scan is not None else self._rescan()
                self._list_items = ListItems.of_scan(scan)
        return self._list_items.of_level(level)

    def fiche(self, fiche_id: str) -> Fiche:
        """The whole fiche: from the cache when it is fresh, else read and checked from its file."""
        if self._scan is not None and fiche_id in self._scan.fiches:
            return Fiche.build(json.loads(self._scan.fiches[fiche_id]))
        offsets = self._offsets if self._offsets is not None else self._index_data()["offsets"]
        if self._signature and fiche_id in offsets:
            offset, length = offsets[fiche_id]
            raw = cache.read_fiche(self.data_dir, self._signature, offset, length)
            if raw is not None and raw.get("id") == fiche_id:
                return Fiche.build(raw)
        name = self.files[fiche_id]
        problems: list[Problem] = []
        doc = load_checked(self.data_dir / name, show_path(self.data_dir, name), "fiche.schema.json", problems)
        if doc is None:
            raise DataError(problems)
        return Fiche.build(doc.value)

    def _document(self, file_name: str, schema: str) -> Any:
        problems: list[Problem] = []
        doc = load_checked(self.data_dir / file_name, show_path(self.data_dir, file_name), schema, problems)
        if doc is None:
            raise DataError(problems)
        return doc.value

    def sector(self) -> dict[str, Any]:
        """The sector data, as validated against secteur.schema.json."""
        data: dict[str, Any] = self._document(SECTOR_FILE, "secteur.schema.json")
        return data

    def glossary(self) -> tuple[GlossaryTerm, ...]:
        data = self._document(GLOSSARY_FILE, "glossaire.schema.json")
        return tuple(GlossaryTerm(t["term"], t["meaning"], t["in_study"]) for t in data["terms"])

    def title_of(self, node_id: str) -> str:
        """The title of a fiche or role, without building every summary."""
        if node_id in self.files:
            if self._summaries is not None:
                return self._summaries[node_id].title.masculine
            if self._titles is None:
                self._titles = self._section("titles")
            return self._titles[node_id]
        return self.roles[node_id].title

    def summary_of(self, fiche_id: str) -> FicheSummary:
        """One summary: from the loaded table, else from the fiche itself (one read, not all)."""
        if self._summaries is not None:
            return self._summaries[fiche_id]
        return self.fiche(fiche_id).summary
