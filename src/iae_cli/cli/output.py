"""Write results on stdout: documents for people (Rich or plain text), data for machines."""

from __future__ import annotations

import os
import shutil
import sys
from typing import Any

from iae_cli.errors import UsageError
from iae_cli.render.document import Document

# --color: auto (colours on a terminal only), always (e.g. for `less -R`), never; French words too.
NBSP = "\N{NO-BREAK SPACE}"
COLOR_CHOICES = {"auto": "auto", "always": "always", "never": "never", "toujours": "always", "jamais": "never"}
COLOR_HELP = (
    f"Couleurs{NBSP}: auto (sur un terminal seulement), always (toujours, par exemple pour less -R) ou never (jamais)."
)
_color = "auto"


def set_color(value: str) -> None:
    """Record the --color choice, in any case, French words accepted."""
    global _color
    choice = COLOR_CHOICES.get(value.strip().lower())
    if choice is None:
        raise UsageError(f"--color attend auto, always ou never{NBSP}; reçu{NBSP}: «{NBSP}{value[:40]}{NBSP}»")
    _color = choice


def use_rich() -> bool:
    """The Rich layout, in colour: on a real terminal that accepts colours, or when asked for."""
    if _color != "auto":
        return _color == "always"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return at_terminal()


def at_terminal() -> bool:
    """Whether a person reads stdout (JSON is then indented), rather than a pipe or a file."""
    return sys.stdout.isatty()


def columns() -> int:
    """The screen's width: $COLUMNS when set, else the terminal's, else 80 (a pipe)."""
    return max(20, shutil.get_terminal_size((80, 24)).columns)


def width() -> int:
    """The width of plain text: at a terminal the last column stays free, since a character
    there cannot be told from one cut at the edge; in a pipe, the whole width."""
    return columns() - 1 if at_terminal() else columns()


def error_text(message: str) -> str:
    """An error for stderr: wrapped between words when a person reads it at a terminal, one
    line for a program reading a pipe."""
    if not sys.stderr.isatty():
        return message + "\n"
    from iae_cli.render.lines import wrap

    try:  # the width of the terminal that shows stderr, even when stdout goes to a pipe
        screen = os.get_terminal_size(sys.stderr.fileno()).columns
    except (OSError, ValueError):
        screen = 80
    if os.environ.get("COLUMNS", "").isdigit():
        screen = int(os.environ["COLUMNS"])
    return "\n".join(wrap(message, max(20, screen) - 1, "", "  ")) + "\n"


def emit_lines(lines: list[str]) -> None:
    """Lines of a report (one per problem, as compilers write them): kept whole in a pipe, for
    programs; at a terminal, wrapped between words under their first word."""
    from iae_cli.render.document import clean

    if not at_terminal():
        sys.stdout.write("".join(clean(line) + "\n" for line in lines))
        return
    from iae_cli.render.lines import wrap

    sys.stdout.write("".join(line + "\n" for text in lines for line in wrap(text, width(), "", "  ")))


def emit_document(document: Document, fmt: str = "table") -> None:
    if fmt == "markdown":
        from iae_cli.render.markdown import render_markdown

        sys.stdout.write(render_markdown(document))
    elif use_rich():
        from iae_cli.render.terminal import render_rich

        render_rich(document, sys.stdout, columns())
    else:
        from iae_cli.render.text import render_text

        sys.stdout.write(render_text(document, width()))


def emit_data(data: Any, fmt: str) -> None:
    from iae_cli.render.serialize import to_json, to_yaml

    if fmt == "yaml":
        sys.stdout.write(to_yaml(data))
    else:
        # Indented for a person at a terminal; compact (and several times faster) in a pipe.
        sys.stdout.write(to_json(data, 2 if at_terminal() else None))


def emit_json_items(items: list[str]) -> None:
    """A JSON list whose items are already compact JSON text: joined as they are in a pipe,
    parsed and indented for a person at a terminal."""
    if at_terminal():
        import json

        from iae_cli.render.serialize import to_json

        sys.stdout.write(to_json([json.loads(item) for item in items]))
    else:
        sys.stdout.write("[" + ",".join(items) + "]\n")
