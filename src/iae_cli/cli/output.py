"""Write results: documents for people (Rich or plain), data for machines (JSON, YAML)."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from typing import Any

from iae_cli.render.document import Document

_C1_AND_DEL = re.compile("[\x7f-\x9f]")


def use_rich() -> bool:
    """Rich only on a real terminal that accepts colours."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
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


def to_json(data: Any, indent: int | None = 2) -> str:
    """JSON with no raw control character, C1 included (JSON itself escapes only C0).

    Indented UTF-8 for a person; compact ASCII (escaped accents, the fastest C encoder) otherwise.
    """
    compact = indent is None
    text = json.dumps(data, ensure_ascii=compact, indent=indent, separators=(",", ":") if compact else None)
    if _C1_AND_DEL.search(text):
        text = _C1_AND_DEL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text + "\n"


def emit_data(data: Any, fmt: str) -> None:
    if fmt == "yaml":
        import yaml

        sys.stdout.write(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100))
    else:
        # Indented for a person at a terminal; compact (and several times faster) in a pipe.
        sys.stdout.write(to_json(data, 2 if sys.stdout.isatty() else None))


def message(text: str) -> None:
    """A note for the user, on stderr so stdout stays clean for data."""
    from iae_cli.render.document import clean

    sys.stderr.write(clean(text) + "\n")
