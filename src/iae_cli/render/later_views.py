"""Later facts (after the 2008 study) as document blocks, always labelled as later and sourced."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from iae_cli.render.document import Block, Bullets, Heading, Paragraph, Table

if TYPE_CHECKING:
    from iae_cli.later import Change, FicheLater, LaterEntry, LaterFacts, LaterSource, RomeLink, RomeTable
    from iae_cli.model import GlossaryTerm

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
NBSP = "\u00a0"


def fr(text: str) -> str:
    """French typography: a no-break space before « ; » and « : » and inside « »."""
    return text.replace(" ;", NBSP + ";").replace(" :", NBSP + ":").replace("« ", "«" + NBSP).replace(" »", NBSP + "»")


STRENGTH_LABELS = {"strong": "correspondance forte", "weak": "correspondance plus lâche"}
PROPOSAL = "correspondance proposée, absente de l'étude"


def date_fr(date: str) -> str:
    """'2009-01-01' -> '1er janvier 2009'; '2018-01' -> 'janvier 2018'; '2010' -> '2010'."""
    parts = date.split("-")
    if len(parts) == 1:
        return date
    month = MONTHS[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month}{NBSP}{parts[0]}"
    day = int(parts[2])
    return f"{'1er' if day == 1 else day}{NBSP}{month}{NBSP}{parts[0]}"


def source_text(source: LaterSource) -> str:
    """'service-public.fr, service-public.fr/particuliers/actualites/A17001, 18 décembre 2023'."""
    parts = [] if source.url and source.url.startswith(source.site) else [source.site]
    if source.title:
        parts.append(f"« {source.title} »")
    if source.url:
        parts.append(source.url)
    parts.append(date_fr(source.date) if source.date else "non datée")
    return fr(", ".join(parts))


def as_of_note(date: str | None) -> str:
    when = f" (la plus récente : {date_fr(date)})" if date else ""
    return fr(f"Faits postérieurs à l'étude de 2008, vérifiés à la date de leur source{when}.")


def history(entry: LaterEntry, years_only: bool = False) -> str:
    """'ANPE → Pôle emploi (1er janvier 2009) → France Travail (1er janvier 2024)'; with
    `years_only`, 'ANPE → Pôle emploi (2009) → France Travail (2024)'."""
    steps = [f"{c.became} ({c.date[:4] if years_only else date_fr(c.date)})" for c in entry.changes]
    if not entry.changed:  # still there under its name: 'Adie : toujours active (2023)'
        return f"{entry.name} : {', '.join(steps)}"
    return " → ".join([entry.name, *steps])


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def short_line(entry: LaterEntry) -> str:
    """One line per institution: what it became, and where that was read."""
    sources = " ; ".join(dict.fromkeys(source_text(c.source) for c in entry.changes))
    return fr(f"{history(entry)} — source : {sources}")


def change_line(change: Change) -> str:
    text = f"{date_fr(change.date)} — {change.summary}"
    if change.legal:
        text += f" Texte : {change.legal}."
    return fr(f"{text} Source : {source_text(change.source)}.")


def entry_label(entry: LaterEntry) -> str:
    """'ANPE (Agence nationale pour l'emploi)'; a full name that already holds the name is said alone
    (« Université de Marne-la-Vallée (Paris-Est)… », « France Active »)."""
    if entry.full_name.startswith(entry.name):
        return entry.full_name
    return f"{entry.name} ({entry.full_name})"


def entry_blocks(entry: LaterEntry) -> list[Block]:
    """The whole story of one entry, change by change, each with its text and source."""
    return [Bullets(tuple(change_line(c) for c in entry.changes), f"{entry_label(entry)} — depuis 2008")]


def since_blocks(entries: Sequence[LaterEntry], as_of: str | None, level: int = 2) -> list[Block]:
    """The « Depuis 2008 » block: one line per entry, then when the facts were checked."""
    lines = tuple(short_line(e) for e in entries)
    if not lines:
        return []
    return [Heading("Depuis 2008", level), Bullets(lines), Paragraph(as_of_note(as_of), "note")]


def told_blocks(entries: Sequence[LaterEntry], as_of: str | None, level: int = 3) -> list[Block]:
    """« Depuis 2008 » with each entry's whole story (what was not checked included), then the date."""
    if not entries:
        return []
    out: list[Block] = [Heading("Depuis 2008", level)]
    for entry in entries:
        out += entry_blocks(entry)
    return [*out, Paragraph(as_of_note(as_of), "note")]


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
        rows = tuple(
            (p.as_of, f"{p.value:,}".replace(",", NBSP), fr(p.note or ""), source_text(p.source)) for p in series.points
        )
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
            f"{rome.name} : {_lower_first(rome.summary)} Source : {source_text(rome.source)} ; appellations : "
            f"{source_text(rome.appellations_source)}.",
            "note",
        ),
    ]
    if later.services:
        services = tuple(
            f"{s.name} : {_lower_first(s.fact).rstrip('.')} (source : {source_text(s.source)})" for s in later.services
        )
        out.append(Bullets(services, "Où ces codes servent aujourd'hui"))
    return out


def rome_answer(code: str, links: Sequence[RomeLink], title_of: Callable[[str], str]) -> list[Block]:
    """`iae show K1801`: the fiches linked to a ROME code, each with the strength and the appellation."""
    rows = tuple(
        (
            f"{title_of(link.fiche)}\n{link.fiche}",
            STRENGTH_LABELS[link.strength],
            link.appellation or "aucune appellation",
        )
        for link in links
    )
    first = links[0].fiche if links else ""
    return [
        Heading(f"Code ROME {code} — {links[0].label}" if links else f"Code ROME {code}"),
        Paragraph(f"Fiches de l'étude rapprochées de ce code ({PROPOSAL}) :"),
        Table(("Métier / identifiant", "Lien", "Appellation du ROME"), rows),
        Paragraph(f"Pour lire une fiche entière : iae show {first}"),
    ]


DETAILED_UP_TO = 5  # terms shown: up to this many, each later history is told in full, with its sources


def glossary_later(
    terms: Sequence[GlossaryTerm],
    later: Mapping[str, Sequence[LaterEntry]],
    later_terms: frozenset[str],
    as_of: str | None,
) -> list[Block]:
    """Under the glossary table: what † means, then (for a short answer) each history in full."""
    out: list[Block] = []
    if any(t.term in later_terms for t in terms):
        out.append(Paragraph("† terme apparu après l'étude de 2008.", "note"))
    told = [e for t in terms for e in later.get(t.term, ())]
    if not told:
        return out
    if len(terms) > DETAILED_UP_TO:
        out.append(Paragraph(f"{as_of_note(as_of)} Dates, textes et sources : iae glossary SIGLE.", "note"))
        return out
    out.append(Heading("Depuis 2008", 2))
    for entry in dict.fromkeys(told):
        out += entry_blocks(entry)
    out.append(Paragraph(as_of_note(as_of), "note"))
    return out


def timeline_blocks(facts: LaterFacts, level: int) -> list[Block]:
    """Every change since the study, oldest first, each with its source."""
    changes = sorted(  # each change from the step before it: Pôle emploi → France Travail, not ANPE → …
        (
            (c.date, e.changes[i - 1].became if i and e.changed else e.name, c)
            for e in facts.entries
            for i, c in enumerate(e.changes)
            if c.date[:4] >= "2008"
        ),
        key=lambda item: item[0],
    )
    rows = tuple((date_fr(date), f"{name} → {c.became}", source_text(c.source)) for date, name, c in changes)
    return [
        Heading("Depuis 2008 : les changements, dans l'ordre", level),
        Table(("Date", "Changement", "Source"), rows),
    ]


def sector_later(facts: LaterFacts | None, topic: str, level: int) -> list[Block]:
    """What a topic of `iae sector` shows after the study's facts: figures, a timeline, or the entries."""
    if facts is None:
        return []
    if topic == "figures":
        return figures_blocks(facts, level)
    if topic == "history":
        return [*timeline_blocks(facts, level), Paragraph(as_of_note(facts.latest_date()), "note")]
    return topic_blocks(facts, topic, level)
