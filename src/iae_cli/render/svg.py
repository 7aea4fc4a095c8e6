"""The career map as an SVG picture: posts by level, stated moves solid, inferred ones dashed.

Pure Python, no system program. Every title goes through `esc` when written (escaped, then French
spacing made no-break, as in HTML); the picture has no script, no external resource, and works
inline in an HTML page as well as on its own.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import TYPE_CHECKING

from iae_cli.model import LEVEL_LABELS, LEVEL_ORDER
from iae_cli.render.graph_layout import FONT_SIZE, LINE_HEIGHT, PADDING, Arrow, Layout, Node, layout
from iae_cli.render.html import attribute, esc

if TYPE_CHECKING:
    from iae_cli.careers import CareerGraph, Edge, Route

OUTSIDE = "Postes hors des sept fiches"
FONT = "DejaVu Sans, Arial, Helvetica, sans-serif"
STYLE = f"""
text {{ font-family: {FONT}; font-size: {FONT_SIZE}px; fill: #1d1d1b; }}
.band {{ fill: #f3f6f9; }}
.band-title {{ font-weight: bold; fill: #123b5d; font-size: 13px; paint-order: stroke; stroke: #f3f6f9;
  stroke-width: 5px; stroke-linejoin: round; }}
.post rect {{ fill: #ffffff; stroke: #5b7a94; stroke-width: 1.2; }}
.post.fiche rect {{ fill: #e3edf6; }}
.move {{ fill: none; stroke: #33485a; stroke-width: 1.4; }}
.move.inferred {{ stroke-dasharray: 6 4; }}
.on rect {{ stroke: #b3261e; stroke-width: 3; }}
.move.on {{ stroke: #b3261e; stroke-width: 3; }}
.dim {{ opacity: 0.35; }}
a:hover rect, a:focus rect {{ stroke-width: 2.5; }}
"""

LEGEND_HEIGHT = 34.0
MAP_LIMIT = 120  # posts: beyond this a map is a wall of boxes (and its layout takes seconds)


def level_nodes(nodes: Iterable[str], level_of: Mapping[str, str], title_of: Callable[[str], str]) -> list[Node]:
    """Nodes for the layout: fiches in their level's band, every other post in the last band."""
    band = {level: i for i, level in enumerate(LEVEL_ORDER)}
    out = []
    for node in dict.fromkeys(nodes):
        level = level_of.get(node)
        if level in band:
            out.append(Node(node, title_of(node), band[level], LEVEL_LABELS[level]))
        else:
            out.append(Node(node, title_of(node), len(LEVEL_ORDER), OUTSIDE))
    return out


def _path(arrow: Arrow) -> str:
    """Smooth curves through the arrow's points, leaving and entering each box vertically."""
    (x0, y0), *rest = arrow.points
    parts = [f"M{x0:.1f},{y0:.1f}"]
    if arrow.bend:
        (x1, y1) = rest[-1]
        parts.append(f"C{x0:.1f},{y0 + arrow.bend:.1f} {x1:.1f},{y1 + arrow.bend:.1f} {x1:.1f},{y1:.1f}")
        return " ".join(parts)
    px, py = x0, y0
    for i, (x, y) in enumerate(rest):
        if i % 2 == 1 and i < len(rest) - 1:  # inside a row's gap: straight down or up
            parts.append(f"L{x:.1f},{y:.1f}")
        else:
            mid = (py + y) / 2
            parts.append(f"C{px:.1f},{mid:.1f} {x:.1f},{mid:.1f} {x:.1f},{y:.1f}")
        px, py = x, y
    return " ".join(parts)


def _text_lines(lines: Iterable[str], x: float, y: float) -> str:
    spans = "".join(
        f'<tspan x="{x:.1f}" y="{y + LINE_HEIGHT * (i + 0.78):.1f}">{esc(line)}</tspan>' for i, line in enumerate(lines)
    )
    return f'<text text-anchor="middle">{spans}</text>'


def render_svg(
    placed: Layout,
    kinds: Mapping[tuple[str, str], str],
    fiches: Collection[str],
    title: str,
    highlight: tuple[Collection[str], Collection[tuple[str, str]]] | None = None,
    link_of: Callable[[str], str | None] | None = None,
) -> str:
    """The picture of a laid-out map. `highlight`: the posts and moves of one route, the rest dimmed."""
    on_nodes, on_edges = highlight if highlight is not None else ((), ())
    legend, legend_width = _legend(placed.height, highlight is not None)
    width, height = max(placed.width, legend_width), placed.height + LEGEND_HEIGHT
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" aria-labelledby="map-title">',
        f'<title id="map-title">{esc(title)}</title>',
        f"<style>{STYLE}</style>",
        "<defs>",
        *(
            f'<marker id="tip-{name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="10" markerHeight="10" '
            f'markerUnits="userSpaceOnUse" orient="auto-start-reverse">'
            f'<path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>'
            for name, colour in (("plain", "#33485a"), ("on", "#b3261e"))
        ),
        "</defs>",
    ]
    for band in placed.bands:
        out.append(
            f'<rect class="band" x="4" y="{band.top:.1f}" width="{width - 8:.1f}" '
            f'height="{band.bottom - band.top:.1f}" rx="6"/>'
        )
    for arrow in placed.arrows:
        key = (arrow.source, arrow.target)
        state = " on" if key in on_edges else (" dim" if highlight is not None else "")
        tip = "on" if key in on_edges else "plain"
        out.append(
            f'<path class="move {kinds[key]}{state}" d="{_path(arrow)}" marker-end="url(#tip-{tip})">'
            f"<title>{esc(_move_words(kinds[key]))}</title></path>"
        )
    # Titles over the arrows, with a halo: an arrow passing behind one never makes it unreadable.
    out += [f'<text class="band-title" x="14" y="{b.top + 20:.1f}">{esc(b.label)}</text>' for b in placed.bands]
    for node, box in placed.boxes.items():
        state = " on" if node in on_nodes else (" dim" if highlight is not None else "")
        kind = " fiche" if node in fiches else ""
        shape = (
            f'<g class="post{kind}{state}"><title>{esc(" ".join(box.lines))}</title>'
            f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.width:.1f}" height="{box.height:.1f}" rx="5"/>'
            f"{_text_lines(box.lines, box.center, box.y + PADDING)}</g>"
        )
        href = link_of(node) if link_of else None
        out.append(f'<a href="{attribute(href)}">{shape}</a>' if href else shape)
    out.append(legend)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _move_words(kind: str) -> str:
    return "passage cité par l'étude" if kind == "stated" else "passage déduit des fiches"


def _legend(top: float, with_route: bool) -> tuple[str, float]:
    """The key to the arrows, and the width it needs."""
    y = top + 6
    items = [("move stated", "passage cité par l'étude"), ("move inferred", "passage déduit des fiches")]
    if with_route:
        items.append(("move stated on", "parcours demandé"))
    out = [f'<g class="legend" transform="translate(16,{y:.1f})">']
    x = 0.0
    for css, words in items:
        tip = "on" if css.endswith("on") else "plain"
        out.append(f'<path class="{css}" d="M{x:.1f},10 h44" marker-end="url(#tip-{tip})"/>')
        out.append(f'<text x="{x + 54:.1f}" y="14">{esc(words)}</text>')
        x += 54 + len(words) * 7.4 + 28
    out.append("</g>")
    return "".join(out), x + 16


def graph_svg(
    graph: CareerGraph,
    level_of: Mapping[str, str],
    title_of: Callable[[str], str],
    routes: Iterable[Route] = (),
    only: Iterable[Edge] | None = None,
    focus: Collection[str] = (),
    link_of: Callable[[str], str | None] | None = None,
    whole: bool = True,
) -> str:
    """The map with `routes` (and the posts `focus`) highlighted. `only`: draw these moves alone
    (with every post when `whole`, else only the posts they join, and nothing dimmed)."""
    routes = list(routes)
    edges = list(graph.edges.values()) if only is None else list(only)
    nodes = list(graph.nodes) if whole else [n for e in edges for n in (e.source, e.target)]
    nodes += [n for r in routes for n in r] + list(focus)
    on_edges = {(a, b) for r in routes for a, b in itertools.pairwise(r)}
    on_nodes = {n for r in routes for n in r} | set(focus)
    placed = layout(level_nodes(nodes, level_of, title_of), [(e.source, e.target) for e in edges])
    title = "Carte des évolutions de carrière entre les métiers cadres de l'IAE (étude Apec 2008)"
    highlight = (on_nodes, on_edges) if (routes or focus) and whole else None
    kinds = {(e.source, e.target): e.kind for e in edges}
    return render_svg(placed, kinds, set(level_of), title, highlight, link_of)
