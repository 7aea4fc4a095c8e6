"""The map's layout on any graph: boxes never overlap, everything lies on the canvas, one arrow per move."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from iae_cli.render.graph_layout import Node, layout, wrap

BANDS = ("Direction générale", "Encadrement intermédiaire", "Encadrement de proximité", "Hors fiches")


@st.composite
def graphs(draw: st.DrawFn) -> tuple[list[Node], list[tuple[str, str]]]:
    count = draw(st.integers(1, 16))
    titles = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=90)
    nodes = []
    for i in range(count):
        band = draw(st.integers(0, 3))
        nodes.append(Node(f"n{i}", draw(titles), band, BANDS[band]))
    pairs = st.tuples(st.integers(0, count - 1), st.integers(0, count - 1)).filter(lambda p: p[0] != p[1])
    edges = sorted({(f"n{a}", f"n{b}") for a, b in draw(st.lists(pairs, max_size=30))})
    return nodes, edges


@settings(deadline=None, max_examples=60)
@given(graphs())
def test_boxes_never_overlap_and_stay_on_the_canvas(graph: tuple[list[Node], list[tuple[str, str]]]) -> None:
    nodes, edges = graph
    placed = layout(nodes, edges)
    boxes = list(placed.boxes.values())
    assert sorted(placed.boxes) == sorted(n.id for n in nodes)
    for i, a in enumerate(boxes):
        assert a.x >= 0 and a.x + a.width <= placed.width and a.y >= 0 and a.y + a.height <= placed.height
        for b in boxes[i + 1 :]:
            apart_x = a.x + a.width <= b.x or b.x + b.width <= a.x
            apart_y = a.y + a.height <= b.y or b.y + b.height <= a.y
            assert apart_x or apart_y, (a, b)
    assert [(a.source, a.target) for a in placed.arrows] == edges
    for arrow in placed.arrows:
        for x, y in arrow.points:
            assert 0 <= x <= placed.width and 0 <= y <= placed.height
    # higher bands are drawn higher up
    by_id = {n.id: n for n in nodes}
    for a in boxes:
        for b in boxes:
            if by_id[a.id].band < by_id[b.id].band:
                assert a.y < b.y


def test_titles_wrap_to_lines_that_fit_a_box() -> None:
    lines = wrap("Responsable de l'insertion dans une grande association ou une organisation solidaire")
    assert lines == ("Responsable de", "l'insertion dans une", "grande association ou", "une organisation", "solidaire")
    assert wrap("x" * 50) == ("x" * 22, "x" * 22, "x" * 6)
