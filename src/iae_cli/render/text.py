"""Plain text for pipes, NO_COLOR and dumb terminals: no escape codes, wrapped to a width.

The layouts live here and the Rich renderer uses them too, so that both keep the same
promises (lines break as `render.lines` allows): a table keeps each column as wide as its
longest word, and becomes one block per row when the screen is too narrow for that; a tree
draws its guides and keeps wrapped text under its own start.
"""

from __future__ import annotations

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
from iae_cli.render.lines import BLANKS, ONE_CELL, display_width, glue, line_pattern, longest_word, words, wrap

# ---------------------------------------------------------------- tables


def column_widths(columns: list[list[str]], budget: int, wide: bool = False) -> list[int] | None:
    """Widths for columns of cells (header first) sharing `budget` cells, or None when even
    their longest words do not fit side by side (the table is then laid out as records)."""
    return _fitted(columns, budget, wide)[1]


def _fitted(columns: list[list[str]], budget: int, wide: bool) -> tuple[list[int], list[int] | None]:
    """Each column's natural width (its longest line) and the widths `column_widths` gives."""
    texts = ["\n".join(dict.fromkeys(column)) for column in columns]  # a repeated cell measured once

    def longest(parts: list[str]) -> int:  # wide text: each distinct line or word measured once
        return max(map(display_width, set(parts))) if wide else max(map(len, parts))

    naturals = [longest(text.split("\n")) for text in texts]
    if sum(naturals) <= budget:
        return naturals, naturals
    # Each column keeps its longest word; words that no-break rules hold together (« 30 k€ »)
    # are measured only in the columns that wrap, the others never break a line.
    floors = [longest(words(text)) for text in texts]
    measured: set[int] = set()
    while True:
        widths = _shrink(naturals, floors, budget)
        wrapping = [i for i, w in enumerate(widths or []) if w < naturals[i] and i not in measured]
        if not wrapping:
            return naturals, widths
        for i in wrapping:
            measured.add(i)
            floors[i] = longest(words(glue(texts[i])))


def _shrink(naturals: list[int], floors: list[int], budget: int) -> list[int] | None:
    """Narrow the widest column that can still wrap between words, one cell at a time (among
    equally wide ones, the leftmost first), until the columns fit in `budget`.

    Done level by level rather than cell by cell: the widest columns come down together to the
    next width that matters (another column's width, or a column's floor), and the last cells
    are taken from the leftmost of them, as one cell at a time would."""
    if sum(floors) > budget:
        return None
    widths = list(naturals)
    limits = [max(floor, 8) for floor in floors]
    excess = sum(widths) - budget
    while excess > 0:
        shrinkable = [i for i, w in enumerate(widths) if w > limits[i]]
        if not shrinkable:
            return None
        top = max(widths[i] for i in shrinkable)
        widest = [i for i in shrinkable if widths[i] == top]
        lower = [widths[i] for i in shrinkable if widths[i] < top]
        level = max([*lower, *(limits[i] for i in widest)])
        if excess >= len(widest) * (top - level):
            for i in widest:
                widths[i] = level
            excess -= len(widest) * (top - level)
            continue
        steps, extra = divmod(excess, len(widest))
        for rank, i in enumerate(widest):
            widths[i] = top - steps - (1 if rank < extra else 0)
        excess = 0
    return widths


def table_rows(block: Table) -> tuple[list[str], list[list[str]]]:
    """Headers and rows, cleaned of control codes."""
    count = len(block.headers)
    flat = clean_all([cell for row in block.rows for cell in row])
    return clean_all(list(block.headers)), [flat[i : i + count] for i in range(0, len(flat), count)]


def needs_display_width(headers: list[str], rows: list[list[str]]) -> bool:
    return not ONE_CELL.fullmatch("".join([*headers, *(cell for row in rows for cell in row)]))


def cell_lines(cell: str, width: int, wide: bool = False) -> list[str]:
    """The lines of a table cell `width` cells wide."""
    if wide:
        return wrap(cell, width)
    return _cell_lines(cell, width)


def table_lines(block: Table, width: int) -> list[str]:
    """A table as lines of plain text: columns fitted to `width`, else one record per row."""
    head, body = table_layout(block, width)
    return head + body


def table_layout(block: Table, width: int) -> tuple[list[str], list[str]]:
    """The lines of a table's header (with its underline) and of its rows; no header when the
    table is laid out as records (one block of 'header : value' lines per row)."""
    headers, rows = table_rows(block)
    wide = needs_display_width(headers, rows)
    count = len(headers)
    gap = 2
    # Column by column, with C-level joins and splits: tables may have thousands of rows.
    columns = [[h, *(row[i] for row in rows)] for i, h in enumerate(headers)]
    naturals, widths = _fitted(columns, width - gap * (count - 1), wide)
    if widths is None:
        return [], [text for text, _label in records(headers, rows, width)]
    # Cells of a column that fits are only split into their lines; the others are wrapped.
    wrapped_columns = [
        [cell.split("\n") for cell in column] if natural <= w and not wide else _wrapped_column(column, w, wide)
        for column, natural, w in zip(columns, naturals, widths, strict=True)
    ]
    wrapped_rows = list(zip(*wrapped_columns, strict=True))
    tall = any(len(lines) > 1 for row in wrapped_rows[1:] for lines in row)
    separator = " " * gap

    def line_of(parts: tuple[str, ...]) -> str:
        if wide:
            cells = [p + " " * (w - display_width(p)) for p, w in zip(parts[:-1], widths, strict=False)]
            return separator.join([*cells, parts[-1]]).rstrip()
        return plain_line(*parts).rstrip()

    plain_line = separator.join([*(f"{{:<{w}}}" for w in widths[:-1]), "{}"]).format  # cells are arguments
    head = [line_of(parts) for parts in zip_longest(*wrapped_rows[0], fillvalue="")]
    if len(wrapped_rows) > 1:  # underlined only when rows follow
        head.append(separator.join("-" * w for w in widths).rstrip())
    body: list[str] = []
    for index, wrapped in enumerate(wrapped_rows[1:]):
        if tall and index > 0:
            body.append("")
        if wide:
            body += [line_of(parts) for parts in zip_longest(*wrapped, fillvalue="")]
        else:  # the same as line_of, without a call per line: tables may have 20,000 lines
            body += [plain_line(*parts).rstrip() for parts in zip_longest(*wrapped, fillvalue="")]
    return head, body


def _cell_lines(cell: str, width: int) -> list[str]:
    """Greedy word wrap of a table cell, faster than `wrap` for thousands of cells: each line
    is the longest run of words that fits, or a word cut at the column width. Only ordinary
    spaces separate words (a no-break space holds its number together)."""
    lines: list[str] = []
    for part in cell.split("\n"):
        if len(part) <= width:
            lines.append(part)
            continue
        if "\t" in part or "  " in part:
            part = BLANKS.sub(" ", part)
        lines += [fits or cut.strip(" ") for fits, cut in line_pattern(width).findall(part.strip(" "))] or [""]
    return lines


def _wrapped_column(column: list[str], width: int, wide: bool) -> list[list[str]]:
    """Each cell of a column wrapped; a cell repeated down the column (a pay range, a reason
    shared by hundreds of posts) is wrapped once."""
    done: dict[str, list[str]] = {}
    out = []
    for cell in column:
        lines = done.get(cell)
        if lines is None:
            lines = done[cell] = wrap(cell, width) if wide else _cell_lines(cell, width)
        out.append(lines)
    return out


def labelled(label: str, value: str, width: int) -> list[tuple[str, str]]:
    """'label : value', wrapped under a two-space indent (a label wider than the line wraps
    too). Each line comes with the part of it that is label ('' when none), for styling."""
    head = wrap(f"{label} :", width, "", "  ")
    out = [(line, line) for line in head[:-1]]
    parts = clean(value).split("\n")
    body = wrap(parts[0], width, head[-1] + " ", "  ")
    out += [(line, head[-1] if n == 0 else "") for n, line in enumerate(body)]
    for part in parts[1:]:
        out += [(line, "") for line in wrap(part, width, "  ", "  ")]
    return out


def records(headers: list[str], rows: list[list[str]], width: int) -> list[tuple[str, str]]:
    """A table too wide for the screen: one block of 'header : value' lines per row, blocks
    apart. Each line comes with the part of it that is label ('' for the others)."""
    out: list[tuple[str, str]] = []
    for row in rows:
        for header, cell in zip(headers, row, strict=True):
            out += labelled(header, cell, width)
        out.append(("", ""))
    return out[:-1]


# ---------------------------------------------------------------- trees


def tree_layout(block: Tree, width: int) -> list[tuple[str, str]]:
    """A tree as (guide, text) lines: siblings drawn with « ├ », the last one with « └ », and
    wrapped text kept under its own start. When the deepest entries would leave no room for
    their longest word, an outline numbered 1, 1.1, 1.2… takes the tree's place."""
    items = [(depth, clean(text)) for depth, text in block.lines]
    if any(2 * depth + longest_word(text) > width for depth, text in items if 2 * depth + len(text) > width):
        return _outline(items, width)
    last = _last_siblings([depth for depth, _text in items])
    out: list[tuple[str, str]] = []
    open_levels: list[bool] = []  # for each depth above: do more siblings follow?
    for index, (depth, text) in enumerate(items):
        if depth == 0:
            out += [("", line) for line in wrap(text, width)]
            open_levels = []
            continue
        del open_levels[depth - 1 :]
        above = "".join("│ " if more else "  " for more in open_levels)
        open_levels.append(not last[index])
        first = above + ("└ " if last[index] else "├ ")
        rest = above + ("  " if last[index] else "│ ")
        lines = wrap(text, width - len(first))
        out += [(first if n == 0 else rest, line) for n, line in enumerate(lines)]
    return out


def _last_siblings(depths: list[int]) -> list[bool]:
    """For each entry, whether no sibling follows it (one pass from the end)."""
    last = [True] * len(depths)
    followed: dict[int, bool] = {}
    for index in range(len(depths) - 1, -1, -1):
        depth = depths[index]
        last[index] = not followed.get(depth, False)
        followed = {d: more for d, more in followed.items() if d < depth}
        followed[depth] = True
    return last


def _outline(items: list[tuple[int, str]], width: int) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    numbers: list[int] = []
    for depth, text in items:
        if depth == 0:
            out += [("", line) for line in wrap(text, width)]
            continue
        del numbers[depth:]
        numbers += [0] * (depth - len(numbers))
        numbers[depth - 1] += 1
        label = ".".join(map(str, numbers)) + " "
        lines = wrap(text, width, label, "  ")
        out += [(label if n == 0 else "", line.removeprefix(label) if n == 0 else line) for n, line in enumerate(lines)]
    return out


def tree_lines(block: Tree, width: int) -> list[str]:
    return [guide + text for guide, text in tree_layout(block, width)]


# ---------------------------------------------------------------- documents

PREFIXES = {"note": "Note : ", "warning": "Attention : "}


def _block(block: Block, width: int) -> list[str]:
    if isinstance(block, Heading):
        title = clean(block.text)
        if block.level == 1:
            return [*wrap(title.upper(), width), ""]
        lines = wrap(title, width)
        return ["", *lines, "-" * max(map(display_width, lines))]
    if isinstance(block, Paragraph):
        return wrap(PREFIXES.get(block.style, "") + block.text, width)
    if isinstance(block, Bullets):
        lines = ["", *wrap(block.title, width)] if block.title else []
        for item in block.items:
            lines.extend(wrap(item, width, "- ", "  "))
        return lines
    if isinstance(block, Fields):
        return [line for label, value in block.pairs for line, _label in labelled(clean(label), value, width)]
    if isinstance(block, Table):
        return table_lines(block, width)
    if isinstance(block, Snippets):
        lines = []
        for label, text, spans in block.items:
            lines += wrap(mark(text, spans, "[", "]"), width, f"  {clean(label)} : ", "    ")
        return lines
    return tree_lines(block, width)


def render_text(document: Document, width: int = 80) -> str:
    lines: list[str] = []
    for block in document.blocks:
        for line in _block(block, width):
            if line or (lines and lines[-1]):  # never two blank lines in a row
                lines.append(line)
    return "\n".join(lines).strip("\n") + "\n"
