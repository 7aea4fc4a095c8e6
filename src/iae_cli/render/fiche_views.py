"""What `iae list` and `iae show` print for people: documents built from the model."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from iae_cli.jsontext import compact
from iae_cli.model import LEVEL_LABELS, Fiche, FicheSummary, MobilityLink
from iae_cli.render import labels
from iae_cli.render.document import Block, Bullets, Document, Fields, Heading, Paragraph, Table
from iae_cli.render.sector_views import french

if TYPE_CHECKING:
    from iae_cli.later import FicheLater, RomeTable
    from iae_cli.money import Euros

# ---------------------------------------------------------------- list


Row = tuple[str, ...]


def list_rows(euros: Euros | None = None) -> Callable[[FicheSummary], Row]:
    """One fiche's row of the list: title and id, diploma, experience, pay (2008, and in `euros`
    when given); each distinct diploma, experience and pay written once."""
    diploma, experience = labels.once_each(labels.diploma), labels.once_each(labels.experience)
    pay = labels.salary_cells(euros)
    return lambda f: (f"{f.title.masculine}\n{f.id}", diploma(f.diploma), experience(f.experience), pay(f.salary))


def encoded_rows(euros: Euros | None = None) -> Callable[[FicheSummary], str]:
    """`list_rows` as compact JSON text, for the cache (`Catalog.list_items`)."""
    row = list_rows(euros)
    return lambda f: compact(row(f))


def decoded_rows(texts: list[str]) -> list[Row]:
    """The rows `encoded_rows` wrote, in one parse."""
    return [tuple(row) for row in json.loads("[" + ",".join(texts) + "]")]


def fiche_list(fiches: Iterable[FicheSummary], euros: Euros | None = None) -> Document:
    """Fiches grouped by level, one row each (`list_rows`), then one line saying where it all comes from."""
    by_level: dict[str, list[FicheSummary]] = {}
    for f in fiches:
        by_level.setdefault(f.level, []).append(f)
    row = list_rows(euros)
    return fiche_table([(level, [row(f) for f in group]) for level, group in by_level.items()], euros)


def fiche_table(groups: Iterable[tuple[str, list[Row]]], euros: Euros | None = None) -> Document:
    """The list's table, level by level, from rows already written (`list_rows`)."""
    doc = Document()
    for level, rows in groups:
        doc.add(
            Heading(LEVEL_LABELS[level], 2),
            Table(("Métier / identifiant", "Diplôme", "Expérience", labels.salary_header(euros)), tuple(rows)),
        )
    return doc.add(Paragraph(labels.euros_note(euros), "note"))


# ---------------------------------------------------------------- show


def _mission(f: Fiche) -> list[Block]:
    return [Paragraph(f.mission)]


def _disagreements(f: Fiche, about: str) -> list[Block]:
    return [Paragraph(labels.disagreement(d), "note") for d in f.disagreements_about(about)]


def _salary(f: Fiche, euros: Euros | None = None) -> list[Block]:
    """The fiche's pay in 2008 euros and, with `euros`, in another year's (issue 12)."""
    s = f.summary.salary
    text = labels.salary_sentence(s, euros)
    if s.profile:
        text += f", pour un profil : {s.profile}"
    out: list[Block] = [Paragraph(text), *_disagreements(f, "salary")]
    if euros is not None:
        out.append(Paragraph(labels.euros_explained(euros), "note"))
    return out


def _items(title: str, items: Iterable[str]) -> list[Block]:
    values = tuple(items)
    return [Bullets(values, title)] if values else []


def _recruiters(f: Fiche) -> list[Block]:
    return [Bullets(f.recruiters.items)]


def _reporting(f: Fiche) -> list[Block]:
    head, items = labels.shared_prefix(f.reporting.items)  # « Double contrôle : » said once, above its items
    return [Bullets(tuple(i[:1].upper() + i[1:] for i in items), head), *_disagreements(f, "reporting")]


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
    if d.asset_fields:
        pairs.append(("Un atout, pas une condition", ", ".join(d.asset_fields)))
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
        pairs.append(("Atouts, pas des conditions", " ; ".join(e.assets)))
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


def _offers(f: Fiche, euros: Euros | None = None) -> list[Block]:
    out: list[Block] = []
    for offer in f.offers:
        pairs = [("Salaire", labels.salary_sentence(offer.salary, euros) if offer.salary else "non précisé")]
        if offer.salary and offer.salary.note:
            pairs.append(("Précision", offer.salary.note))
        pairs.append(("Employeur", offer.employer))
        if offer.reporting:
            pairs.append(("Rattachement", offer.reporting))
        if offer.size:
            pairs.append(("Taille", offer.size))
        if offer.location:
            pairs.append(("Lieu", offer.location))
        out += [Heading(offer.title, 3), Fields(tuple(pairs))]
        out += _items("Missions", offer.missions) + _items("Exigences", offer.requirements)
    return out or [Paragraph("Aucune offre citée.")]


def _sources(f: Fiche) -> list[Block]:
    from iae_cli.render.data import sources

    pairs = tuple(
        (labels.SOURCE_NAMES.get(name, name), f"p. {pages}")
        for name, pages in sources(f).items()
        if name != "study" and pages
    )
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


def _typeset(block: Block) -> Block:
    """French spacing (no-break space inside « » and before : ; ? !) in what the data says."""
    if isinstance(block, Paragraph):
        return Paragraph(french(block.text), block.style)
    if isinstance(block, Bullets):
        return Bullets(tuple(map(french, block.items)), None if block.title is None else french(block.title))
    if isinstance(block, Fields):
        return Fields(tuple((french(k), french(v)) for k, v in block.pairs))
    if isinstance(block, Heading):
        return Heading(french(block.text), block.level)
    return block


# The sections that show pay, by id: their builders also take the conversion to show (issue 12).
PAY_SECTIONS: dict[str, Callable[[Fiche, Euros | None], list[Block]]] = {"salaire": _salary, "offres": _offers}


def fiche_view(
    f: Fiche,
    title_of: Callable[[str], str],
    section: str | None = None,
    euros: Euros | None = None,
    later: FicheLater | None = None,
    rome: RomeTable | None = None,
) -> Document:
    """A whole fiche (or one section). Pay is shown in 2008 euros and, with `euros`, in another
    year's; `later` adds what came after the study: proposed ROME codes and « Depuis 2008 »."""
    from iae_cli.render.later_views import rome_blocks, since_blocks

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
        if key == "mobilite":
            blocks = _mobility_blocks(f, title_of)
        elif key in PAY_SECTIONS:
            blocks = PAY_SECTIONS[key](f, euros)
        else:
            blocks = build(f)
        if blocks:
            doc.add(Heading(heading, 2), *map(_typeset, blocks))
    if later is not None and section in (None, "rome"):
        doc.add(*rome_blocks(later, rome))
    if later is not None and section in (None, "depuis"):
        doc.add(*since_blocks(later.entries, later.checked_as_of))
    return doc
