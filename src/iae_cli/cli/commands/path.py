"""`iae path FROM [TO]`: the shortest career route, or the map of where FROM leads."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from iae_cli.cli.app import state
from iae_cli.cli.handout import HANDOUT_FORMATS, details_option, emit_handout
from iae_cli.cli.names import complete_post_id, resolve_role
from iae_cli.cli.options import (
    bac_option,
    check_format,
    euros_for,
    euros_option,
    format_option,
    parse_bac,
    parse_count,
    parse_years,
    years_option,
)
from iae_cli.cli.output import emit_data, emit_document
from iae_cli.errors import NoResultError, UsageError

if TYPE_CHECKING:
    from iae_cli.careers import CareerGraph, Route
    from iae_cli.catalog import Catalog

ALL_ROUTES_SHOWN = 50
FORMATS = ("table", "json", "mermaid", "markdown", "html", "svg")
EXAMPLES = (
    "iae path charge-insertion directeur-reseau-insertion",
    "iae path charge-insertion directeur-reseau-insertion --bac 3 --years 2",
    "iae path travailleur-social",
)


def run(
    ctx: typer.Context,
    source: str | None = typer.Argument(
        None,
        help="Poste de départ : un métier ou un autre poste cité par l'étude (voir « iae show »). Obligatoire.",
        metavar="DÉPART",
        show_default=False,
        autocompletion=complete_post_id,
    ),
    target: str | None = typer.Argument(
        None,
        help="Poste visé ; sans lui, la carte de tout ce qui est atteignable.",
        metavar="[ARRIVÉE]",
        show_default=False,
        autocompletion=complete_post_id,
    ),
    stated_only: bool = typer.Option(
        False, "--stated-only", help="N'utiliser que les passages cités par l'étude (pas ceux déduits)."
    ),
    all_routes: bool = typer.Option(False, "--all", help="Montrer tous les parcours les plus courts."),
    max_routes: str | None = typer.Option(
        None, "--max", help="Montrer les N meilleurs parcours.", metavar="N", show_default=False
    ),
    bac: str | None = bac_option(required=False),
    years: str | None = years_option(required=False),
    euros: str | None = euros_option(),
    fmt: str = format_option(*FORMATS),
    details: bool = details_option(),
) -> None:
    from iae_cli.match import Profile

    fmt = check_format(fmt, *FORMATS)
    if source is None:
        raise UsageError("argument manquant : DÉPART (aide : iae path --help)")
    count = parse_count(max_routes, "--max")
    level, experience = parse_bac(bac), parse_years(years)
    if (level is None) != (experience is None):
        raise UsageError("--bac et --years vont ensemble : donnez les deux")
    profile = Profile(level, experience) if level is not None and experience is not None else None
    catalog = state(ctx).catalog()
    conversion = euros_for(catalog, euros)
    start = resolve_role(catalog, source)
    graph = catalog.graph()
    if target is None:
        _career_map(graph, catalog, start, stated_only, fmt, details)
        return
    goal = resolve_role(catalog, target)
    routes, left_out = _routes(graph, start, goal, stated_only, all_routes, count)
    if fmt == "json":
        from iae_cli.render import data

        emit_data(data.routes(start, goal, graph, routes, all_routes or bool(count), left_out), fmt)
    if not routes:
        raise NoResultError(_no_route(graph, start, goal, stated_only))
    if fmt == "json":
        return
    if fmt == "mermaid":
        from iae_cli.render.mermaid import flowchart

        edges = {(e.source, e.target): e for r in routes for e in graph.route_edges(r)}
        typer.echo(flowchart((n for r in routes for n in r), edges.values(), catalog.title_of), nl=False)
    elif fmt == "svg":
        from iae_cli.render.svg import MAP_LIMIT, graph_svg

        # a big catalog: the routes alone, since the whole map would be unreadable
        whole = len(graph.nodes) <= MAP_LIMIT
        moves = None if whole else {(e.source, e.target): e for r in routes for e in graph.route_edges(r)}.values()
        typer.echo(graph_svg(graph, _levels(catalog), catalog.title_of, routes, moves, whole=whole), nl=False)
    else:
        from iae_cli.match import route_states
        from iae_cli.render.career_views import route_view

        steps = {node: catalog.summary_of(node) for route in routes for node in route if node in catalog.files}
        states = [route_states(route, steps, profile) for route in routes] if profile else None
        if fmt in HANDOUT_FORMATS:
            from iae_cli.render.handout_views import route_handout, route_pages

            build = route_view if details else route_handout
            body = build(graph, routes, steps, catalog.title_of, states, euros=conversion)
            figure = ""
            if fmt == "html":
                from iae_cli.render.svg import graph_svg

                only = {(e.source, e.target): e for r in routes for e in graph.route_edges(r)}
                figure = graph_svg(graph, _levels(catalog), catalog.title_of, routes, only.values(), whole=False)
            emit_handout(catalog, body, route_pages(graph, routes, steps), fmt, figure)
            return
        emit_document(route_view(graph, routes, steps, catalog.title_of, states, left_out or 0, euros=conversion))


def _routes(
    graph: CareerGraph, start: str, goal: str, stated_only: bool, all_routes: bool, count: int | None
) -> tuple[list[Route], int | None]:
    """The routes asked for, and with --all how many equally short ones were left out (at most
    `--max`, else ALL_ROUTES_SHOWN, are listed: there can be very many)."""
    if all_routes:
        routes = graph.shortest_routes(start, goal, stated_only, limit=count or ALL_ROUTES_SHOWN)
        return routes, graph.count_shortest_routes(start, goal, stated_only) - len(routes)
    if count:
        return graph.best_routes(start, goal, count, stated_only), None
    return graph.shortest_routes(start, goal, stated_only, limit=1), None


def _career_map(graph: CareerGraph, catalog: Catalog, start: str, stated_only: bool, fmt: str, details: bool) -> None:
    reached = graph.career_map(start, stated_only)
    tree_edges = [graph.edges[(parent, node)] for node, _depth, parent in reached if parent is not None]
    if fmt == "json":
        from iae_cli.render import data

        emit_data(data.career_map(start, reached, tree_edges), fmt)
    elif fmt == "mermaid":
        from iae_cli.render.mermaid import flowchart

        typer.echo(flowchart([start, *(n for n, _d, _p in reached)], tree_edges, catalog.title_of), nl=False)
    elif fmt == "svg":
        from iae_cli.render.svg import MAP_LIMIT, graph_svg

        if len(reached) >= MAP_LIMIT:
            raise UsageError(
                f"la carte depuis {start} compterait {len(reached) + 1} postes, trop pour rester lisible "
                f"(au plus {MAP_LIMIT}) : donnez un poste d'arrivée, ou -f mermaid"
            )
        svg = graph_svg(graph, _levels(catalog), catalog.title_of, [], tree_edges, [start], whole=False)
        typer.echo(svg, nl=False)
    else:
        from iae_cli.render.career_views import career_map_view

        if fmt in HANDOUT_FORMATS:
            from iae_cli.render.handout_views import map_handout, map_pages

            body = (career_map_view if details else map_handout)(start, reached, graph, catalog.title_of)
            emit_handout(catalog, body, map_pages(reached, graph), fmt)
            return
        emit_document(career_map_view(start, reached, graph, catalog.title_of))


def _levels(catalog: Catalog) -> dict[str, str]:
    return {f.id: f.level for f in catalog.summaries.values()}


def _no_route(graph: CareerGraph, start: str, goal: str, stated_only: bool) -> str:
    after = ", ".join(graph.next_of(start, stated_only)) or "aucun poste"
    before = ", ".join(graph.previous_of(goal, stated_only)) or "aucun poste"
    scope = " cité par l'étude" if stated_only else ""
    return f"aucun parcours{scope} de {start} vers {goal}. {start} mène à : {after}. Mènent à {goal} : {before}."
