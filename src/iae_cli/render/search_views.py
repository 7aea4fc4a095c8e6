"""What `iae search` prints for people: ranked results with their matched passages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from iae_cli.render.document import Document, Heading, Paragraph, Snippets

if TYPE_CHECKING:  # render formats core results; it never calls the core
    from iae_cli.search import Hit, SearchResult

KIND_LABELS = {
    "fiche": "fiche métier",
    "role": "poste cité dans les parcours",
    "sector": "secteur",
    "glossary": "sigle",
    "later": "depuis 2008",
    "rome": "code ROME",
}
PARTIAL = "aucun résultat pour tous les mots ; résultats pour une partie"
SHOWN_QUERY = 80


def shown_query(result: SearchResult) -> str:
    text = " ".join(result.query.text.split())
    return text if len(text) <= SHOWN_QUERY else text[: SHOWN_QUERY - 1] + "…"


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


LABEL = 28  # characters of a passage's label (an offer's title can be long; the JSON keeps it whole)


def short_label(section: str) -> str:
    """« offre « Responsable du contrôle de gestion (H/F) » » → « offre « Responsable du contr… » »."""
    if len(section) <= LABEL:
        return section
    closing = " »" if section.endswith("»") else ""
    return section[: LABEL - len(closing) - 1].rstrip() + "…" + closing


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


def search_view(result: SearchResult) -> Document:
    doc = Document()
    count = result.total
    found = f"{count} résultat{'s' if count > 1 else ''}" if count else "aucun résultat"
    doc.add(Heading(f"Recherche « {shown_query(result)} » : {found}"))
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
        doc.add(Heading(f"{rank}. {hit.title}", 2))
        line = f"{KIND_LABELS.get(hit.kind, hit.kind)} · {hit.id}"  # the score is in the JSON; the rank says it here
        command = next_command(hit)
        doc.add(Paragraph(f"{line} · {command}" if command else line))
        if hit.matches:
            doc.add(Snippets(tuple((short_label(m.section), *excerpt(m.text, m.spans)) for m in hit.matches)))
    if result.total > len(result.hits):
        doc.add(Paragraph(f"… et {result.total - len(result.hits)} autre(s) : --limit N pour en voir plus."))
    return doc
