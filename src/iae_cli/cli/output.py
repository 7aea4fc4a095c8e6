"""Write results on stdout: documents for people (Rich or plain text), data for machines."""

from __future__ import annotations

import os
import shutil
import sys
from typing import Any

from iae_cli.render.document import Document


def use_rich() -> bool:
    """Rich only on a real terminal that accepts colours."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return at_terminal()


def at_terminal() -> bool:
    """Whether a person reads stdout (JSON is then indented), rather than a pipe or a file."""
    return sys.stdout.isatty()


def width() -> int:
    return max(20, shutil.get_terminal_size((80, 24)).columns)


def emit_document(document: Document, fmt: str = "table") -> None:
    if fmt == "markdown":
        from iae_cli.render.markdown import render_markdown

        sys.stdout.write(render_markdown(document))
    elif use_rich():
        from iae_cli.render.terminal import render_rich

        render_rich(document)
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
