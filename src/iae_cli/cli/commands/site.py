"""`iae site DOSSIER`: the whole data as a static site that opens offline from file://."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from iae_cli.cli.app import state
from iae_cli.errors import UsageError
from iae_cli.model import GlossaryTerm

EXAMPLES = (
    "iae site site-iae",
    "iae site site-iae --force",
)


def run(
    ctx: typer.Context,
    folder: str | None = typer.Argument(
        None, help="Dossier où écrire le site. Obligatoire.", metavar="DOSSIER", show_default=False
    ),
    force: bool = typer.Option(
        False, "--force", help="Écrire dans un dossier qui n'est pas vide (ses autres fichiers sont laissés en place)."
    ),
) -> None:
    from iae_cli.render.site import SiteData, site_pages

    if folder is None:
        raise UsageError("argument manquant : DOSSIER (aide : iae site --help)")
    target = Path(folder)
    _check_target(target, folder, force)
    from iae_cli.lookup import fold

    catalog = state(ctx).catalog()
    fiches = [catalog.fiche(fiche_id) for fiche_id in catalog.summaries]
    later, prices, terms = catalog.later(), catalog.prices(), catalog.glossary()
    later_terms: tuple[GlossaryTerm, ...] = ()
    if later is not None:  # as `iae glossary` shows them: the study's terms, then the later ones
        later_terms = later.glossary_terms((t.term for t in terms), fold)
    pay = {f.id: f.summary.salary for f in fiches}
    data = SiteData(
        fiches,
        catalog.roles,
        catalog.graph(),
        catalog.sector(),
        terms + later_terms,
        later,
        prices,
        {i: prices.convert(s.min_keur, s.max_keur, prices.latest, s.year) for i, s in pay.items()} if prices else {},
        {t.term: later.for_term(fold(t.term), fold) for t in terms + later_terms} if later is not None else None,
        frozenset(t.term for t in later_terms),
    )
    pages = site_pages(data)
    try:
        target.mkdir(parents=True, exist_ok=True)
        for name, text in pages.items():
            _write(target / name, text)
    except OSError as error:
        raise UsageError(f"impossible d'écrire le site dans « {folder} » : {error.strerror or error}") from None
    typer.echo(f"{len(pages)} pages écrites dans {target} ; ouvrir {target / 'index.html'}")


def _check_target(target: Path, folder: str, force: bool) -> None:
    if not folder.strip():
        raise UsageError("DOSSIER attend un chemin de dossier ; reçu : une chaîne vide")
    if target.exists() and not target.is_dir():
        raise UsageError(f"« {folder} » existe et n'est pas un dossier")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise UsageError(
            f"le dossier « {folder} » n'est pas vide ; --force pour y écrire quand même (rien n'est effacé)"
        )


def _write(path: Path, text: str) -> None:
    """Write through a temporary file renamed into place: a symbolic link already at `path` is
    replaced, never followed, so nothing outside the folder is ever written."""
    temporary = path.with_name(f".{path.name}.tmp")
    with open(temporary, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)
    os.replace(temporary, path)
