"""What `iae compare` prints for people: two posts side by side, then the way from one to the other."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from iae_cli.model import LEVEL_LABELS, FicheSummary
from iae_cli.render import labels
from iae_cli.render.career_views import route_tree
from iae_cli.render.document import Bullets, Document, Heading, Paragraph, Table

if TYPE_CHECKING:  # render formats core results; it never calls the core
    from iae_cli.careers import CareerGraph
    from iae_cli.compare import Comparison, Item, Post
    from iae_cli.money import Euros

SHOWN_SHARED = 20
NO_FICHE = "non précisé (poste cité dans les parcours, sans fiche)"


def _pay(s: FicheSummary, euros: Euros | None, details: bool) -> str:
    """2008 pay, then today's euros: on a second line on screen, in the same sentence in a handout."""
    text = labels.salary_with_profile(s.salary)
    if euros is None:
        return text
    today = euros.convert(s.salary.min_keur, s.salary.max_keur, s.salary.year)
    if details:
        return f"{text}\n{labels.today(today)}"
    return f"{text}, soit environ {labels.pay_range(today.min_keur, today.max_keur)} en euros de {today.year}"


def _column(post: Post, euros: Euros | None, details: bool) -> tuple[str, ...]:
    """A post's cells: id, level, diploma, experience, assets, pay, recruiters, reporting."""
    if post.fiche is None:
        return (post.id, NO_FICHE, NO_FICHE, NO_FICHE, "—", "—", "—", "—")
    f, s = post.fiche, post.fiche.summary
    diploma = labels.diploma(s.diploma)
    if s.diploma.fields:
        diploma += f" ({', '.join(s.diploma.fields)})"
    if s.diploma.alternatives:
        diploma += f" ; ou : {', '.join(s.diploma.alternatives)}"
    experience = labels.experience_in_words(s.experience)
    if s.experience.domain and s.experience.standing != "decisive-asset":  # else the sentence names it
        experience += f", dans le domaine : {s.experience.domain}"
    return (
        post.id,
        LEVEL_LABELS[s.level],
        diploma,
        experience,
        labels.join_items(_assets(s)) or "—",
        _pay(s, euros, details),
        labels.join_items(f.recruiters.items) or "—",
        labels.join_items(f.reporting.items) or "—",
    )


def _assets(s: FicheSummary) -> list[str]:
    """What the study calls « un atout » for a post: never a condition (the decisive one is under Expérience)."""
    fields = [f"formation en {', '.join(s.diploma.asset_fields)}"] if s.diploma.asset_fields else []
    return [*fields, *s.experience.assets]


ROWS = ("Identifiant", "Niveau", "Diplôme", "Expérience", "Atouts", "Salaire", "Recruteurs", "Rattachement")


def _gap_lines(c: Comparison) -> list[str]:
    if c.a.fiche is None or c.b.fiche is None:
        unknown = c.a if c.a.fiche is None else c.b
        return [
            f"L'étude ne précise pas les exigences de « {unknown.title} » (poste sans fiche) : "
            "la différence de diplôme et d'expérience ne peut pas être calculée."
        ]
    lines = []
    sb = c.b.fiche.summary
    bac, years = c.bac.to_add or 0, c.years.to_add or 0
    if bac:
        plural = "x" if bac > 1 else ""
        lines.append(
            f"Diplôme : {labels.number(bac)} niveau{plural} de plus ({labels.diploma(sb.diploma)} demandé, "
            f"{labels.bac(int(c.bac.a or 0))} pour le premier poste) ; la VAE permet d'obtenir un diplôme "
            "à partir de l'expérience."
        )
    else:
        lines.append("Diplôme : rien à ajouter (le second poste ne demande pas un niveau plus élevé).")
    if years:
        text = f"Expérience : {labels.years(years)} de plus que le minimum du premier poste"
        text += f" (la fiche {labels.fiche_asks(sb.experience)}"
        text += f", dans le domaine : {sb.experience.domain})" if sb.experience.domain else ")"
        lines.append(text + ".")
    else:
        lines.append("Expérience : le second poste ne demande pas plus d'années que le premier.")
    if sb.experience.standing == "decisive-asset":
        e = sb.experience
        domain = f" ({e.domain})" if e.domain else ""
        lines.append(
            f"Atout déterminant selon l'étude pour le second poste, pas une condition : "
            f"{labels.experience_figure(e)}{domain}."
        )
    lines += [f"Atout cité par l'étude pour le second poste : {labels.lower_first(asset)}." for asset in _assets(sb)]
    note = labels.table_note(sb.experience)
    if note:
        lines.append(f"{note[:1].upper()}{note[1:]}.")
    return lines


def _items(found: tuple[Item, ...]) -> tuple[str, ...]:
    return tuple(f"{item.section} : {labels.lower_first(item.text)}" for item in found)


def compare_view(
    c: Comparison,
    graph: CareerGraph,
    title_of: Callable[[str], str],
    euros: Euros | None = None,
    details: bool = True,
) -> Document:
    """Two posts side by side, then the way from one to the other. Without `details` (the handout of
    -f markdown|html), no internal ids and no pages but in the « Sources » footer, as every handout."""
    doc = Document().add(Heading(f"{c.a.title} → {c.b.title}"))
    columns = (_column(c.a, euros, details), _column(c.b, euros, details))
    rows = tuple((label, columns[0][i], columns[1][i]) for i, label in enumerate(ROWS))
    doc.add(Table(("Rubrique", c.a.title, c.b.title), rows if details else rows[1:]))  # rows[0]: the ids
    if euros is not None and (c.a.fiche or c.b.fiche) and details:  # a handout says it in its first lines
        doc.add(Paragraph(labels.euros_note(euros), "note"))
    for post in (c.a, c.b):
        if post.role is not None:
            where = f" (p. {post.role.pages})" if details else ""
            note = f" {post.role.note}" if post.role.note else ""
            doc.add(Paragraph(f"« {post.title} » est cité dans les parcours de l'étude{where}.{note}"))
    doc.add(Heading("Pour passer du premier au second", 2), Bullets(tuple(_gap_lines(c))))
    if c.a.fiche is not None and c.b.fiche is not None:
        doc.add(Heading(f"Ce que demande « {c.b.title} » en plus", 2))
        doc.add(Bullets(_items(c.only_b)) if c.only_b else Paragraph("Rien de propre au second poste."))
        if c.only_a:
            doc.add(Heading(f"Ce que fait « {c.a.title} » et pas le second", 2), Bullets(_items(c.only_a)))
        doc.add(Heading("En commun", 2))
        if c.shared:
            shown = ", ".join(c.shared[:SHOWN_SHARED])
            more = f"… ({len(c.shared)} en tout)" if len(c.shared) > SHOWN_SHARED else ""
            doc.add(
                Paragraph(f"Mots communs aux compétences, activités et connaissances des deux fiches : {shown}{more}")
            )
        else:
            doc.add(Paragraph("Aucun mot commun dans les compétences, activités et connaissances."))
        doc.add(
            Paragraph(
                "Une compétence ou activité est « en plus » quand la plupart de ses mots n'apparaissent pas "
                "dans l'autre fiche.",
                "note",
            )
        )
    doc.add(Heading("Parcours", 2))
    if c.route is None:
        doc.add(Paragraph("Aucun parcours connu de l'un à l'autre dans les mobilités de l'étude."))
    else:
        doc.add(route_tree(c.route, graph, title_of, details))
    return doc


def compare_pages(c: Comparison, graph: CareerGraph) -> list[str]:
    """The study's pages a comparison draws on, for a handout's « Sources »."""
    pages = [p.fiche.summary.pages for p in (c.a, c.b) if p.fiche is not None]
    pages += [p.role.pages for p in (c.a, c.b) if p.role is not None]
    return pages + ([page for e in graph.route_edges(c.route) for page in e.pages] if c.route else [])
