"""What `iae path` prints for people: routes step by step, and career maps."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from iae_cli.model import Experience, FicheSummary
from iae_cli.render import labels
from iae_cli.render.document import Document, Heading, Paragraph, Table, Tree

if TYPE_CHECKING:
    from iae_cli.careers import CareerGraph, Route
    from iae_cli.match import StepState
    from iae_cli.money import Euros

INFERRED_MOVE = " (passage déduit)"  # how a handout marks a move the study does not cite


def route_tree(route: Route, graph: CareerGraph, title_of: Callable[[str], str], details: bool = True) -> Tree:
    """A route drawn as a chain: each post with its id, each move with its kind and pages; without
    `details` (a handout), titles only and « (passage déduit) » where the study does not cite the move,
    as the career map's handout says it."""
    if not details:
        lines = [(0, title_of(route[0]))]
        for depth, edge in enumerate(graph.route_edges(route), start=1):
            lines.append((depth, title_of(edge.target) + (INFERRED_MOVE if edge.kind == "inferred" else "")))
        return Tree(tuple(lines))
    lines = [(0, f"{title_of(route[0])} [{route[0]}]")]
    for depth, edge in enumerate(graph.route_edges(route), start=1):
        kind = labels.LINK_LABELS[edge.kind]
        lines.append((depth, f"{title_of(edge.target)} [{edge.target}] — {kind} (p. {', '.join(edge.pages)})"))
    return Tree(tuple(lines))


def _requirements(node: str, fiches: Mapping[str, FicheSummary], euros: Euros | None) -> tuple[str, str]:
    f = fiches.get(node)
    if f is None:
        return ("exigences non précisées", "—")
    return (f"{labels.diploma(f.diploma)}\n{labels.experience(f.experience)}", labels.salary_cell(f.salary, euros))


def _experience(node: str, fiches: Mapping[str, FicheSummary]) -> Experience | None:
    return fiches[node].experience if node in fiches else None


def route_view(
    graph: CareerGraph,
    routes: list[Route],
    fiches: Mapping[str, FicheSummary],
    title_of: Callable[[str], str],
    states: Sequence[Sequence[StepState]] | None = None,
    left_out: int = 0,
    euros: Euros | None = None,
) -> Document:
    """Each route step by step; `states` (one per route, from match.route_states) adds where a
    person stands at each step; `left_out` says how many equally short routes are not shown;
    `euros` adds each 2008 pay in another year's euros."""
    doc = Document()
    for number, route in enumerate(routes, 1):
        moves = len(route) - 1
        head = f"{title_of(route[0])} → {title_of(route[-1])} : {moves} étape{'s' if moves > 1 else ''}"
        doc.add(Heading(head if len(routes) == 1 else f"Parcours {number} — {head}", 1 if number == 1 else 2))
        rows = []
        for index, node in enumerate(route):
            how = "départ"
            if index:
                e = graph.edges[(route[index - 1], node)]
                how = f"{labels.LINK_LABELS[e.kind]} (p. {', '.join(e.pages)})"
            row = [str(index), f"{title_of(node)}\n{node}", *_requirements(node, fiches, euros), how]
            if states is not None:
                row.append(labels.step_state(states[number - 1][index], _experience(node, fiches)))
            rows.append(tuple(row))
        headers = ["#", "Poste / identifiant", "Exige", labels.salary_header(euros), "Passage"]
        if states is not None:
            headers.append("Vous")
        doc.add(Table(tuple(headers), tuple(rows)))
        need = [fiches[n].experience.required_years for n in route if n in fiches]
        if need:
            doc.add(Paragraph(f"Expérience minimale impliquée par ce parcours : {labels.years(max(need))} au total."))
        for node in route:
            if node in fiches and labels.table_note(fiches[node].experience):
                doc.add(Paragraph(f"{node} : {labels.table_note(fiches[node].experience)}.", "note"))
    if left_out:
        total = len(routes) + left_out
        more = f"… et {left_out} autre(s) parcours aussi court(s), non montré(s), sur {total}"
        doc.add(Paragraph(f"{more} (--all --max N pour en voir N)."))
    return doc.add(Paragraph(labels.euros_note(euros), "note"))


def career_map_view(
    start: str, reached: list[tuple[str, int, str | None]], graph: CareerGraph, title_of: Callable[[str], str]
) -> Document:
    children: dict[str, list[str]] = {}
    for node, _depth, parent in reached:
        if parent is not None:
            children.setdefault(parent, []).append(node)
    lines: list[tuple[int, str]] = [(0, f"{title_of(start)} [{start}]")]

    def walk(node: str, depth: int) -> None:
        for child in children.get(node, []):
            kind = labels.LINK_LABELS[graph.edges[(node, child)].kind]
            lines.append((depth, f"{title_of(child)} [{child}] — {kind}"))
            walk(child, depth + 1)

    walk(start, 1)
    doc = Document().add(Heading(f"Carte des évolutions depuis {title_of(start)}"))
    if len(lines) == 1:
        doc.add(Paragraph("L'étude ne cite aucune évolution depuis ce poste."))
    else:
        doc.add(
            Tree(tuple(lines)), Paragraph(f"{len(reached)} poste(s) atteignable(s), du plus proche au plus lointain.")
        )
    return doc.add(Paragraph("Évolutions citées par l'étude Apec de 2008 ou déduites de ses fiches.", "note"))
