"""Markdown a counsellor can hand out: `# Title`, sections as headings, lists and tables."""

from __future__ import annotations

import re

from iae_cli.render.document import Bullets, Document, Fields, Heading, Paragraph, Snippets, Table, Tree, clean

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def escape(text: str) -> str:
    """Data is text, never Markdown or HTML: escape what a renderer would interpret."""
    return _SPECIAL.sub(r"\\\1", clean(text)).replace("\n", " ")


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
            out += [f"- **{escape(label)}** : {escape(value)}" for label, value in block.pairs] + [""]
        elif isinstance(block, Table):
            out.append("| " + " | ".join(escape(h) for h in block.headers) + " |")
            out.append("|" + "---|" * len(block.headers))
            out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows] + [""]
        elif isinstance(block, Snippets):
            out += [f"- *{escape(label)}* : {_marked(text, spans)}" for label, text, spans in block.items] + [""]
        elif isinstance(block, Tree):
            out += [f"{'  ' * depth}- {escape(text)}" for depth, text in block.lines] + [""]
    return "\n".join(out).rstrip("\n") + "\n"
