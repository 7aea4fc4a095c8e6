"""Find, read, validate and index a data folder.

A data folder holds `metiers/<id>.yaml` (one fiche each), `roles.yaml`, `secteur.yaml`
and `glossaire.yaml`. `validate_folder` reads everything and returns every problem it
finds; `Catalog.open` answers from the cached index when the files have not changed.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from iae_cli import cache
from iae_cli.errors import DataError, Problem
from iae_cli.model import LEVEL_ORDER, SUMMARY_KEYS, Fiche, FicheSummary, GlossaryTerm, Role
from iae_cli.paths import FICHES_DIR, GLOSSARY_FILE, ROLES_FILE, SECTOR_FILE, YAML_SUFFIXES, schema_dir

if TYPE_CHECKING:  # the YAML reader and the validator are imported only when files must be read
    from iae_cli.yamlsafe import LoadedYaml

_OS_ERRORS_FR = {
    errno.ENOENT: "introuvable",
    errno.EACCES: "accès refusé (permissions)",
    errno.ELOOP: "boucle de liens symboliques",
    errno.ENOTDIR: "n'est pas un dossier",
}


def _os_problem(display: str, exc: OSError) -> Problem:
    reason = _OS_ERRORS_FR.get(exc.errno or 0, exc.strerror or str(exc))
    return Problem(display, None, reason)


def _show(data_dir: Path, *parts: str) -> str:
    return str(data_dir.joinpath(*parts))


def _check_folder(data_dir: Path) -> None:
    """Fail early, with one sentence, when the folder itself is unusable."""
    try:
        os.stat(data_dir)
    except OSError as exc:
        raise DataError(
            [Problem(str(data_dir), None, f"dossier de données {_OS_ERRORS_FR.get(exc.errno or 0, 'illisible')}")]
        ) from None
    if not data_dir.is_dir():
        raise DataError([Problem(str(data_dir), None, "n'est pas un dossier de données")])
    if not (data_dir / FICHES_DIR).is_dir():
        raise DataError(
            [Problem(_show(data_dir, FICHES_DIR), None, "dossier des fiches introuvable (attendu : metiers/<id>.yaml)")]
        )


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


def _schema_stamp() -> str:
    parts = []
    for name in sorted(os.listdir(schema_dir())):
        stat = (schema_dir() / name).stat()
        parts.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return ",".join(parts)


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
    return cache.signature(data_dir, stats, _schema_stamp())


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
            line = doc.line_of((key, high))
            out.append(
                Problem(display, line, f"champ « {key}.{high} » : {what} maximum inférieur au minimum ({section[low]})")
            )
    for index, offer in enumerate(raw["offers"]):
        pay = offer["salary"]
        if pay and pay["max_keur"] < pay["min_keur"]:
            line = doc.line_of(("offers", index, "salary", "max_keur"))
            out.append(
                Problem(
                    display,
                    line,
                    f"champ « offers[{index}].salary.max_keur » : inférieur au minimum ({pay['min_keur']})",
                )
            )
    return out


class _Scan:
    """Everything a full read of a folder produced."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.summaries: list[dict[str, Any]] = []
        self.files: dict[str, str] = {}
        self.roles: list[dict[str, Any]] = []
        self.fiches: dict[str, str] = {}  # id -> validated fiche as JSON text, for the cache


def _scan(data_dir: Path, fiche_files: list[tuple[str, os.stat_result | None]]) -> _Scan:
    import json

    from iae_cli.schema import field_name

    scan = _Scan()
    problems = scan.problems
    seen: dict[str, str] = {}  # id -> "file:line" where it was first defined
    references: list[tuple[str, str, int | None, str]] = []  # (id, file, line, field)

    for name, _stat in fiche_files:
        display = _show(data_dir, name)
        path = data_dir / name
        doc = _load_checked(path, display, "fiche.schema.json", problems)
        if doc is None:
            # Known by its file name, so that links to a broken fiche are not reported twice.
            seen.setdefault(Path(name).stem, display)
            continue
        raw = doc.value
        fiche_id = raw["id"]
        stem = Path(name).stem
        where = f"{display}:{doc.line_of(('id',))}"
        if fiche_id != stem:
            problems.append(
                Problem(display, doc.line_of(("id",)), f"l'id « {fiche_id} » doit être le nom du fichier (« {stem} »)")
            )
        if fiche_id in seen:
            problems.append(
                Problem(display, doc.line_of(("id",)), f"id « {fiche_id} » déjà défini dans {seen[fiche_id]}")
            )
            continue
        seen[fiche_id] = where
        problems.extend(_check_ranges(doc, display))
        for direction in ("previous", "next"):
            for index, link in enumerate(raw["mobility"][direction]):
                if link["id"] is not None:
                    loc = ("mobility", direction, index, "id")
                    references.append((link["id"], display, doc.line_of(loc), field_name(loc)))
        scan.summaries.append({key: raw[key] for key in SUMMARY_KEYS if key in raw})
        scan.files[fiche_id] = name
        scan.fiches[fiche_id] = json.dumps(raw, ensure_ascii=False)

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
            problems.append(
                Problem(
                    display,
                    line,
                    f"champ « {where} » : « {ref} » n'est ni une fiche de {FICHES_DIR}/ ni un rôle de {ROLES_FILE}",
                )
            )

    sector_doc = _load_checked(data_dir / SECTOR_FILE, _show(data_dir, SECTOR_FILE), "secteur.schema.json", problems)
    if sector_doc is not None:
        for topic in ("structures", "networks", "training"):
            _check_unique(sector_doc, _show(data_dir, SECTOR_FILE), topic, "id", problems)
    glossary_doc = _load_checked(
        data_dir / GLOSSARY_FILE, _show(data_dir, GLOSSARY_FILE), "glossaire.schema.json", problems
    )
    if glossary_doc is not None:
        _check_unique(glossary_doc, _show(data_dir, GLOSSARY_FILE), "terms", "term", problems)
    if not scan.summaries and not problems:
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


def _level_rank(summary: FicheSummary) -> tuple[int, str]:
    return (LEVEL_ORDER.index(summary.level), summary.id)


class Catalog:
    """The validated data of one folder: fiche summaries and roles in memory, the rest on demand."""

    def __init__(
        self,
        data_dir: Path,
        summaries: dict[str, FicheSummary],
        roles: dict[str, Role],
        files: dict[str, str],
        cached: tuple[str, dict[str, list[int]]] | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.summaries = summaries
        self.roles = roles
        self.files = files
        self._cached = cached  # (signature, offsets of each fiche in the cache blob)

    @classmethod
    def open(cls, data_dir: Path) -> Catalog:
        """Read a folder (through the cache when it is fresh); DataError when it is unusable."""
        _check_folder(data_dir)
        fiche_files = _fiche_files(data_dir)
        stamp = _signature(data_dir, fiche_files)
        payload = cache.read_index(data_dir, stamp) if stamp else None
        if payload is None:
            scan = _scan(data_dir, fiche_files)
            if scan.problems:
                raise DataError(scan.problems)
            payload = {"signature": stamp, "summaries": scan.summaries, "roles": scan.roles, "files": scan.files}
            if stamp and cache.write(data_dir, payload, scan.fiches):
                payload = cache.read_index(data_dir, stamp) or payload
        summaries = sorted((FicheSummary.build(raw) for raw in payload["summaries"]), key=_level_rank)
        roles = {raw["id"]: Role(raw["id"], raw["title"], raw.get("note"), raw["pages"]) for raw in payload["roles"]}
        cached = (stamp, payload["offsets"]) if stamp and "offsets" in payload else None
        return cls(data_dir, {s.id: s for s in summaries}, roles, dict(payload["files"]), cached)

    def fiche(self, fiche_id: str) -> Fiche:
        """The whole fiche: from the cache when it is fresh, else read and checked from its file."""
        if self._cached is not None and fiche_id in self._cached[1]:
            offset, length = self._cached[1][fiche_id]
            raw = cache.read_fiche(self.data_dir, self._cached[0], offset, length)
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
        if node_id in self.summaries:
            return self.summaries[node_id].title.masculine
        return self.roles[node_id].title
