"""French spacing where each format escapes text: HTML and SVG (`html.esc`), Markdown
(`markdown.escape`). One rule, `render.lines`: the spaces the terminal's line breaker holds are
the ones that leave as no-break spaces for browsers and word processors. JSON and plain text
keep the data's ordinary spaces (programs grep them; the terminal holds them while wrapping)."""

from __future__ import annotations

import html
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iae_cli.render import markdown
from iae_cli.render.document import Document, Fields, Snippets, clean
from iae_cli.render.html import attribute, esc, render_body
from iae_cli.render.lines import glue, typeset, wrap
from tests.conftest import run

NBSP, THIN, JOIN = "\u00a0", "\u202f", "\u2060"


@pytest.mark.parametrize(
    ("text", "typeset_text"),
    [
        ("Qui recrute ?", f"Qui recrute{THIN}?"),
        ("profil : jeune diplômé ; ou cadre !", f"profil{NBSP}: jeune diplômé{THIN}; ou cadre{THIN}!"),
        ("la « sortie positive » des salariés", f"la «{NBSP}sortie positive{NBSP}» des salariés"),
        (
            "25–30 k€ brut/an, 30 %, 35 h, 5 ans, 1 an, 6 mois",
            f"25–{JOIN}30{NBSP}k€ brut/an, 30{NBSP}%, 35{NBSP}h, 5{NBSP}ans, 1{NBSP}an, 6{NBSP}mois",
        ),
        ("le tableau (p. 15-20)", f"le tableau (p.{NBSP}15-20)"),
        ("25–30, 2008–2024, mars–avril", f"25–{JOIN}30, 2008–{JOIN}2024, mars–avril"),  # a range stays whole
        ("(≈ 32–39 k€ de 2025)", f"(≈{NBSP}32–{JOIN}39{NBSP}k€ de 2025)"),
        ("2009 — source : insee.fr", f"2009 —{NBSP}source{NBSP}: insee.fr"),
        # left alone: no punctuation after the space, a unit that is the start of a word, an address
        ("10 personnes, 5 answers, 3 hommes", "10 personnes, 5 answers, 3 hommes"),
        ("https://insee.fr/?q=1&a=2", "https://insee.fr/?q=1&a=2"),
        ("", ""),
    ],
)
def test_typeset_makes_the_held_spaces_no_break(text: str, typeset_text: str) -> None:
    assert typeset(text) == typeset_text


def test_the_terminal_keeps_an_approximate_figure_whole() -> None:
    """« ≈ » stays with its figure on a terminal too (lines.wrap), as « 30 » with « k€ »."""
    for width in range(10, 30):  # « ≈ 32–39 k€ » is 10 wide: narrower, it must come apart
        lines = wrap("salaire en 2025 ≈ 32–39 k€ de 2025", width)
        assert not [line for line in lines if line.endswith(("≈", "–")) or line.startswith("k€")], (width, lines)


FRENCH = st.text(alphabet=st.sampled_from(list("ab5 :;?!«»—–≈%€kpn.-\t<>&'\"*_[]#|\\")), max_size=40)


@settings(deadline=None, max_examples=300)
@given(FRENCH)
def test_typeset_holds_exactly_what_the_terminal_line_breaker_holds(text: str) -> None:
    """The same rule for every format: where `glue` holds a space, `typeset` leaves a no-break one."""
    assert typeset(text).replace(NBSP, "\x00").replace(THIN, "\x00").replace(JOIN, "") == glue(text)


def _spaced(text: str) -> str:
    """`text` with every run of spaces, tabs and no-break spaces as one space, and no word joiner."""
    return re.sub("[ \t\u00a0\u202f]+", " ", text).replace(JOIN, "")


@settings(deadline=None, max_examples=300)
@given(FRENCH)
def test_html_escapes_first_then_only_turns_spaces_into_no_break_ones(text: str) -> None:
    escaped = esc(text)
    assert not set("<>\"'") & set(escaped)  # data stays text
    assert _spaced(html.unescape(escaped)) == _spaced(clean(text))  # only spaces changed
    assert html.unescape(escaped) == typeset(clean(text))  # and entities hid nothing from the rule


def test_html_text_is_typeset_and_addresses_are_not() -> None:
    assert esc('<b> : "x" & 5 ans') == f"&lt;b&gt;{NBSP}: &quot;x&quot; &amp; 5{NBSP}ans"
    assert attribute("metier-a.html?x=1 ;y") == "metier-a.html?x=1 ;y"
    body = render_body(Document().add(Fields((("Salaire", "25–30 k€ ?"),)), Snippets((("offre", "a : b", ((4, 5),)),))))
    assert f"<dd>25–{JOIN}30{NBSP}k€{THIN}?</dd>" in body
    assert f"<li><em>offre</em>{NBSP}: a{NBSP}: <mark>b</mark></li>" in body  # our own « : » too


@settings(deadline=None, max_examples=300)
@given(FRENCH)
def test_markdown_escapes_first_then_only_turns_spaces_into_no_break_ones(text: str) -> None:
    escaped = markdown.escape(text)
    assert re.fullmatch(r"(?:[^\\`*_{}\[\]<>#|]|\\[\\`*_{}\[\]<>#|])*", escaped)  # every special escaped
    assert _spaced(re.sub(r"\\(.)", r"\1", escaped)) == _spaced(clean(text))  # only spaces changed


def test_markdown_text_and_labels_are_typeset() -> None:
    document = Document().add(Fields((("Niveau", "bac+3 ; 2 ans"),)), Snippets((("fiche", "« x » *", ()),)))
    assert markdown.render_markdown(document) == (
        f"- **Niveau**{NBSP}: bac+3{THIN}; 2{NBSP}ans\n\n- *fiche*{NBSP}: «{NBSP}x{NBSP}» \\*\n"
    )


def test_svg_titles_are_typeset() -> None:
    svg = run("graph").stdout
    assert f">«{NBSP}classique{NBSP}»</tspan>" in svg
    assert " »" not in svg and "« " not in svg


def test_json_and_plain_text_keep_ordinary_spaces() -> None:
    """For programs: the data's words as written (a script greps « 25–30 k€ »)."""
    text = run("match", "--bac", "3", "--years", "2").stdout
    assert "25–30 k€" in text and THIN not in text
    payload = json.loads(run("show", "charge-insertion", "-f", "json").stdout)
    assert payload["recruiters"][0].startswith("Structures de l'IAE : entreprises d'insertion")
    assert "la « sortie positive » des salariés" in payload["activities"]["main"][2]["items"][1]
    markdown_out = run("match", "--bac", "3", "--years", "2", "-f", "markdown").stdout
    assert f"25–{JOIN}30{NBSP}k€" in markdown_out and "25–30 k€" not in markdown_out
