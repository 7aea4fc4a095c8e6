"""Name resolution, and shell completion for every argument that has a closed set of values.

Completion runs on every TAB: it never parses YAML. Fiche ids come from file names, role ids
and glossary terms from a line scan of their files, the other sets are constants.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from iae_cli.errors import UnknownNameError
from iae_cli.paths import FICHES_DIR, ROLES_FILE, YAML_SUFFIXES

if TYPE_CHECKING:
    from iae_cli.catalog import Catalog

GLOSSARY_FILE = "glossaire.yaml"
_ROLE_ID = re.compile(r"^[\s-]*\{?\s*id:\s*[\"']?([\w-]+)", re.MULTILINE)
_TERM = re.compile(r"\bterm:\s*[\"']?([^,}\"'\n]+)")


def _labels(catalog: Catalog) -> Iterable[tuple[str, Iterable[str]]]:
    for f in catalog.summaries.values():
        yield f.id, (f.title.masculine, f.title.feminine, *f.aliases)
    for role in catalog.roles.values():
        yield role.id, (role.title,)


def resolve_role(catalog: Catalog, name: str) -> str:
    """The fiche or role `name` designates, the same for every command (show, path, compare…).

    A name that fits one fiche and some roles means the fiche (`charge` is chargé d'insertion).
    """
    from iae_cli.lookup import resolve

    ids = {**dict.fromkeys(catalog.files), **dict.fromkeys(catalog.roles)}
    try:
        return resolve(name, ids, _labels(catalog), "poste", preferred=catalog.files)
    except UnknownNameError as error:
        if error.list_helps:
            raise UnknownNameError(f"{error.message} (voir « iae show »)", close=error.close) from None
        raise


def _data_dir(ctx: Any) -> Path:
    from iae_cli.paths import resolve_data_dir

    data = ctx.find_root().params.get("data") if ctx is not None else None
    return resolve_data_dir(data)


def _starting_with(values: Iterable[str], incomplete: str) -> list[str]:
    from iae_cli.lookup import fold

    wanted = fold(incomplete) if incomplete else ""
    return [v for v in values if v.startswith(incomplete) or (wanted and v.startswith(wanted))]


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def fiche_ids(folder: Path) -> list[str]:
    try:
        names = os.listdir(folder / FICHES_DIR)
    except OSError:
        return []
    return sorted(n.rsplit(".", 1)[0] for n in names if n.endswith(YAML_SUFFIXES) and not n.startswith("."))


def role_ids(folder: Path) -> list[str]:
    return _ROLE_ID.findall(_read(folder / ROLES_FILE))


def complete_fiche_id(ctx: Any, incomplete: str) -> list[str]:
    """Fiche ids for the shell, from file names alone."""
    return _starting_with(fiche_ids(_data_dir(ctx)), incomplete)


def complete_post_id(ctx: Any, incomplete: str) -> list[str]:
    """Fiche and role ids, for `show` and `path`."""
    folder = _data_dir(ctx)
    return _starting_with([*fiche_ids(folder), *role_ids(folder)], incomplete)


def complete_term(ctx: Any, incomplete: str) -> list[str]:
    terms = [t.strip() for t in _TERM.findall(_read(_data_dir(ctx) / GLOSSARY_FILE))]
    return [t for t in terms if t.casefold().startswith(incomplete.casefold())]


def complete_level(incomplete: str) -> list[str]:
    from iae_cli.model import LEVEL_LABELS

    return _starting_with(LEVEL_LABELS, incomplete)


def complete_bac(incomplete: str) -> list[str]:
    return _starting_with(
        ["0", "2", "3", "5", "8", "bac", "bts", "dut", "licence", "but", "master", "doctorat"], incomplete
    )


def complete_command(incomplete: str) -> list[str]:
    from iae_cli.cli.app import COMMANDS

    return _starting_with(COMMANDS, incomplete)
