"""Rich output for a colour terminal. Every string from data goes in as `Text`: never markup."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.table import Table as RichTable
from rich.text import Text

from iae_cli.render.document import Block, Bullets, Document, Fields, Heading, Paragraph, Snippets, Table, clean
from iae_cli.render.text import NARROW, table_layout, tree_lines


def _text(value: str, style: str = "") -> Text:
    return Text(clean(value), style=style)


# Rich measures every cell and wraps every line: a 5,000-row table took over 3 s, a career map
# of 9,500 lines 0.8 s. Past this many rows or lines, the plain-text layout (the same columns,
# about 10 ms per 1,000 rows here) is printed instead, with a bold header.
LARGE = 200


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


def _table(block: Table, width: int) -> RenderableType:
    """A Rich table whose columns never cut a word when the screen allows; records when narrow."""
    if len(block.rows) > LARGE:
        return _PlainLines(*table_layout(block, width))
    if width < NARROW:
        records = [_block(Fields(tuple(zip(block.headers, row, strict=True))), width) for row in block.rows]
        return Group(*(part for record in records for part in (record, Text(""))))
    tall = any("\n" in cell for row in block.rows for cell in row)
    table = RichTable(show_lines=tall, header_style="bold", expand=False)
    floors = [
        max((len(w) for cell in (header, *(row[i] for row in block.rows)) for w in clean(cell).split()), default=1)
        for i, header in enumerate(block.headers)
    ]
    fits = sum(floors) + 3 * len(floors) + 1 <= width
    for header, floor in zip(block.headers, floors, strict=True):
        table.add_column(_text(header), overflow="fold", min_width=floor if fits else None)
    for row in block.rows:
        table.add_row(*(_text(cell) for cell in row))
    return table


def _block(block: Block, width: int) -> RenderableType:
    if isinstance(block, Heading):
        if block.level == 1:
            return _text(block.text, "bold cyan")
        return Padding(_text(block.text, "bold underline"), (1, 0, 0, 0))
    if isinstance(block, Paragraph):
        style = {"note": "italic yellow", "warning": "bold yellow"}.get(block.style, "")
        prefix = {"note": "Note : ", "warning": "Attention : "}.get(block.style, "")
        return _text(prefix + block.text, style)
    if isinstance(block, Bullets):
        grid = RichTable.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(overflow="fold")
        for item in block.items:
            grid.add_row(Text("•", style="cyan"), _text(item))
        return Group(_text(block.title, "bold"), grid) if block.title else grid
    if isinstance(block, Fields):
        grid = RichTable.grid(padding=(0, 1))
        grid.add_column(style="bold", overflow="fold")
        grid.add_column(overflow="fold")
        for label, value in block.pairs:
            grid.add_row(_text(label), _text(value))
        return grid
    if isinstance(block, Table):
        return _table(block, width)
    if isinstance(block, Snippets):
        return _snippets(block)
    if len(block.lines) > LARGE:
        return _PlainLines([], tree_lines(block, width))
    lines = [Text("  " * depth + ("└ " if depth else ""), style="dim") + _text(text) for depth, text in block.lines]
    return Group(*lines)


def _snippets(block: Snippets) -> RenderableType:
    grid = RichTable.grid(padding=(0, 1))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, text, spans in block.items:
        body = _text(text)
        for start, end in spans:
            body.stylize("bold magenta", start, end)
        grid.add_row(_text(label + " :"), body)
    return Padding(grid, (0, 0, 0, 2))


def render_rich(document: Document, file: IO[str] | None = None) -> None:
    console = Console(file=file, markup=False, emoji=False, highlight=False, soft_wrap=False)
    for block in document.blocks:
        console.print(_block(block, console.width))
