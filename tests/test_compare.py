"""`iae compare A B`: requirements side by side, the gap from A to B, shared words, the route."""

from __future__ import annotations

import json
from typing import Any

from iae_cli.compare import Item, own_items, shared_words, stems_of
from tests.conftest import DATA, run


def _json(*args: str) -> Any:
    result = run("compare", *args, "--format", "json")
    assert result.exit_code == 0 and result.stderr == "", result
    return json.loads(result.stdout)


def test_from_charge_insertion_to_director_takes_two_bac_levels_and_five_years() -> None:
    payload = _json("charge-insertion", "directeur-entreprise-insertion")
    assert payload["requirements"]["bac"] == {"a": 2, "b": 4, "to_add": 2}
    assert payload["requirements"]["years"] == {"a": 0, "b": 5, "to_add": 5}
    steps = ["charge-insertion", "responsable-site-insertion", "directeur-entreprise-insertion"]
    assert payload["route"]["steps"] == steps
    assert [e["kind"] for e in payload["route"]["edges"]] == ["inferred", "inferred"]
    assert payload["salary"]["a"]["min_keur"] == 25 and payload["salary"]["b"]["max_keur"] == 50


def test_the_skills_to_acquire_are_the_directors_own() -> None:
    payload = _json("charge-insertion", "directeur-entreprise-insertion")
    only_b = [item["text"] for item in payload["only_b"]]
    assert "Concevoir et faire évoluer les process de production" in only_b
    assert "Écouter et comprendre les situations d'exclusion" in [i["text"] for i in payload["only_a"]]
    assert {"insertion", "salariés", "recrutement"} <= set(payload["shared"])


def test_the_table_says_the_gap_the_route_and_the_skills() -> None:
    out = " ".join(run("compare", "charge-insertion", "directeur-entreprise-insertion").stdout.split())
    assert "Diplôme : 2 niveaux de plus (bac+4 à 5 demandé, bac+2 pour le premier poste)" in out
    assert "Expérience : 5 ans de plus que le minimum du premier poste" in out
    assert "dans le domaine : action sociale" in out
    assert "Responsable d'un site d'insertion [responsable-site-insertion] — déduit (p. 43-46)" in out
    assert "compétences : analyser l'environnement de l'entreprise et ses tendances" in out


def test_a_role_has_no_invented_requirements() -> None:
    payload = _json("travailleur-social", "charge-insertion")
    assert payload["a"] == {
        "kind": "role",
        "id": "travailleur-social",
        "title": "Travailleur social (animateur, éducateur…)",
        "note": "La fiche en parle comme d'une première expérience.",
    }
    assert payload["requirements"]["bac"] == {"a": None, "b": 2, "to_add": None}
    assert payload["only_a"] == [] and payload["only_b"] == [] and payload["shared"] == []
    assert payload["route"]["steps"] == ["travailleur-social", "charge-insertion"]
    out = " ".join(run("compare", "travailleur-social", "charge-insertion").stdout.split())
    assert "L'étude ne précise pas les exigences de « Travailleur social (animateur, éducateur…) »" in out


def test_names_are_read_as_show_reads_them() -> None:
    assert _json("Chargée d'insertion", "directeur-entreprise")["a"]["id"] == "charge-insertion"


def test_no_route_is_said() -> None:
    payload = _json("directeur-general-association", "charge-insertion")
    assert payload["route"] is None
    assert "Aucun parcours connu" in run("compare", "directeur-general-association", "charge-insertion").stdout


def test_an_unknown_name_is_a_usage_error() -> None:
    result = run("compare", "charge-insertion", "astronaute")
    assert result.exit_code == 2 and result.stderr.startswith("iae : ") and "astronaute" in result.stderr


def test_markdown_is_a_handout() -> None:
    out = run("compare", "charge-insertion", "directeur-entreprise-insertion", "-f", "markdown").stdout
    assert out.startswith("# Chargé d'insertion → Directeur d'une entreprise d'insertion")
    assert "## Pour passer du premier au second" in out


def test_an_item_is_its_posts_own_when_most_of_its_words_are_absent_from_the_other() -> None:
    other = stems_of([Item("compétences", "Recruter et accompagner les salariés")])
    mine = [Item("activités", "Accompagner le recrutement"), Item("activités", "Négocier avec les banques")]
    assert own_items(mine, other) == (mine[1],)
    assert shared_words(stems_of(mine), other) == ("accompagner", "recruter")


def test_pay_is_also_given_in_todays_euros_when_the_data_has_a_price_table() -> None:
    payload = _json("charge-insertion", "directeur-entreprise-insertion")
    today = payload["salary"]["a"]["today"]
    assert today["year"] >= 2024 and today["min_keur"] > 25 and today["max_keur"] > 30
    out = run("compare", "charge-insertion", "directeur-entreprise-insertion").stdout
    assert f"de {today['year']}" in out and "pas un salaire observé aujourd'hui" in " ".join(out.split())


def test_an_activity_that_points_back_is_shown_with_what_it_points_to() -> None:
    """« préparer avec eux » (p. 47-50) is about the public bodies of its group; « en faire des
    orientations » (p. 43-46) about the policy of the item before it."""
    only_a = [i["text"] for i in _json("charge-insertion", "responsable-site-insertion")["only_a"]]
    assert (
        "Travailler avec les organismes publics de l'insertion (ANPE, PLIE, DDTEFP) — se renseigner sur les "
        "candidatures des salariés en insertion ; préparer avec eux, par des contacts réguliers, la « sortie "
        "positive » des salariés"
    ) in only_a
    only_b = [i["text"] for i in _json("charge-insertion", "responsable-site-insertion")["only_b"]]
    assert any(t.startswith("Faire vivre et gérer le site — fixer la politique d'insertion du site") for t in only_b)
    from iae_cli.catalog import Catalog
    from iae_cli.compare import POINTS_BACK, items

    catalog = Catalog.open(DATA)
    shown = [item.text for fiche_id in catalog.summaries for item in items(catalog.fiche(fiche_id))]
    assert [t for t in shown if POINTS_BACK.search(t) and " — " not in t] == []


def test_points_back_is_read_in_its_group() -> None:
    from iae_cli.compare import activities_read_alone
    from iae_cli.model import ActivityGroup

    group = ActivityGroup(
        "Développer des actions", ("Repérer les initiatives", "Les mutualiser", "En tant que cadre, former")
    )
    assert activities_read_alone(group) == [
        "Développer des actions — repérer les initiatives ; les mutualiser",
        "En tant que cadre, former",
    ]
