"""Documents to hand over (-f markdown / html), the map (iae graph) and the site, without a browser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from iae_cli.catalog import Catalog
from iae_cli.render.document import Document, Heading, Paragraph, Table
from iae_cli.render.html import render_html
from tests.conftest import DATA, POST_IDS, run

STUDY_LINE = "Les faits de ce document viennent de l'étude de l'Apec publiée en décembre 2008"


def plain(text: str) -> str:
    """The text with ordinary spaces for the no-break ones of French typography (checked in test_typography)."""
    return text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2060", "")


def test_fiche_handout_speaks_to_the_reader() -> None:
    result = run("show", "charge-insertion", "-f", "markdown")
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("# Chargé d'insertion / Chargée d'insertion\n")
    assert STUDY_LINE in text
    assert "charge-insertion" not in text and "travailleur-social" not in text  # no internal ids
    assert "(p-1)" not in text and "(p+1)" not in text and "cité par l'étude" not in text
    assert "**Postes occupés avant**\n\n- Premier poste de travailleur social (animateur, éducateur…)" in text
    # the acronyms the fiche uses, explained once at the end; the sources in one line
    glossary = text.split("## Sigles\n", 1)[1].split("## Sources", 1)[0]
    for term in ("ETTI", "ESAT", "PLIE", "DDTEFP", "ANPE"):
        assert f"| {term} |" in glossary
    assert "| CNEI |" not in glossary  # not used by this fiche
    assert (
        "\n## Sources\n\n- Apec, «\u00a0Les emplois cadres dans les entreprises d'insertion\u00a0», "
        "décembre 2008, pages 47-50.\n" in text
    )


def test_handouts_say_what_changed_since_2008_with_sources() -> None:
    text = run("show", "charge-insertion", "-f", "markdown").stdout
    assert (
        "En euros de 2025, un salaire de 2008 vaut environ 30 % de plus : c'est ce qu'il permettrait d'acheter, "
        "pas le salaire actuel du poste. Indice : INSEE, indice des prix à la consommation (IPC), ensemble des "
        "ménages, France, base 2015."
    ) in plain(text)
    assert (
        "Soit environ 32–\u206039\u00a0k€ en euros de 2025 (ajustement sur les prix, non un salaire constaté)." in text
    )
    since = text.split("## Depuis 2008\n", 1)[1].split("## Sigles", 1)[0].replace("\u00a0", " ")
    assert "- ANPE → Pôle emploi (1er janvier 2009) → France Travail (1er janvier 2024)" in since
    assert "- DDTEFP → DIRECCTE (2010) → DREETS et DDETS (1er avril 2021)" in since
    sources = text.split("## Sources\n", 1)[1]
    assert "- Fait postérieur à l'étude\u00a0: INSEE, indice des prix à la consommation (IPC)" in sources


def test_details_keep_ids_and_pages() -> None:
    text = run("show", "charge-insertion", "-f", "markdown", "--details").stdout
    assert "- **Identifiant**\u00a0: charge-insertion" in text and "Postes précédents (p-1)" in text
    assert "## Sigles" in text
    route = run("path", "travailleur-social", "charge-insertion", "-f", "markdown", "--details").stdout
    assert "travailleur-social" in route and "(p.\u00a047-50)" in route


def test_match_handout_lists_posts_without_ids() -> None:
    result = run("match", "--bac", "3", "--years", "2", "-f", "markdown")
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("# Profil\u00a0: bac+3, 2\u00a0ans d'expérience\n")
    assert (
        "| Chargé d'insertion (Encadrement de proximité) | 25–\u206030\u00a0k€ (≈\u00a032–\u206039\u00a0k€) | "
        "bac+2, débutant accepté |" in text
    )
    assert "## Accessibles, avec une réserve (1)" in text
    assert (
        "| Responsable d'un site d'insertion (Encadrement de proximité) | "
        "35–\u206045\u00a0k€ (≈\u00a045–\u206058\u00a0k€) | "
        "Au moins 1\u00a0an selon le tableau de synthèse, mais l'étude tient 3 à 5\u00a0ans (action sociale) pour un "
        "atout déterminant\u00a0: il vous en manque 1\u00a0an |" in text
    )
    assert "charge-insertion" not in text
    assert "la VAE permet" in text  # an acronym is never lower-cased by the sentence's capital


def test_match_handout_keeps_exit_code_when_nothing_is_open() -> None:
    result = run("match", "--bac", "0", "--years", "0", "-f", "html")
    assert result.exit_code == 1
    assert "Aucun poste n&#x27;est accessible avec ce profil" in result.stdout


def test_route_handout_and_its_picture() -> None:
    result = run("path", "travailleur-social", "directeur-entreprise-insertion", "-f", "html")
    assert result.exit_code == 0
    html = result.stdout
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html
    assert (
        "<h1>Parcours\u00a0: Travailleur social (animateur, éducateur…) → "
        "Directeur d&#x27;une entreprise d&#x27;insertion</h1>" in html
    )
    assert html.count("<svg") == 1 and "rapprochement déduit des fiches" in html
    assert "pages 27-30, 43-46, 47-50." in html
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in html


def test_career_map_handout() -> None:
    text = run("path", "charge-insertion", "-f", "markdown").stdout
    assert text.startswith("# Où mène le poste de Chargé d'insertion\n")
    assert "  - Responsable d'un site d'insertion (passage déduit)" in text
    assert "| RSE | Responsabilité sociale des entreprises |" in text


def test_html_escapes_every_value() -> None:
    hostile = "<script>alert(1)</script> & \" ' </style>"
    doc = Document().add(Heading(hostile), Paragraph(hostile), Table((hostile,), ((f"{hostile}\n{hostile}",),)))
    html = render_html(doc)
    assert "<script>" not in html and "</style> &" not in html
    # <title>, <h1>, <p>, <th>, and both lines of the cell
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot; &#x27; &lt;/style&gt;") == 6
    assert html.count("</style>") == 1  # the stylesheet's own


def test_graph_formats() -> None:
    svg = run("graph").stdout
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"') and svg.endswith("</svg>\n")
    graph = Catalog.open(DATA).graph()
    moves = len(graph.edges)
    inferred = sum(1 for e in graph.edges.values() if e.kind == "inferred")
    assert moves >= 21 and inferred >= 5
    assert svg.count('<g class="post') == 19 and svg.count('class="move ') == moves + 2  # 2 in the legend
    assert svg.count('class="move inferred') == inferred + 1
    for band in ("Direction générale", "Encadrement intermédiaire", "Encadrement de proximité", "Postes hors"):
        assert band in svg
    dot = run("graph", "-f", "dot").stdout
    assert dot.startswith("digraph carriere {") and dot.count(" -> ") == moves and dot.count("style=dashed") == inferred
    mermaid = run("graph", "-f", "mermaid").stdout
    assert mermaid.startswith("flowchart LR") and mermaid.count("-.->") == inferred


def test_graph_highlights_a_route() -> None:
    svg = run("graph", "--from", "travailleur-social", "--to", "directeur-reseau-insertion").stdout
    # travailleur social -> chargé d'insertion -> responsable de site -> directeur de réseau
    assert svg.count('<g class="post fiche on">') == 3 and svg.count('<g class="post on">') == 1
    assert len(re.findall(r'class="move \w+ on"', svg)) == 3 + 1  # and the legend
    assert "parcours demandé" in svg
    assert run("path", "travailleur-social", "directeur-reseau-insertion", "-f", "svg").stdout == svg
    mermaid = run("graph", "--from", "travailleur-social", "--to", "directeur-reseau-insertion", "-f", "mermaid").stdout
    assert "  class n_charge_insertion,n_directeur_reseau_insertion,n_responsable_site_insertion," in mermaid
    assert len(mermaid.split("  linkStyle ", 1)[1].split(" ", 1)[0].split(",")) == 3
    dot = run("graph", "--from", "travailleur-social", "--to", "directeur-reseau-insertion", "-f", "dot").stdout
    assert dot.count("color=red") == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["graph", "--from", "inconnu"], "iae : aucun poste ne s'appelle « inconnu »"),
        (["graph", "-f", "png"], "iae : format « png » non proposé ici ; formats possibles : svg, mermaid, dot"),
        (
            ["graph", "--from", "directeur-reseau-insertion", "--to", "charge-insertion"],
            "iae : aucun parcours de directeur-reseau-insertion vers charge-insertion",
        ),
        (["site", ""], "iae : DOSSIER attend un chemin de dossier ; reçu : une chaîne vide"),
    ],
)
def test_graph_and_site_refuse_bad_input(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code in (1, 2)
    assert result.stderr.startswith(message), result.stderr
    assert result.stdout == ""


def test_site_refuses_a_file_in_place_of_the_folder(tmp_path: Path) -> None:
    target = tmp_path / "fichier"
    target.write_text("x", encoding="utf-8")
    result = run("site", str(target))
    assert result.exit_code == 2
    assert result.stderr == f"iae : « {target} » existe et n'est pas un dossier\n"
    assert target.read_text(encoding="utf-8") == "x"


def test_site_writes_every_page(tmp_path: Path) -> None:
    result = run("site", str(tmp_path / "site"))
    assert result.exit_code == 0
    pages = sorted(p.name for p in (tmp_path / "site").iterdir())
    assert len(pages) == 22 and "index.html" in pages and "metier-charge-insertion.html" in pages
    fiche = (tmp_path / "site" / "metier-charge-insertion.html").read_text(encoding="utf-8")
    assert "Soit environ 32–\u206039\u00a0k€ en euros de 2025" in fiche and "<h2>Depuis 2008</h2>" in fiche
    assert "ANPE → Pôle emploi (2009) → France Travail (2024)" in (tmp_path / "site" / "glossaire.html").read_text(
        encoding="utf-8"
    )
    assert result.stdout == f"22 pages écrites dans {tmp_path / 'site'} ; ouvrir {tmp_path / 'site' / 'index.html'}\n"


def test_route_handout_words_a_step_open_with_a_caveat() -> None:
    """bac+3, 2 years: the site is open (its 3 to 5 years are a decisive asset, not a condition)."""
    args = ("path", "charge-insertion", "directeur-reseau-insertion", "--bac", "3", "--years", "2", "-f", "markdown")
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert "accessible, avec une réserve" in result.stdout and "à préparer" in result.stdout
    assert "Expérience minimale impliquée par ce parcours\u00a0: 5\u00a0ans au total." in result.stdout


def test_a_big_catalog_draws_only_the_part_asked_for(tmp_path: Path) -> None:
    from bench.generate import generate

    data = generate(tmp_path / "data", 130)
    whole = run("--data", str(data), "graph")
    assert whole.exit_code == 2 and whole.stdout == ""
    assert whole.stderr.startswith("iae : la carte compterait 142 postes, trop pour rester lisible (au plus 120)")
    route = run("--data", str(data), "graph", "--from", "travailleur-social", "--to", "directeur-reseau-insertion")
    assert route.exit_code == 0
    assert route.stdout.count('<g class="post') == 4  # the route's four posts, nothing else
    assert (
        route.stdout
        == run("--data", str(data), "path", "travailleur-social", "directeur-reseau-insertion", "-f", "svg").stdout
    )
    site = run("--data", str(data), "site", str(tmp_path / "site"))
    assert site.exit_code == 0
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "<svg" not in index and "La carte compterait 142 postes\u00a0: trop pour rester lisible." in index


def test_dot_and_mermaid_keep_hostile_titles_as_text() -> None:
    from iae_cli.careers import Edge
    from iae_cli.render.dot import digraph, quote
    from iae_cli.render.mermaid import flowchart

    hostile = 'a"]; evil [label="x\\\nb'
    assert quote(hostile) == '"a\\"]; evil [label=\\"x\\\\ b"'
    edge = Edge("x", "y", "inferred", ("27-30",))
    dot = digraph(["x", "y"], [edge], {"x": "direction-generale"}, lambda node: hostile)
    assert dot.count("evil [label=") == 2 and "\n  evil" not in dot  # only inside quoted labels
    assert '"x" -> "y" [style=dashed];' in dot
    mermaid = flowchart(["x", "y"], [edge], lambda node: hostile)
    assert '"' not in mermaid.split('["', 1)[1].split('"]', 1)[0]


def _depth(text: str) -> int:
    """How deep brackets nest in a text: « a (b) » is 1, « a (b (c)) » is 2."""
    deepest = depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        deepest = max(deepest, depth)
    return deepest


def test_compare_handout_names_posts_by_their_titles() -> None:
    result = run("compare", "charge-insertion", "directeur-entreprise-insertion", "-f", "markdown")
    assert result.exit_code == 0
    text = plain(result.stdout)
    assert text.startswith("# Chargé d'insertion → Directeur d'une entreprise d'insertion\n\n> " + STUDY_LINE)
    assert [post for post in POST_IDS if post in text] == [] and "Identifiant" not in text and "(p. " not in text
    assert "| Expérience | débutant accepté | 5 ans et plus, en général, dans le domaine : action sociale |" in text
    assert (
        "| Salaire | 25–30 k€ brut annuel (jeune diplômé ou jeune cadre, 2008), soit environ 32–39 k€ en euros de "
        "2025 | 35–50 k€ brut annuel (cadre confirmé, 2008), soit environ 45–65 k€ en euros de 2025 |"
    ) in text
    assert (
        "## Parcours\n\n- Chargé d'insertion\n  - Responsable d'un site d'insertion (passage déduit)\n"
        "    - Directeur d'une entreprise d'insertion (passage déduit)\n"
    ) in text
    assert "décembre 2008, pages 27-30, 43-46, 47-50.\n" in text


def test_compare_details_keep_ids_and_pages() -> None:
    text = plain(
        run("compare", "charge-insertion", "directeur-entreprise-insertion", "-f", "markdown", "--details").stdout
    )
    assert "| Identifiant | charge-insertion | directeur-entreprise-insertion |" in text
    assert "  - Responsable d'un site d'insertion \\[responsable-site-insertion\\] — déduit (p. 43-46)\n" in text
    assert "## Sources" in text and "## Sigles" in text


def test_compare_words_a_decisive_asset_in_a_sentence() -> None:
    text = plain(run("compare", "charge-insertion", "responsable-site-insertion", "-f", "markdown").stdout)
    assert (
        "| Expérience | débutant accepté | au moins 1 an selon le tableau de synthèse, mais l'étude tient 3 à 5 ans "
        "(action sociale) pour un atout déterminant |"
    ) in text


ORIENT = ("orient", "--bac", "DEES", "--years", "4", "--domaine", "insertion", "--envie", "diriger")


def test_orient_handout_lists_what_each_next_post_lacks_without_ids() -> None:
    result = run(*ORIENT, "--poste", "travailleur-social", "-f", "markdown")
    assert result.exit_code == 0
    text = plain(result.stdout)
    assert [post for post in POST_IDS if post in text] == [] and "(p. " not in text and "iae show" not in text
    assert (
        "| Responsable d'un site d'insertion (Encadrement de proximité) | 35–45 k€ (≈ 45–58 k€) | votre diplôme vaut "
        "« Diplôme de travail social », que la fiche accepte ; 4 ans ; l'étude tient 3 à 5 ans (action sociale) pour "
        "un atout déterminant ; assez proche de votre envie |"
    ) in text
    assert (
        "### Responsable de conseillers en microcrédit\n\n"
        "Encadrement de proximité ; très proche de votre envie.\n\n"
        "- Diplôme : bac+4 à 5 demandé, vous avez bac+2.\n"
        "- Expérience : il manque 3 ans ; la fiche demande 3 à 5 ans.\n"  # years in insertion are not in finance
        "- Domaine : la fiche demande une expérience en finance et/ou création d'entreprise ; la vôtre (insertion) "
        "n'y compte pas.\n"
        "- Atout selon l'étude (pas une condition) : management d'équipe et développement territorial.\n"
    ) in text
    assert (
        "- Travailleur social (animateur, éducateur…)\n  - Chargé d'insertion\n"
        "    - Responsable d'un site d'insertion (passage déduit)\n      - Directeur d'un réseau national d'insertion\n"
    ) in text
    assert "décembre 2008, pages 15-26, 21-26, 27-30, 31-34, 35-38, 39-42, 43-46, 47-50, 51-54.\n" in text
    assert max(_depth(line) for line in text.splitlines()) == 1  # no bracket inside a bracket


def test_orient_details_keep_ids_and_pages_without_nesting_brackets() -> None:
    text = plain(run(*ORIENT, "-f", "markdown", "--details").stdout)
    assert "| Chargé d'insertion (charge-insertion, Encadrement de proximité) |" in text
    assert (
        "### Directeur d'un réseau national d'insertion\n\ndirecteur-reseau-insertion ; Direction générale ; " in text
    )
    assert "(p. 51-54) ; la vôtre (insertion) n'y compte pas." in text
    assert max(_depth(line) for line in text.splitlines()) == 1


def test_path_handout_words_a_decisive_asset_as_the_terminal_does() -> None:
    text = plain(run("path", "charge-insertion", "directeur-reseau-insertion", "-f", "markdown").stdout)
    assert (
        "| 1 | Responsable d'un site d'insertion | bac+3 à 5, au moins 1 an selon le tableau de synthèse, mais "
        "l'étude tient 3 à 5 ans (action sociale) pour un atout déterminant |"
    ) in text
    assert "non exigée (" not in text


def test_graph_at_a_terminal_says_how_to_write_the_map_and_a_pipe_gets_it() -> None:
    from tests.screen import run_in_terminal

    screen = run_in_terminal(["graph", "--from", "charge-insertion"], 80)
    shown = " ".join(" ".join(screen.lines).split())
    assert screen.status == 2 and "<svg" not in shown
    assert "écrivez-la dans un fichier avec « iae graph --from charge-insertion > carte.svg »" in shown
    assert "pour lire les parcours ici : iae path charge-insertion" in shown
    mermaid = run_in_terminal(["graph", "-f", "mermaid"], 80)
    assert mermaid.status == 0 and mermaid.raw.startswith(b"flowchart")
    assert run("graph").stdout.startswith("<svg")  # a pipe or a file still gets the picture
