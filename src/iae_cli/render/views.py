"""Documents for people: what each command shows, in French, built from core results."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from iae_cli.careers import CareerGraph, Route
from iae_cli.match import MatchEntry, MatchResult, Profile
from iae_cli.model import LEVEL_LABELS, Fiche, FicheSummary, GlossaryTerm, MobilityLink
from iae_cli.render import labels
from iae_cli.render.document import Block, Bullets, Document, Fields, Heading, Paragraph, Table, Tree

# ---------------------------------------------------------------- list


def fiche_list(fiches: Iterable[FicheSummary]) -> Document:
    """Fiches grouped by level, one row each: title and id, diploma, experience, pay."""
    doc = Document()
    by_level: dict[str, list[FicheSummary]] = {}
    for f in fiches:
        by_level.setdefault(f.level, []).append(f)
    for level, group in by_level.items():
        rows = tuple(
            (
                f"{f.title.masculine}\n{f.id}",
                labels.diploma(f.diploma),
                labels.experience(f.experience),
                labels.salary(f.salary),
            )
            for f in group
        )
        doc.add(
            Heading(LEVEL_LABELS[level], 2),
            Table(("Métier / identifiant", "Diplôme", "Expérience", "Salaire 2008"), rows),
        )
    return doc


# ---------------------------------------------------------------- show


def _mission(f: Fiche) -> list[Block]:
    return [Paragraph(f.mission)]


def _salary(f: Fiche) -> list[Block]:
    return [Paragraph(labels.salary_with_profile(f.summary.salary))]


def _items(title: str, items: Iterable[str]) -> list[Block]:
    values = tuple(items)
    return [Bullets(values, title)] if values else []


def _recruiters(f: Fiche) -> list[Block]:
    return [Bullets(f.recruiters.items)]


def _reporting(f: Fiche) -> list[Block]:
    return [Bullets(f.reporting.items)]


def _relations(f: Fiche) -> list[Block]:
    return _items("En interne", f.relations.internal) + _items("À l'extérieur", f.relations.external)


def _activities(f: Fiche) -> list[Block]:
    out: list[Block] = [Bullets(g.items, g.group) for g in f.activities.main]
    if f.activities.optional:
        out.append(Heading("Activités éventuelles", 3))
        out += [Bullets(g.items, g.group) for g in f.activities.optional]
    if f.activities.variability:
        out += _items("Ce qui fait varier le poste", f.activities.variability)
    return out


def _diploma(f: Fiche) -> list[Block]:
    d = f.summary.diploma
    pairs = [("Niveau", labels.diploma(d))]
    if d.fields:
        pairs.append(("Domaines", ", ".join(d.fields)))
    if d.alternatives:
        pairs.append(("Accepté aussi", ", ".join(d.alternatives)))
    out: list[Block] = [Fields(tuple(pairs))]
    if d.note:
        out.append(Paragraph(d.note))
    return out


def _experience(f: Fiche) -> list[Block]:
    e = f.summary.experience
    pairs = [("Durée", labels.experience(e))]
    if e.domain:
        pairs.append(("Domaine", e.domain))
    if e.assets:
        pairs.append(("Atouts", " ; ".join(e.assets)))
    out: list[Block] = [Fields(tuple(pairs))]
    if e.note:
        out.append(Paragraph(e.note))
    note = labels.table_note(e)
    if note:
        out.append(Paragraph(note[0].upper() + note[1:] + ".", "note"))
    return out


def _knowledge(f: Fiche) -> list[Block]:
    return [Bullets(f.knowledge.items)] if f.knowledge.items else []


def _skills(f: Fiche) -> list[Block]:
    return [Bullets(f.skills.items)]


def _link_line(link: MobilityLink) -> str:
    text: str = link.label
    if link.id:
        text += f" → {link.id}"
    text += f" ({labels.LINK_LABELS[link.link]}"
    text += f" : {link.note})" if link.note and link.link == "inferred" else ")"
    return text


def _mobility_blocks(f: Fiche, title_of: Callable[[str], str]) -> list[Block]:
    m = f.mobility
    return _items("Postes précédents (p-1)", (_link_line(x) for x in m.previous)) + _items(
        "Évolutions (p+1)", (_link_line(x) for x in m.next)
    )


def _offers(f: Fiche) -> list[Block]:
    out: list[Block] = []
    for offer in f.offers:
        pairs = [("Salaire", labels.salary(offer.salary) if offer.salary else "non précisé")]
        if offer.salary and offer.salary.note:
            pairs.append(("Précision", offer.salary.note))
        pairs.append(("Employeur", offer.employer))
        if offer.size:
            pairs.append(("Taille", offer.size))
        if offer.location:
            pairs.append(("Lieu", offer.location))
        out += [Heading(offer.title, 3), Fields(tuple(pairs))]
        out += _items("Missions", offer.missions) + _items("Exigences", offer.requirements)
    return out or [Paragraph("Aucune offre citée.")]


def _sources(f: Fiche) -> list[Block]:
    from iae_cli.render.data import sources

    pairs = tuple((name, f"p. {pages}") for name, pages in sources(f).items() if name != "study" and pages)
    return [Paragraph("Apec, « Les emplois cadres dans les entreprises d'insertion », décembre 2008."), Fields(pairs)]


# (section id, heading, builder, aliases)
SECTIONS: tuple[tuple[str, str, Callable[[Fiche], list[Block]]], ...] = (
    ("mission", "Mission", _mission),
    ("salaire", "Rémunération", _salary),
    ("recruteurs", "Qui recrute ?", _recruiters),
    ("rattachement", "Rattachement hiérarchique", _reporting),
    ("relations", "Relations", _relations),
    ("activites", "Activités", _activities),
    ("diplome", "Diplôme", _diploma),
    ("experience", "Expérience", _experience),
    ("connaissances", "Connaissances", _knowledge),
    ("competences", "Compétences", _skills),
    ("mobilite", "Mobilité", lambda f: []),  # filled by fiche_view, which knows the titles
    ("offres", "Exemples d'offres", _offers),
    ("sources", "Sources", _sources),
)
SECTION_IDS = tuple(s[0] for s in SECTIONS)


def fiche_view(f: Fiche, title_of: Callable[[str], str], section: str | None = None) -> Document:
    s = f.summary
    doc = Document().add(
        Heading(
            s.title.masculine if s.title.masculine == s.title.feminine else f"{s.title.masculine} / {s.title.feminine}"
        )
    )
    doc.add(
        Fields((("Identifiant", s.id), ("Niveau", LEVEL_LABELS[s.level]), ("Pages", f"{s.pages} de l'étude Apec 2008")))
    )
    for key, heading, build in SECTIONS:
        if section is not None and key != section:
            continue
        blocks = _mobility_blocks(f, title_of) if key == "mobilite" else build(f)
        if blocks:
            doc.add(Heading(heading, 2), *blocks)
    return doc


# ---------------------------------------------------------------- sector

SECTOR_TOPICS: dict[str, str] = {
    "structures": "Les structures de l'IAE",
    "networks": "Réseaux et instances",
    "figures": "Chiffres du secteur",
    "history": "Repères historiques",
    "contract": "Le contrat d'accompagnement dans l'emploi (CAE)",
    "finance": "Finance solidaire",
    "traits": "Ce qui distingue le travail de cadre dans l'IAE",
    "trends": "Facteurs d'évolution",
    "training": "Formations",
    "roles": "Nouveaux métiers de la RSE",
}


def _count(structure: dict[str, Any]) -> str:
    return labels.number(structure["count_2005"]) if structure["count_2005"] is not None else "ambigu (voir la note)"


def _sector_topic(topic: str, sector: dict[str, Any]) -> list[Block]:
    if topic == "structures":
        out: list[Block] = [
            Table(
                ("Sigle", "Structure", "Nombre fin 2005"),
                tuple((s["acronym"], s["name"], _count(s)) for s in sector["structures"]),
            )
        ]
        for s in sector["structures"]:
            out += [Bullets(tuple(s["definition"]), f"{s['acronym']} — {s['name']}")]
            if s["count_note"]:
                out.append(Paragraph(s["count_note"], "note"))
        return out
    if topic == "networks":
        out = []
        for n in sector["networks"]:
            name = f"{n['acronym']} — {n['name']}" if n["acronym"] else n["name"]
            out += [Heading(f"{name} (fondé en {n['founded']})", 3), Paragraph(n["role"])]
            out += [Bullets(tuple(f"{f['label']} : {labels.number(f['value'])}" for f in n["figures"]))]
            if n["website"]:
                out.append(Paragraph(f"Site cité : {n['website']}"))
        return out
    if topic == "figures":
        return [
            Table(
                ("Chiffre", "Valeur", "Pages"),
                tuple((f["label"], labels.number(f["value"]), f.get("pages", "")) for f in sector["figures"]),
            ),
            Bullets(tuple(sector["sectors_of_activity"]), "Secteurs d'activité des salariés en insertion"),
        ]
    if topic == "history":
        return [Table(("Année", "Repère"), tuple((str(h["year"]), h["event"]) for h in sector["history"]))]
    if topic == "contract":
        c = sector["contract"]
        return [
            Fields(
                (
                    ("Durée", f"{c['min_months']} à {c['max_months']} mois"),
                    ("Temps de travail", f"au moins {c['min_weekly_hours']} h par semaine"),
                    ("Remplace", ", ".join(c["replaces"])),
                    ("Référence", c["reference"]),
                )
            ),
            Bullets(tuple(c["rules"])),
        ]
    if topic == "finance":
        return [Fields(tuple((t["term"], t["meaning"]) for t in sector["finance_solidaire"]))]
    if topic in ("traits", "trends"):
        return [Fields(tuple((t["title"], t["summary"]) for t in sector[topic]))]
    if topic == "training":
        return [Fields(tuple((t["name"], t["summary"]) for t in sector["training"]))]
    roles = sector["emerging_roles"]
    return [Bullets(tuple(roles["items"])), Paragraph(roles["note"])]


def sector_view(sector: dict[str, Any], topic: str | None = None) -> Document:
    study = sector["study"]
    doc = Document()
    if topic is None:
        doc.add(Heading("Le secteur de l'insertion par l'activité économique"))
        doc.add(Paragraph(f"D'après « {study['title']} », {study['publisher']}, {study['date']}. {study['method']}"))
    for key, heading in SECTOR_TOPICS.items():
        if topic is None or topic == key:
            doc.add(Heading(heading, 2 if topic is None else 1), *_sector_topic(key, sector))
    return doc


# ---------------------------------------------------------------- glossary


def glossary_view(terms: Iterable[GlossaryTerm]) -> Document:
    rows = tuple((t.term, t.meaning + ("" if t.in_study else " *")) for t in terms)
    return Document().add(
        Table(("Sigle", "Signification"), rows),
        Paragraph("* sigle employé sans être développé par l'étude ; développement d'usage courant.", "note"),
    )


# ---------------------------------------------------------------- match


def _why(entry: MatchEntry, profile: Profile) -> str:
    f = entry.fiche
    needed = (
        "aucune expérience exigée"
        if f.experience.min_years == 0
        else f"{labels.years(f.experience.min_years)} demandés"
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


def _requirements(node: str, fiches: dict[str, FicheSummary]) -> tuple[str, str]:
    f = fiches.get(node)
    if f is None:
        return ("non décrit par l'étude", "—")
    return (f"{labels.diploma(f.diploma)}\n{labels.experience(f.experience)}", labels.salary(f.salary))


def route_view(
    graph: CareerGraph,
    routes: list[Route],
    fiches: dict[str, FicheSummary],
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
