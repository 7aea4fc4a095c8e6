"""The career graph and its routes, in the core and through `iae path`."""

from __future__ import annotations

import json
from collections import deque

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iae_cli.careers import CareerGraph
from iae_cli.catalog import Catalog
from tests.conftest import DATA, run


@pytest.fixture(scope="module")
def graph() -> CareerGraph:
    catalog = Catalog.open(DATA)
    return CareerGraph.build(catalog.files, {i: catalog.fiche(i).mobility for i in catalog.files}, catalog.roles)


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("responsable-site-insertion", "directeur-regional-insertion"),
        ("responsable-site-insertion", "directeur-reseau-insertion"),
        ("directeur-regional-insertion", "directeur-reseau-insertion"),
        ("responsable-conseillers-microcredit", "responsable-fonctionnel"),
        ("travailleur-social", "charge-insertion"),
        ("responsable-fonctionnel", "directeur-general-association"),
    ],
)
def test_direct_moves_the_study_states(graph: CareerGraph, source: str, target: str) -> None:
    edge = graph.edges[(source, target)]
    assert edge.kind == "stated"


def test_a_move_named_on_both_fiches_is_one_edge_with_both_pages() -> None:
    """Stated on one fiche and inferred on the other: one stated edge with both pages.
    (The shipped fiches no longer name any move twice since p. 35-38's « domaine d'action » became a role.)"""
    graph = CareerGraph.from_moves(
        ["site", "regional"], [("site", "regional", "inferred", "35-38"), ("site", "regional", "stated", "43-46")]
    )
    edge = graph.edges[("site", "regional")]
    assert edge.kind == "stated"
    assert edge.pages == ("35-38", "43-46")


def test_the_regional_director_s_reshaped_links(graph: CareerGraph) -> None:
    """p. 35-38: the wider « responsable fonctionnel ou opérationnel » is inferred; « domaine d'action » is a role."""
    assert graph.edges[("responsable-fonctionnel", "directeur-regional-insertion")].kind == "inferred"
    assert graph.edges[("responsable-domaine-territoire", "directeur-regional-insertion")].kind == "stated"
    assert graph.edges[("responsable-domaine-association", "directeur-reseau-insertion")].kind == "stated"
    assert ("responsable-domaine-territoire", "directeur-reseau-insertion") not in graph.edges
    assert ("responsable-domaine-association", "directeur-regional-insertion") not in graph.edges
    # « directeur fonctionnel au siège » is its own role: no sideways move shown as a promotion
    assert graph.edges[("directeur-regional-insertion", "directeur-fonctionnel-siege")].kind == "stated"
    assert ("directeur-regional-insertion", "responsable-fonctionnel") not in graph.edges
    # « cadre opérationnel dans une entreprise (RH, administratif, finance) » (p. 31-34) joins the support role
    assert graph.edges[("cadre-fonction-support", "directeur-reseau-insertion")].kind == "inferred"
    assert ("cadre-entreprise-classique", "directeur-reseau-insertion") not in graph.edges
    assert graph.edges[("responsable-site-insertion", "directeur-regional-insertion")].pages == ("43-46",)


def test_self_moves_are_not_edges(graph: CareerGraph) -> None:
    assert all(source != target for source, target in graph.edges)


def test_shortest_route_from_charge_to_network_director(graph: CareerGraph) -> None:
    routes = graph.shortest_routes("charge-insertion", "directeur-reseau-insertion")
    assert routes == [("charge-insertion", "responsable-site-insertion", "directeur-reseau-insertion")]
    kinds = [e.kind for e in graph.route_edges(routes[0])]
    assert kinds == ["inferred", "stated"]


def test_stated_only_cuts_the_inferred_step(graph: CareerGraph) -> None:
    assert graph.shortest_routes("charge-insertion", "directeur-reseau-insertion", stated_only=True) == []
    assert graph.shortest_routes("cadre-centre-social", "directeur-general-association", stated_only=True) == [
        (
            "cadre-centre-social",
            "responsable-site-insertion",
            "directeur-reseau-insertion",
            "directeur-general-association",
        )
    ]


def test_best_routes_are_ordered_and_distinct(graph: CareerGraph) -> None:
    routes = graph.best_routes("responsable-site-insertion", "directeur-general-association", 3)
    assert routes[0] == ("responsable-site-insertion", "directeur-reseau-insertion", "directeur-general-association")
    assert len(routes) == len(set(routes)) == 3
    assert [len(r) for r in routes] == sorted(len(r) for r in routes)


def test_career_map_nearest_first(graph: CareerGraph) -> None:
    reached = graph.career_map("charge-insertion")
    assert reached[0] == ("responsable-site-insertion", 1, "charge-insertion")
    depths = [depth for _node, depth, _parent in reached]
    assert depths == sorted(depths)
    assert {node for node, _d, _p in reached} >= {"directeur-reseau-insertion", "directeur-general-association"}


# ---------------------------------------------------------------- properties on random graphs

NODES = [f"n{i}" for i in range(8)]


@st.composite
def random_graphs(draw: st.DrawFn) -> CareerGraph:
    moves = draw(
        st.lists(
            st.tuples(st.sampled_from(NODES), st.sampled_from(NODES), st.sampled_from(["stated", "inferred"])),
            max_size=24,
        )
    )
    return CareerGraph.from_moves(NODES, [(a, b, kind, "1") for a, b, kind in moves])


def _distance(graph: CareerGraph, start: str, goal: str, stated_only: bool) -> int | None:
    seen = {start: 0}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in graph.next_of(node, stated_only):
            if nxt not in seen:
                seen[nxt] = seen[node] + 1
                queue.append(nxt)
    return seen.get(goal)


@settings(max_examples=150, deadline=None)
@given(random_graphs(), st.sampled_from(NODES), st.sampled_from(NODES), st.booleans())
def test_routes_are_real_shortest_walks(graph: CareerGraph, start: str, goal: str, stated_only: bool) -> None:
    routes = graph.shortest_routes(start, goal, stated_only, limit=20)
    best = _distance(graph, start, goal, stated_only)
    if best is None:
        assert routes == []
        return
    assert routes
    for route in routes:
        assert route[0] == start and route[-1] == goal
        assert len(route) - 1 == best  # no shorter route exists, and none returned is longer
        for edge in graph.route_edges(route):  # a real walk of the graph
            assert (edge.source, edge.target) in graph.edges
            if stated_only:
                assert edge.kind == "stated"
    assert len(set(routes)) == len(routes)


@settings(max_examples=100, deadline=None)
@given(random_graphs(), st.sampled_from(NODES), st.sampled_from(NODES), st.integers(1, 5))
def test_best_routes_are_simple_walks_by_length(graph: CareerGraph, start: str, goal: str, count: int) -> None:
    routes = graph.best_routes(start, goal, count)
    assert len(routes) <= count
    assert len(set(routes)) == len(routes)
    for route in routes:
        assert len(set(route)) == len(route)
        assert all((e.source, e.target) in graph.edges for e in graph.route_edges(route))
    assert [len(r) for r in routes] == sorted(len(r) for r in routes)
    if routes:
        assert len(routes[0]) - 1 == _distance(graph, start, goal, False)


# ---------------------------------------------------------------- through the CLI


def test_path_json_contract() -> None:
    payload = json.loads(run("path", "charge-insertion", "directeur-reseau-insertion", "--format", "json").stdout)
    assert payload == {
        "from": "charge-insertion",
        "to": "directeur-reseau-insertion",
        "steps": ["charge-insertion", "responsable-site-insertion", "directeur-reseau-insertion"],
        "edges": [
            {"from": "charge-insertion", "to": "responsable-site-insertion", "kind": "inferred", "pages": ["43-46"]},
            {
                "from": "responsable-site-insertion",
                "to": "directeur-reseau-insertion",
                "kind": "stated",
                "pages": ["43-46"],
            },
        ],
    }


def test_path_text_shows_requirements_pay_and_total_experience() -> None:
    result = run("path", "chargé d'insertion", "Directrice d'un réseau national d'insertion", env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "bac+2" in result.stdout and "bac+3 à 5" in result.stdout and "bac+4 à 5" in result.stdout
    assert "25–30 k€" in result.stdout and "40–50 k€" in result.stdout
    assert "déduit" in result.stdout and "cité par l'étude" in result.stdout
    assert "Expérience minimale impliquée par ce parcours : 5 ans au total." in result.stdout


def test_path_marks_where_a_person_is_blocked() -> None:
    result = run(
        "path", "charge-insertion", "directeur-reseau-insertion", "--bac", "3", "--years", "2", env={"COLUMNS": "200"}
    )
    lines = result.stdout.splitlines()
    assert "accessible" in next(line for line in lines if line.startswith("0 "))
    # the site's 3 to 5 years are a decisive asset, not a condition: open, with a warning
    assert "accessible, avec une réserve : sans l'atout déterminant" in next(
        line for line in lines if line.startswith("1 ")
    )
    assert "à préparer" in next(line for line in lines if line.startswith("2 "))
    lines = run(
        "path", "charge-insertion", "directeur-reseau-insertion", "--bac", "2", "--years", "2", env={"COLUMNS": "200"}
    ).stdout.splitlines()
    assert "à préparer" in next(line for line in lines if line.startswith("1 "))
    assert "plus tard" in next(line for line in lines if line.startswith("2 "))


def test_path_without_route_exits_1_and_says_what_leads_where() -> None:
    result = run("path", "directeur-general-association", "charge-insertion")
    assert result.exit_code == 1
    assert "directeur-general-association mène à : aucun poste" in result.stderr
    assert "Mènent à charge-insertion : travailleur-social" in result.stderr


def test_path_stated_only_without_route() -> None:
    result = run("path", "charge-insertion", "directeur-reseau-insertion", "--stated-only")
    assert result.exit_code == 1
    assert "cité par l'étude" in result.stderr


def test_path_unknown_role_exits_2_with_suggestions() -> None:
    result = run("path", "travailleur-socal", "charge-insertion")
    assert result.exit_code == 2
    assert "travailleur-social" in result.stderr


def test_path_map_json_and_mermaid() -> None:
    payload = json.loads(run("path", "travailleur-social", "-f", "json").stdout)
    assert payload["to"] is None and payload["reachable"][0] == {
        "id": "charge-insertion",
        "moves": 1,
        "via": "travailleur-social",
    }
    mermaid = run("path", "charge-insertion", "directeur-reseau-insertion", "-f", "mermaid").stdout
    assert mermaid.startswith("flowchart LR\n")
    assert "n_charge_insertion -.-> n_responsable_site_insertion" in mermaid
    assert "n_responsable_site_insertion --> n_directeur_reseau_insertion" in mermaid


def test_path_all_and_max() -> None:
    payload = json.loads(
        run("path", "responsable-site-insertion", "directeur-general-association", "--max", "3", "-f", "json").stdout
    )
    assert len(payload["routes"]) == 3
    assert payload["steps"] == payload["routes"][0]["steps"]
    result = run("path", "responsable-site-insertion", "directeur-general-association", "--all", "-f", "json")
    assert json.loads(result.stdout)["routes"][0]["steps"][-1] == "directeur-general-association"


@pytest.mark.parametrize("args", [["--max", "0"], ["--max", "x"], ["--bac", "3"], ["--years", "2"]])
def test_path_refusals(args: list[str]) -> None:
    assert run("path", "charge-insertion", "directeur-reseau-insertion", *args).exit_code == 2


def _walks(graph: CareerGraph) -> tuple[list[tuple[str, str]], dict[str, tuple[list[str], list[str]]]]:
    """The edges in their order, and every node's neighbours both ways (what every walk reads)."""
    return list(graph.edges), {n: (graph.next_of(n), graph.previous_of(n)) for n in graph.nodes}


@settings(max_examples=50, deadline=None)
@given(random_graphs())
def test_graph_rows_round_trip(graph: CareerGraph) -> None:
    import json

    from iae_cli.cache import SECTIONS

    section = SECTIONS["graph"]
    again = section.decode(json.loads(json.dumps(section.encode(graph))))
    assert again.edges == graph.edges and _walks(again) == _walks(graph)


def test_cached_graph_equals_the_graph_built_from_the_fiches(graph: CareerGraph) -> None:
    catalog = Catalog.open(DATA)
    catalog.summaries  # noqa: B018 - the first read fills the cache
    reopened = Catalog.open(DATA)
    cached = reopened.graph()
    assert cached.edges == graph.edges
    assert _walks(cached) == _walks(graph)


def _diamonds(width: int, layers: int) -> CareerGraph:
    """start -> `width` posts -> … (`layers` times) -> goal: width ** layers shortest routes."""
    moves = []
    previous = ["start"]
    for layer in range(layers):
        current = [f"p{layer}-{i}" for i in range(width)]
        moves += [(a, b, "stated", "1") for a in previous for b in current]
        previous = current
    moves += [(a, "goal", "inferred", "2") for a in previous]
    nodes = ["start", "goal", *(f"p{layer}-{i}" for layer in range(layers) for i in range(width))]
    return CareerGraph.from_moves(nodes, moves)


def test_shortest_routes_are_counted_without_listing_them() -> None:
    graph = _diamonds(8, 3)
    assert graph.count_shortest_routes("start", "goal") == 512
    assert len(graph.shortest_routes("start", "goal", limit=50)) == 50
    assert graph.count_shortest_routes("start", "start") == 1
    assert graph.count_shortest_routes("goal", "start") == 0
    assert graph.count_shortest_routes("start", "goal", stated_only=True) == 0


def test_path_all_says_how_many_routes_are_left_out() -> None:
    from iae_cli.render import data
    from iae_cli.render.career_views import route_view
    from iae_cli.render.text import render_text

    graph = _diamonds(8, 3)
    shown = graph.shortest_routes("start", "goal", limit=50)
    left_out = graph.count_shortest_routes("start", "goal") - len(shown)
    payload = data.routes("start", "goal", graph, shown, True, left_out)
    assert len(payload["routes"]) == 50 and payload["left_out"] == 462
    text = render_text(route_view(graph, shown, {}, str, None, left_out), 100)
    assert "… et 462 autre(s) parcours aussi court(s), non montré(s), sur 512" in " ".join(text.split())
    assert run("path", "charge-insertion", "directeur-reseau-insertion", "--all", "-f", "json").exit_code == 0
    every = json.loads(run("path", "charge-insertion", "directeur-reseau-insertion", "--all", "-f", "json").stdout)
    assert every["left_out"] == 0 and len(every["routes"]) >= 1


def test_a_step_has_one_name_per_status_in_the_table_and_the_handout() -> None:
    """« accessible, avec une réserve » as match and orient group it, with what the reserve is."""
    import html

    args = ("path", "charge-insertion", "directeur-reseau-insertion", "--bac", "3", "--years", "2")
    for fmt in ("table", "markdown", "html"):
        out = html.unescape(run(*args, "-f", fmt, env={"COLUMNS": "200"}).stdout).replace("\u00a0", " ")
        reserve = "accessible, avec une réserve : sans l'atout déterminant" + ("" if fmt == "table" else " (3 à 5 ans)")
        assert reserve in out and "à préparer" in out, fmt
        assert "ouvert, mais" not in out and "bloque ici" not in out
