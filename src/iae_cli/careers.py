"""The career graph: one node per fiche and per outside role, one edge per p-1 / p+1 link.

A fiche's `previous` entry P gives the move P -> fiche; its `next` entry N gives
fiche -> N. The same move named on both fiches is one edge: stated if either fiche
states it, with the pages of both. Moves to the same post in a larger structure
(a fiche naming itself) are not edges: they lead nowhere new.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Iterable, Mapping
from itertools import pairwise
from typing import NamedTuple

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


class CareerGraph:
    __slots__ = ("edges", "nodes", "predecessors", "successors")

    def __init__(self, nodes: tuple[str, ...]) -> None:
        self.nodes = nodes
        self.edges: dict[tuple[str, str], Edge] = {}
        self.successors: dict[str, list[str]] = {}
        self.predecessors: dict[str, list[str]] = {}

    @classmethod
    def build(cls, fiche_ids: Iterable[str], mobility: Mapping[str, Mobility], role_ids: Iterable[str]) -> CareerGraph:
        """The graph of a catalog: `mobility` gives each fiche's p-1 / p+1 lists."""
        moves: list[tuple[str, str, LinkKind, str]] = []
        for fiche_id, links in mobility.items():
            moves += [(link.id, fiche_id, link.link, links.pages) for link in links.previous if link.id]
            moves += [(fiche_id, link.id, link.link, links.pages) for link in links.next if link.id]
        return cls.from_moves([*fiche_ids, *role_ids], moves)

    @classmethod
    def from_moves(cls, nodes: Iterable[str], moves: Iterable[tuple[str, str, LinkKind, str]]) -> CareerGraph:
        """A graph from (source, target, kind, pages) moves; the same move twice is one edge."""
        graph = cls(tuple(nodes))
        for source, target, kind, pages in moves:
            graph._add(source, target, kind, pages)
        graph._sort()
        return graph

    @classmethod
    def from_edges(cls, nodes: Iterable[str], edges: Iterable[Edge]) -> CareerGraph:
        """A graph from edges already merged (as a cached graph keeps them), without merging again."""
        graph = cls(tuple(nodes))
        successors, predecessors = graph.successors, graph.predecessors
        for edge in edges:
            graph.edges[(edge.source, edge.target)] = edge
            successors.setdefault(edge.source, []).append(edge.target)
            predecessors.setdefault(edge.target, []).append(edge.source)
        graph._sort()
        return graph

    def _sort(self) -> None:
        """Neighbours in id order, so that every walk is deterministic (nodes without moves have none)."""
        for targets in self.successors.values():
            targets.sort()
        for sources in self.predecessors.values():
            sources.sort()

    def _add(self, source: str, target: str, kind: LinkKind, pages: str) -> None:
        if source == target:
            return
        old = self.edges.get((source, target))
        if old is None:
            self.edges[(source, target)] = Edge(source, target, kind, (pages,))
            self.successors.setdefault(source, []).append(target)
            self.predecessors.setdefault(target, []).append(source)
            return
        merged_kind: LinkKind = "stated" if "stated" in (old.kind, kind) else "inferred"
        merged_pages = old.pages if pages in old.pages else tuple(sorted((*old.pages, pages), key=_first_page))
        self.edges[(source, target)] = Edge(source, target, merged_kind, merged_pages)

    def next_of(self, node: str, stated_only: bool = False) -> list[str]:
        return [t for t in self.successors.get(node, ()) if not stated_only or self.edges[(node, t)].kind == "stated"]

    def previous_of(self, node: str, stated_only: bool = False) -> list[str]:
        return [s for s in self.predecessors.get(node, ()) if not stated_only or self.edges[(s, node)].kind == "stated"]

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
