"""Plain text for pipes, NO_COLOR and dumb terminals: no escape codes, wrapped to a width."""

from __future__ import annotations

import re
import textwrap
from itertools import zip_longest

from iae_cli.render.document import (
    Block,
    Bullets,
    Document,
    Fields,
    Heading,
    Paragraph,
    Snippets,
    Table,
    Tree,
    clean,
    clean_all,
    mark,
)

NARROW = 60


def _wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    lines: list[str] = []
    for index, paragraph in enumerate(clean(text).split("\n")):
        lines.extend(
            textwrap.wrap(
                paragraph,
                width=max(width, len(first) + 10),
                initial_indent=first if index == 0 else rest,
                subsequent_indent=rest,
                break_long_words=True,
                break_on_hyphens=False,
            )
            or [first.rstrip()]
        )
    return lines


def table_lines(block: Table, width: int) -> list[str]:
    """A table as lines of plain text: columns fitted to `width`, else one record per row."""
    head, body = table_layout(block, width)
    return head + body


def table_layout(block: Table, width: int) -> tuple[list[str], list[str]]:
    """The lines of a table's header (with its underline) and of its rows; no header when the
    table is laid out as records (one block of 'header : value' lines per row)."""
    count = len(block.headers)
    headers = clean_all(list(block.headers))
    flat = clean_all([cell for row in block.rows for cell in row])
    rows = [flat[i : i + count] for i in range(0, len(flat), count)]
    if width < NARROW:
        return [], _records(headers, rows, width)
    # Column by column, with C-level joins and splits: tables may have thousands of rows.
    columns = [[h, *flat[i::count]] for i, h in enumerate(headers)]
    naturals = [max(map(len, "\n".join(column).split("\n"))) for column in columns]
    widths = list(naturals)
    gap = 2
    budget = width - gap * (len(widths) - 1)
    if sum(widths) > budget:
        floors = [max(map(len, " ".join(column).split()), default=0) for column in columns]
        while sum(widths) > budget:
            # Narrow the widest column that can still wrap between words.
            shrinkable = [i for i in range(len(widths)) if widths[i] > max(floors[i], 8)]
            if not shrinkable:
                return [], _records(headers, rows, width)
            widths[max(shrinkable, key=lambda i: widths[i])] -= 1
    # Cells of a column that fits are only split into their lines; the others are wrapped.
    wrapped_columns = [
        [cell.split("\n") for cell in column] if natural <= w else [_cell_lines(cell, w) for cell in column]
        for column, natural, w in zip(columns, naturals, widths, strict=True)
    ]
    wrapped_rows = list(zip(*wrapped_columns, strict=True))
    tall = any(len(lines) > 1 for row in wrapped_rows[1:] for lines in row)
    separator = " " * gap
    line_of = separator.join([*(f"{{:<{w}}}" for w in widths[:-1]), "{}"]).format  # cells are arguments, not format
    head = [line_of(*parts).rstrip() for parts in zip_longest(*wrapped_rows[0], fillvalue="")]
    if len(wrapped_rows) > 1:  # underlined only when rows follow
        head.append(separator.join("-" * w for w in widths).rstrip())
    body: list[str] = []
    for index, wrapped in enumerate(wrapped_rows[1:]):
        if tall and index > 0:
            body.append("")
        body += [line_of(*parts).rstrip() for parts in zip_longest(*wrapped, fillvalue="")]
    return head, body


_LINE_PATTERNS: dict[int, re.Pattern[str]] = {}


def _cell_lines(cell: str, width: int) -> list[str]:
    """Greedy word wrap of a table cell, faster than textwrap for thousands of cells: each line
    is the longest run of words that fits, or a word cut at the column width."""
    lines: list[str] = []
    for part in cell.split("\n"):
        if len(part) <= width:
            lines.append(part)
            continue
        pattern = _LINE_PATTERNS.get(width)
        if pattern is None:
            pattern = _LINE_PATTERNS[width] = re.compile(rf"(.{{1,{width}}})(?: |$)|(\S{{{width}}})")
        lines += [fits or cut for fits, cut in pattern.findall(" ".join(part.split()))] or [""]
    return lines


def _records(headers: list[str], rows: list[list[str]], width: int) -> list[str]:
    """A table too wide for the screen: one block of 'header: value' lines per row."""
    out: list[str] = []
    for row in rows:
        for header, cell in zip(headers, row, strict=True):
            out.extend(_wrap(cell.replace("\n", " — "), width, f"{header} : ", "  "))
        out.append("")
    return out[:-1]


def _block(block: Block, width: int) -> list[str]:
    if isinstance(block, Heading):
        title = clean(block.text)
        if block.level == 1:
            return [*_wrap(title.upper(), width), ""]
        return ["", *_wrap(title, width), "-" * min(len(title), width)]
    if isinstance(block, Paragraph):
        prefix = {"note": "Note : ", "warning": "Attention : "}.get(block.style, "")
        return _wrap(prefix + block.text, width)
    if isinstance(block, Bullets):
        lines = ["", *_wrap(block.title, width)] if block.title else []
        for item in block.items:
            lines.extend(_wrap(item, width, "- ", "  "))
        return lines
    if isinstance(block, Fields):
        lines = []
        for label, value in block.pairs:
            lines.extend(_wrap(value, width, f"{clean(label)} : ", "  "))
        return lines
    if isinstance(block, Table):
        return table_lines(block, width)
    if isinstance(block, Snippets):
        lines = []
        for label, text, spans in block.items:
            lines += _wrap(mark(text, spans, "[", "]"), width, f"  {clean(label)} : ", "    ")
        return lines
    return tree_lines(block, width)


def tree_lines(block: Tree, width: int) -> list[str]:
    """Indented lines, each wrapped under its own text."""
    lines = []
    for depth, text in block.lines:
        indent = "  " * depth
        lines.extend(_wrap(text, width, indent + ("└ " if depth else ""), indent + "  "))
    return lines


def render_text(document: Document, width: int = 80) -> str:
    lines: list[str] = []
    for block in document.blocks:
        for line in _block(block, width):
            if line or (lines and lines[-1]):  # never two blank lines in a row
                lines.append(line)
    return "\n".join(lines).strip("\n") + "\n"
