"""Rich output for a colour terminal. Every string from data goes in as `Text`: never markup.

Rich only draws and colours here; the lines are laid out by `render.text` (which never breaks
a word that fits, nor a number at its no-break space, nor an id at its hyphens), so that what
Rich prints is never cut. Text keeps the last column free: at a terminal a character there
cannot be told from a cut one. A table's right border may take it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import IO

from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.table import Table as RichTable
from rich.text import Text

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
    mark,
)
from iae_cli.render.lines import display_width, wrap
from iae_cli.render.text import (
    PREFIXES,
    cell_lines,
    column_widths,
    labelled,
    needs_display_width,
    records,
    table_layout,
    table_rows,
    tree_layout,
    tree_lines,
)

# Rich measures every cell and wraps every line: a 5,000-row table took over 3 s, a career map
# of 9,500 lines 0.8 s. Past this many rows or lines, the plain-text layout (the same columns,
# about 10 ms per 1,000 rows here) is printed instead, with a bold header.
LARGE = 200

_PARAGRAPH_STYLES = {"note": "italic yellow", "warning": "bold yellow"}


class _PlainLines:
    """Lines already laid out to the width, handed to Rich as they are (bold header, then body)."""

    def __init__(self, head: list[str], body: list[str]) -> None:
        self.head, self.body = head, body

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        bold, newline = Style(bold=True), Segment.line()
        for line in self.head:
            yield Segment(line, bold)
            yield newline
        for line in self.body:
            yield Segment(line)
            yield newline


def _lines(lines: list[str], style: str = "", head: int = 0, head_style: str = "") -> Text:
    """Lines as one Text; the first `head` cells of the first line in `head_style`."""
    text = Text("\n".join(lines), style=style)
    if head and head_style:
        text.stylize(head_style, 0, head)
    return text


def _labelled(pairs: list[tuple[str, str]], label_style: str) -> Text:
    """Lines that may start with a label (given with each line), the label styled."""
    text = Text()
    for index, (line, label) in enumerate(pairs):
        if index:
            text.append("\n")
        text.append(line[: len(label)], style=label_style)
        text.append(line[len(label) :])
    return text


def _table(block: Table, columns: int) -> RenderableType:
    """A Rich table whose columns hold their longest word; one block per row when they cannot."""
    text_width = columns - 1
    if len(block.rows) > LARGE:
        return _PlainLines(*table_layout(block, text_width))
    headers, rows = table_rows(block)
    wide = needs_display_width(headers, rows)
    cells = [[h, *(row[i] for row in rows)] for i, h in enumerate(headers)]
    widths = column_widths(cells, columns - 3 * len(headers) - 1, wide)
    if widths is None:
        # Without borders the columns need 4 to 6 cells less; else one block per row.
        if column_widths(cells, text_width - 2 * (len(headers) - 1), wide):
            return _PlainLines(*table_layout(block, text_width))
        return _labelled(records(headers, rows, text_width), "bold")
    laid = [[cell_lines(cell, w, wide) for cell in column] for column, w in zip(cells, widths, strict=True)]
    table = RichTable(show_lines=any(len(lines) > 1 for column in laid for lines in column[1:]), expand=False)
    for column, w in zip(laid, widths, strict=True):
        table.add_column(Text("\n".join(column[0]), style="bold"), width=w, no_wrap=True, overflow="ignore")
    for row in zip(*(column[1:] for column in laid), strict=True):
        table.add_row(*(Text("\n".join(lines)) for lines in row))
    return table


def _fields(block: Fields, width: int) -> Text:
    """Labels in a column when they leave room for every word of the values; else 'label : value'."""
    pairs = [(clean(label), value) for label, value in block.pairs]
    label_width = max(display_width(label) for label, _ in pairs)
    room = width - label_width - 1
    longest = max((display_width(word) for _, value in pairs for word in clean(value).split(" ")), default=0)
    lines: list[tuple[str, str]] = []
    for label, value in pairs:
        if label_width <= width // 3 and longest <= room:
            indent = " " * (label_width + 1)
            wrapped = wrap(value, width, indent, indent)
            lines.append((label + " " * (label_width + 1 - display_width(label)) + wrapped[0][len(indent) :], label))
            lines += [(line, "") for line in wrapped[1:]]
        else:
            lines += labelled(label, value, width)
    return _labelled(lines, "bold")


def _tree(block: Tree, width: int) -> RenderableType:
    if len(block.lines) > LARGE:
        return _PlainLines([], tree_lines(block, width))
    text = Text()
    for index, (guide, line) in enumerate(tree_layout(block, width)):
        if index:
            text.append("\n")
        text.append(guide, style="dim")
        text.append(line)
    return text


# Private-use characters mark where a matched word starts and ends while its passage is
# wrapped; the same characters in data are replaced first, so data never marks anything.
_START, _END = "\ue000", "\ue001"
_MARKS = re.compile(f"([{_START}{_END}])")


def _snippets(block: Snippets, width: int) -> Text:
    """Passages with their matched words in bold, each under its label, wrapped between words."""
    out = Text()
    for label, text, spans in block.items:
        prefix = f"  {clean(label)} : "
        body = clean(text).replace(_START, "\ufffd").replace(_END, "\ufffd")  # same length: spans hold
        marked = False
        for index, line in enumerate(wrap(mark(body, spans, _START, _END), width, prefix, "    ")):
            head = line[: len(prefix)] if index == 0 else ""
            out.append(("\n" if out else "") + head, style="dim")
            for piece in _MARKS.split(line[len(head) :]):
                if piece in (_START, _END):
                    marked = piece == _START
                elif piece:
                    out.append(piece, style="bold magenta" if marked else "")
    return out


def _block(block: Block, columns: int) -> RenderableType:
    width = columns - 1
    if isinstance(block, Heading):
        if block.level == 1:
            return _lines(wrap(block.text, width), "bold cyan")
        return Padding(_lines(wrap(block.text, width), "bold underline"), (1, 0, 0, 0))
    if isinstance(block, Paragraph):
        return _lines(wrap(PREFIXES.get(block.style, "") + block.text, width), _PARAGRAPH_STYLES.get(block.style, ""))
    if isinstance(block, Bullets):
        items = [_lines(wrap(item, width, "• ", "  "), head=1, head_style="cyan") for item in block.items]
        return Group(*([_lines(wrap(block.title, width), "bold")] if block.title else []), *items)
    if isinstance(block, Fields):
        return _fields(block, width)
    if isinstance(block, Table):
        return _table(block, columns)
    if isinstance(block, Snippets):
        return _snippets(block, width)
    return _tree(block, width)


def colour_system() -> str:
    """The colours the terminal says it has (Rich's own guess is None for TERM=dumb or a pipe,
    where --color always still asks for colours)."""
    if os.environ.get("COLORTERM", "").lower() in ("truecolor", "24bit"):
        return "truecolor"
    return "256" if "256" in os.environ.get("TERM", "") else "standard"


def render_rich(document: Document, file: IO[str] | None = None, columns: int = 80) -> None:
    """Print `document` in colour for a screen `columns` wide (the caller decided colours are wanted)."""
    console = Console(
        file=file,
        width=columns,
        force_terminal=True,
        no_color=False,
        color_system=colour_system(),  # type: ignore[arg-type]
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
        legacy_windows=False,
    )
    for block in document.blocks:
        console.print(_block(block, columns), overflow="ignore", crop=False)
