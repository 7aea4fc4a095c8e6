"""The career graph: one node per fiche and per outside role, one edge per p-1 / p+1 link.

A fiche's `previous` entry P gives the move P -> fiche; its `next` entry N gives
fiche -> N. The same move named on both fiches is one edge: stated if either fiche
states it, with the pages of both. Moves to the same post in a larger structure
(a fiche naming itself) are not edges: they lead nowhere new.
"""

import heapq
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from itertools import pairwise
from typing import Any, NamedTuple

from iae_cli.model import LinkKind, Mobility


class Edge(NamedTuple):
    source: str
    target: str
    kind: LinkKind
    pages: tuple[str, ...]


Route = tuple[str, ...]


def _first_page(pages: str) -> int:
    digits = pages.split("-")[0].split(",")[0]
    return int(digits) if digits.isdigit() else 0


def _merged(old: Edge | None, new: Edge) -> Edge:
    """One move named twice (on both fiches): stated if either says so, with the pages of both."""
    if old is None:
        return new
    kind: LinkKind = "stated" if "stated" in (old.kind, new.kind) else "inferred"
    pages = old.pages if new.pages[0] in old.pages else tuple(sorted((*old.pages, *new.pages), key=_first_page))
    return Edge(old.source, old.target, kind, pages)


class EdgeMap(Mapping[tuple[str, str], Edge]):
    """The graph's edges by (source, target), in the order they were first named; each is built
    when first asked for, so that a cached graph of thousands of fiches is read as plain lists and
    a command that walks one route builds only the edges it shows."""

    def __init__(self, rows: list[Any]) -> None:
        self._rows = rows  # each an Edge, or the cache's [source, target, kind, pages] for one
        self.targets: dict[str, dict[str, int]] = {}  # source -> target -> its row, in row order
        for index, (source, target, _kind, _pages) in enumerate(rows):
            self.targets.setdefault(source, {})[target] = index

    def __getitem__(self, key: tuple[str, str]) -> Edge:
        index = self.targets[key[0]][key[1]]
        row = self._rows[index]
        if not isinstance(row, Edge):
            row = self._rows[index] = Edge(row[0], row[1], row[2], tuple(row[3]))
        return row

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return ((row[0], row[1]) for row in self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, tuple) and len(key) == 2 and key[1] in self.targets.get(key[0], ())


class CareerGraph:
    __slots__ = ("_next", "_previous", "edges", "nodes")

    def __init__(self, nodes: tuple[str, ...], rows: list[Any]) -> None:
        """`rows`: the edges, already merged (Edge, or the cache's [source, target, kind, pages])."""
        self.nodes = nodes
        self.edges = EdgeMap(rows)
        self._next: dict[str, list[str]] = {}  # neighbours in id order, so that every walk is deterministic
        self._previous: dict[str, list[str]] | None = None

    @classmethod
    def build(
        cls, fiche_ids: Iterable[str], mobility: Mapping[str, Mobility], role_ids: Iterable[str]
    ) -> "CareerGraph":
        """The graph of a catalog: `mobility` gives each fiche's p-1 / p+1 lists."""
        moves: list[tuple[str, str, LinkKind, str]] = []
        for fiche_id, links in mobility.items():
            moves += [(link.id, fiche_id, link.link, links.pages) for link in links.previous if link.id]
            moves += [(fiche_id, link.id, link.link, links.pages) for link in links.next if link.id]
        return cls.from_moves([*fiche_ids, *role_ids], moves)

    @classmethod
    def from_moves(cls, nodes: Iterable[str], moves: Iterable[tuple[str, str, LinkKind, str]]) -> "CareerGraph":
        """A graph from (source, target, kind, pages) moves; the same move twice is one edge (in
        the place of its first mention); a post in a larger structure leads nowhere new."""
        merged: dict[tuple[str, str], Edge] = {}
        for source, target, kind, pages in moves:
            if source != target:
                merged[(source, target)] = _merged(merged.get((source, target)), Edge(source, target, kind, (pages,)))
        return cls(tuple(nodes), list(merged.values()))

    def _previous_of(self) -> dict[str, list[str]]:
        if self._previous is None:
            self._previous = {}
            for source, target in self.edges:
                self._previous.setdefault(target, []).append(source)
            for sources in self._previous.values():
                sources.sort()
        return self._previous

    def next_of(self, node: str, stated_only: bool = False) -> list[str]:
        targets = self._next.get(node)
        if targets is None:
            targets = self._next[node] = sorted(self.edges.targets.get(node, ()))
        return [t for t in targets if not stated_only or self.edges[(node, t)].kind == "stated"]

    def previous_of(self, node: str, stated_only: bool = False) -> list[str]:
        sources = self._previous_of().get(node, ())
        return [s for s in sources if not stated_only or self.edges[(s, node)].kind == "stated"]

    def route_edges(self, route: Route) -> list[Edge]:
        return [self.edges[(a, b)] for a, b in pairwise(route)]

    def _inferred_count(self, route: Route) -> int:
        return sum(1 for e in self.route_edges(route) if e.kind == "inferred")

    def distances(
        self,
        start: str,
        stated_only: bool = False,
        banned: frozenset[tuple[str, str]] = frozenset(),
        banned_nodes: frozenset[str] = frozenset(),
    ) -> dict[str, str | None]:
        """Breadth-first parents from `start` (fewest moves; ties go to the smaller id)."""
        parents: dict[str, str | None] = {start: None}
        queue = deque([start])
        while queue:
            node = queue.popleft()
            for nxt in self.next_of(node, stated_only):
                if nxt in parents or nxt in banned_nodes or (node, nxt) in banned:
                    continue
                parents[nxt] = node
                queue.append(nxt)
        return parents

    def _shortest_parents(self, start: str, goal: str, stated_only: bool) -> dict[str, list[str]]:
        """Breadth-first from `start` until `goal`'s depth: each node's parents on a shortest
        route to it, in the order nodes were reached (empty when `goal` is out of reach)."""
        depth = {start: 0}
        parents: dict[str, list[str]] = {start: []}
        queue = deque([start])
        while queue:
            node = queue.popleft()
            if goal in depth and depth[node] >= depth[goal]:
                break
            for nxt in self.next_of(node, stated_only):
                if nxt not in depth:
                    depth[nxt] = depth[node] + 1
                    parents[nxt] = [node]
                    queue.append(nxt)
                elif depth[nxt] == depth[node] + 1:
                    parents[nxt].append(node)
        return parents if goal in depth else {}

    def count_shortest_routes(self, start: str, goal: str, stated_only: bool = False) -> int:
        """How many routes have the fewest moves (counted, not listed: there can be very many)."""
        if start == goal:
            return 1
        parents = self._shortest_parents(start, goal, stated_only)
        count: dict[str, int] = {}
        for node, before in parents.items():  # breadth-first order: parents are counted first
            count[node] = sum(count[p] for p in before) if before else 1
        return count.get(goal, 0)

    def shortest_routes(self, start: str, goal: str, stated_only: bool = False, limit: int = 1000) -> list[Route]:
        """Every route with the fewest moves (at most `limit`), stated-richest first."""
        if start == goal:
            return [(start,)]
        parents = self._shortest_parents(start, goal, stated_only)
        if not parents:
            return []
        routes: list[Route] = []
        stack: list[tuple[str, Route]] = [(goal, (goal,))]
        while stack and len(routes) < limit:
            node, suffix = stack.pop()
            if node == start:
                routes.append(suffix)
                continue
            for parent in sorted(parents[node], reverse=True):
                stack.append((parent, (parent, *suffix)))
        routes.sort(key=lambda r: (self._inferred_count(r), r))
        return routes

    def best_routes(self, start: str, goal: str, count: int, stated_only: bool = False) -> list[Route]:
        """The `count` shortest simple routes (Yen's algorithm on an unweighted graph)."""
        first = self.shortest_routes(start, goal, stated_only, limit=1)
        if not first:
            return []
        found: list[Route] = [first[0]]
        candidates: list[tuple[int, int, Route]] = []
        seen: set[Route] = {first[0]}
        while len(found) < count:
            last = found[-1]
            for i in range(len(last) - 1):
                spur, root = last[i], last[: i + 1]
                banned = frozenset((r[i], r[i + 1]) for r in found if r[: i + 1] == root and len(r) > i + 1)
                parents = self.distances(spur, stated_only, banned, frozenset(root[:-1]))
                if goal not in parents:
                    continue
                tail: list[str] = []
                node: str | None = goal
                while node is not None:
                    tail.append(node)
                    node = parents[node]
                route = root[:-1] + tuple(reversed(tail))
                if route not in seen:
                    seen.add(route)
                    heapq.heappush(candidates, (len(route), self._inferred_count(route), route))
            if not candidates:
                break
            found.append(heapq.heappop(candidates)[2])
        return found

    def career_map(self, start: str, stated_only: bool = False) -> list[tuple[str, int, str | None]]:
        """Every node reachable from `start`: (node, moves, the node it is reached from), nearest first."""
        parents = self.distances(start, stated_only)
        depth: dict[str, int] = {start: 0}
        order: list[tuple[str, int, str | None]] = []
        for node, parent in parents.items():  # insertion order is breadth-first order
            if parent is not None:
                depth[node] = depth[parent] + 1
                order.append((node, depth[node], parent))
        return order
