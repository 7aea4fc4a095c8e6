"""Documents for the person who receives them: titles and plain words, no internal ids or pages.

Each view returns the body of a handout and the study pages it draws on (for the « Sources »
footer that handout.finish adds).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from iae_cli.model import LEVEL_LABELS, Fiche, FicheSummary, MobilityLink
from iae_cli.render import labels
from iae_cli.render.career_views import INFERRED_MOVE
from iae_cli.render.document import Block, Bullets, Document, Fields, Heading, Paragraph, Snippets, Table, Tree
from iae_cli.render.fiche_views import SECTIONS
from iae_cli.render.handout import today_sentence
from iae_cli.render.match_views import asset_sentence, missing_sentences, profile_heading

if TYPE_CHECKING:
    from iae_cli.careers import CareerGraph, Route
    from iae_cli.diplomas import Diploma
    from iae_cli.match import MatchResult, StepState
    from iae_cli.money import Euros, TodayPay
    from iae_cli.orient import Choice
    from iae_cli.search import SearchResult

LINK_WORDS = {"stated": "cité par l'étude", "inferred": "rapprochement déduit des fiches"}


def fiche_title(s: FicheSummary) -> str:
    t = s.title
    return t.masculine if t.masculine == t.feminine else f"{t.masculine} / {t.feminine}"


def _move(link: MobilityLink, title_of: Callable[[str], str]) -> str:
    """A move as a client reads it: the study's words; an inferred one says what it stands for."""
    if link.link == "stated" or not link.id:
        return link.label
    text = f"{link.label} (rapproché du poste « {title_of(link.id)} »"
    return text + (f" : {link.note})" if link.note else ")")


def fiche_body(f: Fiche, title_of: Callable[[str], str], level: int = 1, today: TodayPay | None = None) -> list[Block]:
    s = f.summary
    out: list[Block] = [
        Heading(fiche_title(s), level),
        Fields((("Niveau de responsabilité", LEVEL_LABELS[s.level]),)),
    ]
    for key, heading, build in SECTIONS:
        if key == "sources":
            continue
        if key == "mobilite":
            m = f.mobility
            blocks: list[Block] = []
            if m.previous:
                blocks.append(Bullets(tuple(_move(x, title_of) for x in m.previous), "Postes occupés avant"))
            if m.next:
                blocks.append(Bullets(tuple(_move(x, title_of) for x in m.next), "Évolutions possibles"))
        else:
            blocks = build(f)
        if key == "salaire" and today is not None:
            blocks.append(Paragraph(today_sentence(today)))
        if blocks:
            out += [Heading(heading, level + 1), *blocks]
    return out


def fiche_pages(f: Fiche) -> list[str]:
    return [f.summary.pages]


def fiche_handout(f: Fiche, title_of: Callable[[str], str], today: TodayPay | None = None) -> Document:
    return Document().add(*fiche_body(f, title_of, today=today))


def _post(f: FicheSummary) -> str:
    return f"{f.title.masculine}\n{LEVEL_LABELS[f.level]}"


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def match_handout(
    result: MatchResult,
    near_limit: int | None = None,
    euros: Euros | None = None,
    diploma: Diploma | None = None,
    domain: Choice | None = None,
) -> Document:
    p = result.profile
    doc = Document().add(profile_heading(result, diploma, domain))
    doc.add(Heading(labels.group_heading(labels.OPEN_GROUP, len(result.eligible)), 2))
    if result.eligible:
        rows = tuple(
            (
                _post(e.fiche),
                labels.salary_cell(e.fiche.salary, euros),
                asked(e.fiche),
            )
            for e in result.eligible
        )
        doc.add(Table(("Poste", labels.salary_header(euros), "Demandé par la fiche"), rows))
    else:
        doc.add(Paragraph("Aucun poste n'est accessible avec ce profil d'après l'étude."))
    if result.caveat:
        doc.add(Heading(labels.group_heading(labels.CAVEAT_GROUP, len(result.caveat)), 2))
        rows = tuple(
            (_post(e.fiche), labels.salary_cell(e.fiche.salary, euros), _sentence(asset_sentence(e)))
            for e in result.caveat
        )
        doc.add(Table(("Poste", labels.salary_header(euros), "À savoir"), rows))
    near = result.near if near_limit is None else result.near[:near_limit]
    if near:
        doc.add(Heading(labels.group_heading(labels.NEAR_GROUP, len(result.near)), 2))
        rows = tuple(
            (_post(e.fiche), labels.salary_cell(e.fiche.salary, euros), _sentence(" ; ".join(missing_sentences(e, p))))
            for e in near
        )
        doc.add(Table(("Poste", labels.salary_header(euros), "Ce qui manque"), rows))
    notes = [
        f"{e.fiche.title.masculine} : {labels.table_note(e.fiche.experience)}."
        for e in (*result.eligible, *result.caveat, *near)
        if labels.table_note(e.fiche.experience)
    ]
    if notes:
        doc.add(Heading("Quand le tableau de synthèse de l'étude diffère de la fiche", 2), Bullets(tuple(notes)))
    if euros is not None:
        doc.add(Paragraph(labels.euros_explained(euros), "note"))
    return doc


def match_pages(result: MatchResult) -> list[str]:
    return [e.fiche.pages for e in (*result.eligible, *result.caveat, *result.near)]


def asked(f: FicheSummary) -> str:
    """What a fiche asks, in a handout: 'bac+2, débutant accepté'; a decisive asset in a whole sentence."""
    return f"{labels.diploma(f.diploma)}, {labels.experience_in_words(f.experience)}"


def _requirements(node: str, fiches: Mapping[str, FicheSummary], euros: Euros | None) -> tuple[str, str]:
    f = fiches.get(node)
    if f is None:
        return ("non précisé (poste hors des fiches)", "—")
    return (asked(f), labels.salary_cell(f.salary, euros))


def steps_sentence(kinds: Sequence[str]) -> str:
    """'3 étapes : 2 citées par l'étude, 1 déduite des fiches.' (`kinds`: each move's link kind)."""
    moves, stated = len(kinds), sum(kind == "stated" for kind in kinds)
    text = f"{moves} étape{'s' if moves > 1 else ''}"
    if stated == moves:
        every = "toutes citées" if moves > 1 else "citée"
        return f"{text}, {every} par l'étude."
    if not stated:
        every = "toutes déduites" if moves > 1 else "déduite"
        return f"{text}, {every} des fiches (aucune n'est citée telle quelle par l'étude)."
    inferred = moves - stated
    return (
        f"{text} : {stated} citée{'s' if stated > 1 else ''} par l'étude, "
        f"{inferred} déduite{'s' if inferred > 1 else ''} des fiches."
    )


def route_handout(
    graph: CareerGraph,
    routes: list[Route],
    fiches: Mapping[str, FicheSummary],
    title_of: Callable[[str], str],
    states: Sequence[Sequence[StepState]] | None = None,
    euros: Euros | None = None,
) -> Document:
    """Each route as a table of steps; `states` (from match.route_states) adds where the person stands;
    `euros` adds each 2008 pay in another year's euros."""
    doc = Document()
    for number, route in enumerate(routes, 1):
        name = "Parcours" if len(routes) == 1 else f"Parcours {number}"
        doc.add(Heading(f"{name} : {title_of(route[0])} → {title_of(route[-1])}"))
        doc.add(Paragraph(steps_sentence([graph.edges[edge].kind for edge in itertools.pairwise(route)])))
        rows = []
        for index, node in enumerate(route):
            how = "point de départ" if not index else LINK_WORDS[graph.edges[(route[index - 1], node)].kind]
            row = [str(index), title_of(node), *_requirements(node, fiches, euros), how]
            if states is not None:
                row.append(
                    labels.step_state(states[number - 1][index], fiches[node].experience if node in fiches else None)
                )
            rows.append(tuple(row))
        headers = ["Étape", "Poste", "Demandé par la fiche", labels.salary_header(euros), "Passage"]
        if states is not None:
            headers.append("Pour vous")
        doc.add(Table(tuple(headers), tuple(rows)))
        need = [fiches[n].experience.required_years for n in route if n in fiches]
        if need:
            doc.add(Paragraph(f"Expérience minimale impliquée par ce parcours : {labels.years(max(need))} au total."))
        if any(graph.edges[(a, b)].kind == "inferred" for a, b in itertools.pairwise(route)):
            doc.add(
                Paragraph(
                    "Un passage « déduit » n'est pas écrit tel quel dans l'étude : il rapproche deux fiches "
                    "qui décrivent le même poste avec d'autres mots.",
                    "note",
                )
            )
    return doc


def route_pages(graph: CareerGraph, routes: list[Route], fiches: Mapping[str, FicheSummary]) -> list[str]:
    pages = [p for route in routes for e in graph.route_edges(route) for p in e.pages]
    return pages + [fiches[n].pages for route in routes for n in route if n in fiches]


def map_handout(
    start: str, reached: list[tuple[str, int, str | None]], graph: CareerGraph, title_of: Callable[[str], str]
) -> Document:
    children: dict[str, list[str]] = {}
    for node, _depth, parent in reached:
        if parent is not None:
            children.setdefault(parent, []).append(node)
    lines: list[tuple[int, str]] = [(0, title_of(start))]

    def walk(node: str, depth: int) -> None:
        for child in children.get(node, []):
            kind = graph.edges[(node, child)].kind
            lines.append((depth, title_of(child) + (INFERRED_MOVE if kind == "inferred" else "")))
            walk(child, depth + 1)

    walk(start, 1)
    doc = Document().add(Heading(f"Où mène le poste de {title_of(start)}"))
    if len(lines) == 1:
        return doc.add(Paragraph("L'étude ne cite aucune évolution depuis ce poste."))
    count = len(reached)
    return doc.add(
        Paragraph(
            f"{count} poste{'s' if count > 1 else ''} accessible{'s' if count > 1 else ''} "
            "par étapes successives, chacun sous celui qui y mène."
        ),
        Tree(tuple(lines)),
    )


def map_pages(reached: list[tuple[str, int, str | None]], graph: CareerGraph) -> list[str]:
    return [p for node, _d, parent in reached if parent is not None for p in graph.edges[(parent, node)].pages]


def search_handout(result: SearchResult) -> Document:
    """Search results for a reader: what each result is and the passages that matched."""
    from iae_cli.render.search_views import KIND_LABELS, SOME_WORDS, labels_of, shown_query

    doc = Document().add(Heading(f"Recherche {shown_query(result)}"))
    if not result.hits:
        return doc.add(Paragraph("Aucun résultat dans l'étude pour ces mots."))
    for rank, hit in enumerate(result.hits):
        if not hit.all_words and (rank == 0 or result.hits[rank - 1].all_words):
            doc.add(Paragraph(SOME_WORDS + "."))
        doc.add(Heading(hit.title, 2), Paragraph(_sentence(KIND_LABELS.get(hit.kind, hit.kind)) + "."))
        if hit.matches:
            shown = zip(labels_of(hit.matches), hit.matches, strict=True)
            doc.add(Snippets(tuple((label, m.text, m.spans) for label, m in shown)))
    return doc
