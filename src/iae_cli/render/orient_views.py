"""What `iae orient` prints: the posts open now, the next ones with what is missing, the route,
and the study's ways to a missing diploma. The Markdown form is a handout a counsellor can give."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from iae_cli.model import LEVEL_LABELS
from iae_cli.render import labels
from iae_cli.render.document import Bullets, Document, Heading, Paragraph, Table, Tree

if TYPE_CHECKING:  # render formats core results; it never calls the core
    from iae_cli.careers import CareerGraph
    from iae_cli.money import Euros
    from iae_cli.orient import Assessment, Orientation, Person

SHOWN = 10


def profile_line(person: Person) -> str:
    experience = f"{labels.years(person.years)} d'expérience" if person.years else "sans expérience"
    if person.years and person.domain:
        experience += f" ({person.domain.label})"
    return f"{person.diploma.label}, {experience} ; envie : {person.wish.label}"


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
        parts.append("aucune expérience exigée")
    else:
        needed = f"{labels.years(person.years)} ; la fiche {labels.fiche_asks(f.experience)}"
        if a.domain_ok:
            needed += f", dans votre domaine ({f.experience.domain})"
        parts.append(needed)
    parts.append(closeness(a.fit, best))
    if a.caveat:
        short = f"il vous manque {labels.years(a.asset_years)}" if a.asset_years else "votre domaine est autre"
        domain = f" en {f.experience.domain}" if f.experience.domain else ""
        parts.append(
            f"mais l'étude juge décisifs {labels.experience_figure(f.experience)}{domain} "
            f"({short} ; p. {f.experience.pages})"
        )
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
    out += [f"atout selon l'étude (pas une condition) : {asset}" for asset in f.experience.assets]
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
    doc.add(Heading(f"Postes ouverts dès maintenant ({len(o.open)})", 2))
    if o.open:
        rows = tuple(
            (_name(a), labels.salary_cell(a.fiche.salary, euros), _why_open(a, person, best)) for a in o.open[:limit]
        )
        doc.add(Table(("Poste / identifiant / niveau", labels.salary_header(euros), "Pourquoi"), rows))
    else:
        doc.add(Paragraph("Aucun poste n'est encore ouvert avec ce profil : voyez ci-dessous ce qui manque."))
    if o.next:
        doc.add(Heading(f"Les suivants ({len(o.next)}), du plus proche au plus lointain : ce qui manque", 2))
        lacks = tuple((_name(a, best), "\n".join(missing_lines(a, person))) for a in o.next[:limit])
        doc.add(Table(("Poste / identifiant / niveau", "Ce qui manque"), lacks))
    if o.target is not None:
        doc.add(Heading(f"Le parcours vers « {title_of(o.target)} »", 2))
        if o.route is None:
            doc.add(Paragraph("Aucun parcours connu dans les mobilités de l'étude depuis votre situation."))
        else:
            lines = [(0, f"{title_of(o.route[0])} [{o.route[0]}]")]
            for depth, edge in enumerate(graph.route_edges(o.route), start=1):
                kind = labels.LINK_LABELS[edge.kind]
                lines.append((depth, f"{title_of(edge.target)} [{edge.target}] — {kind} (p. {', '.join(edge.pages)})"))
            doc.add(Tree(tuple(lines)))
    if o.training:
        doc.add(Heading("Pour obtenir le diplôme qui manque", 2))
        doc.add(Bullets(tuple(f"{t.name} : {t.summary} (p. {t.pages})" for t in o.training)))
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
