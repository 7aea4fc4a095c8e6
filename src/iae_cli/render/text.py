"""Plain text for pipes, NO_COLOR and dumb terminals: no escape codes, wrapped to a width."""

from __future__ import annotations

import textwrap

from iae_cli.render.document import Block, Bullets, Document, Fields, Heading, Paragraph, Table, clean, clean_all

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


def _table(block: Table, width: int) -> list[str]:
    count = len(block.headers)
    headers = clean_all(list(block.headers))
    flat = clean_all([cell for row in block.rows for cell in row])
    rows = [flat[i : i + count] for i in range(0, len(flat), count)]
    if width < NARROW:
        return _records(headers, rows, width)
    columns = [[h, *(r[i] for r in rows)] for i, h in enumerate(headers)]
    natural = [max(len(line) for cell in column for line in cell.split("\n")) for column in columns]
    gap = 2
    widths = list(natural)
    budget = width - gap * (len(widths) - 1)
    if sum(widths) > budget:
        floors = [max(len(word) for cell in column for word in cell.split() or [""]) for column in columns]
        while sum(widths) > budget:
            # Narrow the widest column that can still wrap between words.
            shrinkable = [i for i in range(len(widths)) if widths[i] > max(floors[i], 8)]
            if not shrinkable:
                return _records(headers, rows, width)
            widths[max(shrinkable, key=lambda i: widths[i])] -= 1
    wrapped_rows = [[_cell_lines(c, w) for c, w in zip(cells, widths, strict=True)] for cells in [headers, *rows]]
    tall = any(len(lines) > 1 for row in wrapped_rows[1:] for lines in row)
    out: list[str] = []
    separator = " " * gap
    for index, wrapped in enumerate(wrapped_rows):
        if index == 1:
            out.append(separator.join("-" * w for w in widths).rstrip())
        if tall and index > 1:
            out.append("")
        height = max(map(len, wrapped))
        if height == 1:
            out.append(separator.join([w[0].ljust(widths[i]) for i, w in enumerate(wrapped)]).rstrip())
            continue
        for line_no in range(height):
            parts = [(w[line_no] if line_no < len(w) else "").ljust(widths[i]) for i, w in enumerate(wrapped)]
            out.append(separator.join(parts).rstrip())
    return out


def _cell_lines(cell: str, width: int) -> list[str]:
    """Greedy word wrap of a table cell (much faster than textwrap for thousands of cells)."""
    lines: list[str] = []
    for part in cell.split("\n"):
        if len(part) <= width:
            lines.append(part)
            continue
        line = ""
        for word in part.split():
            while len(word) > width:  # a word longer than the column is cut
                if line:
                    lines.append(line)
                    line = ""
                lines.append(word[:width])
                word = word[width:]
            if not line:
                line = word
            elif len(line) + 1 + len(word) <= width:
                line += " " + word
            else:
                lines.append(line)
                line = word
        lines.append(line)
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
        return _table(block, width)
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
