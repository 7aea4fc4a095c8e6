"""`iae compare A B`: two posts side by side, and the way from the first to the second."""

from __future__ import annotations

import typer

from iae_cli.cli.app import state
from iae_cli.cli.handout import HANDOUT_FORMATS, details_option, emit_handout
from iae_cli.cli.names import complete_post_id, resolve_role
from iae_cli.cli.options import check_format, format_option, require_argument
from iae_cli.cli.output import emit_data, emit_document

EXAMPLES = (
    "iae compare charge-insertion directeur-entreprise-insertion",
    'iae compare travailleur-social "chargée d\'insertion"',
    "iae compare responsable-site-insertion directeur-reseau-insertion -f markdown > fiche.md",
)
FORMATS = ("table", "json", "markdown", "html")


def run(
    ctx: typer.Context,
    first: str | None = typer.Argument(
        None,
        help="Le poste d'où l'on part (fiche ou poste cité dans les parcours). Obligatoire.",
        metavar="A",
        show_default=False,
        autocompletion=complete_post_id,
    ),
    second: str | None = typer.Argument(
        None, help="Le poste visé. Obligatoire.", metavar="B", show_default=False, autocompletion=complete_post_id
    ),
    fmt: str = format_option(*FORMATS),
    details: bool = details_option(),
) -> None:
    from iae_cli.compare import compare, post_of
    from iae_cli.money import Euros

    fmt = check_format(fmt, *FORMATS)
    names = (require_argument(first, "A", "compare"), require_argument(second, "B", "compare"))
    catalog = state(ctx).catalog()
    posts = []
    for name in names:
        post_id = resolve_role(catalog, name)
        if post_id in catalog.files:
            posts.append(post_of(fiche=catalog.fiche(post_id)))
        else:
            posts.append(post_of(role=catalog.roles[post_id]))
    if posts[0].id == posts[1].id:
        from iae_cli.errors import UsageError

        same = (
            f"« {names[0]} » donné deux fois"
            if names[0] == names[1]
            else (f"« {names[0]} » et « {names[1]} » désignent le même poste ({posts[0].id})")
        )
        raise UsageError(f"compare : {same} ; donnez deux postes différents à comparer")
    graph = catalog.graph()
    result = compare(posts[0], posts[1], graph)
    prices = catalog.prices()
    euros = Euros(prices, prices.latest) if prices is not None else None
    if fmt == "json":
        from iae_cli.render import data

        emit_data(data.comparison(result, graph, euros), fmt)
        return
    from iae_cli.render.compare_views import compare_pages, compare_view

    if fmt in HANDOUT_FORMATS:  # a document to hand over, with the 2008 line, acronyms and sources
        view = compare_view(result, graph, catalog.title_of, euros, details)
        emit_handout(catalog, view, compare_pages(result, graph), fmt)
        return
    emit_document(compare_view(result, graph, catalog.title_of, euros))
