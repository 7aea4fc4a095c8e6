"""What `iae orient` prints: the posts open now, the next ones with what is missing, the route,
and the study's ways to a missing diploma. The Markdown form is a handout a counsellor can give."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from iae_cli.model import LEVEL_LABELS
from iae_cli.render import labels
from iae_cli.render.career_views import route_tree
from iae_cli.render.document import Block, Bullets, Document, Heading, Paragraph, Table
from iae_cli.render.later_views import told_blocks

if TYPE_CHECKING:  # render formats core results; it never calls the core
    from iae_cli.careers import CareerGraph
    from iae_cli.later import LaterEntry
    from iae_cli.money import Euros
    from iae_cli.orient import Assessment, Orientation, Person

SHOWN = 10


def profile_line(person: Person) -> str:
    domain = person.domain.label if person.domain else None
    return f"{labels.person(person.diploma.label, person.years, domain)} ; envie : {person.wish.label}"


def closeness(fit: float, best: float) -> str:
    """How close a post is to the wish, in words (from the BM25 scores of the wish's words)."""
    if fit <= 0 or best <= 0:
        return "sans lien avec votre envie"
    share = fit / best
    if share >= 0.6:
        return "très proche de votre envie"
    return "assez proche de votre envie" if share >= 0.3 else "un peu éloigné de votre envie"


def _name(a: Assessment, best: float | None = None, details: bool = True) -> str:
    f = a.fiche
    text = (
        f"{f.title.masculine}\n{f.id}\n{LEVEL_LABELS[f.level]}"
        if details
        else f"{f.title.masculine}\n{LEVEL_LABELS[f.level]}"
    )
    return text if best is None else f"{text}\n({closeness(a.fit, best)})"


def _why_open(a: Assessment, person: Person, best: float, details: bool = True) -> str:
    f = a.fiche
    parts = []
    if a.alternative:
        parts.append(f"votre diplôme vaut « {a.alternative} », que la fiche accepte")
    else:
        parts.append(f"{labels.bac(person.diploma.bac)} pour {labels.diploma(f.diploma)} demandé")
    if f.experience.standing == "decisive-asset":
        if not a.caveat:  # else the asset sentence below says it
            parts.append(f"{labels.years(person.years)} ; {labels.decisive_asset(f.experience)}")
    elif f.experience.required_years == 0:
        parts.append("aucune expérience exigée")
    else:
        needed = f"{labels.years(person.years)} ; la fiche {labels.fiche_asks(f.experience)}"
        if a.domain_ok:
            needed += f", dans votre domaine ({f.experience.domain})"
        parts.append(needed)
    parts.append(closeness(a.fit, best))
    if a.caveat:
        e = f.experience
        where = f" (p. {e.pages})" if details else ""
        parts.append(f"{labels.asset_gap(e, a.asset_years, a.domain_ok is False)}{where}")
    return " ; ".join(parts)


def missing_lines(a: Assessment, person: Person, details: bool = True) -> list[str]:
    """Exactly what a post lacks for this person: diploma, years, domain; then the study's assets.
    Without `details` (a handout), no page numbers."""
    f, out = a.fiche, []
    if a.bac:
        text = f"diplôme : {labels.diploma(f.diploma)} demandé, vous avez {labels.bac(person.diploma.bac)}"
        if f.diploma.alternatives:
            text += f" (accepté aussi : {', '.join(f.diploma.alternatives)})"
        out.append(text)
    if a.years:
        floor = ", le seuil du tableau de synthèse" if f.experience.standing == "decisive-asset" else ""
        asks = labels.fiche_asks(f.experience)
        out.append(f"expérience : il manque {labels.years(a.years)}{floor} ; la fiche {asks}")
    if a.domain_ok is False:
        where = f" (p. {f.experience.pages})" if details else ""
        out.append(
            f"domaine : la fiche demande une expérience en {f.experience.domain}{where} ; "
            f"la vôtre ({person.domain.label if person.domain else 'aucun'}) n'y compte pas"
        )
    out += [f"atout selon l'étude (pas une condition) : {labels.lower_first(asset)}" for asset in f.experience.assets]
    return out


def _open_blocks(o: Orientation, best: float, limit: int, euros: Euros | None, details: bool) -> list[Block]:
    """The posts open now, then those open despite a decisive asset the person lacks (the same groups as match)."""
    plain, caveat = o.ready, o.caveat
    headers = ("Poste / identifiant / niveau" if details else "Poste", labels.salary_header(euros), "Pourquoi")
    out: list[Block] = [Heading(labels.group_heading(labels.OPEN_GROUP, len(plain)), 2)]
    for group, posts in ((labels.OPEN_GROUP, plain), (labels.CAVEAT_GROUP, caveat)):
        if group == labels.CAVEAT_GROUP and posts:
            out.append(Heading(labels.group_heading(group, len(posts)), 2))
        if posts:
            rows = tuple(
                (
                    _name(a, details=details),
                    labels.salary_cell(a.fiche.salary, euros),
                    _why_open(a, o.person, best, details),
                )
                for a in posts[:limit]
            )
            out.append(Table(headers, rows))
    if not o.open:
        out.append(Paragraph("Aucun poste n'est encore ouvert avec ce profil : voyez ci-dessous ce qui manque."))
    elif not plain:
        out.append(Paragraph("Aucun poste où vous remplissez tout ; voyez ci-dessous ceux qui vous sont ouverts."))
    return out


def _next_table(o: Orientation, best: float, limit: int) -> Table:
    """On screen: the next posts in a table, one line per thing missing."""
    lacks = tuple((_name(a, best), "\n".join(missing_lines(a, o.person))) for a in o.next[:limit])
    return Table(("Poste / identifiant / niveau", "Ce qui manque"), lacks)


def _next_sections(o: Orientation, best: float, limit: int, details: bool) -> list[Block]:
    """In a document (Markdown, HTML): each next post under its title, what is missing as a list (a table
    cell would fold those lines into brackets)."""
    out: list[Block] = []
    for a in o.next[:limit]:
        f = a.fiche
        where = [f.id] if details else []
        where += [LEVEL_LABELS[f.level], closeness(a.fit, best)]
        lacks = tuple(f"{line[:1].upper()}{line[1:]}." for line in missing_lines(a, o.person, details))
        out += [Heading(f.title.masculine, 3), Paragraph(" ; ".join(where) + "."), Bullets(lacks)]
    return out


def orient_view(
    o: Orientation,
    graph: CareerGraph,
    title_of: Callable[[str], str],
    limit: int = SHOWN,
    euros: Euros | None = None,
    document: bool = False,
    details: bool = True,
    later: Sequence[LaterEntry] = (),
    later_as_of: str | None = None,
) -> Document:
    """The orientation; `euros` adds each 2008 pay in another year's euros (issue 12). A `document`
    (-f markdown|html) lists each next post under its title; without `details` (the handout), it shows
    no internal ids and no pages but in the « Sources » footer, as every handout."""
    person = o.person
    best = o.best_fit
    doc = Document().add(Heading(f"Votre orientation : {profile_line(person)}"))
    doc.add(*_open_blocks(o, best, limit, euros, details))
    if o.next:
        doc.add(Heading(labels.group_heading(labels.NEAR_GROUP, len(o.next)), 2))
        doc.add(*(_next_sections(o, best, limit, details) if document else [_next_table(o, best, limit)]))
    if o.target is not None:
        doc.add(Heading(f"Le parcours vers « {title_of(o.target)} »", 2))
        if o.route is None:  # the target is the post closest to the wish, reachable or not (orient._route)
            since = "votre poste actuel" if o.person.current else "les postes qui vous sont ouverts"
            doc.add(
                Paragraph(
                    "C'est le plus proche de votre envie parmi les postes à viser ; les évolutions décrites "
                    f"par l'étude n'y mènent pas depuis {since} : ce qui manque pour y accéder est dit plus haut."
                )
            )
        else:
            doc.add(route_tree(o.route, graph, title_of, details))
    if o.training:
        doc.add(Heading("Pour obtenir le diplôme qui manque", 2))
        ways = [f"{t.name} : {labels.lower_first(t.summary)}" for t in o.training]
        doc.add(Bullets(tuple(f"{w} (p. {t.pages})" if details else w for w, t in zip(ways, o.training, strict=True))))
        if not document:  # a handout lists « Depuis 2008 » at its end, for all it names
            doc.add(*told_blocks(later, later_as_of))
    if o.domain_elsewhere:
        see = ", et la fiche dit ce que l'étude attend (iae show IDENTIFIANT --section experience)" if details else ""
        less = "Une expérience hors du domaine qu'une fiche demande n'y compte pas : elle n'ouvre pas le poste ici"
        doc.add(Paragraph(f"{less}{see}.", "note"))
    if euros is not None:
        doc.add(Paragraph(labels.euros_note(euros) if details else labels.euros_explained(euros), "note"))
    return doc


def orient_pages(o: Orientation, graph: CareerGraph, limit: int = SHOWN) -> list[str]:
    """The study's pages an orientation draws on (the posts shown, the route, the training), for « Sources »."""
    shown = [a.fiche.pages for a in (*o.open[:limit], *o.next[:limit])]
    route = [page for e in graph.route_edges(o.route) for page in e.pages] if o.route else []
    return shown + route + [t.pages for t in o.training]
