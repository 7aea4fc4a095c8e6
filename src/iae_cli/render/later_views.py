"""Later facts (after the 2008 study) as document blocks, always labelled as later and sourced."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from iae_cli.render import labels
from iae_cli.render.document import Block, Bullets, Heading, Paragraph, Table

if TYPE_CHECKING:
    from iae_cli.later import Change, FicheLater, LaterEntry, LaterFacts, LaterSource, RomeTable

MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
STRENGTH_LABELS = {"strong": "correspondance forte", "weak": "correspondance plus lâche"}
PROPOSAL = "correspondance proposée, absente de l'étude"


def date_fr(date: str) -> str:
    """'2009-01-01' -> '1er janvier 2009'; '2018-01' -> 'janvier 2018'; '2010' -> '2010'."""
    parts = date.split("-")
    if len(parts) == 1:
        return date
    month = MONTHS[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    day = int(parts[2])
    return f"{'1er' if day == 1 else day} {month} {parts[0]}"


def source_text(source: LaterSource) -> str:
    """'service-public.fr, service-public.fr/particuliers/actualites/A17001, 18 décembre 2023'."""
    parts = [source.site]
    if source.title:
        parts.append(f"« {source.title} »")
    if source.url:
        parts.append(source.url)
    parts.append(date_fr(source.date) if source.date else "non datée")
    return ", ".join(parts)


def as_of_note(date: str | None) -> str:
    when = f" (la plus récente : {date_fr(date)})" if date else ""
    return f"Faits postérieurs à l'étude de 2008, vérifiés à la date de leur source{when}."


def history(entry: LaterEntry) -> str:
    """'Pôle emploi (1er janvier 2009), puis France Travail (1er janvier 2024)'."""
    return ", puis ".join(f"{c.became} ({date_fr(c.date)})" for c in entry.changes)


def short_line(entry: LaterEntry) -> str:
    """One line per institution: what it became, and where that was read."""
    sources = " ; ".join(dict.fromkeys(source_text(c.source) for c in entry.changes))
    verb = "devenu" if entry.changed else "depuis"
    return f"{entry.name} : {verb} {history(entry)} — source : {sources}"


def change_line(change: Change) -> str:
    text = f"{date_fr(change.date)} — {change.summary}"
    if change.legal:
        text += f" Texte : {change.legal}."
    return f"{text} Source : {source_text(change.source)}."


def entry_blocks(entry: LaterEntry) -> list[Block]:
    """The whole story of one entry, change by change, each with its text and source."""
    return [Bullets(tuple(change_line(c) for c in entry.changes), f"{entry.name} ({entry.full_name}) — depuis 2008")]


def since_blocks(entries: Iterable[LaterEntry], as_of: str | None, level: int = 2) -> list[Block]:
    """The « Depuis 2008 » block: one line per entry, then when the facts were checked."""
    lines = tuple(short_line(e) for e in entries)
    if not lines:
        return []
    return [Heading("Depuis 2008", level), Bullets(lines), Paragraph(as_of_note(as_of), "note")]


def topic_blocks(facts: LaterFacts | None, topic: str, level: int = 3) -> list[Block]:
    """A sector topic's later facts, in detail."""
    if facts is None:
        return []
    entries = facts.for_topic(topic)
    if not entries:
        return []
    out: list[Block] = [Heading("Depuis 2008 (faits postérieurs à l'étude)", level)]
    for entry in entries:
        out += entry_blocks(entry)
    out.append(Paragraph(as_of_note(facts.latest_date()), "note"))
    return out


def figures_blocks(facts: LaterFacts | None, level: int = 3) -> list[Block]:
    """The sector's later figures, series by series, each point with its date and source."""
    if facts is None:
        return []
    out: list[Block] = [Heading("Depuis l'étude : chiffres postérieurs, datés et sourcés", level)]
    for series in facts.figures:
        rows = tuple((p.as_of, labels.number(p.value), p.note or "", source_text(p.source)) for p in series.points)
        out += [Heading(series.label, level + 1), Table(("Date", "Valeur", "Précision", "Source"), rows)]
    out.append(Paragraph(facts.figures_note, "note"))
    return out


def rome_blocks(later: FicheLater, rome: RomeTable | None, level: int = 2) -> list[Block]:
    """The proposed ROME codes of a fiche, and where those codes are used today."""
    if not later.rome or rome is None:
        return []
    lines = []
    for link in later.rome:
        version = "" if link.label_is_rome4 else " (intitulé du ROME v3)"
        text = f"{link.code} — {link.label}{version} : {STRENGTH_LABELS[link.strength]}"
        text += f" ; appellation : {link.appellation}" if link.appellation else ""
        text += f" ({link.note})" if link.note else ""
        lines.append(text)
    out: list[Block] = [
        Heading("Codes ROME", level),
        Paragraph(f"{PROPOSAL.capitalize()} : un rapprochement de notre part, appuyé sur une appellation du ROME."),
        Bullets(tuple(lines)),
        Paragraph(
            f"{rome.name} — {rome.summary} Source : {source_text(rome.source)} ; appellations : "
            f"{source_text(rome.appellations_source)}.",
            "note",
        ),
    ]
    if later.services:
        services = tuple(f"{s.name} : {s.fact} (source : {source_text(s.source)})" for s in later.services)
        out.append(Bullets(services, "Où ces codes servent aujourd'hui"))
    return out


def rome_answer(code: str, fiche_titles: Iterable[tuple[str, str, str]]) -> list[Block]:
    """`iae show K1801`: the fiches linked to a ROME code (id, title, strength)."""
    rows = tuple((title, fiche_id, STRENGTH_LABELS[strength]) for fiche_id, title, strength in fiche_titles)
    return [
        Heading(f"Code ROME {code}"),
        Paragraph(f"Fiches de l'étude rapprochées de ce code ({PROPOSAL}) :"),
        Table(("Métier", "Identifiant", "Lien"), rows),
    ]
