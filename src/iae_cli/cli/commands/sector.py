"""`iae sector [TOPIC]`: the sector overview, or one topic of it."""

from __future__ import annotations

import typer

from iae_cli.cli.app import state
from iae_cli.cli.options import check_format, format_option
from iae_cli.cli.output import emit_data, emit_document
from iae_cli.errors import UnknownNameError

FORMATS = ("table", "json")
EXAMPLES = (
    "iae sector",
    "iae sector structures",
    "iae sector chiffres --format json",
)

# French and English names of each topic -> (view topic, keys of secteur.yaml)
TOPICS: dict[str, tuple[str, tuple[str, ...]]] = {
    "structures": ("structures", ("structures", "legal_frame")),
    "reseaux": ("networks", ("networks_intro", "networks")),
    "chiffres": ("figures", ("figures", "sectors_of_activity", "typology", "references")),
    "histoire": ("history", ("context", "history")),
    "contrat": ("contract", ("contract",)),
    "finance": ("finance", ("finance_solidaire", "finance_solidaire_scope")),
    "specificites": ("traits", ("traits", "positive_exit")),
    "tendances": ("trends", ("trends", "policy_report")),
    "formation": ("training", ("training",)),
    "metiers-rse": ("roles", ("emerging_roles",)),
}
ALIASES = {
    "networks": "reseaux",
    "figures": "chiffres",
    "history": "histoire",
    "contract": "contrat",
    "cae": "contrat",
    "traits": "specificites",
    "trends": "tendances",
    "evolution": "tendances",
    "training": "formation",
    "formations": "formation",
    "roles": "metiers-rse",
    "rse": "metiers-rse",
    "finance-solidaire": "finance",
    "microcredit": "finance",
    "reseau": "reseaux",
}


def _complete_topic(incomplete: str) -> list[str]:
    return [t for t in TOPICS if t.startswith(incomplete.lower())]


def run(
    ctx: typer.Context,
    topic: str | None = typer.Argument(
        None,
        help=f"Un thème : {', '.join(TOPICS)}.",
        metavar="[THÈME]",
        show_default=False,
        autocompletion=_complete_topic,
    ),
    fmt: str = format_option(*FORMATS),
) -> None:
    fmt = check_format(fmt, *FORMATS)
    chosen = _topic(topic) if topic is not None else None
    catalog = state(ctx).catalog()
    sector, later = catalog.sector(), catalog.later()
    if fmt == "json":
        from iae_cli.render import data

        views = (TOPICS[chosen][0],) if chosen else tuple(view for view, _keys in TOPICS.values())
        emit_data(data.sector(sector, TOPICS[chosen][1] if chosen else None, later, views), fmt)
        return
    from iae_cli.render.sector_views import sector_view

    emit_document(sector_view(sector, TOPICS[chosen][0] if chosen else None, later))


def _topic(name: str) -> str:
    from iae_cli.lookup import fold

    key = fold(name)
    key = ALIASES.get(key, key)
    if key in TOPICS:
        return key
    starts = [t for t in TOPICS if key and t.startswith(key)]
    if len(starts) == 1:
        return starts[0]
    raise UnknownNameError(f"thème « {name[:40]} » inconnu ; thèmes possibles : {', '.join(TOPICS)}")
