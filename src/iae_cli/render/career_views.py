"""What `iae match` and `iae path` print for people: eligibility, gaps, routes, career maps."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from iae_cli.careers import CareerGraph, Route
from iae_cli.match import MatchEntry, MatchResult, Profile
from iae_cli.model import LEVEL_LABELS, FicheSummary
from iae_cli.render import labels
from iae_cli.render.document import Bullets, Document, Heading, Paragraph, Table, Tree

# ---------------------------------------------------------------- match


def _why(entry: MatchEntry, profile: Profile) -> str:
    f = entry.fiche
    needed = (
        "aucune expérience exigée"
        if f.experience.min_years == 0
        else f"{labels.years(f.experience.min_years)} {'demandé' if f.experience.min_years < 2 else 'demandés'}"
    )
    diploma = f"{labels.bac(profile.bac)} pour {labels.bac(f.diploma.min_bac)} demandé"
    return f"{diploma} ; {labels.years(profile.years)}, {needed}"


def missing_sentences(entry: MatchEntry, profile: Profile) -> list[str]:
    f = entry.fiche
    out: list[str] = []
    if entry.missing.bac:
        text = f"{labels.diploma(f.diploma)} demandé, vous avez {labels.bac(profile.bac)}"
        if f.diploma.alternatives:
            text += f" (accepté aussi : {', '.join(f.diploma.alternatives)})"
        out.append(text + " ; la VAE permet d'obtenir un diplôme à partir de l'expérience")
    if entry.missing.years:
        text = f"il manque {labels.years(entry.missing.years)} d'expérience"
        if f.experience.domain:
            text += f" (dans le domaine : {f.experience.domain})"
        out.append(text)
    return out


def _name_cell(f: FicheSummary) -> str:
    return f"{f.title.masculine}\n{f.id}\n{LEVEL_LABELS[f.level]}"


def _match_row(entry: MatchEntry, reason: str) -> tuple[str, ...]:
    return (_name_cell(entry.fiche), labels.salary(entry.fiche.salary), reason)


def match_view(result: MatchResult, near_limit: int | None = None) -> Document:
    """Eligible posts, then the closest near misses (`near_limit` of them; None: all)."""
    p = result.profile
    doc = Document().add(Heading(f"Profil : {labels.bac(p.bac)}, {labels.years(p.years)} d'expérience"))
    doc.add(Heading(f"Postes accessibles ({len(result.eligible)})", 2))
    if result.eligible:
        rows = tuple(_match_row(e, _why(e, p)) for e in result.eligible)
        doc.add(Table(("Métier / identifiant / niveau", "Salaire", "Pourquoi"), rows))
    else:
        doc.add(Paragraph("Aucun poste accessible avec ce profil."))
    near = result.near if near_limit is None else result.near[:near_limit]
    if near:
        doc.add(Heading(f"Presque ({len(result.near)}), du plus proche au plus lointain", 2))
        rows = tuple(_match_row(e, " ; ".join(missing_sentences(e, p))) for e in near)
        doc.add(Table(("Métier / identifiant / niveau", "Salaire", "Ce qui manque"), rows))
        if len(near) < len(result.near):
            hidden = len(result.near) - len(near)
            doc.add(Paragraph(f"… et {hidden} autre(s), plus éloigné(s) : --near 0 pour tout afficher."))
    notes = [
        f"{e.fiche.id} : {labels.table_note(e.fiche.experience)}"
        for e in (*result.eligible, *near)
        if labels.table_note(e.fiche.experience)
    ]
    if notes:
        doc.add(Heading("Le tableau de synthèse et les fiches diffèrent", 2), Bullets(tuple(notes)))
    return doc


# ---------------------------------------------------------------- path


def _requirements(node: str, fiches: Mapping[str, FicheSummary]) -> tuple[str, str]:
    f = fiches.get(node)
    if f is None:
        return ("exigences non précisées", "—")
    return (f"{labels.diploma(f.diploma)}\n{labels.experience(f.experience)}", labels.salary(f.salary))


def route_view(
    graph: CareerGraph,
    routes: list[Route],
    fiches: Mapping[str, FicheSummary],
    title_of: Callable[[str], str],
    profile: Profile | None = None,
) -> Document:
    from iae_cli.match import gap

    doc = Document()
    for number, route in enumerate(routes, 1):
        moves = len(route) - 1
        head = f"{title_of(route[0])} → {title_of(route[-1])} : {moves} étape{'s' if moves > 1 else ''}"
        doc.add(Heading(head if len(routes) == 1 else f"Parcours {number} — {head}", 1 if number == 1 else 2))
        rows = []
        blocked = False
        for index, node in enumerate(route):
            how = "départ"
            if index:
                e = graph.edges[(route[index - 1], node)]
                how = f"{labels.LINK_LABELS[e.kind]} (p. {', '.join(e.pages)})"
            row = [str(index), f"{title_of(node)}\n{node}", *_requirements(node, fiches), how]
            if profile is not None:
                f = fiches.get(node)
                if f is None:
                    state = "—"
                elif gap(profile, f).met:
                    state = "accessible"
                elif not blocked:
                    blocked = True
                    state = "bloque ici"
                else:
                    state = "plus tard"
                row.append(state)
            rows.append(tuple(row))
        headers = ["#", "Poste / identifiant", "Exige", "Salaire", "Passage"]
        if profile is not None:
            headers.append("Vous")
        doc.add(Table(tuple(headers), tuple(rows)))
        need = [fiches[n].experience.min_years for n in route if n in fiches]
        if need:
            doc.add(Paragraph(f"Expérience minimale impliquée par ce parcours : {labels.years(max(need))} au total."))
        for node in route:
            if node in fiches and labels.table_note(fiches[node].experience):
                doc.add(Paragraph(f"{node} : {labels.table_note(fiches[node].experience)}.", "note"))
    return doc


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
    return doc
