"""Where each post and arrow of the career map goes: a layered layout, in plain Python.

Rows are the study's levels (direction générale at the top, then encadrement intermédiaire,
encadrement de proximité, then the posts outside the seven fiches); a level with many posts
wraps onto several rows. An arrow that crosses rows passes through a narrow gap kept for it in
each row between (a "dummy" node), so no arrow runs behind a post. The order inside each row is
chosen by barycentre sweeps (the classic Sugiyama heuristic) to cross few arrows; x positions then
pull each post towards its neighbours without ever letting two boxes touch.
"""

import itertools
import textwrap
from collections.abc import Sequence
from typing import NamedTuple

BOX_WIDTH = 172.0
LINE_HEIGHT = 15.0
FONT_SIZE = 12.5
CHARS_PER_LINE = 22  # DejaVu Sans / Arial at 12.5 px: at most ~7.2 px per character, 160 px of text
PADDING = 8.0
BOX_GAP = 26.0
DUMMY_WIDTH = 10.0
DUMMY_GAP = 8.0
ROW_GAP = 64.0
BAND_TITLE = 30.0
MARGIN = 16.0
MAX_PER_ROW = 4
SAME_ROW_BEND = 40.0


class Node(NamedTuple):
    id: str
    title: str
    band: int  # 0 = top level
    band_label: str


class Box(NamedTuple):
    id: str
    x: float  # left
    y: float  # top
    width: float
    height: float
    lines: tuple[str, ...]

    @property
    def center(self) -> float:
        return self.x + self.width / 2


class Arrow(NamedTuple):
    source: str
    target: str
    points: tuple[tuple[float, float], ...]  # start, the gaps it passes through (top, bottom), end
    bend: float  # within one row: how far the curve rises (< 0) or dips (> 0) beside the boxes; else 0


class Band(NamedTuple):
    label: str
    top: float
    bottom: float


class Layout(NamedTuple):
    boxes: dict[str, Box]
    arrows: list[Arrow]
    bands: list[Band]
    width: float
    height: float


def wrap(title: str) -> tuple[str, ...]:
    return tuple(textwrap.wrap(title, CHARS_PER_LINE, break_long_words=True, break_on_hyphens=False)) or ("",)


def _rows(nodes: Sequence[Node], edges: Sequence[tuple[str, str]]) -> list[list[str]]:
    """Each band's posts in rows of at most MAX_PER_ROW; posts tied to higher levels come first."""
    band_of = {n.id: n.band for n in nodes}
    reach: dict[str, int] = {n.id: n.band for n in nodes}
    for a, b in edges:
        reach[a] = min(reach[a], band_of[b])
        reach[b] = min(reach[b], band_of[a])
    rows: list[list[str]] = []
    for band in sorted({n.band for n in nodes}):
        members = sorted((n.id for n in nodes if n.band == band), key=lambda i: reach[i])
        rows += [members[i : i + MAX_PER_ROW] for i in range(0, len(members), MAX_PER_ROW)]
    return rows


def _crossings(upper: list[str], lower: list[str], links: set[tuple[str, str]]) -> int:
    where_up = {n: i for i, n in enumerate(upper)}
    where_down = {n: i for i, n in enumerate(lower)}
    pairs = sorted((where_up[a], where_down[b]) for a, b in links if a in where_up and b in where_down)
    return sum(1 for i, (_a, b) in enumerate(pairs) for _c, d in pairs[i + 1 :] if d < b)


def _order(rows: list[list[str]], links: set[tuple[str, str]], rounds: int = 8) -> list[list[str]]:
    """Barycentre sweeps, down then up; the order with the fewest crossings wins."""
    neighbours: dict[str, list[str]] = {}
    for a, b in links:
        neighbours.setdefault(a, []).append(b)
        neighbours.setdefault(b, []).append(a)

    def cost(order: list[list[str]]) -> int:
        return sum(_crossings(order[i], order[i + 1], links) for i in range(len(order) - 1))

    best, best_cost = [list(r) for r in rows], cost(rows)
    current = [list(r) for r in rows]
    for sweep in range(rounds):
        indices = range(1, len(current)) if sweep % 2 == 0 else range(len(current) - 2, -1, -1)
        for i in indices:
            fixed = {n: p for p, n in enumerate(current[i - 1 if sweep % 2 == 0 else i + 1])}

            def centre(node: str, old: int, fixed: dict[str, int] = fixed) -> float:
                near = [fixed[m] for m in neighbours.get(node, []) if m in fixed]
                return sum(near) / len(near) if near else float(old)

            current[i] = [n for _c, _o, n in sorted((centre(n, o), o, n) for o, n in enumerate(current[i]))]
        now = cost(current)
        if now < best_cost:
            best, best_cost = [list(r) for r in current], now
    return best


def _separated(desired: list[float], widths: list[float], gaps: list[float], leftwards: bool) -> list[float]:
    """Centres as near `desired` as possible, in order, each pair at least its gap apart."""
    n = len(desired)
    out = list(desired)
    steps = range(n - 1, -1, -1) if leftwards else range(n)
    previous: int | None = None
    for i in steps:
        if previous is not None:
            space = (widths[i] + widths[previous]) / 2 + gaps[min(i, previous)]
            out[i] = min(out[i], out[previous] - space) if leftwards else max(out[i], out[previous] + space)
        previous = i
    return out


def _place(rows: list[list[str]], width_of: dict[str, float], links: set[tuple[str, str]]) -> dict[str, float]:
    """Centres in x: compact rows first, then each post pulled towards its neighbours' mean."""
    neighbours: dict[str, list[str]] = {}
    for a, b in links:
        neighbours.setdefault(a, []).append(b)
        neighbours.setdefault(b, []).append(a)
    x: dict[str, float] = {}

    def gaps(row: list[str]) -> list[float]:
        return [
            BOX_GAP if width_of[a] > DUMMY_WIDTH and width_of[b] > DUMMY_WIDTH else DUMMY_GAP
            for a, b in itertools.pairwise(row)
        ] + [0.0]

    for row in rows:
        widths = [width_of[n] for n in row]
        centres = _separated([0.0] * len(row), widths, gaps(row), leftwards=False)
        shift = -(centres[0] + centres[-1]) / 2 if centres else 0.0
        x.update((n, c + shift) for n, c in zip(row, centres, strict=True))
    for _round in range(12):
        for row in rows:
            desired = [
                sum(x[m] for m in neighbours.get(n, [])) / len(neighbours[n]) if neighbours.get(n) else x[n]
                for n in row
            ]
            widths, row_gaps = [width_of[n] for n in row], gaps(row)
            right = _separated(desired, widths, row_gaps, leftwards=False)
            left = _separated(desired, widths, row_gaps, leftwards=True)
            x.update((n, (a + b) / 2) for n, a, b in zip(row, right, left, strict=True))
    return x


def layout(nodes: Sequence[Node], edges: Sequence[tuple[str, str]]) -> Layout:
    """Boxes, arrows and level bands of a career map (`edges`: (source, target) between `nodes`)."""
    by_id = {n.id: n for n in nodes}
    rows = _rows(nodes, edges)
    row_of = {n: r for r, row in enumerate(rows) for n in row}
    lines = {n.id: wrap(n.title) for n in nodes}
    width_of = {n.id: BOX_WIDTH for n in nodes}
    # Arrows across rows: one gap per row crossed, chained.
    chains: dict[tuple[str, str], list[str]] = {}
    for a, b in edges:
        ra, rb = row_of[a], row_of[b]
        step = 1 if rb > ra else -1
        chain = [a]
        for r in range(ra + step, rb, step) if ra != rb else ():
            dummy = f"\0{a}\0{b}\0{r}"
            rows[r].append(dummy)
            row_of[dummy] = r
            width_of[dummy] = DUMMY_WIDTH
            chain.append(dummy)
        chains[(a, b)] = [*chain, b]
    links = {
        (u, v) if row_of[u] < row_of[v] else (v, u)
        for chain in chains.values()
        for u, v in _pairs(chain)
        if row_of[u] != row_of[v]
    }
    rows = _order(rows, links)
    centre = _place(rows, width_of, links)
    left = min(centre[n] - width_of[n] / 2 for row in rows for n in row) - MARGIN
    right = max(centre[n] + width_of[n] / 2 for row in rows for n in row) + MARGIN
    # Rows top to bottom; a band title above the first row of each level.
    boxes: dict[str, Box] = {}
    tops: list[tuple[float, float]] = []
    bands: list[Band] = []
    y = MARGIN
    previous_band: int | None = None
    for row in rows:
        real = [n for n in row if n in by_id]
        band = by_id[real[0]].band if real else previous_band
        if band != previous_band:
            if bands:
                bands[-1] = bands[-1]._replace(bottom=y - ROW_GAP / 2)
            bands.append(Band(by_id[real[0]].band_label if real else "", y, 0.0))
            y += BAND_TITLE
            previous_band = band
        height = max((PADDING * 2 + LINE_HEIGHT * len(lines[n]) for n in real), default=LINE_HEIGHT)
        for n in real:
            h = PADDING * 2 + LINE_HEIGHT * len(lines[n])
            boxes[n] = Box(n, centre[n] - BOX_WIDTH / 2 - left, y + (height - h) / 2, BOX_WIDTH, h, lines[n])
        tops.append((y, y + height))
        y += height + ROW_GAP
    if bands:
        bands[-1] = bands[-1]._replace(bottom=y - ROW_GAP + MARGIN)
    spans = {n: tops[r] for n, r in row_of.items()}
    arrows = _arrows(edges, chains, boxes, row_of, spans, {n: c - left for n, c in centre.items()})
    return Layout(boxes, arrows, bands, right - left, y - ROW_GAP + 2 * MARGIN)


def _pairs(chain: list[str]) -> list[tuple[str, str]]:
    return list(itertools.pairwise(chain))


def _arrows(
    edges: Sequence[tuple[str, str]],
    chains: dict[tuple[str, str], list[str]],
    boxes: dict[str, Box],
    row_of: dict[str, int],
    span: dict[str, tuple[float, float]],
    centre: dict[str, float],
) -> list[Arrow]:
    """Each arrow's points; ends spread along a box's side in the order of what they lead to."""
    ports: dict[tuple[str, str], list[tuple[float, str, str]]] = {}  # (node, "top"|"bottom") -> (other x, a, b)
    sides: dict[tuple[str, str, str], str] = {}
    for a, b in edges:
        chain = chains[(a, b)]
        first, last = chain[1], chain[-2]
        up = row_of[b] < row_of[a]
        if (
            row_of[a] == row_of[b]
        ):  # same row: below the boxes (above them, the level title), or above for the second of two opposite arrows
            side = "top" if (b, a) in chains and a > b else "bottom"
            sides[(a, b, a)] = sides[(a, b, b)] = side
        else:
            sides[(a, b, a)] = "top" if up else "bottom"
            sides[(a, b, b)] = "bottom" if up else "top"
        ports.setdefault((a, sides[(a, b, a)]), []).append((centre[first], a, b))
        ports.setdefault((b, sides[(a, b, b)]), []).append((centre[last], a, b))
    where: dict[tuple[str, str, str], float] = {}
    for (node, _side), items in ports.items():
        items.sort()
        box = boxes[node]
        for k, (_x, a, b) in enumerate(items):
            where[(a, b, node)] = box.x + box.width * (k + 1) / (len(items) + 1)
    out: list[Arrow] = []
    for a, b in edges:
        ya = boxes[a].y + (0 if sides[(a, b, a)] == "top" else boxes[a].height)
        yb = boxes[b].y + (0 if sides[(a, b, b)] == "top" else boxes[b].height)
        points: list[tuple[float, float]] = [(where[(a, b, a)], ya)]
        going_up = row_of[b] < row_of[a]
        for dummy in chains[(a, b)][1:-1]:
            top, bottom = span[dummy]
            points += (
                [(centre[dummy], bottom), (centre[dummy], top)]
                if going_up
                else [
                    (centre[dummy], top),
                    (centre[dummy], bottom),
                ]
            )
        points.append((where[(a, b, b)], yb))
        bend = 0.0 if row_of[a] != row_of[b] else (-SAME_ROW_BEND if sides[(a, b, a)] == "top" else SAME_ROW_BEND)
        out.append(Arrow(a, b, tuple(points), bend))
    return out
