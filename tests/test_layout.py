"""The layout rules both renderers share (render/text.py), on open-ended input: lines fit, words
stay whole, French punctuation never starts a line, trees keep their guides."""

from __future__ import annotations

import io
import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from iae_cli.render.document import Document, Table, Tree
from iae_cli.render.lines import display_width, longest_word, wrap
from iae_cli.render.text import _shrink, labelled, table_lines, tree_layout

ANSI = re.compile(r"\x1b\[[0-9;]*m")
_WORD = st.sampled_from(
    [
        "insertion",
        "directeur-reseau-insertion",
        "3\u00a0300",
        "k€",
        "30",
        "ans",
        ":",
        ";",
        "?",
        "«",
        "»",
        "—",
        "p.",
        "15-20",
        "d'expérience",
        "bac+3",
        "日本語",
        "e\u0301te\u0301",
        "(p.",
        "mot",
    ]
)
_TEXT = st.lists(_WORD, min_size=0, max_size=40).map(" ".join)


def _squeeze(text: str) -> str:
    return " ".join(text.split(" ")).strip()


@settings(deadline=None)
@given(_TEXT, st.integers(12, 100))
def test_wrap_fits_keeps_every_word_and_breaks_only_at_spaces(text: str, width: int) -> None:
    lines = wrap(text, width, "- ", "  ")
    assert all(display_width(line) <= width for line in lines)
    if longest_word(text) <= width - 2:  # no word to cut: the lines hold the text, broken at spaces
        assert " ".join(line[2:] for line in lines if line.strip()).strip() == _squeeze(text)


@settings(deadline=None)
@given(_TEXT, st.integers(12, 100))
def test_no_line_starts_with_french_closing_punctuation(text: str, width: int) -> None:
    lines = wrap(text, width)
    if longest_word(text) > width:  # a run held together but wider than the line is cut anywhere
        return
    for before, after in itertools.pairwise(lines):
        assert not after.startswith((":", ";", "?", "!", "»")), lines
        assert not before.endswith(("«", "—")), lines
        assert not (re.search(r"(^| )p\.$", before) and after[:1].isdigit()), lines
        assert not (before[-1:].isdigit() and re.match(r"(k€|ans)( |$)", after)), lines


def test_numbers_and_units_stay_together() -> None:
    lines = wrap("les chantiers, environ 3\u00a0300 ateliers payés 30 k€ pendant 5 ans (p. 15-20)", 12)
    assert "3\u00a0300 ateliers" in lines or any(line.startswith("3\u00a0300") for line in lines)
    assert all(not line.endswith(("30", " 5", "p.")) for line in lines), lines
    assert "30 k€" in " | ".join(lines) and "5 ans" in " | ".join(lines) and "(p. 15-20)" in " | ".join(lines)


def test_a_word_wider_than_the_line_is_the_only_cut() -> None:
    address = "http://www.exemple.org/" + "a" * 40
    lines = wrap(f"voir {address} pour plus", 30)
    assert all(len(line) <= 30 for line in lines)
    assert "".join(lines).replace(" ", "") == f"voir{address}pourplus"
    assert lines[0] == "voir"  # the long word starts its own line before being cut


def test_a_label_wider_than_the_line_wraps_too() -> None:
    lines = labelled("Accueillir des salariés exclus de l'emploi", "Deux ans au plus", 30)
    assert all(len(line) <= 30 for line, _label in lines)
    assert [label for _line, label in lines][:2] == ["Accueillir des salariés exclus", "  de l'emploi :"]


def _tree_depths() -> st.SearchStrategy[list[int]]:
    """Depth sequences of a real tree: the root, then each entry at most one level below the last."""

    def build(steps: list[int]) -> list[int]:
        depths = [0]
        for step in steps:
            depths.append(max(1, min(depths[-1] + 1, step)))
        return depths

    return st.lists(st.integers(1, 6), max_size=30).map(build)


@settings(deadline=None)
@given(_tree_depths(), st.integers(40, 120))
def test_tree_guides_tell_siblings_from_last_children(depths: list[int], width: int) -> None:
    items = tuple((depth, f"poste {index} [id-{index}] — cité par l'étude") for index, depth in enumerate(depths))
    laid = tree_layout(Tree(items), width)
    entries = [guide for guide, _text in laid if guide.endswith(("├ ", "└ "))]
    assert len(entries) == len(depths) - 1
    children = [(index, depth) for index, depth in enumerate(depths) if depth]
    for (index, depth), guide in zip(children, entries, strict=True):
        later = next((d for d in depths[index + 1 :] if d <= depth), 0)
        assert guide.endswith("├ " if later == depth else "└ "), (depths, index, guide)
        assert len(guide) == 2 * depth
    assert all(display_width(guide + text) <= width for guide, text in laid)


@settings(deadline=None)
@given(
    st.integers(1, 4).flatmap(
        lambda n: st.tuples(
            st.lists(_WORD, min_size=n, max_size=n),
            st.lists(st.lists(_TEXT, min_size=n, max_size=n), min_size=1, max_size=5),
        )
    ),
    st.integers(30, 130),
)
def test_rich_tables_never_cut_a_word(table: tuple[list[str], list[list[str]]], columns: int) -> None:
    """Boxed, unboxed or one block per row: every line fits, every word shows whole."""
    from iae_cli.render.terminal import render_rich

    headers, rows = table
    out = io.StringIO()
    render_rich(Document().add(Table(tuple(headers), tuple(tuple(r) for r in rows))), out, columns)
    shown = ANSI.sub("", out.getvalue())
    assert all(display_width(line) <= columns for line in shown.splitlines())
    words = {w for cell in [*headers, *(c for r in rows for c in r)] for w in cell.split(" ") if w}
    assert words <= set(re.split(r"[ \n│┃━─┏┓┗┛┡┩╇┳┻┌┐└┘├┤┬┴┼]+", shown))


def test_plain_tables_keep_numbers_whole() -> None:
    table = Table(("Chiffre", "Valeur"), (("Ateliers et chantiers d'insertion fin 2005", "3\u00a0300"),))
    assert any("3\u00a0300" in line for line in table_lines(table, 20))


def _shrink_cell_by_cell(naturals: list[int], floors: list[int], budget: int) -> list[int] | None:
    """The rule `_shrink` follows, written the slow way: narrow the widest column that can still
    wrap (the leftmost among equals) by one cell until the columns fit."""
    if sum(floors) > budget:
        return None
    widths = list(naturals)
    while sum(widths) > budget:
        shrinkable = [i for i in range(len(widths)) if widths[i] > max(floors[i], 8)]
        if not shrinkable:
            return None
        widths[max(shrinkable, key=lambda i: widths[i])] -= 1
    return widths


@given(
    st.lists(st.tuples(st.integers(1, 80), st.integers(0, 80)), min_size=1, max_size=7),
    st.integers(0, 250),
)
def test_columns_shrink_level_by_level_as_cell_by_cell(columns: list[tuple[int, int]], budget: int) -> None:
    naturals = [natural for natural, _ in columns]
    floors = [min(natural, floor) for natural, floor in columns]
    assert _shrink(naturals, floors, budget) == _shrink_cell_by_cell(naturals, floors, budget)
