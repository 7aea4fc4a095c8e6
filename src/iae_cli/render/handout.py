"""What turns an answer into a document to hand over: a line on where the facts come from,
a key to the acronyms the document uses, and a short « Sources » footer.

A handout is written for the person who receives it: the views of handout_views.py leave out
internal ids and per-section pages; `--details` keeps them (the views of `iae show`, `match`…).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from iae_cli.model import GlossaryTerm
from iae_cli.render import labels
from iae_cli.render.document import Bullets, Document, Fields, Heading, Paragraph, Snippets, Table, Tree
from iae_cli.render.later_views import date_fr, since_blocks

if TYPE_CHECKING:
    from iae_cli.later import LaterEntry, LaterFacts
    from iae_cli.money import PriceIndex, TodayPay

STUDY = "Apec, « Les emplois cadres dans les entreprises d'insertion », décembre 2008"
FROM_2008 = (
    "Les faits de ce document viennent de l'étude de l'Apec publiée en décembre 2008 : "
    "métiers, exigences et salaires (en euros de 2008) décrivent le secteur à cette date."
)


def texts_of(document: Document) -> list[str]:
    """Every text a reader sees in a document."""
    out: list[str] = []
    for block in document.blocks:
        if isinstance(block, Heading | Paragraph):
            out.append(block.text)
        elif isinstance(block, Bullets):
            out += [block.title or "", *block.items]
        elif isinstance(block, Fields):
            out += [text for pair in block.pairs for text in pair]
        elif isinstance(block, Table):
            out += [*block.headers, *(cell for row in block.rows for cell in row)]
        elif isinstance(block, Tree):
            out += [text for _depth, text in block.lines]
        elif isinstance(block, Snippets):
            out += [text for item in block.items for text in item[:2]]
    return out


def acronyms_used(document: Document, glossary: Iterable[GlossaryTerm]) -> list[GlossaryTerm]:
    """The glossary's terms that appear as whole words (case as written) in the document."""
    terms = {t.term: t for t in glossary}
    if not terms:
        return []
    pattern = re.compile(
        r"(?<![\w/])(" + "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)) + r")(?![\w/])"
    )
    found = {match.group(1) for text in texts_of(document) for match in pattern.finditer(text)}
    return [terms[t] for t in sorted(found, key=str.casefold)]


def _first_page(pages: str) -> int:
    digits = re.match(r"\d+", pages.strip())
    return int(digits.group()) if digits else 0


def pages_text(pages: Iterable[str]) -> str:
    """'47-50', '27-30, 43-46' … merged, ordered by first page, each range once."""
    ranges = {p.strip() for group in pages for p in group.split(",") if p.strip()}
    return ", ".join(sorted(ranges, key=lambda p: (_first_page(p), p)))


def prices_sentence(prices: PriceIndex) -> str:
    """How 2008 euros compare with the latest year of the price table (a price adjustment only)."""
    year = prices.latest
    rise = round((prices.factor(year) - 1) * 100)
    return (
        f"En euros de {year}, un salaire de 2008 vaut environ {rise} % de plus : c'est ce qu'il permettrait "
        f"d'acheter, pas le salaire actuel du poste. Indice : {prices.index_name}."  # its name has brackets
    )


def today_sentence(today: TodayPay) -> str:
    pay = labels.pay_range(today.min_keur, today.max_keur)  # rounded: a price adjustment, not a figure
    return f"Soit environ {pay} en euros de {today.year} (ajustement sur les prix, non un salaire constaté)."


def _prices_source(prices: PriceIndex) -> str:
    s = prices.source
    parts = [s.site]
    if s.title:
        parts.append(f"« {s.title} »")
    if s.url:
        parts.append(s.url)
    parts.append(date_fr(s.date))
    return f"Fait postérieur à l'étude : {prices.index_name} — {', '.join(parts)}."


def finish(
    document: Document,
    glossary: Iterable[GlossaryTerm],
    pages: Iterable[str],
    later: LaterFacts | None = None,
    prices: PriceIndex | None = None,
    footer: bool = True,
    since: Sequence[LaterEntry] | None = None,
) -> Document:
    """The document, with the 2008 line after its title, then « Depuis 2008 » (the institutions it
    names that changed since), « Sigles » and « Sources » at its end."""
    blocks = list(document.blocks)
    at = 1 if blocks and isinstance(blocks[0], Heading) else 0
    out = Document()
    top = FROM_2008 + (" " + prices_sentence(prices) if prices is not None else "")
    out.add(*blocks[:at], Paragraph(top, "note"), *blocks[at:])
    if later is not None:
        told = later.named_in(texts_of(document)) if since is None else since  # `since`: chosen by the caller
        out.add(*since_blocks(told, later.latest_date()))
    used = acronyms_used(document, glossary)
    if used:
        out.add(Heading("Sigles", 2), Table(("Sigle", "Signification"), tuple((t.term, t.meaning) for t in used)))
    if not footer:  # the document already lists its sources (`show --details`)
        return out
    where = pages_text(pages)
    sources = [f"{STUDY}{', pages ' + where if where else ''}."]
    if prices is not None:
        sources.append(_prices_source(prices))
    out.add(Heading("Sources", 2), Bullets(tuple(sources)))
    return out
