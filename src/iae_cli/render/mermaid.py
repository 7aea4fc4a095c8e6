"""Mermaid flowcharts of routes and career maps: stated moves solid, inferred ones dashed."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from iae_cli.careers import Edge

_UNSAFE = re.compile(r'["<>&#\x00-\x1f\x7f-\x9f`]')


def _label(text: str) -> str:
    return _UNSAFE.sub(lambda m: f"#{ord(m.group())};", text)


def _node(node: str) -> str:
    return "n_" + node.replace("-", "_")


def flowchart(nodes: Iterable[str], edges: Iterable[Edge], title_of: Callable[[str], str]) -> str:
    lines = ["flowchart LR"]
    for node in dict.fromkeys(nodes):
        lines.append(f'  {_node(node)}["{_label(title_of(node))}"]')
    for e in edges:
        arrow = "-->" if e.kind == "stated" else "-.->"
        lines.append(f"  {_node(e.source)} {arrow} {_node(e.target)}")
    return "\n".join(lines) + "\n"
