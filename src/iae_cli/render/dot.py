"""The career map in Graphviz DOT: one cluster per level, stated moves solid, inferred ones dashed."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from typing import TYPE_CHECKING

from iae_cli.model import LEVEL_LABELS, LEVEL_ORDER

if TYPE_CHECKING:
    from iae_cli.careers import Edge


def quote(text: str) -> str:
    """A DOT string: backslashes and quotes escaped, control codes and newlines as spaces."""
    text = "".join(" " if ord(c) < 32 or 0x7F <= ord(c) <= 0x9F else c for c in text)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def digraph(
    nodes: Iterable[str],
    edges: Iterable[Edge],
    level_of: Mapping[str, str],
    title_of: Callable[[str], str],
    highlight: Collection[tuple[str, str]] = (),
) -> str:
    groups: dict[str, list[str]] = {}
    for node in dict.fromkeys(nodes):
        groups.setdefault(level_of.get(node, "hors-fiches"), []).append(node)
    lines = ["digraph carriere {", "  rankdir=BT;", '  node [shape=box, style="rounded,filled", fillcolor=white];']
    for number, level in enumerate((*LEVEL_ORDER, "hors-fiches")):
        if level not in groups:
            continue
        label = LEVEL_LABELS.get(level, "Postes hors des sept fiches")
        lines.append(f"  subgraph cluster_{number} {{")
        lines.append(f"    label={quote(label)};")
        lines += [f"    {quote(n)} [label={quote(title_of(n))}];" for n in groups[level]]
        lines.append("  }")
    for e in edges:
        style = "solid" if e.kind == "stated" else "dashed"
        extra = ", color=red, penwidth=2.5" if (e.source, e.target) in highlight else ""
        lines.append(f"  {quote(e.source)} -> {quote(e.target)} [style={style}{extra}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
