"""Name resolution and shell completion for commands that take a role."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from iae_cli.errors import UnknownNameError
from iae_cli.paths import FICHES_DIR, YAML_SUFFIXES

if TYPE_CHECKING:
    from iae_cli.catalog import Catalog


def _labels(catalog: Catalog, with_roles: bool) -> Iterable[tuple[str, Iterable[str]]]:
    for f in catalog.summaries.values():
        yield f.id, (f.title.masculine, f.title.feminine, *f.aliases)
    if with_roles:
        for role in catalog.roles.values():
            yield role.id, (role.title,)


def _resolve(name: str, ids: Mapping[str, object], labels: Iterable[tuple[str, Iterable[str]]], what: str) -> str:
    from iae_cli.lookup import resolve

    try:
        return resolve(name, ids, labels, what)
    except UnknownNameError as error:
        if error.list_helps:
            raise UnknownNameError(f"{error.message} (voir « iae list »)") from None
        raise


def resolve_fiche(catalog: Catalog, name: str) -> str:
    return _resolve(name, catalog.files, _labels(catalog, False), "métier")


def resolve_role(catalog: Catalog, name: str) -> str:
    ids = {**dict.fromkeys(catalog.files), **dict.fromkeys(catalog.roles)}
    return _resolve(name, ids, _labels(catalog, True), "poste")


def complete_fiche_id(ctx: Any, incomplete: str) -> list[str]:
    """Fiche ids for the shell, from file names alone: no YAML is parsed on TAB."""
    from iae_cli.lookup import fold
    from iae_cli.paths import resolve_data_dir

    data = ctx.find_root().params.get("data") if ctx is not None else None
    folder = resolve_data_dir(data) / FICHES_DIR
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    wanted = fold(incomplete) if incomplete else ""
    ids = sorted(n.rsplit(".", 1)[0] for n in names if n.endswith(YAML_SUFFIXES) and not n.startswith("."))
    return [i for i in ids if i.startswith(incomplete) or (wanted and i.startswith(wanted))]
