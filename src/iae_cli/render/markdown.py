"""Markdown a counsellor can hand out: `# Title`, sections as headings, lists and tables.

Every text goes through `escape`, which also sets French spacing: Markdown is pasted into word
processors that break lines at ordinary spaces, so the spaces `render.lines` holds (before
« : ; ? ! », inside « », in « 30 k€ » or « p. 15 ») leave it as no-break spaces.
"""

from __future__ import annotations

import re

from iae_cli.render.document import Bullets, Document, Fields, Heading, Paragraph, Snippets, Table, Tree, clean
from iae_cli.render.lines import typeset

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def escape(text: str) -> str:
    """Data is text, never Markdown or HTML: escape what a renderer would interpret, then
    typeset (which only turns spaces into no-break spaces: it can make no markup)."""
    return typeset(_SPECIAL.sub(r"\\\1", clean(text)).replace("\n", " "))


LABEL_END = escape(" : ")  # our own « : » after a label, spaced as the data is


def _marked(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """Escaped text with its spans in bold."""
    out, last = [], 0
    for start, end in spans:
        out += [escape(text[last:start]), "**", escape(text[start:end]), "**"]
        last = end
    out.append(escape(text[last:]))
    return "".join(out)


def _cell(text: str) -> str:
    """A table cell on one line: its first line, then the others in brackets."""
    first, *rest = text.split("\n")
    return escape(first) + (f" ({escape(', '.join(rest))})" if rest else "")


def render_markdown(document: Document) -> str:
    out: list[str] = []
    for block in document.blocks:
        if isinstance(block, Heading):
            out += ["#" * min(block.level, 6) + " " + escape(block.text), ""]
        elif isinstance(block, Paragraph):
            text = escape(block.text)
            out += [f"> {text}" if block.style in ("note", "warning") else text, ""]
        elif isinstance(block, Bullets):
            if block.title:
                out += [f"**{escape(block.title)}**", ""]
            out += [f"- {escape(item)}" for item in block.items] + [""]
        elif isinstance(block, Fields):
            out += [f"- **{escape(label)}**{LABEL_END}{escape(value)}" for label, value in block.pairs] + [""]
        elif isinstance(block, Table):
            out.append("| " + " | ".join(escape(h) for h in block.headers) + " |")
            out.append("|" + "---|" * len(block.headers))
            out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows] + [""]
        elif isinstance(block, Snippets):
            out += [f"- *{escape(label)}*{LABEL_END}{_marked(text, spans)}" for label, text, spans in block.items]
            out.append("")
        elif isinstance(block, Tree):
            out += [f"{'  ' * depth}- {escape(text)}" for depth, text in block.lines] + [""]
    return "\n".join(out).rstrip("\n") + "\n"
