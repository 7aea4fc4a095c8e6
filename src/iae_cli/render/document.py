"""A neutral document: the one description that text, Rich and Markdown output all render."""

import re
from typing import NamedTuple

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Data never reaches a terminal as control codes: they become U+FFFD."""
    return _CONTROL.sub("\N{REPLACEMENT CHARACTER}", text)


def clean_all(texts: list[str]) -> list[str]:
    """`clean` for many texts: one search over them all, then a text-by-text pass only if needed."""
    return [clean(t) for t in texts] if _CONTROL.search("".join(texts)) else texts


class Heading(NamedTuple):
    text: str
    level: int = 1


class Paragraph(NamedTuple):
    text: str
    style: str = "normal"  # normal | note | warning


class Bullets(NamedTuple):
    items: tuple[str, ...]
    title: str | None = None


class Fields(NamedTuple):
    pairs: tuple[tuple[str, str], ...]


class Table(NamedTuple):
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


class Tree(NamedTuple):
    """Indented lines: (depth, text)."""

    lines: tuple[tuple[int, str], ...]


class Snippets(NamedTuple):
    """Labelled passages whose spans (start, end) are marked: matched words of a search. Bold on a
    terminal, [between brackets] in plain text, **bold** in Markdown."""

    items: tuple[tuple[str, str, tuple[tuple[int, int], ...]], ...]


def mark(text: str, spans: tuple[tuple[int, int], ...], before: str, after: str) -> str:
    """`text` with each span wrapped in `before` and `after` (spans in order, not overlapping)."""
    out, last = [], 0
    for start, end in spans:
        out += [text[last:start], before, text[start:end], after]
        last = end
    out.append(text[last:])
    return "".join(out)


Block = Heading | Paragraph | Bullets | Fields | Table | Tree | Snippets


class Document:
    __slots__ = ("blocks",)

    def __init__(self) -> None:
        self.blocks: list[Block] = []

    def add(self, *blocks: Block) -> "Document":
        self.blocks.extend(blocks)
        return self
