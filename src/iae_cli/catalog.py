"""Find, read, validate and index a data folder.

A data folder holds `metiers/<id>.yaml` (one fiche each), `roles.yaml`, `secteur.yaml`
and `glossaire.yaml`. `validate_folder` reads everything and returns every problem it
finds; `Catalog.open` answers from the cache when the files have not changed, and reads
(on both cores for large folders) and checks everything when they have.
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from iae_cli import cache
from iae_cli.careers import CareerGraph
from iae_cli.errors import DataError, Problem
from iae_cli.model import LEVEL_ORDER, Fiche, FicheSummary, GlossaryTerm, Mobility, Role, mobility_from_row
from iae_cli.paths import FICHES_DIR, GLOSSARY_FILE, ROLES_FILE, SECTOR_FILE, YAML_SUFFIXES, schema_dir

if TYPE_CHECKING:  # the YAML reader and the validator are imported only when files must be read
    from iae_cli.yamlsafe import LoadedYaml

PARALLEL_FROM = 200  # fiche files; below this, starting worker processes costs more than it saves

_OS_ERRORS_FR = {
    errno.ENOENT: "introuvable",
    errno.EACCES: "accès refusé (permissions)",
    errno.ELOOP: "boucle de liens symboliques",
    errno.ENOTDIR: "n'est pas un dossier",
}


def _show(data_dir: Path, *parts: str) -> str:
    return str(data_dir.joinpath(*parts))


def _check_folder(data_dir: Path) -> None:
    """Fail early, with one sentence, when the folder itself is unusable."""
    try:
        os.stat(data_dir)
    except OSError as exc:
        reason = _OS_ERRORS_FR.get(exc.errno or 0, "illisible")
        raise DataError([Problem(str(data_dir), None, f"dossier de données {reason}")]) from None
    if not data_dir.is_dir():
        raise DataError([Problem(str(data_dir), None, "n'est pas un dossier de données")])
    if not (data_dir / FICHES_DIR).is_dir():
        message = "dossier des fiches introuvable (attendu : metiers/<id>.yaml)"
        raise DataError([Problem(_show(data_dir, FICHES_DIR), None, message)])


def _fiche_files(data_dir: Path) -> list[tuple[str, os.stat_result | None]]:
    """(relative name, stat or None when it cannot be stat'ed) of every fiche file, sorted."""
    found: list[tuple[str, os.stat_result | None]] = []
    with os.scandir(data_dir / FICHES_DIR) as entries:
        for entry in entries:
            if entry.name.endswith(YAML_SUFFIXES) and not entry.name.startswith("."):
                try:
                    stat: os.stat_result | None = entry.stat()
                except OSError:
                    stat = None
                found.append((f"{FICHES_DIR}/{entry.name}", stat))
    found.sort()
    return found


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


def _load_checked(path: Path, display: str, schema: str, problems: list[Problem]) -> LoadedYaml | None:
    from iae_cli.schema import validate
    from iae_cli.yamlsafe import YamlProblem, load_yaml

    try:
        doc = load_yaml(path, display)
    except YamlProblem as exc:
        problems.append(exc.problem)
        return None
    found = validate(doc, display, schema)
    problems.extend(found)
    return None if found else doc


def _check_ranges(doc: LoadedYaml, display: str) -> list[Problem]:
    raw = doc.value
    out: list[Problem] = []
    for key, low, high, what in (
        ("salary", "min_keur", "max_keur", "salaire"),
        ("diploma", "min_bac", "max_bac", "diplôme"),
        ("experience", "min_years", "max_years", "expérience"),
    ):
        section = raw[key]
        if section.get(high) is not None and section[high] < section[low]:
            message = f"champ « {key}.{high} » : {what} maximum inférieur au minimum ({section[low]})"
            out.append(Problem(display, doc.line_of((key, high)), message))
    for index, offer in enumerate(raw["offers"]):
        pay = offer["salary"]
        if pay and pay["max_keur"] < pay["min_keur"]:
            message = f"champ « offers[{index}].salary.max_keur » : inférieur au minimum ({pay['min_keur']})"
            out.append(Problem(display, doc.line_of(("offers", index, "salary", "max_keur")), message))
    return out


class _FicheRead(NamedTuple):
    """One fiche file, read and checked on its own (possibly in a worker process)."""

    name: str
    problems: list[Problem]
    fiche_id: str | None = None
    id_line: int | None = None
    summary_row: str = ""  # JSON array of the FicheSummary
    mobility_row: str = ""  # JSON array of its Mobility
    fiche_json: str = ""  # the validated fiche, for the cache blob
    references: tuple[tuple[str, int | None, str], ...] = ()  # (id, line, field)


def _read_fiche(data_dir: Path, name: str) -> _FicheRead:
    from iae_cli.schema import field_name

    display = _show(data_dir, name)
    problems: list[Problem] = []
    doc = _load_checked(data_dir / name, display, "fiche.schema.json", problems)
    if doc is None:
        return _FicheRead(name, problems)
    raw = doc.value
    problems += _check_ranges(doc, display)
    references = []
    for direction in ("previous", "next"):
        for index, link in enumerate(raw["mobility"][direction]):
            if link["id"] is not None:
                loc = ("mobility", direction, index, "id")
                references.append((link["id"], doc.line_of(loc), field_name(loc)))
    return _FicheRead(
        name,
        problems,
        raw["id"],
        doc.line_of(("id",)),
        json.dumps(FicheSummary.build(raw), ensure_ascii=False),
        json.dumps(Mobility.build(raw["mobility"]), ensure_ascii=False),
        json.dumps(raw, ensure_ascii=False),
        tuple(references),
    )


def _read_chunk(data_dir: Path, names: list[str]) -> list[_FicheRead]:
    return [_read_fiche(data_dir, name) for name in names]


def _read_all(data_dir: Path, names: list[str]) -> list[_FicheRead]:
    """Every fiche file, on all cores when there are many."""
    workers = min(os.cpu_count() or 1, 8)
    if len(names) < PARALLEL_FROM or workers < 2:
        return _read_chunk(data_dir, names)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    size = -(-len(names) // (workers * 4))
    chunks = [names[i : i + size] for i in range(0, len(names), size)]
    try:
        context = multiprocessing.get_context("fork")
    except ValueError:  # no fork on this platform: read in this process
        return _read_chunk(data_dir, names)
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        parts = pool.map(_read_chunk, [data_dir] * len(chunks), chunks)
        return [read for part in parts for read in part]


def _graph_of(scan: _Scan) -> CareerGraph:
    mobility = {k: mobility_from_row(json.loads(v)) for k, v in scan.mobility.items()}
    return CareerGraph.build(scan.files, mobility, [r["id"] for r in scan.roles])


class _Scan:
    """Everything a full read of a folder produced."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.files: dict[str, str] = {}  # id -> file name
        self.summaries: dict[str, str] = {}  # id -> JSON array of its FicheSummary
        self.mobility: dict[str, str] = {}  # id -> JSON array
        self.fiches: dict[str, str] = {}  # id -> validated fiche as JSON text
        self.roles: list[dict[str, Any]] = []


def _scan(data_dir: Path, fiche_files: list[tuple[str, os.stat_result | None]]) -> _Scan:
    scan = _Scan()
    problems = scan.problems
    seen: dict[str, str] = {}  # id -> "file:line" where it was first defined
    references: list[tuple[str, str, int | None, str]] = []  # (id, file, line, field)

    for read in _read_all(data_dir, [name for name, _stat in fiche_files]):
        display = _show(data_dir, read.name)
        problems.extend(read.problems)
        stem = Path(read.name).stem
        if read.fiche_id is None:
            seen.setdefault(stem, display)  # known by its file name: links to a broken fiche are not errors too
            continue
        fiche_id = read.fiche_id
        if fiche_id != stem:
            problems.append(
                Problem(display, read.id_line, f"l'id « {fiche_id} » doit être le nom du fichier (« {stem} »)")
            )
        if fiche_id in seen:
            problems.append(Problem(display, read.id_line, f"id « {fiche_id} » déjà défini dans {seen[fiche_id]}"))
            continue
        seen[fiche_id] = f"{display}:{read.id_line}"
        references += [(ref, display, line, where) for ref, line, where in read.references]
        scan.files[fiche_id] = read.name
        scan.summaries[fiche_id] = read.summary_row
        scan.mobility[fiche_id] = read.mobility_row
        scan.fiches[fiche_id] = read.fiche_json

    roles_display = _show(data_dir, ROLES_FILE)
    roles_doc = _load_checked(data_dir / ROLES_FILE, roles_display, "roles.schema.json", problems)
    if roles_doc is not None:
        for index, role in enumerate(roles_doc.value["roles"]):
            line = roles_doc.line_of(("roles", index, "id"))
            if role["id"] in seen:
                problems.append(
                    Problem(roles_display, line, f"id « {role['id']} » déjà défini dans {seen[role['id']]}")
                )
                continue
            seen[role["id"]] = f"{roles_display}:{line}"
            scan.roles.append(role)

    for ref, display, line, where in references:
        if ref not in seen:
            message = f"champ « {where} » : « {ref} » n'est ni une fiche de {FICHES_DIR}/ ni un rôle de {ROLES_FILE}"
            problems.append(Problem(display, line, message))

    sector_display = _show(data_dir, SECTOR_FILE)
    sector_doc = _load_checked(data_dir / SECTOR_FILE, sector_display, "secteur.schema.json", problems)
    if sector_doc is not None:
        for topic in ("structures", "networks", "training"):
            _check_unique(sector_doc, sector_display, topic, "id", problems)
    glossary_display = _show(data_dir, GLOSSARY_FILE)
    glossary_doc = _load_checked(data_dir / GLOSSARY_FILE, glossary_display, "glossaire.schema.json", problems)
    if glossary_doc is not None:
        _check_unique(glossary_doc, glossary_display, "terms", "term", problems)
    if not scan.files and not problems:
        problems.append(Problem(_show(data_dir, FICHES_DIR), None, "aucune fiche (attendu : des fichiers <id>.yaml)"))
    return scan


def _check_unique(doc: LoadedYaml, display: str, topic: str, key: str, problems: list[Problem]) -> None:
    first: dict[str, int | None] = {}
    for index, item in enumerate(doc.value[topic]):
        value = item[key]
        line = doc.line_of((topic, index, key))
        if value in first:
            problems.append(
                Problem(display, line, f"« {value} » figure deux fois dans {topic} (déjà ligne {first[value]})")
            )
        first[value] = line


def validate_folder(data_dir: Path) -> list[Problem]:
    """Every problem of a data folder, in one run (empty when the folder is clean)."""
    try:
        _check_folder(data_dir)
    except DataError as exc:
        return exc.problems
    return _scan(data_dir, _fiche_files(data_dir)).problems


class SummaryTable(Mapping[str, FicheSummary]):
    """Fiche summaries by id, built from their cached rows only when used; iterates in level order."""

    def __init__(self, rows: dict[str, list[Any]]) -> None:
        self._rows = rows
        self._built: dict[str, FicheSummary] = {}
        self._order: list[str] | None = None

    def __getitem__(self, fiche_id: str) -> FicheSummary:
        summary = self._built.get(fiche_id)
        if summary is None:
            summary = self._built[fiche_id] = FicheSummary.from_row(self._rows[fiche_id])
        return summary

    def __contains__(self, fiche_id: object) -> bool:
        return fiche_id in self._rows

    def __len__(self) -> int:
        return len(self._rows)

    def values(self) -> list[FicheSummary]:  # type: ignore[override]
        """All summaries in level order, built in one pass."""
        build, built = FicheSummary.from_row, self._built
        out = []
        for fiche_id in self:
            summary = built.get(fiche_id)
            if summary is None:
                summary = built[fiche_id] = build(self._rows[fiche_id])
            out.append(summary)
        return out

    def __iter__(self) -> Iterator[str]:
        if self._order is None:
            rank = {level: i for i, level in enumerate(LEVEL_ORDER)}
            self._order = sorted(self._rows, key=lambda i: (rank.get(self._rows[i][3], 9), i))
        return iter(self._order)


class Catalog:
    """The validated data of one folder. File names, roles, summaries, the mobility graph and
    whole fiches are each read only when a command asks for them, from the cache when fresh."""

    def __init__(
        self,
        data_dir: Path,
        signature: str | None,
        scan: _Scan | None = None,
        offsets: dict[str, list[int]] | None = None,
    ) -> None:
        self.data_dir = data_dir
        self._signature = signature
        self._scan = scan
        self._offsets = offsets
        self._index: dict[str, Any] | None = None
        self._summaries: SummaryTable | None = None
        self._mobility: dict[str, Mobility] | None = None

    @classmethod
    def open(cls, data_dir: Path) -> Catalog:
        """Check a folder and its cache; DataError when the data is unusable."""
        _check_folder(data_dir)
        fiche_files = _fiche_files(data_dir)
        signature = _signature(data_dir, fiche_files)
        if signature and cache.exists(data_dir, signature):
            return cls(data_dir, signature)
        return cls._from_scan(data_dir, fiche_files, signature)

    @classmethod
    def _from_scan(
        cls, data_dir: Path, fiche_files: list[tuple[str, os.stat_result | None]], signature: str | None
    ) -> Catalog:
        scan = _scan(data_dir, fiche_files)
        if scan.problems:
            raise DataError(scan.problems)
        offsets = None
        if signature:
            sections = {
                "summaries": "{" + ",".join(f"{json.dumps(k)}:{v}" for k, v in scan.summaries.items()) + "}",
                "mobility": "{" + ",".join(f"{json.dumps(k)}:{v}" for k, v in scan.mobility.items()) + "}",
                "graph": json.dumps(_graph_of(scan).to_rows(), ensure_ascii=False),
            }
            index = {"files": scan.files, "roles": scan.roles}
            offsets = cache.write(data_dir, signature, index, sections, scan.fiches)
        return cls(data_dir, signature, scan=scan, offsets=offsets)

    def _rescan(self) -> _Scan:
        """The cache vanished or broke after it was checked: read the files again."""
        fresh = Catalog._from_scan(self.data_dir, _fiche_files(self.data_dir), self._signature)
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
            return json.loads(json.dumps(_graph_of(scan).to_rows()))
        rows = scan.summaries if name == "summaries" else scan.mobility
        return {k: json.loads(v) for k, v in rows.items()}

    def graph(self) -> CareerGraph:
        """The career graph over fiches and roles (merged edges come from the cache when fresh)."""
        return CareerGraph.from_rows([*self.files, *self.roles], self._section("graph"))

    @property
    def summaries(self) -> SummaryTable:
        """Fiche summaries by id, in level order; each is built when first used."""
        if self._summaries is None:
            self._summaries = SummaryTable(self._section("summaries"))
        return self._summaries

    def mobility(self) -> dict[str, Mobility]:
        """Each fiche's p-1 / p+1 lists, by id."""
        if self._mobility is None:
            self._mobility = {k: mobility_from_row(v) for k, v in self._section("mobility").items()}
        return self._mobility

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
        doc = _load_checked(self.data_dir / name, _show(self.data_dir, name), "fiche.schema.json", problems)
        if doc is None:
            raise DataError(problems)
        return Fiche.build(doc.value)

    def _document(self, file_name: str, schema: str) -> Any:
        problems: list[Problem] = []
        doc = _load_checked(self.data_dir / file_name, _show(self.data_dir, file_name), schema, problems)
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
        if node_id in self.files:
            return self.summaries[node_id].title.masculine
        return self.roles[node_id].title
