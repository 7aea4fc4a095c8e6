"""Documents to hand over (`--format markdown|html`), shared by show, match, path…"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from iae_cli.catalog import Catalog
    from iae_cli.later import LaterEntry
    from iae_cli.render.document import Document

HANDOUT_FORMATS = ("markdown", "html")


def details_option() -> Any:
    return typer.Option(
        False,
        "--details",
        help="Avec -f markdown ou html : garder identifiants et pages, pour un usage professionnel.",
    )


def emit_handout(
    catalog: Catalog,
    body: Document,
    pages: Iterable[str],
    fmt: str,
    figure: str = "",
    footer: bool = True,
    since: Sequence[LaterEntry] | None = None,
) -> None:
    """The body, finished as a handout (2008 line, acronyms, sources), as Markdown or one HTML file."""
    from iae_cli.render.handout import finish

    document = finish(body, catalog.glossary(), pages, catalog.later(), catalog.prices(), footer, since)
    if fmt == "html":
        from iae_cli.render.html import render_html

        sys.stdout.write(render_html(document, figure))
    else:
        from iae_cli.render.markdown import render_markdown

        sys.stdout.write(render_markdown(document))
