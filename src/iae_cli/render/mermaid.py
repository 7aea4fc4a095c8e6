"""Mermaid flowcharts of routes and career maps: stated moves solid, inferred ones dashed."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from iae_cli.careers import Edge

_UNSAFE = re.compile(r'["<>&#\x00-\x1f\x7f-\x9f`]')


def _label(text: str) -> str:
    return _UNSAFE.sub(lambda m: f"#{ord(m.group())};", text)


def _node(node: str) -> str:
    return "n_" + node.replace("-", "_")


def flowchart(
    nodes: Iterable[str],
    edges: Iterable[Edge],
    title_of: Callable[[str], str],
    highlight: tuple[Collection[str], Collection[tuple[str, str]]] = ((), ()),
) -> str:
    """`highlight`: the posts and moves of a route, drawn thick and red."""
    lines = ["flowchart LR"]
    for node in dict.fromkeys(nodes):
        lines.append(f'  {_node(node)}["{_label(title_of(node))}"]')
    on_nodes, on_edges = highlight
    marked = []
    for number, e in enumerate(edges):
        arrow = "-->" if e.kind == "stated" else "-.->"
        lines.append(f"  {_node(e.source)} {arrow} {_node(e.target)}")
        if (e.source, e.target) in on_edges:
            marked.append(str(number))
    if on_nodes:
        lines.append("  classDef route stroke:#b3261e,stroke-width:3px")
        lines.append(f"  class {','.join(_node(n) for n in on_nodes)} route")
    if marked:
        lines.append(f"  linkStyle {','.join(marked)} stroke:#b3261e,stroke-width:3px")
    return "\n".join(lines) + "\n"
