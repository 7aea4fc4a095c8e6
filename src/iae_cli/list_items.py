"""`iae list` from the cache: each fiche's item of `--format json` (`<key>.items.jsonl`), and its
row of the table (`<key>.rows.jsonl`), kept as compact JSON text after their first use, so that a
list is then cached text, with no summary built or written again.

Stored by `cache.write_lines`: a header with the signature and how many fiches each level has,
then one item per line, in list order.
"""

from pathlib import Path
from typing import NamedTuple

from iae_cli import cache


class ListItems(NamedTuple):
    """Each fiche's item, as compact JSON text, in list order, and how many fiches each level has."""

    levels: list[tuple[str, int]]
    items: list[str]

    def of_level(self, level: str | None) -> list[str]:
        if level is None:
            return self.items
        start = 0
        for name, count in self.levels:
            if name == level:
                return self.items[start : start + count]
            start += count
        return []


def read(data_dir: Path, expected: str, name: str = "items") -> ListItems | None:
    """The cached list items (ASCII lines); None when missing, stale or they do not add up."""
    cached = cache.read_lines(data_dir, name, expected)
    if cached is None:
        return None
    header, body = cached
    levels = header.get("levels")
    if not isinstance(levels, list) or not all(
        isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], str) and type(pair[1]) is int
        for pair in levels
    ):
        return None
    try:
        items = body.decode("ascii").split("\n")[:-1]
    except UnicodeDecodeError:
        return None
    if len(items) != sum(n for _level, n in levels):
        return None
    return ListItems([(level, n) for level, n in levels], items)


def write(data_dir: Path, signature: str, items: ListItems, name: str = "items") -> None:
    """Store the list items (each one compact JSON text without a newline); no error when it cannot."""
    cache.write_lines(data_dir, name, {"signature": signature, "levels": items.levels}, items.items)
