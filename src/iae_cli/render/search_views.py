"""What `iae search` prints for people: ranked results with their matched passages."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from iae_cli.render.document import Document, Heading, Paragraph, Snippets
from iae_cli.render.later_views import NBSP, date_fr

if TYPE_CHECKING:  # render formats core results; it never calls the core
    from iae_cli.search import Hit, Match, SearchResult

KIND_LABELS = {
    "fiche": "fiche métier",
    "role": "poste cité dans les parcours",
    "sector": "secteur",
    "glossary": "sigle",
    "later": "depuis 2008",
    "rome": "code ROME",
}
PARTIAL = "aucun résultat pour tous les mots ; résultats pour une partie"
SOME_WORDS = "Avec une partie des mots seulement"
SHOWN_QUERY = 80


def shown_query(result: SearchResult) -> str:
    """The query as typed, between « »: its "phrases" in the quotes that go inside (“ ”); a query
    that is one phrase only is shown bare, followed by « (expression exacte) »."""
    text = " ".join(result.query.text.split())
    text = text if len(text) <= SHOWN_QUERY else text[: SHOWN_QUERY - 1] + "…"
    pieces = text.split('"')
    if len(pieces) == 3 and not pieces[0].strip() and not pieces[2].strip():
        return f"« {pieces[1].strip()} » (expression exacte)"
    if len(pieces) % 2 == 0:  # an unclosed quote is plain text, as the search reads it
        pieces[-2:] = [f'{pieces[-2]}"{pieces[-1]}']
    return "« " + "".join(f"“{piece}”" if index % 2 else piece for index, piece in enumerate(pieces)) + " »"


def next_command(hit: Hit) -> str:
    """The command that shows the whole of a result."""
    if hit.kind == "fiche":
        return f"iae show {hit.id}"
    if hit.kind == "role":
        return f"iae path {hit.id}"
    if hit.kind == "sector":
        return f"iae sector {hit.id.split('/')[0]}"
    if hit.kind == "glossary":
        return f"iae glossary {hit.id}"

    return ""


EXCERPT = 240  # characters of a long passage shown around its first matched word


OFFER = re.compile(r"offre « (.*) »", re.S)
ISO_DATE = re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b")


def labels_of(matches: tuple[Match, ...]) -> list[str]:
    """Each passage's label, whole: an offer's title shown once (« offre » before the title itself,
    « même offre » after it), a date in words (« depuis 2008 (1er juin 2009) »)."""
    out: list[str] = []
    previous = ""
    for match in matches:
        offer = OFFER.fullmatch(match.section)
        if offer and match.section == previous:
            out.append("même offre")
        elif offer and offer.group(1) == match.text:
            out.append("offre")
        else:
            out.append(ISO_DATE.sub(lambda date: date_fr(date.group()).replace(NBSP, " "), match.section))
        previous = match.section
    return out


def excerpt(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A long passage cut to a window around its first matched word (between words, with « … »),
    and its spans moved into the window."""
    if len(text) <= EXCERPT or not spans:
        return text, spans
    start = max(0, spans[0][0] - EXCERPT // 4)
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), start + EXCERPT)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > spans[0][1] else end
    prefix, suffix = ("…" if start else ""), ("…" if end < len(text) else "")
    shift = len(prefix) - start
    kept = tuple((a + shift, b + shift) for a, b in spans if a >= start and b <= end)
    return prefix + text[start:end] + suffix, kept


def _some_words(result: SearchResult) -> str:
    """After the count of results with every word: how many more have some of them."""
    more = result.total - result.complete
    if not result.complete or not more:
        return ""
    return f" avec tous les mots, {more} avec une partie d'entre eux"


def search_view(result: SearchResult) -> Document:
    doc = Document()
    count = result.complete or result.total
    found = f"{count} résultat{'s' if count > 1 else ''}" if count else "aucun résultat"
    doc.add(Heading(f"Recherche {shown_query(result)} : {found}{_some_words(result)}"))
    if result.query.cut:
        doc.add(Paragraph("recherche très longue : seuls ses premiers mots ont été pris en compte", "note"))
    if not result.hits:
        if result.suggestions:
            doc.add(Paragraph(f"Mots proches dans les données : {', '.join(result.suggestions)}."))
        else:
            doc.add(Paragraph("Aucun mot proche dans les données : essayez un autre mot."))
        return doc
    if result.partial:
        text = PARTIAL
        if result.unmatched:
            text += f" (sans résultat : {', '.join(result.unmatched)})"
        doc.add(Paragraph(text, "note"))
    for rank, hit in enumerate(result.hits, start=1):
        if not hit.all_words and result.complete and result.hits[rank - 2].all_words:
            doc.add(Heading(SOME_WORDS, 2))
        doc.add(Heading(f"{rank}. {hit.title}", 2))
        line = f"{KIND_LABELS.get(hit.kind, hit.kind)} · {hit.id}"  # the score is in the JSON; the rank says it here
        command = next_command(hit)
        doc.add(Paragraph(f"{line} · {command}" if command else line))
        if hit.matches:
            shown = zip(labels_of(hit.matches), hit.matches, strict=True)
            doc.add(Snippets(tuple((label, *excerpt(m.text, m.spans)) for label, m in shown)))
    if result.total > len(result.hits):
        doc.add(Paragraph(f"… et {result.total - len(result.hits)} autre(s) : --limit N pour en voir plus."))
    return doc
