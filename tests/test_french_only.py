"""No English of ours reaches a person: every help page, every command's output and errors, the
handouts (Markdown, HTML, SVG) and the site, whose text a browser or word processor never breaks
where French keeps it whole."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from iae_cli.cli.app import COMMANDS
from tests.conftest import run

# Words Typer, Click or our own keys would leak (JSON keys stay English: JSON is for programs).
ENGLISH = re.compile(
    r"\b(salary|recruiters|reporting|diploma|summary_table|knowledge|skills|mobility|offers|Usage|Options:"
    r"|Error|Commands|installed|required|default|Show this|Missing|Got unexpected|No such|Invalid|Aborted"
    r"|completion installed|does not take|requires an argument)\b"
)

HELP_PAGES = [[], ["--help"], *([name, "--help"] for name in COMMANDS)]
# People's output (never JSON or YAML), and the errors a person meets.
OUTPUTS = [
    ["list"],
    ["list", "--roles"],
    ["list", "-l", "direction"],
    ["show"],
    ["show", "charge-insertion"],
    ["show", "charge-insertion", "-f", "md"],
    ["show", "travailleur-social"],
    ["show", "charge", "-s", "sources"],
    ["match", "--bac", "3", "--years", "2"],
    ["match", "--bac", "0", "--years", "0"],
    ["path", "charge-insertion", "directeur-reseau-insertion", "--bac", "3", "--years", "2"],
    ["path", "travailleur-social"],
    ["sector"],
    ["glossary"],
    ["validate"],
    ["search", "insertion"],
    ["compare", "charge-insertion", "directeur-entreprise-insertion"],
    ["shwo"],
    ["--bogus"],
    ["list", "--format"],
    ["match", "--bac", "3"],
    ["path"],
    ["path", "a", "b", "--all=3"],
    ["glossary", "CAE", "ANPE"],
    ["show", "nimporte"],
    ["--data", "data"],
]


@pytest.mark.parametrize("args", HELP_PAGES + OUTPUTS, ids=lambda a: " ".join(a) or "iae")
def test_no_english_word(args: list[str]) -> None:
    result = run(*args)
    text = result.stdout + result.stderr
    assert text.strip()
    assert english(text) == [], args


def english(text: str) -> list[str]:
    return ENGLISH.findall(text.replace("reporting aux tutelles", ""))  # the study's own word


@pytest.mark.parametrize("args", HELP_PAGES + OUTPUTS, ids=lambda a: " ".join(a) or "iae")
@pytest.mark.parametrize("columns", ["60", "80"])
def test_no_line_starts_with_a_colon_or_a_semicolon(args: list[str], columns: str) -> None:
    """French spacing: « : ; ? ! » stay with the word before them, whatever the width."""
    result = run(*args, env={"COLUMNS": columns})
    for line in (result.stdout + result.stderr).splitlines():
        assert not re.match(r"\s*[:;?!»]", line), (columns, line)


@pytest.mark.parametrize("args", HELP_PAGES, ids=lambda a: " ".join(a) or "iae")
def test_help_spaces_are_no_break_before_french_punctuation(args: list[str]) -> None:
    """Click wraps help at plain spaces: there the space before « : ; ? ! » is a no-break one."""
    text = run(*args).stdout
    assert "Utilisation\u00a0: iae" in text and "Options\u00a0:" in text
    assert not re.search(r" [:;?!](\s|$)", text)


# Documents to hand over: Markdown, HTML and SVG, read as a person reads them.
HANDOUTS = [
    *(
        [*args, "-f", fmt]
        for fmt in ("markdown", "html")
        for args in (
            ["show", "charge-insertion"],
            ["show", "directeur-reseau-insertion", "--details"],
            ["match", "--bac", "3", "--years", "2"],
            ["match", "--bac", "0", "--years", "0"],
            ["path", "travailleur-social", "directeur-entreprise-insertion", "--bac", "3", "--years", "2"],
            ["path", "charge-insertion"],
            ["compare", "charge-insertion", "directeur-reseau-insertion"],
            ["orient", "--bac", "5", "--years", "6", "--domaine", "direction", "--envie", "diriger"],
            ["search", "accompagnement"],
        )
    ),
    ["graph"],
    ["path", "cadre-centre-social", "directeur-reseau-insertion", "-f", "svg"],
]
# Where a browser or a word processor could break a line that French keeps whole: an ordinary
# space before « : ; ? ! » », after « « » or « ≈ », between « p. » and its page, a number and its unit;
# an en dash with nothing to hold it between the two ends of a range (« 25–30 »).
BREAKABLE = re.compile(r"[ \t][:;?!»]|[«≈][ \t]|\bp\.[ \t]\d|\d[ \t](?:k€|€|%|h|ans?|mois)(?!\w)|\d–\d")


class _Text(HTMLParser):
    """The text of an HTML page or an SVG picture (titles included), without markup or style."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.hidden = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self.hidden = False

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def read_as_a_person(output: str) -> str:
    """Markdown as it is; HTML and SVG as their text."""
    if not output.lstrip().startswith(("<!DOCTYPE", "<svg")):
        return output
    parser = _Text()
    parser.feed(output)
    return "".join(parser.parts)


def _site_pages(folder: Path) -> dict[str, str]:
    assert run("site", str(folder)).exit_code == 0
    return {page.name: page.read_text(encoding="utf-8") for page in sorted(folder.glob("*.html"))}


@pytest.mark.parametrize("args", HANDOUTS, ids=" ".join)
def test_handouts_are_french_and_never_breakable_where_french_forbids(args: list[str]) -> None:
    result = run(*args)
    text = read_as_a_person(result.stdout)
    assert result.exit_code in (0, 1) and len(text) > 200, result
    assert english(text) == [], args
    assert not BREAKABLE.findall(text), (args, BREAKABLE.findall(text))
    assert not [line for line in text.splitlines() if re.match(r"\s*[:;?!»]", line)]


def test_site_pages_are_french_and_never_breakable_where_french_forbids(tmp_path: Path) -> None:
    pages = _site_pages(tmp_path / "site")
    assert len(pages) == 22
    for name, page in pages.items():
        text = read_as_a_person(page)
        assert english(text) == [], name
        assert not BREAKABLE.findall(text), (name, BREAKABLE.findall(text))
