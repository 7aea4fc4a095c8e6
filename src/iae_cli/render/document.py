"""A neutral document: the one description that text, Rich and Markdown output all render."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Data never reaches a terminal as control codes: they become U+FFFD."""
    return _CONTROL.sub("\N{REPLACEMENT CHARACTER}", text)


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    style: str = "normal"  # normal | note | warning


@dataclass(frozen=True, slots=True)
class Bullets:
    items: tuple[str, ...]
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Fields:
    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Tree:
    """Indented lines: (depth, text)."""

    lines: tuple[tuple[int, str], ...]


Block = Heading | Paragraph | Bullets | Fields | Table | Tree


@dataclass(slots=True)
class Document:
    blocks: list[Block] = field(default_factory=list)

    def add(self, *blocks: Block) -> Document:
        self.blocks.extend(blocks)
        return self
