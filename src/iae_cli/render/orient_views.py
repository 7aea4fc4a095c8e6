"""What `iae orient` prints: the posts open now, the next ones with what is missing, the route,
and the study's ways to a missing diploma. The Markdown form is a handout a counsellor can give."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from iae_cli.model import LEVEL_LABELS
from iae_cli.render import labels
from iae_cli.render.career_views import route_tree
from iae_cli.render.document import Block, Bullets, Document, Heading, Paragraph, Table

if TYPE_CHECKING:  # render formats core results; it never calls the core
    from iae_cli.careers import CareerGraph
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


def _name(a: Assessment, best: float | None = None) -> str:
    f = a.fiche
    text = f"{f.title.masculine}\n{f.id}\n{LEVEL_LABELS[f.level]}"
    return text if best is None else f"{text}\n({closeness(a.fit, best)})"


def _why_open(a: Assessment, person: Person, best: float) -> str:
    f = a.fiche
    parts = []
    if a.alternative:
        parts.append(f"votre diplôme vaut « {a.alternative} », que la fiche accepte")
    else:
        parts.append(f"{labels.bac(person.diploma.bac)} pour {labels.diploma(f.diploma)} demandé")
    if f.experience.required_years == 0:
        if not a.caveat:  # else the asset sentence below says « aucune durée exigée »
            parts.append("aucune expérience exigée")
    else:
        needed = f"{labels.years(person.years)} ; la fiche {labels.fiche_asks(f.experience)}"
        if a.domain_ok:
            needed += f", dans votre domaine ({f.experience.domain})"
        parts.append(needed)
    parts.append(closeness(a.fit, best))
    if a.caveat:
        e = f.experience
        parts.append(f"{labels.asset_gap(e, a.asset_years, a.domain_ok is False)} (p. {e.pages})")
    return " ; ".join(parts)


def missing_lines(a: Assessment, person: Person) -> list[str]:
    """Exactly what a post lacks for this person: diploma, years, domain; then the study's assets."""
    f, out = a.fiche, []
    if a.bac:
        text = f"diplôme : {labels.diploma(f.diploma)} demandé, vous avez {labels.bac(person.diploma.bac)}"
        if f.diploma.alternatives:
            text += f" (accepté aussi : {', '.join(f.diploma.alternatives)})"
        out.append(text)
    if a.years:
        out.append(f"expérience : il manque {labels.years(a.years)} ; la fiche {labels.fiche_asks(f.experience)}")
    if a.domain_ok is False:
        out.append(
            f"domaine : la fiche demande une expérience en {f.experience.domain} (p. {f.experience.pages}) ; "
            f"la vôtre ({person.domain.label if person.domain else 'aucun'}) compte moins"
        )
    out += [f"atout selon l'étude (pas une condition) : {labels.lower_first(asset)}" for asset in f.experience.assets]
    return out


def _open_blocks(o: Orientation, best: float, limit: int, euros: Euros | None) -> list[Block]:
    """The posts open now, then those open despite a decisive asset the person lacks (the same groups as match)."""
    plain = [a for a in o.open if not a.caveat]
    caveat = [a for a in o.open if a.caveat]
    headers = ("Poste / identifiant / niveau", labels.salary_header(euros), "Pourquoi")
    out: list[Block] = [Heading(labels.group_heading(labels.OPEN_GROUP, len(plain)), 2)]
    for group, posts in ((labels.OPEN_GROUP, plain), (labels.CAVEAT_GROUP, caveat)):
        if group == labels.CAVEAT_GROUP and posts:
            out.append(Heading(labels.group_heading(group, len(posts)), 2))
        if posts:
            rows = tuple(
                (_name(a), labels.salary_cell(a.fiche.salary, euros), _why_open(a, o.person, best))
                for a in posts[:limit]
            )
            out.append(Table(headers, rows))
    if not o.open:
        out.append(Paragraph("Aucun poste n'est encore ouvert avec ce profil : voyez ci-dessous ce qui manque."))
    elif not plain:
        out.append(Paragraph("Aucun poste où vous remplissez tout ; voyez ci-dessous ceux qui vous sont ouverts."))
    return out


def orient_view(
    o: Orientation,
    graph: CareerGraph,
    title_of: Callable[[str], str],
    limit: int = SHOWN,
    euros: Euros | None = None,
) -> Document:
    """The orientation; `euros` adds each 2008 pay in another year's euros (issue 12)."""
    person = o.person
    best = max((a.fit for a in (*o.open, *o.next)), default=0.0)
    doc = Document().add(Heading(f"Votre orientation : {profile_line(person)}"))
    doc.add(*_open_blocks(o, best, limit, euros))
    if o.next:
        doc.add(Heading(labels.group_heading(labels.NEAR_GROUP, len(o.next)), 2))
        lacks = tuple((_name(a, best), "\n".join(missing_lines(a, person))) for a in o.next[:limit])
        doc.add(Table(("Poste / identifiant / niveau", "Ce qui manque"), lacks))
    if o.target is not None:
        doc.add(Heading(f"Le parcours vers « {title_of(o.target)} »", 2))
        if o.route is None:
            doc.add(Paragraph("Aucun parcours connu dans les mobilités de l'étude depuis votre situation."))
        else:
            doc.add(route_tree(o.route, graph, title_of))
    if o.training:
        doc.add(Heading("Pour obtenir le diplôme qui manque", 2))
        doc.add(Bullets(tuple(f"{t.name} : {labels.lower_first(t.summary)} (p. {t.pages})" for t in o.training)))
    if any(a.domain_ok is False for a in o.next):
        doc.add(
            Paragraph(
                "Une expérience hors du domaine qu'une fiche demande compte moins : elle n'ouvre pas le poste "
                "ici, et la fiche dit ce que l'étude attend (iae show IDENTIFIANT --section experience).",
                "note",
            )
        )
    if euros is not None:
        doc.add(Paragraph(labels.euros_note(euros), "note"))
    return doc
