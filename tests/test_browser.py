"""Handouts, the map and the site, checked in a real browser (headless Chromium).

Each page must load with no console error and no request leaving the machine, its links must
lead to files (and anchors) that exist, a screenshot must show something, the map's labels must
not overlap, and the print layout must keep tables inside the A4 page. Hostile titles go through
the real browser too: nothing runs, everything reads as text.

Without Chromium these tests are skipped, unless IAE_REQUIRE_BROWSER=1 (set by .ci/run).
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.browser import Browser, Tab, chromium_path
from tests.conftest import DATA, POST_IDS, run

BINARY = chromium_path()
if BINARY is None:
    if os.environ.get("IAE_REQUIRE_BROWSER") == "1":
        raise RuntimeError("IAE_REQUIRE_BROWSER=1 but no chromium on PATH")
    pytest.skip("chromium is not installed", allow_module_level=True)

PRINT_WIDTH = 687  # A4 (210 mm) less the print stylesheet's 2 x 14 mm margins, at 96 px per inch
PHONE_WIDTH = 390

HANDOUTS = {
    "fiche.html": ["show", "charge-insertion", "-f", "html"],
    "fiche-details.html": ["show", "charge-insertion", "-f", "html", "--details"],
    "profil.html": ["match", "--bac", "3", "--years", "2", "-f", "html"],
    "parcours.html": ["path", "travailleur-social", "directeur-entreprise-insertion", "-f", "html"],
    "parcours-2.html": ["path", "charge-insertion", "directeur-reseau-insertion", "--max", "2", "-f", "html"],
    "carte-depuis.html": ["path", "charge-insertion", "-f", "html"],
    "carte.svg": ["graph"],
    "carte-parcours.svg": ["graph", "--from", "travailleur-social", "--to", "directeur-reseau-insertion"],
    "parcours.svg": ["path", "cadre-centre-social", "directeur-reseau-insertion", "-f", "svg"],
    "comparaison.html": ["compare", "responsable-site-insertion", "directeur-reseau-insertion", "-f", "html"],
    "comparaison-details.html": [
        "compare",
        "charge-insertion",
        "directeur-entreprise-insertion",
        "-f",
        "html",
        "--details",
    ],
    "orientation.html": ["orient", "--bac", "3", "--years", "0", "--envie", "accompagner", "-f", "html"],
    "orientation-parcours.html": [
        *("orient", "--bac", "DEES", "--years", "4", "--domaine", "insertion", "--envie", "diriger"),
        *("--poste", "travailleur-social", "-f", "html"),
    ],
    "recherche.html": ["search", "accompagnement", "-f", "html"],
}
HOSTILE = '<script>alert("x")</script> & " \' </style><img src=x onerror=alert(1)> fin'


def _write_outputs(folder: Path, data: Path | None = None) -> None:
    prefix = ["--data", str(data)] if data else []
    for name, args in HANDOUTS.items():
        result = run(*prefix, *args)
        assert result.exit_code == 0, (name, result)
        (folder / name).write_text(result.stdout, encoding="utf-8")
    result = run(*prefix, "site", str(folder / "site"))
    assert result.exit_code == 0, result


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert BINARY is not None
    chromium = Browser(BINARY)
    yield chromium
    chromium.close()


@pytest.fixture(scope="module")
def outputs() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="iae-html-"))
    _write_outputs(folder)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def hostile_outputs() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="iae-hostile-"))
    data = folder / "data"
    shutil.copytree(DATA, data)
    quoted = HOSTILE.replace("\\", "\\\\").replace('"', '\\"')
    for path, old in (
        (data / "metiers" / "charge-insertion.yaml", "  masculine: Chargé d'insertion"),
        (data / "roles.yaml", "    title: Travailleur social (animateur, éducateur…)"),
    ):
        text = path.read_text(encoding="utf-8")
        assert old in text
        key = old.split(":")[0]
        path.write_text(text.replace(old, f'{key}: "{quoted}"', 1), encoding="utf-8")
    out = folder / "out"
    out.mkdir()
    _write_outputs(out, data)
    yield out
    shutil.rmtree(folder, ignore_errors=True)


def _pages(folder: Path) -> list[Path]:
    return sorted([*folder.glob("*.html"), *folder.glob("*.svg"), *(folder / "site").glob("*.html")])


def _open(browser: Browser, path: Path, width: int = 1200) -> Tab:
    tab = browser.open(path, width=width)
    load = tab.load
    assert load.errors == [], (path.name, load.errors)
    assert load.dialogs == [], (path.name, load.dialogs)
    outside = [u for u in load.requests if not u.startswith(("file://", "data:"))]
    assert outside == [], (path.name, outside)
    return tab


LINKS = """[...document.querySelectorAll('a')].map(a => a.getAttribute('href') ?? a.getAttribute('xlink:href'))"""
IDS = "[...document.querySelectorAll('[id]')].map(e => e.id)"


def _check_links(browser: Browser, path: Path, tab: Tab) -> int:
    hrefs = tab.evaluate(LINKS)
    for href in hrefs:
        parts = urlsplit(href)
        assert parts.scheme == "" and parts.netloc == "", (path.name, href)  # nothing leaves the folder
        target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
        assert target.is_file(), (path.name, href)
        if parts.fragment:
            other = tab if target == path else browser.open(target)
            assert parts.fragment in other.evaluate(IDS), (path.name, href)
            if other is not tab:
                other.close()
    return len(hrefs)


def test_every_page_loads_offline_without_errors_and_its_links_resolve(browser: Browser, outputs: Path) -> None:
    pages = _pages(outputs)
    assert len(pages) == len(HANDOUTS) + 22  # the site: index, 7 fiches, 12 outside posts, sector, glossary
    links = 0
    for path in pages:
        tab = _open(browser, path)
        links += _check_links(browser, path, tab)
        assert tab.evaluate("document.querySelectorAll('script').length") == 0
        tab.close()
    assert links > 150  # the site is really cross-linked


def test_site_links_every_post_from_the_index_and_the_map(browser: Browser, outputs: Path) -> None:
    tab = _open(browser, outputs / "site" / "index.html")
    hrefs = set(tab.evaluate(LINKS))
    map_links = set(tab.evaluate("[...document.querySelectorAll('svg a')].map(a => a.getAttribute('href'))"))
    tab.close()
    posts = {p.name for p in (outputs / "site").glob("*.html")} - {"index.html", "secteur.html", "glossaire.html"}
    assert len(posts) == 19  # 7 fiches, 12 outside posts
    assert posts <= hrefs and map_links == posts
    assert {"secteur.html", "glossaire.html", "index.html#carte"} <= hrefs
    fiche = _open(browser, outputs / "site" / "metier-charge-insertion.html")
    assert "metier-responsable-site-insertion.html" in fiche.evaluate(LINKS)
    assert "poste-travailleur-social.html" in fiche.evaluate(LINKS)
    fiche.close()


@pytest.mark.parametrize("name", ["fiche.html", "profil.html", "parcours.html", "carte.svg", "site/index.html"])
def test_a_screenshot_shows_the_page(browser: Browser, outputs: Path, name: str) -> None:
    from tests.browser import png_colours

    tab = _open(browser, outputs / name)
    colours = png_colours(tab.screenshot())
    tab.close()
    assert len(colours) > 8, colours  # text, headings, borders: not one flat colour


LABEL_BOXES = """[...document.querySelectorAll('svg text')].map(t => {
  const r = t.getBoundingClientRect();
  const box = t.parentElement.matches('g.post') ? t.parentElement.querySelector(':scope > rect') : null;
  const b = box ? box.getBoundingClientRect() : null;
  return {text: t.textContent, x: r.left, y: r.top, r: r.right, b: r.bottom,
          box: b ? [b.left, b.top, b.right, b.bottom] : null};
})"""


def _overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return a["x"] < b["r"] - 0.5 and b["x"] < a["r"] - 0.5 and a["y"] < b["b"] - 0.5 and b["y"] < a["b"] - 0.5


@pytest.mark.parametrize(
    "name", ["carte.svg", "carte-parcours.svg", "parcours.svg", "parcours.html", "site/index.html"]
)
def test_map_labels_do_not_overlap_and_stay_in_their_boxes(browser: Browser, outputs: Path, name: str) -> None:
    tab = _open(browser, outputs / name, width=1400)
    labels = tab.evaluate(LABEL_BOXES)
    tab.close()
    assert len(labels) >= (17 + 4 + 2 if name in ("carte.svg", "site/index.html") else 5)
    for i, a in enumerate(labels):
        assert a["r"] > a["x"] and a["b"] > a["y"], a
        for b in labels[i + 1 :]:
            assert not _overlap(a, b), (a["text"], b["text"])
        if a["box"] is not None:  # a post's title lies inside its box
            left, top, right, bottom = a["box"]
            assert left <= a["x"] and a["r"] <= right and top <= a["y"] and a["b"] <= bottom, a


PRINT_FIT = """(() => {
  const width = document.documentElement.clientWidth;
  const tables = [...document.querySelectorAll('table')].map(t => t.getBoundingClientRect().right);
  return {width, scroll: document.documentElement.scrollWidth, tables,
          breaks: [...document.querySelectorAll('section.part')].map(s => getComputedStyle(s).breakBefore)};
})()"""


@pytest.mark.parametrize(
    "name",
    [
        *("fiche.html", "fiche-details.html", "profil.html", "parcours-2.html", "comparaison.html"),
        *("orientation-parcours.html", "site/secteur.html"),
    ],
)
def test_print_keeps_tables_on_the_page_and_makes_a_pdf(browser: Browser, outputs: Path, name: str) -> None:
    tab = _open(browser, outputs / name)
    tab.print_media(PRINT_WIDTH)
    fit = tab.evaluate(PRINT_FIT)
    pdf = tab.pdf()
    tab.close()
    assert fit["tables"], "each of these documents has a table"
    assert all(right <= fit["width"] + 0.5 for right in fit["tables"]), fit
    assert fit["scroll"] <= fit["width"], fit
    assert pdf.startswith(b"%PDF-") and b"/Type /Page" in pdf.replace(b"/Type/Page", b"/Type /Page")
    if name == "parcours-2.html":  # two routes: the second starts on a new page
        assert fit["breaks"] == ["auto", "page"], fit


SHOWN_TEXT = "document.body.innerText"
SECONDARY = "[...document.querySelectorAll('.sub')].map(e => e.textContent)"


@pytest.mark.parametrize("name", ["comparaison.html", "orientation.html", "orientation-parcours.html"])
def test_compare_and_orient_handouts_show_titles_never_internal_ids(browser: Browser, outputs: Path, name: str) -> None:
    tab = _open(browser, outputs / name)
    text = tab.evaluate(SHOWN_TEXT)
    tab.close()
    assert [post for post in POST_IDS if post in text] == []
    assert "Identifiant" not in text and "(p. " not in text  # pages only in « Sources »
    assert "Responsable d'un site d'insertion" in text or "Chargé d'insertion" in text


def test_the_orientation_handout_lists_each_next_post_with_what_it_lacks(browser: Browser, outputs: Path) -> None:
    tab = _open(browser, outputs / "orientation-parcours.html")
    posts = tab.evaluate("[...document.querySelectorAll('h3')].map(h => h.textContent)")
    lacks = tab.evaluate("[...document.querySelectorAll('h3 + p + ul')].map(u => u.children.length)")
    route = tab.evaluate("[...document.querySelectorAll('li')].map(li => li.firstChild.textContent.trim())")
    tab.close()
    assert posts == [
        "Directeur d'un réseau national d'insertion",
        "Directeur d'une entreprise d'insertion",
        "Directeur régional d'une structure d'insertion",
        "Responsable fonctionnel dans une structure d'insertion",
        "Responsable de conseillers en microcrédit",  # its 3 years in finance: none of the 4 in insertion count
    ]
    assert lacks == [2, 3, 3, 2, 4]
    assert "Responsable d'un site d'insertion (passage déduit)" in route


def test_compare_details_keep_the_ids(browser: Browser, outputs: Path) -> None:
    tab = _open(browser, outputs / "comparaison-details.html")
    text = " ".join(tab.evaluate(SHOWN_TEXT).split())  # no-break spaces read as spaces
    tab.close()
    assert "charge-insertion" in text and "directeur-entreprise-insertion" in text
    assert "[responsable-site-insertion] — déduit (p. 43-46)" in text


@pytest.mark.parametrize(
    "name",
    ["fiche.html", "profil.html", "parcours.html", "comparaison.html", "orientation-parcours.html", "site/index.html"],
)
def test_pages_fit_a_phone_screen(browser: Browser, outputs: Path, name: str) -> None:
    tab = _open(browser, outputs / name, width=PHONE_WIDTH)
    scroll = tab.evaluate("document.documentElement.scrollWidth")
    size = tab.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    tab.close()
    assert scroll <= PHONE_WIDTH and size >= 14


# The page's text as the browser laid it out, one [block, line] per line (the map excepted): a
# line starts at a character lower than the one before it, or in another block.
RENDERED_LINES = """(() => {
  const blocks = 'p, li, td, th, dt, dd, h1, h2, h3, h4, h5, h6, nav';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {acceptNode: n =>
    n.parentElement.closest('svg, style') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
  const range = document.createRange();
  const owners = new Map();
  const lines = [];
  let owner = null, last = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const block = node.parentElement.closest(blocks);
    if (!owners.has(block)) owners.set(block, owners.size);
    for (let i = 0; i < node.data.length; i++) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const r = range.getBoundingClientRect();
      if (r.width === 0) continue;  // white space the layout collapsed
      if (block !== owner || r.top > last.top + last.height / 2) lines.push([owners.get(block), '']);
      lines[lines.length - 1][1] += node.data[i];
      owner = block;
      last = r;
    }
  }
  return lines;
})()"""
UNIT = re.compile(r"(?:k€|€|%|h|ans?|mois)(?!\w)")
PAGE = re.compile(r"\bp\.$")
RANGE = re.compile(r"\d–$")


def _french_breaks(lines: list[tuple[int, str]]) -> list[tuple[str, str]]:
    """Line breaks French typesetting forbids: before « : ; ? ! » », after « « », « ≈ » or a dash, between
    « p. » and its page or a range's dash and its end (« 25– | 30 »), a number and its unit
    (« 30 | k€ », « 5 | ans »). A line with no ordinary space is a run too wide for any line: the
    browser cuts it where it must."""
    bad = []
    for (block, before), (same, line) in itertools.pairwise(lines):
        before, line = before.rstrip(), line.lstrip()
        if block != same or " " not in before:
            continue
        if (
            line.startswith((":", ";", "?", "!", "»", "k€"))
            or before.endswith(("«", "—", "≈"))
            or ((PAGE.search(before) or RANGE.search(before)) and line[:1].isdigit())
            or (before[-1:].isdigit() and UNIT.match(line))
        ):
            bad.append((before, line))
    return bad


@pytest.mark.parametrize(
    "name", ["fiche.html", "profil.html", "comparaison.html", "orientation.html", "recherche.html", "site/secteur.html"]
)
def test_narrow_pages_never_break_a_line_where_french_forbids_it(browser: Browser, outputs: Path, name: str) -> None:
    """The handouts at phone widths: no line starts with « : ; ? ! » or a unit cut from its number."""
    tab = _open(browser, outputs / name, width=PHONE_WIDTH)
    seen = 0
    for width in range(200, PHONE_WIDTH + 1, 15):
        tab.resize(width)
        lines = [(block, text) for block, text in tab.evaluate(RENDERED_LINES)]
        assert _french_breaks(lines) == [], (name, width, _french_breaks(lines))
        seen += len(lines)
    tab.close()
    assert seen > 2000  # the pages were really laid out in many short lines


def test_hostile_titles_are_shown_as_text_and_nothing_runs(browser: Browser, hostile_outputs: Path) -> None:
    # every handout and map, and the site pages that carry the two hostile titles
    site = hostile_outputs / "site"
    pages = [p for p in _pages(hostile_outputs) if p.parent != site]
    pages += [site / "index.html", site / "metier-charge-insertion.html", site / "poste-travailleur-social.html"]
    seen = 0
    for path in pages:
        tab = _open(browser, path)  # no dialog, no console error, no request
        counts = tab.evaluate("['script', 'img', 'iframe', 'object'].map(t => document.getElementsByTagName(t).length)")
        assert counts == [0, 0, 0, 0], (path.name, counts)
        text = tab.evaluate("document.documentElement.textContent")
        seen += HOSTILE in text or HOSTILE.replace("  ", " ") in text
        tab.close()
    assert seen >= 10  # the hostile title reads literally on the handouts, the map and the site


def test_site_refuses_a_folder_that_is_not_empty_and_never_deletes(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("à garder", encoding="utf-8")
    refused = run("site", str(tmp_path))
    assert refused.exit_code == 2
    assert refused.stderr == (
        f"iae : le dossier « {tmp_path} » n'est pas vide ; --force pour y écrire quand même (rien n'est effacé)\n"
    )
    outside = tmp_path.parent / f"{tmp_path.name}-outside.html"
    outside.write_text("dehors", encoding="utf-8")
    (tmp_path / "index.html").symlink_to(outside)
    forced = run("site", str(tmp_path), "--force")
    assert forced.exit_code == 0, forced
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "à garder"
    assert outside.read_text(encoding="utf-8") == "dehors"  # the link was replaced, not followed
    assert not (tmp_path / "index.html").is_symlink()
    assert len(list(tmp_path.glob("*.html"))) == 22
