"""`iae graph`: the whole career map as a picture (SVG), or as Mermaid or DOT text."""

from __future__ import annotations

import itertools
from collections import deque
from typing import TYPE_CHECKING

import typer

from iae_cli.cli.app import state
from iae_cli.cli.names import complete_post_id, resolve_role
from iae_cli.cli.options import check_format
from iae_cli.cli.output import at_terminal
from iae_cli.errors import NoResultError, UsageError

if TYPE_CHECKING:
    from iae_cli.careers import CareerGraph, Edge, Route

FORMATS = ("svg", "mermaid", "dot")
EXAMPLES = (
    "iae graph > carte.svg",
    "iae graph --from charge-insertion --to directeur-reseau-insertion > parcours.svg",
    "iae graph --format mermaid",
)


def _complete_format(incomplete: str) -> list[str]:
    return [f for f in FORMATS if f.startswith(incomplete.lower())]


def run(
    ctx: typer.Context,
    source: str | None = typer.Option(
        None,
        "--from",
        help="Mettre en valeur les postes atteignables depuis ce poste.",
        metavar="POSTE",
        autocompletion=complete_post_id,
    ),
    target: str | None = typer.Option(
        None,
        "--to",
        help="Mettre en valeur les postes qui mènent à ce poste (avec --from : un parcours).",
        metavar="POSTE",
        autocompletion=complete_post_id,
    ),
    stated_only: bool = typer.Option(
        False, "--stated-only", help="N'utiliser que les passages cités par l'étude (pas ceux déduits)."
    ),
    fmt: str = typer.Option(
        "svg",
        "--format",
        "-f",
        help="Format de sortie : svg, mermaid, dot (par défaut : svg).",
        metavar="FORMAT",
        show_default=False,
        autocompletion=_complete_format,
    ),
) -> None:
    fmt = check_format(fmt, *FORMATS)
    catalog = state(ctx).catalog()
    graph = catalog.graph()
    start = resolve_role(catalog, source) if source is not None else None
    goal = resolve_role(catalog, target) if target is not None else None
    if fmt == "svg" and at_terminal():
        raise UsageError(_svg_at_terminal(start, goal, stated_only))
    routes = _routes(graph, start, goal, stated_only)
    edges = [e for e in graph.edges.values() if not stated_only or e.kind == "stated"]
    level_of = {f.id: f.level for f in catalog.summaries.values()}
    if fmt == "svg":
        from iae_cli.render.svg import MAP_LIMIT, graph_svg

        focus = [n for n in (start, goal) if n is not None]
        whole = len(graph.nodes) <= MAP_LIMIT
        only: list[Edge] | None = edges if stated_only else None
        if not whole:  # a big catalog: only the part asked for, if it stays readable
            only = list({(e.source, e.target): e for r in routes for e in graph.route_edges(r)}.values())
            shown = len({n for r in routes for n in r} | set(focus))
            if not routes or shown > MAP_LIMIT:
                raise UsageError(
                    f"la carte compterait {shown if routes else len(graph.nodes)} postes, trop pour rester lisible "
                    f"(au plus {MAP_LIMIT}) : choisissez un parcours avec --from POSTE --to POSTE, ou -f dot"
                )
        text = graph_svg(graph, level_of, catalog.title_of, routes, only, focus, whole=whole)
    elif fmt == "dot":
        from iae_cli.render.dot import digraph

        text = digraph(graph.nodes, edges, level_of, catalog.title_of, _moves(routes))
    else:
        from iae_cli.render.mermaid import flowchart

        on_nodes = sorted({n for r in routes for n in r})
        text = flowchart(graph.nodes, edges, catalog.title_of, (on_nodes, _moves(routes)))
    typer.echo(text, nl=False)


def _svg_at_terminal(start: str | None, goal: str | None, stated_only: bool) -> str:
    """Why the SVG map is not written on a terminal (a screen of markup helps nobody), and the
    commands that write it to a file, or show the same routes as text."""
    options = "".join(
        f" {flag} {value}" for flag, value in (("--from", start), ("--to", goal)) if value is not None
    ) + (" --stated-only" if stated_only else "")
    read_here = f"iae path {start}{f' {goal}' if goal else ''}" if start else "iae path POSTE"
    return (
        "la carte est une image SVG, à ouvrir dans un navigateur plutôt qu'à lire dans le terminal : "
        f"écrivez-la dans un fichier avec « iae graph{options} > carte.svg », puis ouvrez carte.svg ; "
        f"pour lire les parcours ici : {read_here}"
    )


def _routes(graph: CareerGraph, start: str | None, goal: str | None, stated_only: bool) -> list[Route]:
    """What to highlight: one route from START to GOAL; or every post START leads to; or every
    post that leads to GOAL (each by its shortest route)."""
    if start is not None and goal is not None:
        routes = graph.shortest_routes(start, goal, stated_only, limit=1)
        if not routes:
            scope = " cité par l'étude" if stated_only else ""
            raise NoResultError(f"aucun parcours{scope} de {start} vers {goal} (voir : iae path {start})")
        return routes
    if start is not None:
        parents = graph.distances(start, stated_only)
        return [_walk(parents, node) for node in parents if node != start]
    if goal is not None:  # one breadth-first walk backwards from GOAL
        after: dict[str, str | None] = {goal: None}
        queue = deque([goal])
        while queue:
            node = queue.popleft()
            for previous in graph.previous_of(node, stated_only):
                if previous not in after:
                    after[previous] = node
                    queue.append(previous)
        return [tuple(reversed(_walk(after, node))) for node in after if node != goal]
    return []


def _moves(routes: list[Route]) -> set[tuple[str, str]]:
    return {(a, b) for r in routes for a, b in itertools.pairwise(r)}


def _walk(parents: dict[str, str | None], node: str) -> Route:
    route: list[str] = []
    current: str | None = node
    while current is not None:
        route.append(current)
        current = parents[current]
    return tuple(reversed(route))
